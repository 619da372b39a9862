package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;
import rnnlab.session.Frame;
import rnnlab.session.FrameBuilder;

/**
 * A sequence with a non-zero initial state is drawn from that state: the first step's previous
 * h and c (what the views show as h₀, c₀ and use in their products) are the sequence's h0/c0, so
 * the first cell-state update c₁ = f⊙c₀ + i⊙g recomputed from the frame matches the engine.
 */
class InitialStateFrameTest {

    private static Model model(CellType cell, boolean bidirectional) {
        ModelConfig cfg = new ModelConfig(cell, 3, 4, 2, bidirectional, 0, 3, Activation.SOFTMAX, null);
        Model m = Model.zeros(cfg);
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (DMatrixRMaj w : m.params().asMap().values()) {
            for (int i = 0; i < w.getNumElements(); i++) {
                w.data[i] = (r.nextDouble() * 2 - 1) * 0.7;
            }
        }
        return m;
    }

    private static DMatrixRMaj initial(int rows, int n, double base) {
        DMatrixRMaj m = new DMatrixRMaj(rows, n);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = base + 0.1 * i;
        }
        return m;
    }

    private static Frame runAll(Model m, DMatrixRMaj h0, DMatrixRMaj c0) {
        int[] tokens = {0, 1, 2, 0, 1};
        Sequence s = Sequence.of(null, tokens, new int[] {1, 2, 0, 1, 2}, null, TargetSteps.ALL,
                rnnlab.engine.LossType.CROSS_ENTROPY, h0, c0);
        Run run = new Run(m, tokens.length);
        run.load(s);
        run.forward();
        return FrameBuilder.build(run);
    }

    @Test
    void lstmFirstStepStartsFromTheSequencesInitialState() {
        Model m = model(CellType.LSTM, true);
        DMatrixRMaj h0 = initial(4, 4, 0.3);
        DMatrixRMaj c0 = initial(4, 4, -0.9);
        Frame f = runAll(m, h0, c0);
        int gi = CellMath.block(f, "i");
        int gf = CellMath.block(f, "f");
        int gg = CellMath.block(f, "g");
        for (int l = 0; l < 2; l++) {
            for (int d = 0; d < 2; d++) {
                Frame.LayerFrame lf = f.layer(l, d);
                int row = l * 2 + d;
                int first = d == 0 ? 0 : f.length() - 1;
                double[] hPrev = CellMath.previousHidden(f, lf, first);
                double[] cPrev = CellMath.previousCell(f, lf, first);
                for (int u = 0; u < 4; u++) {
                    assertThat(hPrev[u]).isEqualTo(h0.get(row, u));
                    assertThat(cPrev[u]).isEqualTo(c0.get(row, u));
                    double c1 = lf.gates()[gf][first][u] * cPrev[u] + lf.gates()[gi][first][u] * lf.gates()[gg][first][u];
                    assertThat(lf.c()[first][u]).isCloseTo(c1, within(1e-12));
                }
            }
        }
    }

    @Test
    void gruFirstStepUsesTheInitialHiddenState() {
        Model m = model(CellType.GRU, false);
        DMatrixRMaj h0 = initial(2, 4, 0.5);
        Frame f = runAll(m, h0, null);
        Frame.LayerFrame lf = f.layer(1, 0);
        double[] hPrev = CellMath.previousHidden(f, lf, 0);
        // GRU: h₁ = (1 − z)⊙n + z⊙h₀
        int gz = CellMath.block(f, "z");
        int gn = CellMath.block(f, "n");
        for (int u = 0; u < 4; u++) {
            assertThat(hPrev[u]).isEqualTo(h0.get(1, u));
            double z = lf.gates()[gz][0][u];
            assertThat(lf.h()[0][u]).isCloseTo((1 - z) * lf.gates()[gn][0][u] + z * hPrev[u], within(1e-12));
        }
    }

    @Test
    void withoutAnInitialStateTheViewsStartFromZeros() {
        Frame f = runAll(model(CellType.LSTM, false), null, null);
        assertThat(CellMath.previousCell(f, f.layer(0, 0), 0)).containsOnly(0.0);
        assertThat(f.layer(0, 0).c0()).isNull();
    }
}
