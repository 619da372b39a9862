package rnnlab.ui.viewmodel;

import static rnnlab.ui.FxWait.fx;
import static rnnlab.ui.FxWait.until;

import rnnlab.io.Preset;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.session.Initialiser;

@ExtendWith(ApplicationExtension.class)
class RunViewModelTest {
    private RunViewModel vm;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        vm = new RunViewModel();
    }

    @Test
    void stepsFasterThanFramesSkipStaleFrames() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        fx(() -> {
            vm.sequenceTextProperty().set("abcdefghij".repeat(6));
            return null;
        });
        until(() -> vm.frameProperty().get().length() == 59);
        AtomicInteger applied = new AtomicInteger();
        fx(() -> {
            vm.frameProperty().addListener((o, a, b) -> applied.incrementAndGet());
            for (int i = 0; i < 50; i++) {
                vm.stepForward();
            }
            // keep the FX thread busy until the engine has done all 50 steps
            Thread.sleep(500);
            return null;
        });
        until(() -> vm.positionProperty().get() == 50);
        assertThat(vm.frameProperty().get().time()).isEqualTo(49);
        assertThat(applied.get()).as("frames shown for 50 steps").isBetween(1, 2);
    }

    @Test
    void theSameSeedGivesTheSameWeightsAndAnotherSeedOthers() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        double w1 = vm.frameProperty().get().weights().get("rnn.weight_hh_l0")[1][2];
        fx(() -> {
            vm.seedProperty().set(2);
            return null;
        });
        until(() -> vm.frameProperty().get().weights().get("rnn.weight_hh_l0")[1][2] != w1);
        fx(() -> {
            vm.seedProperty().set(1);
            return null;
        });
        until(() -> vm.frameProperty().get().weights().get("rnn.weight_hh_l0")[1][2] == w1);
        assertThat(vm.presetProperty().get()).isEqualTo(Preset.TINY_RNN);
    }

    @Test
    void pytorchDefaultDrawsWithinOneOverRootH() {
        ModelConfig cfg = new ModelConfig(CellType.LSTM, 5, 16, 2, true, 0, 5, rnnlab.engine.Activation.SOFTMAX, null);
        Model m = Initialiser.PYTORCH_DEFAULT.create(cfg, 11);
        double k = 1 / Math.sqrt(16);
        double maxAbs = 0;
        for (String name : m.params().names()) {
            double fk = name.startsWith("fc.") ? 1 / Math.sqrt(32) : k;
            for (double v : m.param(name).data) {
                assertThat(Math.abs(v)).as(name).isLessThanOrEqualTo(fk);
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
        }
        assertThat(maxAbs).isGreaterThan(0.9 * k);
        assertThat(Initialiser.ZEROS.create(cfg, 11).params().globalNorm()).isZero();
        assertThat(Initialiser.PYTORCH_DEFAULT.create(cfg, 11).param("rnn.weight_ih_l1_reverse").data)
                .containsExactly(m.param("rnn.weight_ih_l1_reverse").data);
    }

    @Test
    void aSequenceFileThatDoesNotFitTheModelIsRefusedAndNothingChanges() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        Path seq = dir.resolve("wide.seq.json");
        // tokens up to 9, but the "hello" model has 4 symbols
        Files.writeString(seq, "{\"format\":\"rnnlab-sequence\",\"version\":1,\"tokens\":[1,9,2],\"targets\":null,"
                + "\"target_steps\":null,\"loss\":null}");
        fx(() -> {
            vm.loadSequence(seq);
            return null;
        });
        until(() -> vm.errorProperty().get() != null);
        assertThat(vm.errorProperty().get()).contains("wide.seq.json", "tokens[1]", "from 0 to 3", "found 9");
        assertThat(vm.frameProperty().get().length()).isEqualTo(4);
        assertThat(vm.sequenceTextProperty().get()).isEqualTo("hello");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void trainedWeightsReplaceTheShownOnesAndBecomeTheScaleReference() throws Exception {
        Path file = rnnlab.io.Fixtures.path("lstm_onehot_ce.model.json");
        fx(() -> {
            vm.loadModel(file);
            return null;
        });
        until(() -> "lstm".equals(vm.frameProperty().get().cell()));
        fx(() -> {
            vm.recurrentScaleProperty().set(2.0);
            return null;
        });
        Model loaded = rnnlab.io.ModelIO.read(file);
        double original = loaded.param("rnn.weight_hh_l0").get(0, 0);
        until(() -> vm.frameProperty().get().weights().get("rnn.weight_hh_l0")[0][0] == 2 * original);
        // training hands over new weights: they are shown as they are, and the W_hh factor is 1 again
        Model trained = loaded.copy();
        trained.param("rnn.weight_hh_l0").set(0, 0, 0.125);
        vm.showTrainedWeights(trained, true);
        until(() -> vm.frameProperty().get().weights().get("rnn.weight_hh_l0")[0][0] == 0.125
                && vm.recurrentScaleProperty().get() == 1.0);
        // and a later factor scales the trained weights, not the ones loaded before training
        fx(() -> {
            vm.recurrentScaleProperty().set(2.0);
            return null;
        });
        until(() -> vm.frameProperty().get().weights().get("rnn.weight_hh_l0")[0][0] == 0.25);
    }
}
