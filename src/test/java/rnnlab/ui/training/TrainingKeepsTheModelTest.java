package rnnlab.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.session.Frame;
import rnnlab.ui.TestWindows;
import rnnlab.ui.shell.MainWindow;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.viewmodel.TrainingViewModel;
import rnnlab.ui.viewmodel.TrainingViewModel.State;

/**
 * Issue 12: F6 trains the model the teacher is looking at when it fits the task; when the task needs
 * another model it says so, the views follow that model while it trains, and the teacher's model and
 * sequence come back when training ends (F6 used to leave a binary-addition model and a numeric
 * sequence behind, refusing typed text).
 */
@ExtendWith(ApplicationExtension.class)
class TrainingKeepsTheModelTest {
    private MainWindow window;
    private RunViewModel vm;
    private TrainingViewModel tvm;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, 1280, 720);
        vm = window.viewModel();
        tvm = window.training().viewModel();
    }

    @AfterEach
    void stop() throws Exception {
        fx(() -> {
            tvm.shutdown();
            return null;
        });
        tvm.awaitEnd();
    }

    private static void until(int seconds, Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(c));
    }

    private static double weightSum(Frame f) {
        return f.weights().values().stream().flatMap(Arrays::stream).flatMapToDouble(Arrays::stream).map(Math::abs).sum();
    }

    @Test
    void aTaskThatNeedsAnotherModelSaysSoAndGivesTheTeachersModelBack(FxRobot robot) throws Exception {
        until(10, () -> vm.frameProperty().get() != null);
        fx(() -> {
            vm.cellTypeProperty().set("lstm");
            vm.hiddenSizeProperty().set(8);
            vm.sequenceTextProperty().set("hello");
            return null;
        });
        until(10, () -> vm.frameProperty().get().hiddenSize() == 8 && "lstm".equals(vm.cellTypeProperty().get()));
        Thread.sleep(300);
        double before = weightSum(fx(() -> vm.frameProperty().get()));
        fx(() -> {
            tvm.taskProperty().set("binary-addition");
            tvm.stepsProperty().set(300);
            return null;
        });
        // Train ▸ Start (F6): the menu item the key fires
        fx(() -> {
            javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) window.scene().lookup(".menu-bar");
            bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                    .filter(i -> "menu-train-start".equals(i.getId())).findFirst().orElseThrow().fire();
            return null;
        });
        until(10, () -> tvm.stateProperty().get().active() || tvm.stateProperty().get() == State.COMPLETED);
        assertThat(fx(() -> tvm.statusProperty().get()))
                .isEqualTo("binary-addition needs a model of its own (inputs: 2, outputs: 1), so a new RNN (tanh) with 16 units trains and the views "
                        + "follow it; your model and sequence come back when training ends.");
        // the views follow the task's model while it trains
        until(10, () -> vm.frameProperty().get().hiddenSize() == 16 || tvm.stateProperty().get() == State.COMPLETED);
        until(60, () -> tvm.stateProperty().get() == State.COMPLETED);
        assertThat(fx(() -> tvm.statusProperty().get())).endsWith("Your model and sequence are back.");
        // the teacher's model and sequence are back: LSTM, 8 units, "hello", the same weights
        until(10, () -> vm.frameProperty().get().hiddenSize() == 8);
        assertThat(fx(() -> vm.cellTypeProperty().get())).isEqualTo("lstm");
        assertThat(fx(() -> vm.sequenceTextProperty().get())).isEqualTo("hello");
        assertThat(weightSum(fx(() -> vm.frameProperty().get()))).isEqualTo(before);
        assertThat(fx(() -> vm.statusProperty().get())).isEqualTo("Your model and sequence are back.");
        // typing text works again
        fx(() -> {
            vm.sequenceTextProperty().set("hello world");
            return null;
        });
        // 11 characters, 10 steps (each predicts the next character)
        until(10, () -> vm.frameProperty().get().length() == 10);
        assertThat(fx(() -> vm.errorProperty().get())).isNull();
    }

    @Test
    void aModelThatFitsTheTaskIsTheOneTrained(FxRobot robot) throws Exception {
        until(10, () -> vm.frameProperty().get() != null);
        fx(() -> {
            vm.loadModel(Path.of("lessons", "models", "binary-addition.model.json"));
            return null;
        });
        until(10, () -> vm.frameProperty().get().inputSize() == 2);
        Thread.sleep(300);
        Frame loaded = fx(() -> vm.frameProperty().get());
        String sequence = fx(() -> vm.sequenceTextProperty().get());
        String cell = fx(() -> vm.cellTypeProperty().get());
        fx(() -> {
            tvm.taskProperty().set("binary-addition");
            tvm.hiddenProperty().set(loaded.hiddenSize() + 5); // the panel's size is not what trains
            tvm.stepsProperty().set(200);
            tvm.start();
            return null;
        });
        until(10, () -> tvm.stateProperty().get() != State.IDLE);
        assertThat(fx(() -> tvm.statusProperty().get())).startsWith("Training the model on screen (")
                .contains(loaded.hiddenSize() + " units) on binary-addition");
        until(60, () -> tvm.stateProperty().get() == State.COMPLETED);
        Thread.sleep(500);
        Frame after = fx(() -> vm.frameProperty().get());
        // the same model, trained further: same shape and sequence, other weights
        assertThat(after.hiddenSize()).isEqualTo(loaded.hiddenSize());
        assertThat(fx(() -> vm.cellTypeProperty().get())).isEqualTo(cell);
        assertThat(fx(() -> vm.sequenceTextProperty().get())).isEqualTo(sequence);
        assertThat(weightSum(after)).isNotEqualTo(weightSum(loaded));
        assertThat(fx(() -> tvm.statusProperty().get())).doesNotContain("back");
    }

    /** Keys go to the main window: other windows (left by earlier tests) hidden, the main one focused. */
    private void focusMain(FxRobot robot) throws Exception {
        fx(() -> {
            for (javafx.stage.Window other : new java.util.ArrayList<>(javafx.stage.Window.getWindows())) {
                if (other != window.stage() && !(other instanceof javafx.stage.PopupWindow)) {
                    other.hide();
                }
            }
            window.stage().toFront();
            window.stage().requestFocus();
            return null;
        });
        robot.clickOn("#views");
    }
}
