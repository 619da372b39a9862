package rnnlab.ui.layout;

import static rnnlab.ui.FxWait.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.ui.TestWindows;
import rnnlab.ui.compare.CompareWindow;
import rnnlab.ui.shell.MainWindow;

/** The compare and length-experiment windows fit a 1024×768 projector with their buttons reachable. */
@ExtendWith(ApplicationExtension.class)
class ScreenFitTest {
    private static final Rectangle2D PROJECTOR = new Rectangle2D(0, 0, 1024, 768);
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, 1024, 768);
    }

    @Test
    void preferredSizesShrinkToTheScreen() {
        Dimension2D d = ScreenFit.fit(1280, 720, PROJECTOR);
        assertThat(d.getWidth()).isEqualTo(1024 - ScreenFit.FRAME_W);
        assertThat(d.getHeight()).isEqualTo(720);
        Dimension2D e = ScreenFit.fit(1180, 700, new Rectangle2D(0, 0, 1024, 600));
        assertThat(e.getWidth()).isEqualTo(1024 - ScreenFit.FRAME_W);
        assertThat(e.getHeight()).isEqualTo(600 - ScreenFit.FRAME_H);
        Dimension2D big = ScreenFit.fit(1280, 720, new Rectangle2D(0, 0, 1920, 1080));
        assertThat(big.getWidth()).isEqualTo(1280);
        assertThat(big.getHeight()).isEqualTo(720);
    }

    /** Shrinks a window to what {@link ScreenFit} gives it on a 1024×768 screen; every listed node inside the scene. */
    private void assertReachableAt1024(Window w, String... ids) throws Exception {
        Dimension2D d = ScreenFit.fit(1280, 720, PROJECTOR);
        fx(() -> {
            w.setWidth(d.getWidth());
            w.setHeight(d.getHeight());
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : ids) {
            Bounds b = fx(() -> {
                Scene s = w.getScene();
                s.getRoot().applyCss();
                s.getRoot().layout();
                Node n = s.lookup("#" + id);
                assertThat(n).as(id).isNotNull();
                return n.localToScene(n.getBoundsInLocal());
            });
            double sw = fx(() -> w.getScene().getWidth());
            double sh = fx(() -> w.getScene().getHeight());
            assertThat(b.getMaxX()).as(id + " right edge in a " + sw + " wide scene").isLessThanOrEqualTo(sw);
            assertThat(b.getMaxY()).as(id + " bottom edge in a " + sh + " high scene").isLessThanOrEqualTo(sh);
            assertThat(b.getWidth()).as(id + " width").isGreaterThan(10);
        }
    }

    @Test
    void compareWindowButtonsAreReachableAt1024(FxRobot robot) throws Exception {
        CompareWindow c = fx(() -> window.showComparison());
        assertThat(fx(() -> c.stage().getScene().getWidth())).isLessThanOrEqualTo(
                fx(() -> ScreenFit.usableBounds(window.stage()).getWidth()));
        assertReachableAt1024(c.stage(), "compare-play", "compare-stepForward", "compare-position");
    }

    @Test
    void experimentWindowRunIsReachableAt1024(FxRobot robot) throws Exception {
        fx(() -> {
            window.training().showExperiment();
            return null;
        });
        Window exp = fx(() -> Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup("#experiment") != null).findFirst().orElseThrow());
        assertReachableAt1024(exp, "experiment-run", "experiment-cancel");
    }
}
