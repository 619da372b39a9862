package rnnlab.engine;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Why gradients vanish or explode: the Jacobian of one step's state with respect to the previous
 * one, their products across time, and the eigenvalues of W_hh.
 *
 * <p>The state is h for the vanilla RNN and the GRU, and (h, c) for the LSTM (2H numbers: h first).
 * dL/d(state_t) = J_{t+1}ᵀ ⋯ J_Tᵀ dL/d(state_T) along the recurrent path, so the norm of the product
 * ∏ J_k says how much of the last step's gradient survives back to step t.
 */
public final class Dynamics {
    private Dynamics() {
    }

    /** Size of the recurrent state: H, or 2H for the LSTM. */
    public static int stateSize(ModelConfig cfg) {
        return cfg.cell() == CellType.LSTM ? 2 * cfg.hiddenSize() : cfg.hiddenSize();
    }

    /**
     * J_t = ∂state_t / ∂state_{t−1} of one layer-direction at step t (the forward pass must have
     * computed step t). {@code out} must be stateSize × stateSize.
     */
    public static void stepJacobian(Run run, int layer, int dir, int t, DMatrixRMaj out) {
        LayerState s = run.layer(layer, dir);
        // with layer normalisation the hh pre-activations depend on h_{t−1} through LN(W_hh h): use ∂gh/∂h_{t−1}
        DMatrixRMaj whh = s.ln == null ? s.w.hh() : layerNormRecurrent(s, t);
        int n = s.hiddenSize;
        out.zero();
        double[] hp = Cell.prevHidden(s, t);
        int hpo = Cell.prevHiddenOffset(s, t);
        switch (run.model().config().cell()) {
            case RNN_TANH, RNN_RELU -> {
                boolean relu = run.model().config().cell() == CellType.RNN_RELU;
                for (int i = 0; i < n; i++) {
                    double h = s.hidden(t, i);
                    // ∂h_i/∂h_prev = act'(a_i) · W_hh[i, :]
                    double d = relu ? (s.gate(t, 0, i) > 0 ? 1 : 0) : 1 - h * h;
                    for (int j = 0; j < n; j++) {
                        out.set(i, j, d * whh.get(i, j));
                    }
                }
            }
            case GRU -> {
                for (int i = 0; i < n; i++) {
                    double r = s.gate(t, 0, i);
                    double z = s.gate(t, 1, i);
                    double nn = s.gate(t, 2, i);
                    double hn = s.cell.get(t, i);
                    double dn = 1 - nn * nn;
                    for (int j = 0; j < n; j++) {
                        // ∂r/∂h_j, ∂z/∂h_j from the r and z blocks of W_hh
                        double drj = r * (1 - r) * whh.get(i, j);
                        double dzj = z * (1 - z) * whh.get(n + i, j);
                        // ∂n/∂h_j = (1 − n²)(hn ∂r/∂h_j + r W_hn[i, j])
                        double dnj = dn * (hn * drj + r * whh.get(2 * n + i, j));
                        // h = (1 − z) n + z h_prev
                        out.set(i, j, (1 - z) * dnj + (hp[hpo + i] - nn) * dzj + (i == j ? z : 0));
                    }
                }
            }
            case LSTM -> {
                boolean first = s.isFirst(t);
                for (int i = 0; i < n; i++) {
                    double ig = s.gate(t, 0, i);
                    double f = s.gate(t, 1, i);
                    double g = s.gate(t, 2, i);
                    double o = s.gate(t, 3, i);
                    double cPrev = first ? s.c0[i] : s.cell.get(s.previous(t), i);
                    double tc = s.tanhCell.get(t, i);
                    double dhdc = o * (1 - tc * tc);
                    for (int j = 0; j < n; j++) {
                        double di = ig * (1 - ig) * whh.get(i, j);
                        double df = f * (1 - f) * whh.get(n + i, j);
                        double dg = (1 - g * g) * whh.get(2 * n + i, j);
                        double dO = o * (1 - o) * whh.get(3 * n + i, j);
                        // ∂c_t/∂h_{t−1} = c_{t−1} ∂f + g ∂i + i ∂g
                        double dc = cPrev * df + g * di + ig * dg;
                        out.set(n + i, j, dc);
                        // ∂h_t/∂h_{t−1} = tanh(c_t) ∂o + o (1 − tanh² c_t) ∂c_t
                        out.set(i, j, tc * dO + dhdc * dc);
                    }
                    // ∂c_t/∂c_{t−1} = diag(f); ∂h_t/∂c_{t−1} = o (1 − tanh² c_t) f
                    out.set(n + i, n + i, f);
                    out.set(i, n + i, dhdc * f);
                }
            }
            default -> throw new IllegalStateException();
        }
        if (s.ln != null && s.ln.normC != null) {
            layerNormCellRows(s, t, whh, out);
        }
    }

    /**
     * ∂gh/∂h_{t−1} of a layer-normalised cell, gh = γ_hh ⊙ N(W_hh h_{t−1}) + b_hh:
     * diag(γ_hh) · s · (I − 11ᵀ/m − N Nᵀ/m) · W_hh with m = G·H, s = 1/√(σ² + ε) and N the normalised vector.
     */
    static DMatrixRMaj layerNormRecurrent(LayerState s, int t) {
        DMatrixRMaj w = s.w.hh();
        int m = w.numRows;
        int n = w.numCols;
        double inv = s.ln.invStdHh[t];
        double[] nb = s.ln.normHh.data;
        int o = t * m;
        double[] g = s.ln.gainHh.data;
        double[] colMean = new double[n];
        double[] colN = new double[n];
        for (int k = 0; k < m; k++) {
            for (int j = 0; j < n; j++) {
                colMean[j] += w.get(k, j) / m;
                colN[j] += nb[o + k] * w.get(k, j) / m;
            }
        }
        DMatrixRMaj out = new DMatrixRMaj(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                out.set(i, j, g[i] * inv * (w.get(i, j) - colMean[j] - nb[o + i] * colN[j]));
            }
        }
        return out;
    }

    /**
     * LSTM with layer normalisation: h_t = o ⊙ tanh(ĉ_t), ĉ_t = γ_c ⊙ N(c_t) + β_c mixes the units of c_t,
     * so the h rows become ∂h_i/∂· = tanh(ĉ_i) ∂o_i/∂· + o_i (1 − tanh² ĉ_i) Σ_k ∂ĉ_i/∂c_k ∂c_k/∂·, with
     * ∂ĉ_i/∂c_k = γ_c,i s_c (δ_ik − 1/H − N_i N_k / H). The c rows (already in {@code out}) are unchanged.
     */
    private static void layerNormCellRows(LayerState s, int t, DMatrixRMaj wEff, DMatrixRMaj out) {
        int n = s.hiddenSize;
        double sc = s.ln.invStdC[t];
        double[] nc = s.ln.normC.data;
        double[] gc = s.ln.gainC.data;
        int co = t * n;
        for (int i = 0; i < n; i++) {
            double o = s.gate(t, 3, i);
            double tc = s.tanhCell.get(t, i);
            double dh = o * (1 - tc * tc);
            for (int j = 0; j < 2 * n; j++) {
                // Σ_k ∂ĉ_i/∂c_k ∂c_k/∂state_j
                double mix = 0;
                for (int k = 0; k < n; k++) {
                    double l = gc[i] * sc * ((i == k ? 1 : 0) - 1.0 / n - nc[co + i] * nc[co + k] / n);
                    mix += l * out.get(n + k, j);
                }
                double dO = j < n ? o * (1 - o) * wEff.get(3 * n + i, j) : 0;
                out.set(i, j, tc * dO + dh * mix);
            }
        }
    }

    /**
     * ‖J_{last} ⋯ J_{t+1}‖₂ for every t of one layer-direction: how strongly the state at the
     * direction's last step depends on the state at step t (1 at the last step itself).
     */
    public static double[] productNorms(Run run, int layer, int dir) {
        ModelConfig cfg = run.model().config();
        int len = run.length();
        int m = stateSize(cfg);
        DMatrixRMaj product = CommonOps_DDRM.identity(m);
        DMatrixRMaj j = new DMatrixRMaj(m, m);
        DMatrixRMaj tmp = new DMatrixRMaj(m, m);
        double[] norms = new double[len];
        for (int k = 0; k < len; k++) {
            // walk from the direction's last step towards its first
            int t = dir == 0 ? len - 1 - k : k;
            norms[t] = NormOps_DDRM.normP2(product);
            stepJacobian(run, layer, dir, t, j);
            // P ← P · J_t
            CommonOps_DDRM.mult(product, j, tmp);
            product.setTo(tmp);
        }
        return norms;
    }

    /** Eigenvalues of a square matrix (e.g. a vanilla RNN's W_hh), as complex numbers. */
    public static Complex_F64[] eigenvalues(DMatrixRMaj square) {
        if (square.numRows != square.numCols) {
            throw new IllegalArgumentException("eigenvalues need a square matrix, got " + square.numRows + "×" + square.numCols);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(square.numRows, false);
        if (!eig.decompose(square.copy())) {
            throw new IllegalStateException("eigen decomposition did not converge");
        }
        Complex_F64[] out = new Complex_F64[square.numRows];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Complex_F64(eig.getEigenvalue(i).real, eig.getEigenvalue(i).imaginary);
        }
        return out;
    }

    /** max |λ| of a square matrix. */
    public static double spectralRadius(DMatrixRMaj square) {
        double r = 0;
        for (Complex_F64 c : eigenvalues(square)) {
            r = Math.max(r, c.getMagnitude());
        }
        return r;
    }

    /**
     * The recurrent matrix of one gate block (rows block·H … (block+1)·H of W_hh): for rnn_* the
     * whole W_hh; for an LSTM's forget gate block 1, and so on.
     */
    public static DMatrixRMaj recurrentBlock(Model model, int layer, int dir, int block) {
        DMatrixRMaj whh = model.param(ModelConfig.weightHh(layer, dir));
        int n = model.config().hiddenSize();
        return CommonOps_DDRM.extract(whh, block * n, (block + 1) * n, 0, n);
    }
}
