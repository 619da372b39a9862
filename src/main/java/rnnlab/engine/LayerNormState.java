package rnnlab.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * What a layer-normalised cell ({@link LayerNormCell}) keeps per time step besides the ordinary
 * {@link LayerState}: the normalised vectors, their inverse standard deviations, and the deltas of the
 * un-normalised products that the weight gradients need. Allocated once per layer-direction when the
 * model has {@link ModelConfig#layerNorm()}.
 *
 * <p>LN(v; γ, β) = γ ⊙ (v − μ)/√(σ² + ε) + β with μ and σ² the mean and (biased) variance of the
 * numbers of v and ε = {@link #EPSILON} (PyTorch's nn.LayerNorm default).
 */
public final class LayerNormState {
    /** ε under the square root, as nn.LayerNorm's default. */
    public static final double EPSILON = 1e-5;

    /** Gains (and the LSTM's c bias): weights and their gradients; the c ones are null but for the LSTM. */
    final DMatrixRMaj gainIh;
    final DMatrixRMaj gainHh;
    final DMatrixRMaj gainC;
    final DMatrixRMaj biasC;
    final DMatrixRMaj gradGainIh;
    final DMatrixRMaj gradGainHh;
    final DMatrixRMaj gradGainC;
    final DMatrixRMaj gradBiasC;
    /** N(W_ih x_t) and N(W_hh h_{t−1}) per step (T × G·H), and 1/√(σ² + ε) of each (length T). */
    final DMatrixRMaj normIh;
    final DMatrixRMaj normHh;
    final double[] invStdIh;
    final double[] invStdHh;
    /** LSTM: N(c_t) (T × H) and its 1/√(σ² + ε). */
    final DMatrixRMaj normC;
    final double[] invStdC;
    /** Deltas of W_ih x_t and W_hh h_{t−1} before normalisation (T × G·H): dW_ih = Σ δ x_tᵀ, dW_hh = Σ δ h_{t−1}ᵀ. */
    final DMatrixRMaj deltaIh;
    final DMatrixRMaj deltaHh;
    /** LSTM: dL/dĉ_t, ĉ_t = LN(c_t; γ_c, β_c) (T × H). */
    final DMatrixRMaj deltaCHat;

    LayerNormState(ModelConfig cfg, int layer, int dir, int length, Parameters w, Parameters g) {
        int gw = cfg.cell().blocks() * cfg.hiddenSize();
        int h = cfg.hiddenSize();
        boolean lstm = cfg.cell() == CellType.LSTM;
        gainIh = w.get(ModelConfig.lnGainIh(layer, dir));
        gainHh = w.get(ModelConfig.lnGainHh(layer, dir));
        gradGainIh = g.get(ModelConfig.lnGainIh(layer, dir));
        gradGainHh = g.get(ModelConfig.lnGainHh(layer, dir));
        gainC = lstm ? w.get(ModelConfig.lnGainC(layer, dir)) : null;
        biasC = lstm ? w.get(ModelConfig.lnBiasC(layer, dir)) : null;
        gradGainC = lstm ? g.get(ModelConfig.lnGainC(layer, dir)) : null;
        gradBiasC = lstm ? g.get(ModelConfig.lnBiasC(layer, dir)) : null;
        normIh = new DMatrixRMaj(length, gw);
        normHh = new DMatrixRMaj(length, gw);
        invStdIh = new double[length];
        invStdHh = new double[length];
        deltaIh = new DMatrixRMaj(length, gw);
        deltaHh = new DMatrixRMaj(length, gw);
        normC = lstm ? new DMatrixRMaj(length, h) : null;
        invStdC = lstm ? new double[length] : null;
        deltaCHat = lstm ? new DMatrixRMaj(length, h) : null;
    }

    /** N(W_ih x_t), element j of step t (for views and tests). */
    public double normalisedInput(int t, int j) {
        return normIh.get(t, j);
    }

    /** N(W_hh h_{t−1}), element j of step t. */
    public double normalisedRecurrent(int t, int j) {
        return normHh.get(t, j);
    }

    /**
     * Normalises v[o..o+m) in place, v ← (v − μ)/√(σ² + ε), and returns 1/√(σ² + ε).
     */
    static double normalise(double[] v, int o, int m) {
        double mean = 0;
        for (int j = 0; j < m; j++) {
            mean += v[o + j];
        }
        mean /= m;
        double var = 0;
        for (int j = 0; j < m; j++) {
            double d = v[o + j] - mean;
            var += d * d;
        }
        var /= m;
        double s = 1.0 / Math.sqrt(var + EPSILON);
        for (int j = 0; j < m; j++) {
            v[o + j] = (v[o + j] - mean) * s;
        }
        return s;
    }

    /**
     * Back through the normalisation: given dn = dL/dN(v) in {@code dn[0..m)} (the output delta times the
     * gain), writes dL/dv = s · (dn − mean(dn) − N ⊙ mean(dn ⊙ N)) to out[oo..oo+m).
     */
    static void backward(double[] dn, double[] n, int no, double s, int m, double[] out, int oo) {
        double m1 = 0;
        double m2 = 0;
        for (int j = 0; j < m; j++) {
            m1 += dn[j];
            m2 += dn[j] * n[no + j];
        }
        m1 /= m;
        m2 /= m;
        for (int j = 0; j < m; j++) {
            out[oo + j] = s * (dn[j] - m1 - n[no + j] * m2);
        }
    }
}
