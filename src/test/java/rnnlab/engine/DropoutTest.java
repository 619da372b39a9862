package rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import rnnlab.engine.gradcheck.GradientCheck;

/**
 * Dropout as nn.LSTM(dropout=p) does it (on each layer's output as the next layer's input, inverted:
 * kept units scaled by 1/(1 − p)), optionally before the head; the recurrence sees the undropped h.
 * PyTorch's masks are its own, so what is checked is the semantics: the mask values, the expectation,
 * the gradient (numeric, with the masks held fixed), and that p = 0 is exactly no dropout.
 */
class DropoutTest {
    static Model model(CellType cell, int layers, boolean bidir, int h, Activation act) {
        ModelConfig cfg = new ModelConfig(cell, 3, h, layers, bidir, 0, 2, act, null);
        Model m = Model.zeros(cfg);
        SplittableRandom r = new SplittableRandom(5);
        for (DMatrixRMaj w : m.params().asMap().values()) {
            for (int i = 0; i < w.getNumElements(); i++) {
                w.data[i] = r.nextDouble() * 1.2 - 0.6;
            }
        }
        return m;
    }

    static Sequence seq(int t) {
        SplittableRandom r = new SplittableRandom(9);
        DMatrixRMaj x = new DMatrixRMaj(t, 3);
        DMatrixRMaj y = new DMatrixRMaj(t, 2);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = r.nextDouble() * 2 - 1;
        }
        for (int i = 0; i < y.data.length; i++) {
            y.data[i] = r.nextDouble() - 0.5;
        }
        return Sequence.ofInputs(x, y, TargetSteps.ALL, LossType.MSE);
    }

    @Test
    void pZeroIsExactlyNoDropout() {
        Model m = model(CellType.LSTM, 3, false, 5, Activation.IDENTITY);
        Run plain = new Run(m, 6);
        plain.load(seq(6));
        double l0 = plain.forwardBackward();
        Run r = new Run(m, 6);
        r.setDropout(0.5, true, new SplittableRandom(1));
        r.setDropout(0, false, null);
        r.load(seq(6));
        assertThat(r.forwardBackward()).isEqualTo(l0);
        for (String n : m.params().names()) {
            assertThat(r.gradients().get(n).data).as(n).containsExactly(plain.gradients().get(n).data);
        }
        assertThat(r.dropoutScales(0)).isNull();
    }

    @Test
    void masksAreZeroOrOneOverKeepWithTheRightRate() {
        Model m = model(CellType.GRU, 2, false, 64, Activation.IDENTITY);
        Run r = new Run(m, 50);
        r.setDropout(0.3, false, new SplittableRandom(2));
        double[] s = r.dropoutScales(0);
        assertThat(s).hasSize(50 * 64);
        int zeros = 0;
        for (double v : s) {
            assertThat(v == 0 || v == 1 / 0.7).isTrue();
            zeros += v == 0 ? 1 : 0;
        }
        // 3200 Bernoulli(0.3) draws: 960 expected, σ ≈ 26
        assertThat(zeros).isBetween(960 - 100, 960 + 100);
        assertThat(r.dropoutScales(1)).as("the top layer feeds the head undropped unless asked").isNull();
        r.setDropout(0.3, true, new SplittableRandom(2));
        assertThat(r.dropoutScales(1)).isNotNull();
    }

    @Test
    void recurrenceSeesUndroppedStatesAndOnlyTheLayerAboveChanges() {
        Model m = model(CellType.LSTM, 2, false, 4, Activation.IDENTITY);
        Run plain = new Run(m, 5);
        plain.load(seq(5));
        plain.forward();
        Run r = new Run(m, 5);
        r.setDropout(0.5, false, new SplittableRandom(3));
        r.load(seq(5));
        r.forward();
        for (int t = 0; t < 5; t++) {
            for (int u = 0; u < 4; u++) {
                assertThat(r.layer(0, 0).hidden(t, u)).isEqualTo(plain.layer(0, 0).hidden(t, u));
            }
        }
        assertThat(Math.abs(r.layer(1, 0).hidden(4, 0) - plain.layer(1, 0).hidden(4, 0))).isGreaterThan(1e-6);
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void bpttThroughDropoutMatchesNumericGradients(CellType cell) {
        Model m = model(cell, 2, false, 4, Activation.IDENTITY);
        GradientCheck.Result res = GradientCheck.checkWithDropout(m, seq(6), 0.4, true, 17, 1000, 1);
        assertThat(res.passed()).as(res.toString()).isTrue();
        Model b = model(cell, 3, true, 3, Activation.IDENTITY);
        GradientCheck.Result rb = GradientCheck.checkWithDropout(b, seq(5), 0.4, false, 18, 1000, 1);
        assertThat(rb.passed()).as(rb.toString()).isTrue();
    }

    @Test
    void droppingBeforeALinearHeadKeepsTheExpectedOutput() {
        // y = W (m ⊙ h)/(1 − p) + b, E[m] = 1 − p, so E[y] = W h + b: the mean over many masks is the undropped output
        Model m = model(CellType.RNN_TANH, 1, false, 6, Activation.IDENTITY);
        Sequence s = seq(3);
        Run plain = new Run(m, 3);
        plain.load(s);
        plain.forward();
        Run r = new Run(m, 3);
        SplittableRandom rng = new SplittableRandom(4);
        int draws = 20000;
        double[] sum = new double[6];
        for (int k = 0; k < draws; k++) {
            r.setDropout(0.5, true, rng);
            r.load(s);
            r.forward();
            for (int i = 0; i < 6; i++) {
                sum[i] += r.outputs().data[i];
            }
        }
        double furthest = 0;
        for (int i = 0; i < 6; i++) {
            furthest = Math.max(furthest, Math.abs(sum[i] / draws - plain.outputs().data[i]));
            assertThat(sum[i] / draws).isCloseTo(plain.outputs().data[i], within(0.02));
        }
        // and a single draw is not the mean (dropout did something)
        r.setDropout(0.5, true, new SplittableRandom(8));
        r.load(s);
        r.forward();
        assertThat(Math.abs(r.outputs().data[0] - plain.outputs().data[0])).isGreaterThan(0.01);
    }
}
