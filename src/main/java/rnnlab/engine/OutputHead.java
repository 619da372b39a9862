package rnnlab.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * The output at each step, y_t = act(W_fc h_t^top + b_fc) (or y_t = h_t^top without a head), the
 * step's loss, and its backward step. Rows of every matrix are time steps.
 */
final class OutputHead {
    private final ModelConfig cfg;
    private final DMatrixRMaj w;
    private final DMatrixRMaj b;
    private final DMatrixRMaj gw;
    private final DMatrixRMaj gb;
    private final int width;
    private final int inWidth;
    /** Pre-activations z_t (T × O; unused without a head). */
    final DMatrixRMaj logits;
    /** Outputs y_t (T × O, or T × H·D without a head). */
    final DMatrixRMaj outputs;
    /** δz_t = dL_t/dz_t (δy_t without a head). */
    final DMatrixRMaj gradLogits;
    /** dL/dh_t^top coming from the output at t (T × H·D). */
    final DMatrixRMaj gradTop;
    /** The loss term of every step (0 where there is no target). */
    final double[] stepLoss;

    OutputHead(ModelConfig cfg, Parameters p, Parameters g, int length) {
        this.cfg = cfg;
        this.width = cfg.outputWidth();
        this.inWidth = cfg.hiddenSize() * cfg.directions();
        this.w = cfg.hasHead() ? p.get(ModelConfig.FC_WEIGHT) : null;
        this.b = cfg.hasHead() ? p.get(ModelConfig.FC_BIAS) : null;
        this.gw = cfg.hasHead() ? g.get(ModelConfig.FC_WEIGHT) : null;
        this.gb = cfg.hasHead() ? g.get(ModelConfig.FC_BIAS) : null;
        logits = new DMatrixRMaj(length, width);
        outputs = new DMatrixRMaj(length, width);
        gradLogits = new DMatrixRMaj(length, width);
        gradTop = new DMatrixRMaj(length, inWidth);
        stepLoss = new double[length];
        dOff = new int[length];
        xs = new double[length][];
        xOff = new int[length];
    }

    /** Computes y_t from the top layer's row t and, when step t has a target, its loss. */
    void forward(DMatrixRMaj top, int t, Sequence seq) {
        final double[] z = logits.data;
        final double[] y = outputs.data;
        final int zo = t * width;
        if (cfg.hasHead()) {
            // z_t = b_fc + W_fc h_t
            System.arraycopy(b.data, 0, z, zo, width);
            Kernels.multAdd(w, top.data, t * inWidth, z, zo);
            // y_t = act(z_t)
            Losses.activate(cfg.outputActivation(), z, zo, y, zo, width);
        } else {
            // y_t = h_t (no head)
            System.arraycopy(top.data, t * inWidth, z, zo, width);
            System.arraycopy(top.data, t * inWidth, y, zo, width);
        }
        int k = seq.targetIndex(t);
        stepLoss[t] = k < 0 ? 0.0 : Losses.loss(seq, k, z, y, zo, width);
    }

    /** δz_t and dL/dh_t^top from step t's loss (zero when t has no target). */
    void backward(int t, Sequence seq) {
        final int zo = t * width;
        final int ho = t * inWidth;
        final double[] dz = gradLogits.data;
        final double[] dTop = gradTop.data;
        Kernels.fill(dTop, ho, inWidth, 0);
        if (externalTop != null) {
            // an encoder: dL/dh_t^top comes from whatever reads the states (attention, bridge)
            System.arraycopy(externalTop.data, ho, dTop, ho, inWidth);
            Kernels.fill(dz, zo, width, 0);
            return;
        }
        int k = seq.targetIndex(t);
        if (k < 0) {
            Kernels.fill(dz, zo, width, 0);
            return;
        }
        Activation act = cfg.hasHead() ? cfg.outputActivation() : Activation.IDENTITY;
        // δz_t = ∂L_t/∂z_t
        Losses.gradient(seq, k, act, logits.data, outputs.data, zo, width, dz);
        if (cfg.hasHead()) {
            // δh_t^top = W_fcᵀ δz_t
            Kernels.multTransAdd(w, dz, zo, dTop, ho);
        } else {
            System.arraycopy(dz, zo, dTop, ho, width);
        }
    }

    /** dW_fc += δz_t h_tᵀ, db_fc += δz_t (dW_fc left to {@link #accumulateDeferred} while deferring). */
    void accumulate(DMatrixRMaj top, int t) {
        if (!cfg.hasHead()) {
            return;
        }
        final int zo = t * width;
        Kernels.add(gradLogits.data, zo, gb.data, 0, width);
        if (!deferWeights) {
            Kernels.rank1Add(gw, gradLogits.data, zo, top.data, t * inWidth);
        }
    }

    boolean deferWeights;
    /** When set (T × H·D), backward takes dL/dh_t^top from here instead of a loss (see Seq2SeqRun). */
    DMatrixRMaj externalTop;
    private final int[] dOff;
    private final double[][] xs;
    private final int[] xOff;

    /** dW_fc += Σ_t δz_t h_tᵀ for the steps ts[0..n) in BPTT order (same terms, same order, same bits). */
    void accumulateDeferred(DMatrixRMaj top, int[] ts, int n) {
        if (!cfg.hasHead()) {
            return;
        }
        for (int k = 0; k < n; k++) {
            dOff[k] = ts[k] * width;
            xs[k] = top.data;
            xOff[k] = ts[k] * inWidth;
        }
        Kernels.rankNAdd(gw, 0, width, gradLogits.data, dOff, 0, xs, xOff, n);
    }

    int width() {
        return width;
    }
}
