package rnnlab.engine;

/**
 * The GRU step, PyTorch's gate order r, z, n:
 * <pre>
 *   r = σ(W_ir x + b_ir + W_hr h + b_hr)      z = σ(W_iz x + b_iz + W_hz h + b_hz)
 *   n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
 *   h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
 * </pre>
 * The stored {@code cell} row of step t holds W_hn h_{t−1} + b_hn, which the backward step needs.
 */
final class GruCell extends Cell {
    /** Scratch for W_hh h + b_hh (forward) and for the hh-side delta (backward), length 3H. */
    private double[] scratch = new double[0];

    private double[] scratch(int n) {
        if (scratch.length < n) {
            scratch = new double[n];
        }
        return scratch;
    }

    @Override
    void forward(LayerState s, int t, double[] x, int xo, int token) {
        final int n = s.hiddenSize;
        final double[] gi = s.gates.data;
        final int go = t * s.gateWidth;
        final double[] gh = scratch(s.gateWidth);
        // gi = W_ih x_t + b_ih
        inputAffine(s, gi, go, x, xo, token, false);
        // gh = W_hh h_{t−1} + b_hh
        System.arraycopy(s.w.bhh().data, 0, gh, 0, s.gateWidth);
        final double[] hp = prevHidden(s, t);
        final int hpo = prevHiddenOffset(s, t);
        recurrentTimes(s, hp, hpo, gh, 0);

        final double[] hn = s.cell.data;
        final double[] h = s.hidden.data;
        final int co = t * n;
        final int ho = t * s.hidden.numCols + s.hOffset;
        for (int u = 0; u < n; u++) {
            final double[] pre = s.preact.data;
            // r = σ(gi_r + gh_r), z = σ(gi_z + gh_z)   (a pinned gate keeps its pinned value)
            pre[go + u] = gi[go + u] + gh[u];
            pre[go + n + u] = gi[go + n + u] + gh[n + u];
            double r = s.pin(go + u, Kernels.sigmoid(pre[go + u]));
            double z = s.pin(go + n + u, Kernels.sigmoid(pre[go + n + u]));
            // n = tanh(gi_n + r ⊙ gh_n)
            double ghn = gh[2 * n + u];
            pre[go + 2 * n + u] = gi[go + 2 * n + u] + r * ghn;
            double nn = s.pin(go + 2 * n + u, Math.tanh(pre[go + 2 * n + u]));
            gi[go + u] = r;
            gi[go + n + u] = z;
            gi[go + 2 * n + u] = nn;
            hn[co + u] = ghn;
            // h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
            h[ho + u] = (1.0 - z) * nn + z * hp[hpo + u];
        }
    }

    @Override
    void backward(LayerState s, int t, boolean inputGrad) {
        final int n = s.hiddenSize;
        final double[] a = s.gates.data;
        final double[] d = s.gateDelta.data;
        final double[] dhn = s.hnDelta.data;
        final double[] hn = s.cell.data;
        final double[] dh = s.gradHidden.data;
        final double[] hp = prevHidden(s, t);
        final int hpo = prevHiddenOffset(s, t);
        final double[] rec = recHTarget(s, t);
        final int ro = recHOffset(s, t);
        final int go = t * s.gateWidth;
        final int co = t * n;
        final int ho = t * s.gradHidden.numCols + s.hOffset;
        for (int u = 0; u < n; u++) {
            double r = a[go + u];
            double z = a[go + n + u];
            double nn = a[go + 2 * n + u];
            double dht = dh[ho + u];
            // δn_pre = δh ⊙ (1 − z) ⊙ (1 − n²)
            double dnPre = s.unlessPinned(go + 2 * n + u, dht * (1.0 - z) * (1.0 - nn * nn));
            // δz_pre = δh ⊙ (h_{t−1} − n) ⊙ z(1 − z)
            double dzPre = s.unlessPinned(go + n + u, dht * (hp[hpo + u] - nn) * z * (1.0 - z));
            // δr_pre = δn_pre ⊙ (W_hn h + b_hn) ⊙ r(1 − r)
            double drPre = s.unlessPinned(go + u, dnPre * hn[co + u] * r * (1.0 - r));
            d[go + u] = drPre;
            d[go + n + u] = dzPre;
            d[go + 2 * n + u] = dnPre;
            // δ(W_hn h + b_hn) = δn_pre ⊙ r
            dhn[co + u] = dnPre * r;
            // δh_{t−1}, direct part: δh ⊙ z
            rec[ro + u] = dht * z;
        }
        // δh_{t−1} += W_hhᵀ [δr_pre; δz_pre; δn_pre ⊙ r]
        double[] dgh = hhDelta(s, t);
        Kernels.multTransAdd(s.w.hh(), dgh, 0, rec, ro);
        if (inputGrad) {
            // δx_t = W_ihᵀ [δr_pre; δz_pre; δn_pre]
            inputGradient(s, t, d, go);
        }
    }

    /** [δr_pre; δz_pre; δn_pre ⊙ r] of step t, assembled in the scratch vector. */
    private double[] hhDelta(LayerState s, int t) {
        final int n = s.hiddenSize;
        final double[] dgh = scratch(s.gateWidth);
        System.arraycopy(s.gateDelta.data, t * s.gateWidth, dgh, 0, 2 * n);
        System.arraycopy(s.hnDelta.data, t * n, dgh, 2 * n, n);
        return dgh;
    }

    @Override
    void accumulateDeferred(LayerState s, int[] ts, int n, double[] x, int xStride, boolean dense) {
        final int h = s.hiddenSize;
        int[] dOff = s.scratchOffsets;
        for (int k = 0; k < n; k++) {
            dOff[k] = ts[k] * s.gateWidth;
        }
        if (dense) {
            // dW_ih += Σ_t δgi_t x_tᵀ
            fillInputs(s, ts, n, x, xStride);
            Kernels.rankNAdd(s.g.ih(), 0, s.gateWidth, s.gateDelta.data, dOff, 0, s.scratchX, s.scratchXOff, n);
        }
        // dW_hh += Σ_t δgh_t h_{t−1}ᵀ, δgh = [δr_pre; δz_pre; δn_pre ⊙ r]: rows r, z from the gate deltas …
        fillPrevHidden(s, ts, n);
        Kernels.rankNAdd(s.g.hh(), 0, 2 * h, s.gateDelta.data, dOff, 0, s.scratchX, s.scratchXOff, n);
        // … rows n from the hn deltas
        for (int k = 0; k < n; k++) {
            dOff[k] = ts[k] * h;
        }
        Kernels.rankNAdd(s.g.hh(), 2 * h, 3 * h, s.hnDelta.data, dOff, 2 * h, s.scratchX, s.scratchXOff, n);
    }

    @Override
    void accumulate(LayerState s, int t, double[] x, int xo, int token) {
        // dW_ih += δgi x_tᵀ, db_ih += δgi
        accumulateInput(s, s.gateDelta.data, t * s.gateWidth, x, xo, token);
        // dW_hh += δgh h_{t−1}ᵀ, db_hh += δgh
        accumulateRecurrent(s, t, hhDelta(s, t), 0);
    }
}
