package rnnlab.ui.gradcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.ui.FxWait;
import rnnlab.ui.layout.LayoutChecker;
import rnnlab.ui.layout.ScreenFit;
import rnnlab.ui.viewmodel.RunViewModel;

/**
 * The gradient check's text grows with the font size (issue 12): at 200 % text it was still 560 px wide and
 * wrapped every few words. Now it is {@link GradientCheckWindow#TEXT_EM} ems wide, at most the screen's width
 * less a margin. Screenshots target/screenshots/gradcheck-width-{100,200}.png.
 */
@ExtendWith(ApplicationExtension.class)
class GradientCheckWidthTest {
    private Stage stage;
    private RunViewModel vm;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        this.vm = new RunViewModel();
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            if (GradientCheckWindow.current() != null) {
                GradientCheckWindow.current().close();
            }
            return null;
        });
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    /** The width of the window's explanation text at this font size (px), its screenshot saved. */
    private double textWidthAt(double fontPx, String shot) throws Exception {
        double[] width = new double[1];
        FxWait.ignoringRenderThreadOverflow(() -> {
            GradientCheckWindow g = fx(() -> {
                Scene look = new Scene(new StackPane());
                look.getStylesheets().add(rnnlab.ui.controls.Theme.STYLESHEET);
                look.getStylesheets().add(Objects.requireNonNull(
                        GradientCheckWindow.class.getResource("/rnnlab/ui/theme/app.css")).toExternalForm());
                look.getRoot().setStyle("-fx-font-size: " + fontPx + "px;");
                GradientCheckHost host = new GradientCheckHost() {
                    @Override
                    public Stage stage() {
                        return stage;
                    }

                    @Override
                    public Scene scene() {
                        return look;
                    }

                    @Override
                    public boolean darkTheme() {
                        return false;
                    }

                    @Override
                    public RunViewModel viewModel() {
                        return vm;
                    }
                };
                return GradientCheckWindow.show(host);
            });
            FxWait.until(() -> g.isShowing() && !g.text("verdict").isEmpty()
                    && !g.text("verdict").equals(rnnlab.i18n.Messages.get("gradcheck.running")));
            WaitForAsyncUtils.waitForFxEvents();
            width[0] = fx(() -> {
                Scene s = g.content().getScene();
                s.getRoot().applyCss();
                s.getRoot().layout();
                VBox box = (VBox) s.getRoot().lookup("#gradcheck");
                Label how = (Label) box.getChildren().get(0);
                assertThat(how.getFont().getSize()).isEqualTo(fontPx);
                assertThat(LayoutChecker.check((Parent) s.getRoot(),
                        new javafx.geometry.BoundingBox(0, 0, s.getWidth(), s.getHeight()), 0)).isEmpty();
                return how.getWidth();
            });
            Files.createDirectories(Path.of("target/screenshots"));
            BufferedImage img = fx(() -> SwingFXUtils.fromFXImage(g.content().getScene().snapshot(null), null));
            ImageIO.write(img, "png", Path.of("target/screenshots/" + shot + ".png").toFile());
            fx(() -> {
                g.close();
                return null;
            });
        });
        return width[0];
    }

    @Test
    void theTextGrowsWithTheFontSize() throws Exception {
        double normal = textWidthAt(14, "gradcheck-width-100");
        double large = textWidthAt(28, "gradcheck-width-200");
        assertThat(normal).isBetween(500.0, 570.0);
        double screen = fx(() -> ScreenFit.usableBounds(stage).getWidth());
        // twice the ems at twice the size, or as wide as the screen leaves room for
        assertThat(large).isGreaterThan(Math.min(1.9 * normal, screen - GradientCheckWindow.SCREEN_MARGIN - 1));
        assertThat(large).isLessThanOrEqualTo(screen - GradientCheckWindow.SCREEN_MARGIN);
    }

    @Test
    void theTextFitsA1024PixelScreenAt200Percent() {
        assertThat(GradientCheckWindow.textWidth(14, 1920)).isEqualTo(560);
        assertThat(GradientCheckWindow.textWidth(28, 1920)).isEqualTo(1120);
        assertThat(GradientCheckWindow.textWidth(28, 1024)).isEqualTo(1024 - GradientCheckWindow.SCREEN_MARGIN);
        assertThat(GradientCheckWindow.textWidth(17.5, 1024)).isEqualTo(700);
    }
}
