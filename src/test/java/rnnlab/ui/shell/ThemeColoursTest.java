package rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;
import static rnnlab.ui.FxWait.until;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.ui.TestWindows;
import rnnlab.ui.controls.Theme;

/**
 * The window's colours come from rnnlab.ui.controls.Theme (the generated stylesheet) in the light, dark
 * and projector themes: the window background and a label's text are exactly the theme's -rl-bg and
 * -rl-text (a name the stylesheet could not resolve would leave Modena's default). Saves
 * target/screenshots/theme-{light,dark,projector}.png of the main window with every view, to look at.
 */
@ExtendWith(ApplicationExtension.class)
class ThemeColoursTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, 1280, 800);
    }

    @Test
    void everyThemeResolvesItsColoursFromTheOneDefinition(FxRobot robot) throws Exception {
        until(() -> window.viewModel().frameProperty().get() != null);
        check(robot, "light", false, false, Theme.LIGHT);
        check(robot, "dark", true, false, Theme.DARK);
        check(robot, "projector", false, true, Theme.PROJECTOR);
    }

    private void check(FxRobot robot, String name, boolean dark, boolean projector, Theme expected) throws Exception {
        fx(() -> {
            window.context().darkThemeProperty().set(dark);
            window.context().projectorThemeProperty().set(projector);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        Region root = (Region) window.scene().getRoot();
        Color bg = fx(() -> (Color) root.getBackground().getFills().get(0).getFill());
        assertThat(bg).as("%s: window background", name).isEqualTo(expected.css("-rl-bg"));
        Label title = robot.lookup(".panel-title").queryAs(Label.class);
        assertThat(fx(() -> title.getTextFill())).as("%s: label text", name).isEqualTo(expected.css("-rl-text"));
        BufferedImage img = fx(() -> SwingFXUtils.fromFXImage(window.scene().snapshot(null), null));
        Path out = Path.of("target/screenshots/theme-" + name + ".png");
        Files.createDirectories(out.getParent());
        ImageIO.write(img, "png", out.toFile());
    }
}
