package rnnlab.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import rnnlab.engine.Model;
import rnnlab.i18n.Messages;

/**
 * Start pressed with a bad field is refused at once, before the model shown is asked for: the request for it
 * is answered later (by the engine thread), and its answer used to start a run with the fields as they were
 * by then. Here the model shown arrives only when the test hands it over, so the order is fixed: a bad
 * interval, Start, the interval put right, then the late answer. TrainingValidationFieldsTest read once, after
 * "its" run had ended, the start message of a second run begun that way.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingStartRequestTest {
    TrainingViewModel vm;
    /** The requests for the model shown, not answered yet. */
    final List<Consumer<Model>> asked = new ArrayList<>();
    int ended;

    @Start
    void start(Stage stage) {
        vm = new TrainingViewModel();
        vm.setWeightSink((m, end) -> { });
        vm.setShownModel(new TrainingViewModel.ShownModel() {
            @Override
            public void fetch(Consumer<Model> then) {
                asked.add(then);
            }

            @Override
            public void ended(boolean restore) {
                ended++;
            }
        });
    }

    @AfterEach
    void end() throws Exception {
        fx(() -> {
            vm.shutdown();
            return null;
        });
        vm.awaitEnd();
    }

    @Test
    void aStartRefusedForABadFieldDoesNotRunWhenTheFieldIsPutRightBeforeTheModelShownArrives() throws Exception {
        fx(() -> {
            vm.taskProperty().set("adding");
            vm.stepsProperty().set(600);
            vm.validateEveryProperty().set("0");
            vm.start();
            return null;
        });
        int requests = fx(asked::size);
        // the field put right, then any request still open answered: nothing trains until Start is pressed again
        // (it trained here, with the interval put right, before the fields were checked at Start)
        fx(() -> {
            vm.validateEveryProperty().set("10");
            for (Consumer<Model> c : List.copyOf(asked)) {
                c.accept(null);
            }
            asked.clear();
            return null;
        });
        assertThat(fx(() -> vm.stateProperty().get())).as("state after the late answer").isEqualTo(TrainingViewModel.State.IDLE);
        // refused at Start, with the field's message, and the model shown not asked for
        assertThat(requests).as("requests for the model shown").isZero();
        assertThat(fx(() -> vm.statusProperty().get()))
                .isEqualTo(Messages.format("training.error.settings", Messages.format("training.error.valEvery", "0", 600)));
        // pressed again with good fields: it asks for the model shown and trains when it arrives
        fx(() -> {
            vm.start();
            return null;
        });
        assertThat(fx(asked::size)).isEqualTo(1);
        assertThat(fx(() -> vm.stateProperty().get())).isEqualTo(TrainingViewModel.State.IDLE);
        fx(() -> {
            asked.remove(0).accept(null);
            return null;
        });
        assertThat(fx(() -> vm.stateProperty().get())).isEqualTo(TrainingViewModel.State.RUNNING);
        assertThat(fx(() -> vm.statusProperty().get())).isEqualTo(
                Messages.format("training.status.started", "adding", fx(() -> vm.cellProperty().get()),
                        fx(() -> vm.hiddenProperty().get())));
    }

    @Test
    void eachBadFieldIsNamedBeforeTheModelShownIsAskedFor() throws Exception {
        fx(() -> {
            vm.taskProperty().set("adding");
            vm.learningRateProperty().set(0);
            vm.start();
            return null;
        });
        assertThat(fx(() -> vm.statusProperty().get()))
                .isEqualTo(Messages.format("training.error.settings", Messages.get("training.error.lr")));
        fx(() -> {
            vm.learningRateProperty().set(0.01);
            vm.earlyStopProperty().set(true);
            vm.patienceProperty().set("x");
            vm.start();
            return null;
        });
        assertThat(fx(() -> vm.statusProperty().get()))
                .isEqualTo(Messages.format("training.error.settings", Messages.format("training.error.patience", "x")));
        assertThat(fx(asked::size)).isZero();
        assertThat(ended).as("nothing to end: nothing was asked").isZero();
    }
}
