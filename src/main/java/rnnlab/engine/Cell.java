package rnnlab.engine;

/**
 * One recurrent cell's arithmetic for a single time step, forward and backward. The cell keeps no
 * state of its own: every value lives in the {@link LayerState} rows of step t, so a step can be
 * recomputed or replayed at any time with identical results.
 *
 * <p>The input x_t is either a row of an array ({@code x}, {@code xo}) or, for one-hot tokens without
 * an embedding, the column {@code token} of W_ih ({@code token ≥ 0}, then {@code x} is ignored).
 */
abstract class Cell {

    static Cell of(CellType type) {
        return switch (type) {
            case RNN_TANH -> new VanillaCell(false);
            case RNN_RELU -> new VanillaCell(true);
            case LSTM -> new LstmCell();
            case GRU -> new GruCell();
        };
    }

    /** Computes step t of {@code s} from x_t and the state of the previous step. */
    abstract void forward(LayerState s, int t, double[] x, int xo, int token);

    /**
     * Given dL/dh_t in total (already in {@code s.gradHidden}), computes the gate deltas of step t and
     * what flows to the previous step ({@code recH}, {@code recC} or the initial-state gradients) and,
     * when {@code inputGrad}, dL/dx_t into {@code s.gradInput}. Overwrites; never accumulates.
     */
    abstract void backward(LayerState s, int t, boolean inputGrad);

    /** Adds step t's share of dL/dθ (from the stored deltas) into the gradient matrices {@code s.g}. */
    abstract void accumulate(LayerState s, int t, double[] x, int xo, int token);

    // ---- shared helpers -------------------------------------------------------------------------

    /** The array holding h_{t−1} (the initial state at the first step). */
    static double[] prevHidden(LayerState s, int t) {
        return s.isFirst(t) ? s.h0 : s.hidden.data;
    }

    static int prevHiddenOffset(LayerState s, int t) {
        return s.isFirst(t) ? 0 : s.previous(t) * s.hidden.numCols + s.hOffset;
    }

    /** pre[go..] = b_ih + b_hh + W_ih x_t (or its column for a one-hot token). */
    static void inputAffine(LayerState s, double[] pre, int go, double[] x, int xo, int token, boolean withHhBias) {
        double[] bih = s.w.bih().data;
        double[] bhh = s.w.bhh().data;
        for (int j = 0; j < s.gateWidth; j++) {
            pre[go + j] = withHhBias ? bih[j] + bhh[j] : bih[j];
        }
        if (token >= 0) {
            Kernels.addColumn(s.w.ih(), token, pre, go);
        } else {
            inputTimes(s, x, xo, pre, go);
        }
    }

    /** y[yo..] += W_hh h[ho..]: through the transposed copy during a long whole forward pass (same numbers). */
    static void recurrentTimes(LayerState s, double[] h, int ho, double[] y, int yo) {
        if (s.transposed) {
            Kernels.multAddT(s.hhT, s.gateWidth, h, ho, y, yo, s.matVecScratch);
        } else {
            Kernels.multAdd(s.w.hh(), h, ho, y, yo);
        }
    }

    /** y[yo..] += W_ih x[xo..] for a dense input, like {@link #recurrentTimes}. */
    static void inputTimes(LayerState s, double[] x, int xo, double[] y, int yo) {
        if (s.transposed && s.ihT != null) {
            Kernels.multAddT(s.ihT, s.gateWidth, x, xo, y, yo, s.matVecScratch);
        } else {
            Kernels.multAdd(s.w.ih(), x, xo, y, yo);
        }
    }

    /**
     * dW_ih += δ x_tᵀ (or δ into one column), db_ih += δ. While {@code s.deferWeights} is set (a
     * complete BPTT pass), the dense dW_ih term is left to {@link #accumulateDeferred}.
     */
    static void accumulateInput(LayerState s, double[] delta, int dOff, double[] x, int xo, int token) {
        Kernels.add(delta, dOff, s.g.bih().data, 0, s.gateWidth);
        if (token >= 0) {
            Kernels.addToColumn(s.g.ih(), token, delta, dOff);
        } else if (!s.deferWeights) {
            Kernels.rank1Add(s.g.ih(), delta, dOff, x, xo);
        }
    }

    /** The recurrent part: dW_hh += δ h_{t−1}ᵀ, db_hh += δ (dW_hh deferred like dW_ih). */
    static void accumulateRecurrent(LayerState s, int t, double[] delta, int dOff) {
        Kernels.add(delta, dOff, s.g.bhh().data, 0, s.gateWidth);
        if (!s.deferWeights) {
            Kernels.rank1Add(s.g.hh(), delta, dOff, prevHidden(s, t), prevHiddenOffset(s, t));
        }
    }

    /**
     * The weight terms a deferred BPTT pass skipped, for the steps {@code ts[0..n)} in BPTT order:
     * dW_hh += Σ δz_t h_{t−1}ᵀ and, for a dense input, dW_ih += Σ δz_t x_tᵀ. Every element gets the same
     * terms in the same order as step-by-step accumulation, so the gradients are identical.
     */
    void accumulateDeferred(LayerState s, int[] ts, int n, double[] x, int xStride, boolean dense) {
        int[] dOff = s.scratchOffsets;
        for (int k = 0; k < n; k++) {
            dOff[k] = ts[k] * s.gateWidth;
        }
        if (dense) {
            // dW_ih += Σ_t δz_t x_tᵀ
            fillInputs(s, ts, n, x, xStride);
            Kernels.rankNAdd(s.g.ih(), 0, s.gateWidth, s.gateDelta.data, dOff, 0, s.scratchX, s.scratchXOff, n);
        }
        // dW_hh += Σ_t δz_t h_{t−1}ᵀ
        fillPrevHidden(s, ts, n);
        Kernels.rankNAdd(s.g.hh(), 0, s.gateWidth, s.gateDelta.data, dOff, 0, s.scratchX, s.scratchXOff, n);
    }

    static void fillInputs(LayerState s, int[] ts, int n, double[] x, int xStride) {
        for (int k = 0; k < n; k++) {
            s.scratchX[k] = x;
            s.scratchXOff[k] = ts[k] * xStride;
        }
    }

    static void fillPrevHidden(LayerState s, int[] ts, int n) {
        for (int k = 0; k < n; k++) {
            s.scratchX[k] = prevHidden(s, ts[k]);
            s.scratchXOff[k] = prevHiddenOffset(s, ts[k]);
        }
    }

    /** Where dL/dh_{t−1} goes: the previous step's recH row, or the initial-state gradient. */
    static double[] recHTarget(LayerState s, int t) {
        return s.isFirst(t) ? s.gradH0 : s.recH.data;
    }

    static int recHOffset(LayerState s, int t) {
        return s.isFirst(t) ? 0 : s.previous(t) * s.hiddenSize;
    }

    /** dL/dx_t = W_ihᵀ δ, overwriting row t of gradInput. */
    static void inputGradient(LayerState s, int t, double[] delta, int dOff) {
        int xo = t * s.inputSize;
        Kernels.fill(s.gradInput.data, xo, s.inputSize, 0);
        Kernels.multTransAdd(s.w.ih(), delta, dOff, s.gradInput.data, xo);
    }
}
