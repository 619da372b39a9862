package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.session.Frame;

/**
 * What the cell diagrams show as δh_{t−1} in the BPTT phase (the part step t sends back) plus the
 * output's own share at t−1 must equal the engine's total δh_{t−1} one BPTT step later.
 */
class RecurrentGradTest {

    @Test
    void recurrentPartPlusOutputPartIsTheEnginesDeltaH() {
        for (CellType cell : new CellType[] {CellType.RNN_TANH, CellType.LSTM, CellType.GRU}) {
            Frame at = ViewFixtures.backward(cell, 6, 4, 0);
            Frame next = ViewFixtures.backward(cell, 6, 5, 0);
            int t = at.time();
            assertThat(next.time()).isEqualTo(t - 1);
            Frame.LayerFrame lf = at.layer(0, 0);
            double[] rec = CellMath.recurrentGrad(at, lf, t);
            double[] total = next.layer(0, 0).gradH()[t - 1];
            double[][] fc = at.weights().get("fc.weight");
            double[] p = at.outputs()[t - 1].clone();
            p[at.classTargets()[t - 1]] -= 1;
            for (int u = 0; u < rec.length; u++) {
                double out = 0;
                for (int k = 0; k < p.length; k++) {
                    out += fc[k][u] * p[k];
                }
                assertThat(rec[u] + out).as(cell + " unit " + u).isCloseTo(total[u], within(1e-9));
            }
            if (cell == CellType.LSTM) {
                double[] carried = CellMath.carriedCellGrad(at, lf, t);
                double[] dc = next.layer(0, 0).gradC()[t - 1];
                double[] o = lf.gates()[3][t - 1];
                double[] c = lf.c()[t - 1];
                for (int u = 0; u < carried.length; u++) {
                    double th = Math.tanh(c[u]);
                    double own = total[u] * o[u] * (1 - th * th);
                    assertThat(carried[u] + own).as("δc unit " + u).isCloseTo(dc[u], within(1e-9));
                }
            }
        }
    }
}
