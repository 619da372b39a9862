package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.ui.shell.MainWindow;

/** Eight views (as many as the catalog will have) tile in a 3 × 3 grid, each bound to the same frame. */
@ExtendWith(ApplicationExtension.class)
class ManyViewsTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        List<LabView> views = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            views.add(new TestLabView("view.v" + i));
        }
        window = new MainWindow(stage, views);
        stage.setWidth(1280);
        stage.setHeight(720);
        stage.show();
    }

    @Test
    void eightViewsFillThreeRowsAndAllFollowTheCursor(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().frameProperty().get() != null);
        // the first four start visible, in a 2 × 2 grid
        assertThat(window.visibleViews()).containsExactly("view.v1", "view.v2", "view.v3", "view.v4");
        Bounds a = bounds(robot, "#tile-view-v1");
        Bounds b = bounds(robot, "#tile-view-v3");
        assertThat(b.getMinX()).isEqualTo(a.getMinX());
        assertThat(b.getMinY()).isGreaterThan(a.getMaxY());
        robot.interact(() -> window.showViews(List.of("view.v1", "view.v2", "view.v3", "view.v4", "view.v5", "view.v6",
                "view.v7", "view.v8")));
        robot.clickOn("#views");
        robot.type(javafx.scene.input.KeyCode.RIGHT);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.viewModel().positionProperty().get() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        Bounds first = bounds(robot, "#tile-view-v1");
        Bounds second = bounds(robot, "#tile-view-v2");
        Bounds third = bounds(robot, "#tile-view-v3");
        Bounds fourth = bounds(robot, "#tile-view-v4");
        Bounds fifth = bounds(robot, "#tile-view-v5");
        Bounds eighth = bounds(robot, "#tile-view-v8");
        Bounds area = bounds(robot, "#views");
        // three rows and no empty cell (issue 12; before, 3 x 3 with the last cell empty): at 1280x720 beside the side
        // panel the first two views share the top row, each a cell and a half wide; the other six fill two rows of three
        assertThat(second.getMinY()).isEqualTo(first.getMinY());
        assertThat(second.getMinX()).isGreaterThan(first.getMaxX());
        assertThat(third.getMinX()).isEqualTo(first.getMinX());
        assertThat(third.getMinY()).isGreaterThan(first.getMaxY());
        assertThat(fourth.getMinY()).isEqualTo(third.getMinY());
        assertThat(fourth.getMinX()).isGreaterThan(third.getMaxX());
        assertThat(fifth.getMinY()).isEqualTo(third.getMinY());
        assertThat(eighth.getMinY()).isGreaterThan(fifth.getMaxY());
        assertThat(eighth.getMaxX()).isCloseTo(second.getMaxX(), org.assertj.core.api.Assertions.within(1.0));
        assertThat(eighth.getMaxX()).isGreaterThan(area.getMaxX() - 20);
        assertThat(first.getWidth()).isGreaterThan(third.getWidth() * 1.4);
        assertThat(third.getWidth()).isGreaterThan(250);
        assertThat(eighth.getHeight()).isGreaterThan(150);
        for (int i = 1; i <= 8; i++) {
            javafx.scene.control.Label l = robot.lookup("#view-v" + i + "-label").queryAs(javafx.scene.control.Label.class);
            assertThat(l.getText()).isEqualTo("t=0 H=3 pos=1");
        }
        java.awt.image.BufferedImage img = WaitForAsyncUtils.asyncFx(
                () -> SwingFXUtils.fromFXImage(window.scene().snapshot(null), null)).get();
        Path out = Path.of("target/screenshots/main-window-8-views.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(img, "png", out.toFile());
    }

    private static Bounds bounds(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        return n.localToScene(n.getBoundsInLocal());
    }
}
