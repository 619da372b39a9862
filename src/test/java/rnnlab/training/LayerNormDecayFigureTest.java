package rnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.LossType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;

/**
 * The figure the README quotes for issue 17: how much of the last step's gradient reaches the first
 * step of the bottom layer of a 2-layer stack, ‖dL/dh_0‖ / ‖dL/dh_{T−1}‖ (layer 0, loss at the last
 * step only, PyTorch's initialisation, T = 50, H = 32), plain against residual and layer norm;
 * geometric mean over 5 seeds. Deterministic (no timing).
 */
class LayerNormDecayFigureTest {
    static final int T = 50;
    static final int H = 32;

    /** Geometric mean over seeds 1..5 of ‖δh_0‖/‖δh_{T−1}‖ of layer 0 and of ‖δh_{T−1}‖ (layer 0) / ‖δh_{T−1}‖ (layer 1). */
    static double[] ratios(CellType cell, boolean residual, boolean ln) {
        double logTime = 0;
        double logDepth = 0;
        for (long seed = 1; seed <= 5; seed++) {
            ModelConfig cfg = new ModelConfig(cell, 1, H, 2, false, 0, 1, Activation.IDENTITY, null)
                    .withOptions(residual, ln);
            Model m = Init.PYTORCH.create(cfg, seed);
            SplittableRandom r = new SplittableRandom(seed + 100);
            DMatrixRMaj x = new DMatrixRMaj(T, 1);
            for (int t = 0; t < T; t++) {
                x.data[t] = r.nextDouble() * 2 - 1;
            }
            DMatrixRMaj y = new DMatrixRMaj(1, 1, true, 1.0);
            Run run = new Run(m, T);
            run.load(Sequence.ofInputs(x, y, TargetSteps.LAST, LossType.MSE));
            run.forwardBackward();
            logTime += Math.log(norm(run, 0, 0) / norm(run, 0, T - 1));
            logDepth += Math.log(norm(run, 0, T - 1) / norm(run, 1, T - 1));
        }
        return new double[] {Math.exp(logTime / 5), Math.exp(logDepth / 5)};
    }

    private static double norm(Run run, int layer, int t) {
        double s = 0;
        for (int u = 0; u < H; u++) {
            double g = run.layer(layer, 0).gradHidden(t, u);
            s += g * g;
        }
        return Math.sqrt(s);
    }

    @Test
    void layerNormCarriesTheGradientBackInTimeAndResidualsCarryItDown() {
        StringBuilder sb = new StringBuilder();
        for (CellType cell : new CellType[] {CellType.RNN_TANH, CellType.LSTM, CellType.GRU}) {
            double[] plain = ratios(cell, false, false);
            double[] res = ratios(cell, true, false);
            double[] ln = ratios(cell, false, true);
            double[] both = ratios(cell, true, true);
            for (double[] r : new double[][] {plain, res, ln, both}) {
                sb.append(String.format(java.util.Locale.ROOT, "%-8s time %.3e  depth %.3f%n", cell.id(), r[0], r[1]));
            }
            // measured here (README, issue 17): LN keeps orders of magnitude more of the gradient over 50 steps
            // (rnn_tanh 4.6e-11 → 1.7e-4, lstm 1.1e-9 → 0.41, gru 3.1e-9 → 1.8e-3) …
            assertThat(ln[0]).as(cell.id()).isGreaterThan(1e4 * plain[0]);
            // … and the residual connection passes at least as much down a layer as arrives (plain: 0.14–0.55)
            assertThat(res[1]).as(cell.id()).isGreaterThan(0.95).isGreaterThan(1.5 * plain[1]);
            assertThat(both[1]).as(cell.id()).isGreaterThan(ln[1]);
        }
        System.out.print(sb);
    }
}
