package rnnlab.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static rnnlab.ui.FxWait.fx;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.training.NormHistory;

/**
 * The norm history the weights view draws (issue 17: "the weights view shows the norm shrinking"): ‖W‖_F of
 * every weight matrix at each report of a training panel run, taken on the training thread. Plain SGD with L2
 * weight decay λ and a tiny rate η multiplies the weights by (1 − ηλ) a step, the data's gradient hardly
 * moving them: ‖W_hh‖ falls at every report, by that factor; without decay it stays where it was.
 */
@ExtendWith(ApplicationExtension.class)
class NormHistoryTest {
    static final int STEPS = 2500;
    static final double LR = 1e-3;
    static final double LAMBDA = 0.4;

    private NormHistory train(double decay) throws Exception {
        TrainingViewModel vm = fx(TrainingViewModel::new);
        java.nio.file.Path runs = Files.createTempDirectory("rnnlab-norms");
        fx(() -> {
            vm.setRunsFolder(runs);
            vm.taskProperty().set("adding");
            vm.cellProperty().set("gru");
            vm.hiddenProperty().set(16);
            vm.optimizerProperty().set("sgd");
            vm.learningRateProperty().set(LR);
            vm.clipProperty().set(0);
            vm.stepsProperty().set(STEPS);
            vm.seedProperty().set(2);
            vm.weightDecayProperty().set(decay);
            vm.start(null);
            return null;
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> vm.stateProperty().get() == TrainingViewModel.State.COMPLETED));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> vm.normHistoryProperty().get().ended()));
        return fx(() -> vm.normHistoryProperty().get());
    }

    @Test
    void weightDecayShrinksEveryWeightMatrixAtEveryReport() throws Exception {
        NormHistory h = train(LAMBDA);
        assertThat(h.names()).containsExactly("rnn.weight_ih_l0", "rnn.weight_hh_l0", "fc.weight");
        assertThat(h.size()).isGreaterThanOrEqualTo(3);
        assertThat(h.steps()[h.size() - 1]).isEqualTo(STEPS);
        for (int k = 1; k < h.size(); k++) {
            assertThat(h.steps()[k]).isGreaterThan(h.steps()[k - 1]);
        }
        for (String name : h.names()) {
            double[] v = h.of(name);
            for (int k = 1; k < v.length; k++) {
                assertThat(v[k]).as(name + " at step " + h.steps()[k]).isLessThan(v[k - 1]);
            }
        }
        // W_hh shrinks by (1 − ηλ) per step between the first and the last report (0.368 against 0.368 here)
        double[] hh = h.of("rnn.weight_hh_l0");
        double steps = h.steps()[h.size() - 1] - h.steps()[0];
        double expected = Math.pow(1 - LR * LAMBDA, steps);
        assertThat(hh[hh.length - 1] / hh[0]).isCloseTo(expected, within(0.005));
        assertThat(expected).isLessThan(0.5); // a clear shrinking, not a rounding
    }

    @Test
    void withoutDecayTheNormStaysPut() throws Exception {
        NormHistory h = train(0);
        double[] hh = h.of("rnn.weight_hh_l0");
        assertThat(hh).hasSizeGreaterThanOrEqualTo(2);
        assertThat(hh[hh.length - 1] / hh[0]).isCloseTo(1.0, within(0.05));
        assertThat(hh[0]).isGreaterThan(0.5);
    }

    @Test
    void aLongRunKeepsAtMostMaxPointsWithItsFirstAndLast() {
        NormHistory h = NormHistory.empty(List.of("a"));
        for (int i = 1; i <= 2500; i++) {
            h = h.with(new double[] {i}, List.of(new double[] {10.0 / i}), i == 2500);
        }
        assertThat(h.size()).isLessThanOrEqualTo(NormHistory.MAX_POINTS).isGreaterThan(NormHistory.MAX_POINTS / 2);
        assertThat(h.steps()[0]).isEqualTo(1);
        assertThat(h.steps()[h.size() - 1]).isEqualTo(2500);
        assertThat(h.of("a")[h.size() - 1]).isEqualTo(10.0 / 2500);
        assertThat(h.ended()).isTrue();
    }
}
