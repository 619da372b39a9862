package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.session.Frame;
import rnnlab.session.FrameBuilder;
import rnnlab.ui.FxWait;
import rnnlab.ui.controls.LabCanvasSkin;

/**
 * A view nobody sees (its tile hidden, like a tile off the grid or a tab not selected) does no work when the
 * timeline steps, and catches up as soon as it shows again (issue 12, bench-ui: every view created used to
 * update and repaint at every step).
 */
class HiddenViewSkipTest extends ViewTestBase {

    @Test
    void aHiddenViewNeitherUpdatesNorRepaintsOnStepsAndCatchesUpWhenShown() throws Exception {
        String text = "the quick brown fox jumps over the lazy dog";
        Frame f = FrameBuilder.build(ViewFixtures.run(CellType.LSTM, 8, text, 10, 1.0, 3));
        Frame next = FrameBuilder.build(ViewFixtures.run(CellType.LSTM, 8, text, 11, 1.0, 3));
        Frame after = FrameBuilder.build(ViewFixtures.run(CellType.LSTM, 8, text, 12, 1.0, 3));
        assertThat(next.time()).isNotEqualTo(f.time());
        UnrolledView view = new UnrolledView();
        ViewContext ctx = show(view, f, 640, 400);
        StackPane tile = new StackPane();
        interact(() -> {
            tile.getChildren().add(view.node());
            root.getChildren().setAll(tile);
            root.layout();
        });
        // shown: a step updates the control and repaints it
        interact(() -> ctx.frameProperty().set(next));
        FxWait.until(() -> view.control().getCurrentStep() == next.time());
        long before = FxWait.fx(() -> skinOf(view).redraws());
        interact(() -> ctx.frameProperty().set(f));
        FxWait.until(() -> view.control().getCurrentStep() == f.time() && skinOf(view).redraws() > before);

        // hidden: steps change nothing and paint nothing, across several pulses
        interact(() -> tile.setVisible(false));
        long hiddenAt = FxWait.fx(() -> skinOf(view).redraws());
        for (Frame step : new Frame[] {next, after, next}) {
            interact(() -> ctx.frameProperty().set(step));
            interact(() -> ctx.stepProgressProperty().set(0.5));
            interact(() -> ctx.stepProgressProperty().set(1.0));
        }
        for (int k = 0; k < 5; k++) {
            interact(() -> root.requestLayout());
            Thread.sleep(40);
        }
        assertThat(FxWait.fx(() -> view.control().getCurrentStep())).isEqualTo(f.time());
        assertThat(FxWait.fx(() -> skinOf(view).redraws())).isEqualTo(hiddenAt);

        // shown again: the last step's numbers, painted
        interact(() -> tile.setVisible(true));
        FxWait.until(() -> view.control().getCurrentStep() == next.time() && skinOf(view).redraws() > hiddenAt);
    }

    @Test
    void aViewInATabNotSelectedCatchesUpWhenItsTabIsSelected() throws Exception {
        String text = "the quick brown fox jumps over the lazy dog";
        Frame f = FrameBuilder.build(ViewFixtures.run(CellType.LSTM, 8, text, 10, 1.0, 3));
        Frame next = FrameBuilder.build(ViewFixtures.run(CellType.LSTM, 8, text, 11, 1.0, 3));
        UnrolledView view = new UnrolledView();
        ViewContext ctx = show(view, f, 640, 400);
        javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane();
        javafx.scene.control.Tab other = new javafx.scene.control.Tab("1", new StackPane());
        javafx.scene.control.Tab mine = new javafx.scene.control.Tab("2");
        interact(() -> {
            tabs.getTabs().addAll(other, mine);
            tabs.setPrefSize(700, 500);
            root.getChildren().setAll(tabs);
            mine.setContent(view.node());
            tabs.getSelectionModel().select(other);
            root.applyCss();
            root.layout();
        });
        FxWait.until(() -> view.control().isHidden());
        interact(() -> ctx.frameProperty().set(next));
        for (int k = 0; k < 3; k++) {
            interact(() -> root.requestLayout());
            Thread.sleep(40);
        }
        assertThat(FxWait.fx(() -> view.control().getCurrentStep())).isEqualTo(f.time());
        interact(() -> tabs.getSelectionModel().select(mine));
        FxWait.until(() -> !view.control().isHidden() && view.control().getCurrentStep() == next.time());
    }

    private static LabCanvasSkin<?> skinOf(LabView view) {
        return skin(view);
    }
}
