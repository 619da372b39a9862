package rnnlab.engine;

/**
 * The LSTM step, PyTorch's gate order i, f, g, o:
 * <pre>
 *   i = σ(W_ii x + b_ii + W_hi h + b_hi)     f = σ(W_if x + b_if + W_hf h + b_hf)
 *   g = tanh(W_ig x + b_ig + W_hg h + b_hg)  o = σ(W_io x + b_io + W_ho h + b_ho)
 *   c_t = f ⊙ c_{t−1} + i ⊙ g                h_t = o ⊙ tanh(c_t)
 * </pre>
 */
final class LstmCell extends Cell {

    @Override
    void forward(LayerState s, int t, double[] x, int xo, int token) {
        final int n = s.hiddenSize;
        final double[] z = s.gates.data;
        final int go = t * s.gateWidth;
        // z = b_ih + b_hh + W_ih x_t
        inputAffine(s, z, go, x, xo, token, true);
        // z += W_hh h_{t−1}
        recurrentTimes(s, prevHidden(s, t), prevHiddenOffset(s, t), z, go);

        final double[] c = s.cell.data;
        final double[] tc = s.tanhCell.data;
        final double[] h = s.hidden.data;
        final double[] cPrev = s.isFirst(t) ? s.c0 : c;
        final int cpo = s.isFirst(t) ? 0 : s.previous(t) * n;
        final int co = t * n;
        final int ho = t * s.hidden.numCols + s.hOffset;
        // keep the pre-activations; the gate values overwrite z
        System.arraycopy(z, go, s.preact.data, go, s.gateWidth);
        for (int u = 0; u < n; u++) {
            // i, f, o = σ(z); g = tanh(z)   (a pinned gate keeps its pinned value)
            double i = s.pin(go + u, Kernels.sigmoid(z[go + u]));
            double f = s.pin(go + n + u, Kernels.sigmoid(z[go + n + u]));
            double g = s.pin(go + 2 * n + u, Math.tanh(z[go + 2 * n + u]));
            double o = s.pin(go + 3 * n + u, Kernels.sigmoid(z[go + 3 * n + u]));
            z[go + u] = i;
            z[go + n + u] = f;
            z[go + 2 * n + u] = g;
            z[go + 3 * n + u] = o;
            // c_t = f ⊙ c_{t−1} + i ⊙ g
            double ct = f * cPrev[cpo + u] + i * g;
            c[co + u] = ct;
            // h_t = o ⊙ tanh(c_t)
            double th = Math.tanh(ct);
            tc[co + u] = th;
            h[ho + u] = o * th;
        }
    }

    @Override
    void backward(LayerState s, int t, boolean inputGrad) {
        final int n = s.hiddenSize;
        final double[] a = s.gates.data;
        final double[] d = s.gateDelta.data;
        final double[] dh = s.gradHidden.data;
        final double[] dcTotal = s.gradCell.data;
        final double[] tc = s.tanhCell.data;
        final double[] rc = s.recC.data;
        final boolean first = s.isFirst(t);
        final double[] cPrev = first ? s.c0 : s.cell.data;
        final int cpo = first ? 0 : s.previous(t) * n;
        final double[] dcPrev = first ? s.gradC0 : rc;
        final int go = t * s.gateWidth;
        final int co = t * n;
        final int ho = t * s.gradHidden.numCols + s.hOffset;
        for (int u = 0; u < n; u++) {
            double i = a[go + u];
            double f = a[go + n + u];
            double g = a[go + 2 * n + u];
            double o = a[go + 3 * n + u];
            double th = tc[co + u];
            double dht = dh[ho + u];
            // δc_t = δh_t ⊙ o ⊙ (1 − tanh²c_t) + δc_t from step t+1 (f_{t+1} ⊙ δc_{t+1})
            double dc = dht * o * (1.0 - th * th) + rc[co + u];
            dcTotal[co + u] = dc;
            // δ(pre-activations): δi ⊙ σ', δf ⊙ σ', δg ⊙ tanh', δo ⊙ σ'
            d[go + u] = s.unlessPinned(go + u, dc * g * i * (1.0 - i));
            d[go + n + u] = s.unlessPinned(go + n + u, dc * cPrev[cpo + u] * f * (1.0 - f));
            d[go + 2 * n + u] = s.unlessPinned(go + 2 * n + u, dc * i * (1.0 - g * g));
            d[go + 3 * n + u] = s.unlessPinned(go + 3 * n + u, dht * th * o * (1.0 - o));
            // δc_{t−1} = δc_t ⊙ f
            dcPrev[cpo + u] = dc * f;
        }
        // δh_{t−1} (recurrent part) = W_hhᵀ δz
        double[] rec = recHTarget(s, t);
        int ro = recHOffset(s, t);
        Kernels.fill(rec, ro, n, 0);
        Kernels.multTransAdd(s.w.hh(), d, go, rec, ro);
        if (inputGrad) {
            // δx_t = W_ihᵀ δz
            inputGradient(s, t, d, go);
        }
    }

    @Override
    void accumulate(LayerState s, int t, double[] x, int xo, int token) {
        int go = t * s.gateWidth;
        // dW_ih += δz x_tᵀ, db_ih += δz
        accumulateInput(s, s.gateDelta.data, go, x, xo, token);
        // dW_hh += δz h_{t−1}ᵀ, db_hh += δz
        accumulateRecurrent(s, t, s.gateDelta.data, go);
    }
}
