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

    /** Under openbox on Xvfb (1024×768): what windows opened at, and what {@link ScreenFit#repair} makes of it. */
    @Test
    void aLostSizeBecomesThePreferredSizeAndATitleBarOffTheScreenComesBack() {
        // the gradient check: 202 × 225 at (−1, −20) (scene 200 × 200, preferred 584 × 620)
        Rectangle2D g = ScreenFit.repair(new Rectangle2D(-1, -20, 202, 225), new Dimension2D(200, 200), 584,
                w -> 620, PROJECTOR);
        assertThat(g).isEqualTo(new Rectangle2D(0, 0, 586, 645));
        // the lesson list: 846 × 147 (scene 844 × 122, preferred height 640): only the height was lost
        Rectangle2D l = ScreenFit.repair(new Rectangle2D(57, 0, 846, 147), new Dimension2D(844, 122), 844,
                w -> 640, PROJECTOR);
        assertThat(l).isEqualTo(new Rectangle2D(57, 0, 846, 665));
        // a dialog a little short of its preferred height (the gradient check at 1920 × 1080: 402 for 420, its
        // Close button cut): a dialog's content does not scroll, so any shortfall is lost; a window keeps it
        Rectangle2D hd = new Rectangle2D(0, 0, 1920, 1080);
        Rectangle2D gc = new Rectangle2D(427, 168, 586, 427);
        assertThat(ScreenFit.repair(gc, new Dimension2D(584, 402), 584, w -> 420, hd, true))
                .isEqualTo(new Rectangle2D(427, 168, 586, 445));
        assertThat(ScreenFit.repair(gc, new Dimension2D(584, 402), 584, w -> 420, hd, false)).isEqualTo(gc);
        // preferred taller than the screen: as tall as the screen allows
        Rectangle2D t = ScreenFit.repair(new Rectangle2D(10, 10, 502, 125), new Dimension2D(500, 100), 500,
                w -> 2000, PROJECTOR);
        assertThat(t).isEqualTo(new Rectangle2D(10, 0, 502, 768));
    }

    @Test
    void aWindowSizedOnPurposeKeepsItsSizeAndPlace() {
        // the glossary: smaller than its (unwrapped) preferred size on purpose, inside the screen
        Rectangle2D glossary = new Rectangle2D(79, 68, 866, 565);
        assertThat(ScreenFit.repair(glossary, new Dimension2D(864, 540), 3674, w -> 1191, PROJECTOR)).isEqualTo(glossary);
        // a small utility window at its preferred size
        Rectangle2D pin = new Rectangle2D(300, 200, 262, 185);
        assertThat(ScreenFit.repair(pin, new Dimension2D(260, 160), 260, w -> 160, PROJECTOR)).isEqualTo(pin);
        // a window hanging off the right edge but with its title bar on the screen stays where the user put it
        Rectangle2D right = new Rectangle2D(700, 100, 602, 425);
        assertThat(ScreenFit.repair(right, new Dimension2D(600, 400), 600, w -> 400, PROJECTOR)).isEqualTo(right);
        // its top-left corner off the screen: moved inside
        assertThat(ScreenFit.repair(new Rectangle2D(1000, 100, 602, 425), new Dimension2D(600, 400), 600, w -> 400,
                PROJECTOR)).isEqualTo(new Rectangle2D(422, 100, 602, 425));
    }

    @Test
    void aDialogTallerThanTheScreenScrollsAndAWindowOpenedTooSmallGrows() throws Exception {
        double screenH = fx(() -> ScreenFit.usableBounds(window.stage()).getHeight());
        // a dialog whose content is twice as tall as the screen: its content scrolls and it fits the screen
        javafx.scene.control.Alert a = fx(() -> {
            javafx.scene.layout.VBox rows = new javafx.scene.layout.VBox();
            rows.setId("tall-content");
            javafx.scene.layout.Region r = new javafx.scene.layout.Region();
            r.setPrefSize(400, screenH * 2);
            rows.getChildren().add(r);
            javafx.scene.control.Alert d = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.NONE, "",
                    javafx.scene.control.ButtonType.CLOSE);
            d.getDialogPane().setContent(rows);
            d.initOwner(window.stage());
            d.show();
            return d;
        });
        Stage ds = fx(() -> (Stage) a.getDialogPane().getScene().getWindow());
        fx(() -> {
            ScreenFit.fitShown(ds);
            return null;
        });
        assertThat(fx(() -> a.getDialogPane().getContent())).isInstanceOf(javafx.scene.control.ScrollPane.class);
        // what the repair decides: the content scrolls in a viewport that leaves the dialog within the screen.
        // (The stage's own height is not asserted here: under Monocle it follows resize events the platform
        // posts, and in about half of the runs in a full suite it stayed at the first size, 1681 px; on a real
        // window manager the keyboard-shortcuts dialog at 1024 × 768 was checked to scroll with Close visible.)
        double viewport = fx(() -> ((javafx.scene.control.ScrollPane) a.getDialogPane().getContent()).getPrefViewportHeight());
        assertThat(viewport).isBetween(80.0, screenH - 40);
        Bounds close = fx(() -> {
            ds.getScene().getRoot().applyCss();
            ds.getScene().getRoot().layout();
            Node b = a.getDialogPane().lookupButton(javafx.scene.control.ButtonType.CLOSE);
            return b.localToScene(b.getBoundsInLocal());
        });
        assertThat(close.getMaxY()).isLessThanOrEqualTo(fx(() -> ds.getScene().getHeight()));
        assertThat(close.getMinY()).isGreaterThan(0);
        fx(() -> {
            a.close();
            return null;
        });
        // a secondary window that lost its size (200 × 120 for content preferring 500 × 400) is given it back
        // by the watcher MainWindow installs, as it is shown
        Stage small = fx(() -> {
            javafx.scene.layout.Region content = new javafx.scene.layout.Region();
            content.setPrefSize(500, 400);
            Stage st = new Stage();
            st.initOwner(window.stage());
            st.setScene(new Scene(new javafx.scene.layout.StackPane(content), 200, 120));
            st.show();
            return st;
        });
        rnnlab.ui.FxWait.until(() -> small.getScene().getWidth() >= 500 && small.getScene().getHeight() >= 400);
        fx(() -> {
            small.close();
            return null;
        });
    }
}
