package rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * dL/dh_s in total for every encoder top state (through attention, the bridge AND back through the
 * encoder's recurrence): a central difference on h_s itself, nudged right after the step that computes it
 * so that every later use sees the nudge (later encoder steps, the keys, the bridge, attention). The
 * reference module has no per-step encoder, so PyTorch cannot give this directly; the finite difference can.
 */
class Seq2SeqEncoderTotalGradientTest {
    private static final int[] SRC = {1, 5, 2, 6, 3};
    private static final int[] IN = {0, 3, 4, 2};
    private static final int[] OUT = {3, 4, 2, 1};

    /** A unidirectional one-layer GRU encoder, and the stacked bidirectional LSTM of the stepped-backward test. */
    private static List<Seq2SeqModel> models(AttentionKind a) {
        Seq2SeqConfig plain = new Seq2SeqConfig(CellType.GRU, 7, 4, 3, 1, false, CellType.LSTM, 6, 5, 3, a,
                a == AttentionKind.ADDITIVE ? 4 : 0);
        Seq2SeqModel m = Seq2SeqModel.zeros(plain);
        m.initialise(17);
        return List.of(m, Seq2SeqSteppedBackwardTest.model(a, 23));
    }

    private static double lossWithNudge(Seq2SeqModel m, int s, int dir, int unit, double delta) {
        Seq2SeqRun r = new Seq2SeqRun(m, SRC.length, IN.length);
        Schedule sched = new Schedule(m.config().encoderConfig(), SRC.length);
        int top = m.config().encoderLayers() - 1;
        int h = m.config().encoderHidden();
        r.afterEncoderGroup = g -> {
            for (Schedule.Op op : sched.group(g)) {
                if (op.kind() == Schedule.Kind.CELL && op.layer() == top && op.direction() == dir && op.t() == s) {
                    DMatrixRMaj states = r.encoderStates();
                    states.data[s * states.numCols + dir * h + unit] += delta;
                }
            }
        };
        r.load(SRC, IN, OUT);
        return r.forward();
    }

    @ParameterizedTest
    @EnumSource(AttentionKind.class)
    void totalEncoderStateGradientIsTheFiniteDifference(AttentionKind a) {
        for (Seq2SeqModel m : models(a)) {
            Seq2SeqRun r = new Seq2SeqRun(m, SRC.length, IN.length);
            r.load(SRC, IN, OUT);
            r.forwardBackward();
            DMatrixRMaj total = r.encoderStateTotalGradients();
            DMatrixRMaj delivered = r.encoderStateGradients();
            int h = m.config().encoderHidden();
            int dirs = m.config().encoderConfig().directions();
            double recurrence = 0;
            for (int s = 0; s < SRC.length; s++) {
                assertThat(r.encoderStateTotalReached(s)).isTrue();
                for (int d = 0; d < dirs; d++) {
                    for (int u = 0; u < h; u++) {
                        double eps = 1e-6;
                        double fd = (lossWithNudge(m, s, d, u, eps) - lossWithNudge(m, s, d, u, -eps)) / (2 * eps);
                        double g = total.get(s, d * h + u);
                        assertEquals(fd, g, 1e-7 * (1 + Math.abs(g)), a + " " + m.config().encoderCell() + " h_" + s
                                + " dir " + d + " unit " + u);
                        recurrence += Math.abs(g - delivered.get(s, d * h + u));
                    }
                }
            }
            // the recurrence adds something: the total is not just what attention and the bridge deliver
            assertThat(recurrence).isGreaterThan(1e-3);
        }
    }

    @ParameterizedTest
    @EnumSource(AttentionKind.class)
    void steppedBackwardReachesEachStateOnceAndEndsWithTheWholePassesNumbers(AttentionKind a) {
        for (Seq2SeqModel m : models(a)) {
            Seq2SeqRun whole = new Seq2SeqRun(m, SRC.length, IN.length);
            whole.load(SRC, IN, OUT);
            whole.forwardBackward();
            Seq2SeqRun stepped = new Seq2SeqRun(m, SRC.length, IN.length);
            stepped.load(SRC, IN, OUT);
            stepped.forward();
            boolean[] reached = new boolean[SRC.length];
            while (stepped.stepBackward()) {
                for (int s = 0; s < SRC.length; s++) {
                    boolean now = stepped.encoderStateTotalReached(s);
                    if (stepped.backwardPosition() <= IN.length) {
                        assertThat(now).as("no encoder state is reached while BPTT is in the decoder").isFalse();
                    }
                    assertThat(!reached[s] || now).as("once reached, stays reached").isTrue();
                    if (now && !reached[s]) {
                        // final the moment it is reached
                        for (int k = 0; k < whole.encoderStateTotalGradients().numCols; k++) {
                            assertEquals(whole.encoderStateTotalGradients().get(s, k),
                                    stepped.encoderStateTotalGradients().get(s, k), 1e-12);
                        }
                    }
                    reached[s] = now;
                }
            }
            assertThat(reached).containsOnly(true);
            if (!m.config().bidirectional()) {
                // one direction: BPTT reaches the last input first
                stepped.load(SRC, IN, OUT);
                stepped.forward();
                for (int k = 0; k <= IN.length; k++) {
                    stepped.stepBackward();
                }
                assertThat(stepped.encoderStateTotalReached(SRC.length - 1)).isTrue();
                assertThat(stepped.encoderStateTotalReached(SRC.length - 2)).isFalse();
            }
        }
    }
}
