package rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The step-by-step BPTT cursor of an encoder–decoder gives exactly the whole pass's gradients. */
class Seq2SeqSteppedBackwardTest {
    static Seq2SeqModel model(AttentionKind a, long seed) {
        // stacked bidirectional LSTM encoder, GRU decoder: every path (bridge, attention, encoder groups)
        Seq2SeqConfig cfg = new Seq2SeqConfig(CellType.LSTM, 7, 4, 3, 2, true, CellType.GRU, 6, 5, 6, a,
                a == AttentionKind.ADDITIVE ? 4 : 0);
        Seq2SeqModel m = Seq2SeqModel.zeros(cfg);
        m.initialise(seed);
        return m;
    }

    @ParameterizedTest
    @EnumSource(AttentionKind.class)
    void steppingBackwardEqualsTheWholePass(AttentionKind a) {
        Seq2SeqModel m = model(a, 11);
        int[] src = {1, 5, 2, 6, 3};
        int[] in = {0, 3, 4, 2};
        int[] out = {3, 4, 2, 1};
        Seq2SeqRun whole = new Seq2SeqRun(m, src.length, in.length);
        whole.load(src, in, out);
        double loss = whole.forwardBackward();
        Seq2SeqRun stepped = new Seq2SeqRun(m, src.length, in.length);
        stepped.load(src, in, out);
        assertEquals(loss, stepped.forward(), 0.0);
        assertThat(stepped.backwardSteps()).isEqualTo(in.length + stepped.encoderSteps());
        DMatrixRMaj wg = stepped.attentionWeightGradients();
        int n = 0;
        while (stepped.stepBackward()) {
            n++;
            assertThat(stepped.backwardPosition()).isEqualTo(n);
            // rows of the decoder steps BPTT has passed are filled, the earlier ones are still zero
            int passed = Math.min(n, in.length);
            for (int t = 0; t < in.length; t++) {
                double norm = 0;
                for (int s = 0; s < src.length; s++) {
                    norm += Math.abs(wg.get(t, s));
                }
                boolean expectFilled = a != AttentionKind.NONE && t >= in.length - passed;
                assertThat(norm > 0).as("step %d row %d", n, t).isEqualTo(expectFilled);
            }
            assertThat(stepped.backwardComplete()).isEqualTo(n == stepped.backwardSteps());
        }
        assertThat(n).isEqualTo(stepped.backwardSteps());
        for (var e : whole.gradients().asMap().entrySet()) {
            double[] want = e.getValue().data;
            double[] got = stepped.gradients().get(e.getKey()).data;
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], got[i], 1e-12 * (1 + Math.abs(want[i])), e.getKey() + "[" + i + "]");
            }
        }
        assertArrayEquals(whole.encoderStateGradients().data, stepped.encoderStateGradients().data, 1e-12);
        assertArrayEquals(whole.attentionWeightGradients().data, wg.data, 1e-12);
    }

    /** dL/de = a ⊙ (dL/da − Σ a dL/da), so each row of score gradients sums to zero; and a finite difference on W_fc agrees. */
    @ParameterizedTest
    @EnumSource(value = AttentionKind.class, names = {"ADDITIVE", "DOT", "GENERAL"})
    void scoreGradientsAreSoftmaxConsistentAndAttentionGradientsAreTrue(AttentionKind a) {
        Seq2SeqModel m = model(a, 5);
        int[] src = {2, 2, 4};
        int[] in = {0, 5, 3};
        int[] out = {5, 3, 1};
        Seq2SeqRun r = new Seq2SeqRun(m, src.length, in.length);
        r.load(src, in, out);
        r.forwardBackward();
        for (int t = 0; t < in.length; t++) {
            double sum = 0;
            double recomputed = 0;
            double dot = 0;
            for (int s = 0; s < src.length; s++) {
                sum += r.scoreGradients().get(t, s);
                dot += r.attentionWeights().get(t, s) * r.attentionWeightGradients().get(t, s);
            }
            for (int s = 0; s < src.length; s++) {
                recomputed = r.attentionWeights().get(t, s) * (r.attentionWeightGradients().get(t, s) - dot);
                assertEquals(recomputed, r.scoreGradients().get(t, s), 1e-14);
            }
            assertEquals(0.0, sum, 1e-12);
        }
        // the attention path's weight really moves the loss as its gradient says (central difference)
        String name = a == AttentionKind.ADDITIVE ? Seq2SeqConfig.ATT_V
                : a == AttentionKind.GENERAL ? Seq2SeqConfig.ATT_WA : Seq2SeqConfig.decoderRnn("weight_ih");
        DMatrixRMaj w = m.param(name);
        double g = r.gradients().get(name).data[0];
        double h = 1e-6;
        double keep = w.data[0];
        w.data[0] = keep + h;
        r.load(src, in, out);
        double up = r.forward();
        w.data[0] = keep - h;
        r.load(src, in, out);
        double down = r.forward();
        w.data[0] = keep;
        assertEquals(g, (up - down) / (2 * h), 1e-7);
    }

    @ParameterizedTest
    @EnumSource(AttentionKind.class)
    void reloadingRestartsTheBackwardCursor(AttentionKind a) {
        Seq2SeqModel m = model(a, new Random(3).nextInt(100));
        Seq2SeqRun r = new Seq2SeqRun(m, 2, 2);
        r.load(new int[] {1, 2}, new int[] {0, 4}, new int[] {4, 1});
        r.forward();
        r.stepBackward();
        r.stepBackward();
        assertThat(r.backwardPosition()).isEqualTo(2);
        r.load(new int[] {3, 2}, new int[] {0, 4}, new int[] {4, 1});
        assertThat(r.backwardPosition()).isZero();
        assertThat(r.backwardComplete()).isFalse();
    }
}
