package rnnlab.ui.shell;

import static rnnlab.ui.FxWait.fx;
import static rnnlab.ui.FxWait.until;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.ui.TestWindows;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.views.ValuesTable;
import rnnlab.ui.views.ValuesTableNode;

/**
 * A keyboard-only session: Tab to a view, step with →, pick a unit with ↓, open the view's values
 * table with T, walk on with Tab, and reach the timeline's buttons — no mouse after the window opens.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardFlowTest {
    private MainWindow window;
    private RunViewModel vm;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, 1280, 800);
        vm = window.viewModel();
    }

    private String focusId() throws Exception {
        return fx(() -> {
            Node n = window.scene().getFocusOwner();
            return n == null ? null : n.getId();
        });
    }

    /** Presses Tab until the node with this id has the focus (at most 40 times); true if reached. */
    private boolean tabTo(FxRobot robot, String id, boolean back) throws Exception {
        for (int i = 0; i < 40; i++) {
            if (id.equals(focusId())) {
                return true;
            }
            if (back) {
                robot.push(KeyCode.SHIFT, KeyCode.TAB);
            } else {
                robot.type(KeyCode.TAB);
            }
            WaitForAsyncUtils.waitForFxEvents();
        }
        return id.equals(focusId());
    }

    private void shoot(String viewId, String name) throws Exception {
        WritableImage img = fx(() -> window.viewsArea().tile(viewId).snapshot(null, null));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve(name + ".png").toFile());
    }

    @Test
    void stepPickAUnitAndReadTheValuesWithTheKeyboardOnly(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        fx(() -> {
            vm.cellTypeProperty().set("lstm");
            vm.hiddenSizeProperty().set(8);
            window.showViewsByHand(List.of("view.heatmap", "view.lstm", "view.output", "view.formulas"));
            return null;
        });
        until(() -> vm.frameProperty().get() != null && vm.frameProperty().get().isLstm()
                && vm.frameProperty().get().hiddenSize() == 8);
        // Tab reaches the LSTM view's tile, which shows a focus ring
        assertThat(tabTo(robot, "tile-view-lstm", false)).isTrue();
        assertThat(fx(() -> window.viewsArea().tile("view.lstm").getPseudoClassStates().toString())).contains("view-focus");
        // → steps while a view has the focus
        robot.type(KeyCode.RIGHT, 3);
        until(() -> vm.positionProperty().get() == 3);
        // ↓ ↓ ↑ ↓ selects unit 2 in every view
        robot.type(KeyCode.DOWN, 2).type(KeyCode.UP).type(KeyCode.DOWN);
        assertThat(fx(() -> window.context().selectedUnitProperty().get())).isEqualTo(2);
        // G picks the next gate (i f g o), L the next layer (one layer here: stays)
        String gate = fx(() -> window.context().selectedGateProperty().get());
        robot.type(KeyCode.G);
        assertThat(fx(() -> window.context().selectedGateProperty().get())).isNotEqualTo(gate).isIn("i", "f", "g", "o");
        robot.type(KeyCode.L);
        assertThat(fx(() -> window.context().selectedLayerProperty().get())).isZero();
        // T: the LSTM tile shows its numbers as a table, one row per unit, at the shown step
        robot.type(KeyCode.T);
        assertThat(fx(() -> window.valuesTables().shown("view.lstm"))).isTrue();
        ValuesTableNode lstm = fx(() -> window.viewsArea().table("view.lstm"));
        until(() -> lstm.table().getItems().size() == 8);
        assertThat(fx(lstm::caption)).startsWith("Step 3,");
        // the table follows the frame: → to step 4
        robot.type(KeyCode.RIGHT);
        until(() -> vm.positionProperty().get() == 4);
        until(() -> lstm.caption().startsWith("Step 4,"));
        String f = fx(() -> lstm.table().getItems().get(2).get(lstm.table().getColumns().indexOf(
                lstm.table().getColumns().stream().filter(c -> c.getText().startsWith("f_t")).findFirst().orElseThrow())));
        double fv = vm.frameProperty().get().layer(0, 0).gates()[1][3][2];
        assertThat(f).isEqualTo(ValuesTable.num(fv));
        // Tab moves on to the next tiles; T on each shows its table too
        assertThat(tabTo(robot, "tile-view-heatmap", true)).isTrue();
        robot.type(KeyCode.T);
        assertThat(tabTo(robot, "tile-view-output", false)).isTrue();
        robot.type(KeyCode.T);
        until(() -> window.viewsArea().table("view.output") != null
                && !window.viewsArea().table("view.output").table().getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        // only the focused tile (output) shows the focus ring
        assertThat(fx(() -> window.viewsArea().tile("view.lstm").getPseudoClassStates().toString())).doesNotContain("view-focus");
        assertThat(fx(() -> window.viewsArea().tile("view.output").getPseudoClassStates().toString())).contains("view-focus");
        shoot("view.lstm", "values-lstm");
        shoot("view.heatmap", "values-heatmap");
        shoot("view.output", "values-output");
        // the same in the dark theme: the table and the focus ring stay readable
        fx(() -> {
            window.context().darkThemeProperty().set(true);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        shoot("view.output", "values-output-dark");
        shoot("view.lstm", "values-lstm-dark");
        // Ctrl+Shift+V with the output view focused hides its table again
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V);
        until(() -> !window.valuesTables().shown("view.output"));
        // and Tab reaches the timeline; Space on the focused play button plays
        assertThat(tabTo(robot, "timeline-play", false)).isTrue();
        robot.type(KeyCode.SPACE);
        until(() -> vm.playingProperty().get());
        robot.type(KeyCode.SPACE);
        until(() -> !vm.playingProperty().get());
        // Tab goes round: timeline, the side panel (Tab leaves the sequence text), and the views again
        int before = fx(() -> vm.sequenceTextProperty().get().length());
        assertThat(tabTo(robot, "sequence-text", false)).isTrue();
        assertThat(tabTo(robot, "tile-view-heatmap", false)).isTrue();
        assertThat(fx(() -> vm.sequenceTextProperty().get().length())).isEqualTo(before);
    }
}
