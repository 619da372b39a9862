package rnnlab.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * The figures that decide whether a gradient shrinks or grows as it is carried back through time,
 * for one layer-direction of a run whose forward pass is done.
 *
 * <p>Vanilla RNN: one step back multiplies δh by J_tᵀ = W_hhᵀ·diag(act′(a_t)), so
 * ‖J_tᵀ‖ ≤ σ_max(W_hh)·γ with γ the largest slope act′ seen. σ_max·γ &lt; 1 therefore
 * <em>guarantees</em> that every step back shrinks what is carried back. The spectral radius
 * ρ(W_hh) ≤ σ_max only describes the long run of W_hh alone (‖W_hh^k‖^{1/k} → ρ); with ρ &lt; 1 &lt; σ_max
 * a single step back can still grow the gradient.
 *
 * <p>LSTM and GRU: the path that carries the gradient far is the cell state (∂c_t/∂c_{t−1} = diag(f_t))
 * or, for the GRU (h_t = (1 − z)⊙n + z⊙h_{t−1}, PyTorch's and Cho et al.'s convention), the direct
 * path ∂h_t/∂h_{t−1} ⊇ diag(z_t). Its size is the product of those gates, not ρ of any W_hh block.
 */
public final class GradientFlow {
    private GradientFlow() {
    }

    /**
     * @param rho          spectral radius of W_hh (rnn) or the largest over its gate blocks (LSTM, GRU)
     * @param sigmaMax     largest singular value of W_hh (rnn) or the largest over its gate blocks
     * @param meanSlope    rnn: mean act′ over the steps a gradient is carried back through and all units
     *                     (tanh: mean of 1 − h², relu: the fraction of active units); LSTM: mean f; GRU: mean z
     * @param maxSlope     rnn: the largest act′ seen there (γ); LSTM: largest f; GRU: largest z
     * @param carryProduct rnn: NaN; LSTM: max over units of ∏ f_t; GRU: max over units of ∏ z_t, over the
     *                     steps the gradient is carried back through (the norm of ∏ diag(·))
     * @param stepsBack    how many steps back those figures cover (T − 1)
     */
    public record Reading(CellType cell, double rho, double sigmaMax, double meanSlope, double maxSlope,
                          double carryProduct, int stepsBack) {
        /** σ_max·γ: below 1 every step back is guaranteed to shrink the carried gradient (rnn only). */
        public double bound() {
            return sigmaMax * maxSlope;
        }

        public boolean gated() {
            return cell == CellType.LSTM || cell == CellType.GRU;
        }
    }

    /** Largest singular value of a matrix (its spectral norm). */
    public static double sigmaMax(DMatrixRMaj m) {
        return NormOps_DDRM.normP2(m);
    }

    /** The reading of one layer-direction; the run's forward pass must be done. */
    public static Reading read(Run run, int layer, int dir) {
        Model model = run.model();
        ModelConfig cfg = model.config();
        CellType cell = cfg.cell();
        int n = cfg.hiddenSize();
        int blocks = cell.blocks();
        double rho = 0;
        double sigma = 0;
        for (int b = 0; b < blocks; b++) {
            DMatrixRMaj block = Dynamics.recurrentBlock(model, layer, dir, b);
            rho = Math.max(rho, Dynamics.spectralRadius(block));
            sigma = Math.max(sigma, sigmaMax(block));
        }
        LayerState s = run.layer(layer, dir);
        int len = run.length();
        // Steps whose Jacobian carries a gradient from one plotted step to the one before it: all but the
        // direction's first step.
        int from = dir == 0 ? Math.min(1, len - 1) : 0;
        int to = dir == 0 ? len : Math.max(1, len - 1);
        double sum = 0;
        double max = 0;
        int count = 0;
        double carry = Double.NaN;
        int gate = cell == CellType.LSTM ? 1 : cell == CellType.GRU ? 1 : -1;
        double[] product = new double[n];
        java.util.Arrays.fill(product, 1);
        for (int t = from; t < to; t++) {
            for (int i = 0; i < n; i++) {
                double slope;
                if (gate >= 0) {
                    slope = s.gate(t, gate, i);
                    product[i] *= slope;
                } else if (cell == CellType.RNN_RELU) {
                    slope = s.gate(t, 0, i) > 0 ? 1 : 0;
                } else {
                    double h = s.hidden(t, i);
                    slope = 1 - h * h;
                }
                sum += slope;
                max = Math.max(max, slope);
                count++;
            }
        }
        if (gate >= 0) {
            carry = 0;
            for (double p : product) {
                carry = Math.max(carry, p);
            }
        }
        return new Reading(cell, rho, sigma, count == 0 ? Double.NaN : sum / count, max, carry, to - from);
    }
}
