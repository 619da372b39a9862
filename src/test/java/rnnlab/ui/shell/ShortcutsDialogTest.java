package rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.i18n.Messages;
import rnnlab.ui.FxWait;
import rnnlab.ui.layout.LayoutChecker;

/**
 * Help ▸ Keyboard shortcuts (F1) on a 1024×768 and a 1920×1080 screen, at 100 % and 200 % text, in English and
 * Chinese (issue 12): no key is cut ("Ctrl+Plus / Ctrl+…" was, at 1024×768), every key label is as wide as its
 * text, the layout checker finds nothing clipped or overlapping, and the dialog is no wider or taller than the
 * screen. Screenshots target/screenshots/shortcuts-{en,zh}-{1024x768,1920x1080}-{100,200}.png.
 */
@ExtendWith(ApplicationExtension.class)
class ShortcutsDialogTest {
    private static final int[][] SCREENS = {{1024, 768}, {1920, 1080}};
    private static final double[] SCALES = {1.0, 2.0};
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @AfterAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    @Test
    void noKeyIsCutAtAnyScreenSizeFontSizeOrLanguage() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Locale lang : List.of(Locale.ENGLISH, Locale.CHINESE)) {
            for (int[] screen : SCREENS) {
                for (double scale : SCALES) {
                    problems.addAll(check(lang, screen[0], screen[1], scale));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Shows the dialog for this screen, text size and language; what is wrong with it. */
    private List<String> check(Locale lang, int width, int height, double scale) throws Exception {
        String name = "shortcuts-" + lang.getLanguage() + "-" + width + "x" + height + "-" + Math.round(scale * 100);
        List<String> out = new ArrayList<>();
        Alert[] shown = new Alert[1];
        FxWait.ignoringRenderThreadOverflow(() -> {
            shown[0] = fx(() -> {
                Messages.setLocale(lang);
                Scene look = new Scene(new StackPane());
                look.getStylesheets().add(rnnlab.ui.controls.Theme.STYLESHEET);
                look.getStylesheets().add(Objects.requireNonNull(
                        Appearance.class.getResource("/rnnlab/ui/theme/app.css")).toExternalForm());
                look.getRoot().setStyle(Appearance.style(scale));
                Alert a = ShortcutsDialog.create(MainMenu.SHORTCUTS, look, false, stage,
                        new Rectangle2D(0, 0, width, height));
                a.show();
                return a;
            });
            Alert a = shown[0];
            FxWait.until(() -> a.getDialogPane().getScene() != null && a.getDialogPane().getScene().getWidth() > 0);
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(200);
            WaitForAsyncUtils.waitForFxEvents();
            out.addAll(fx(() -> {
                List<String> p = new ArrayList<>();
                Scene scene = a.getDialogPane().getScene();
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                if (scene.getWidth() > width - ShortcutsDialog.MARGIN_W + 0.5) {
                    p.add(name + ": dialog " + scene.getWidth() + " px wide on a " + width + " px screen");
                }
                if (scene.getHeight() > height - ShortcutsDialog.MARGIN_H + 0.5) {
                    p.add(name + ": dialog " + scene.getHeight() + " px tall on a " + height + " px screen");
                }
                GridPane grid = (GridPane) scene.getRoot().lookup("#shortcuts");
                int keys = 0;
                for (Node n : grid.getChildren()) {
                    if (GridPane.getColumnIndex(n) == 0) {
                        keys++;
                        Label k = (Label) n;
                        if (k.getWidth() < k.prefWidth(-1) - 0.5) {
                            p.add(name + ": key \"" + k.getText() + "\" " + k.getWidth() + " px of " + k.prefWidth(-1));
                        }
                    }
                }
                if (keys != MainMenu.SHORTCUTS.length) {
                    p.add(name + ": " + keys + " keys listed of " + MainMenu.SHORTCUTS.length);
                }
                for (LayoutChecker.Problem q : LayoutChecker.check((Parent) scene.getRoot(),
                        new javafx.geometry.BoundingBox(0, 0, scene.getWidth(), scene.getHeight()))) {
                    p.add(name + ": " + q);
                }
                return p;
            }));
            Files.createDirectories(Path.of("target/screenshots"));
            BufferedImage img = fx(() -> SwingFXUtils.fromFXImage(a.getDialogPane().getScene().snapshot(null), null));
            ImageIO.write(img, "png", Path.of("target/screenshots/" + name + ".png").toFile());
            fx(() -> {
                a.close();
                return null;
            });
        });
        return out;
    }
}
