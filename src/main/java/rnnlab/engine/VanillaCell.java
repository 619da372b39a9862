package rnnlab.engine;

/** h_t = act(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh), act = tanh or ReLU. Stores the pre-activation. */
final class VanillaCell extends Cell {
    private final boolean relu;

    VanillaCell(boolean relu) {
        this.relu = relu;
    }

    @Override
    void forward(LayerState s, int t, double[] x, int xo, int token) {
        final int n = s.hiddenSize;
        final double[] a = s.gates.data;
        final int ao = t * n;
        // a_t = b_ih + b_hh + W_ih x_t
        inputAffine(s, a, ao, x, xo, token, true);
        // a_t += W_hh h_{t−1}
        recurrentTimes(s, prevHidden(s, t), prevHiddenOffset(s, t), a, ao);
        // h_t = act(a_t)
        final double[] h = s.hidden.data;
        final int ho = t * s.hidden.numCols + s.hOffset;
        for (int u = 0; u < n; u++) {
            double v = a[ao + u];
            h[ho + u] = relu ? (v > 0 ? v : 0.0) : Math.tanh(v);
        }
    }

    @Override
    void backward(LayerState s, int t, boolean inputGrad) {
        final int n = s.hiddenSize;
        final double[] a = s.gates.data;
        final double[] h = s.hidden.data;
        final double[] dh = s.gradHidden.data;
        final double[] da = s.gateDelta.data;
        final int ao = t * n;
        final int ho = t * s.hidden.numCols + s.hOffset;
        // δa_t = δh_t ⊙ act'(a_t): (1 − h_t²) for tanh, [a_t > 0] for ReLU
        for (int u = 0; u < n; u++) {
            double d = dh[ho + u];
            da[ao + u] = relu ? (a[ao + u] > 0 ? d : 0.0) : d * (1.0 - h[ho + u] * h[ho + u]);
        }
        // δh_{t−1} (recurrent part) = W_hhᵀ δa_t
        double[] rec = recHTarget(s, t);
        int ro = recHOffset(s, t);
        Kernels.fill(rec, ro, n, 0);
        Kernels.multTransAdd(s.w.hh(), da, ao, rec, ro);
        if (inputGrad) {
            // δx_t = W_ihᵀ δa_t
            inputGradient(s, t, da, ao);
        }
    }

    @Override
    void accumulate(LayerState s, int t, double[] x, int xo, int token) {
        int ao = t * s.hiddenSize;
        // dW_ih += δa_t x_tᵀ, db_ih += δa_t
        accumulateInput(s, s.gateDelta.data, ao, x, xo, token);
        // dW_hh += δa_t h_{t−1}ᵀ, db_hh += δa_t
        accumulateRecurrent(s, t, s.gateDelta.data, ao);
    }
}
