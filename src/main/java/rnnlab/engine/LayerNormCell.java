package rnnlab.engine;

/**
 * A recurrent cell with layer normalisation (J. L. Ba, J. R. Kiros, G. E. Hinton, "Layer
 * Normalization", 2016, section 3.1 and the LSTM equations of section 6.3). With
 * LN(v; γ, β) = γ ⊙ (v − μ_v)/√(σ²_v + ε) + β over the numbers of v (see {@link LayerNormState}):
 * <pre>
 *   gi = LN(W_ih x_t; γ_ih, b_ih)             gh = LN(W_hh h_{t−1}; γ_hh, b_hh)     (each over all G·H rows)
 *   rnn:  h_t = act(gi + gh)
 *   lstm: [i f g o] = [σ σ tanh σ](gi + gh),  c_t = f ⊙ c_{t−1} + i ⊙ g,
 *         h_t = o ⊙ tanh(LN(c_t; γ_c, β_c))
 *   gru:  r = σ(gi_r + gh_r), z = σ(gi_z + gh_z), n = tanh(gi_n + r ⊙ gh_n),
 *         h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
 * </pre>
 * The biases of the two normalisations are the cell's own b_ih and b_hh (the paper's β, and in the
 * GRU b_hn stays inside r ⊙ (…) as in PyTorch); the gains γ_ih, γ_hh (G·H each) and, for the LSTM,
 * γ_c and β_c (H each) are extra parameters ({@link ModelConfig#lnGainIh} …), initialised to 1 and 0.
 * The gates are normalised together, not block by block, as in the paper.
 *
 * <p>Every weight-gradient term is added step by step in {@link #accumulate} (in BPTT order, so a
 * complete pass and the BPTT cursor give identical numbers); {@link #accumulateDeferred} adds nothing.
 * Checked against central differences ({@code LayerNormResidualGradientTest}) and a PyTorch autograd
 * reference of the same equations ({@code src/test/python/make_ln_residual_fixture.py},
 * {@code LayerNormResidualPyTorchTest}).
 */
final class LayerNormCell extends Cell {
    private final CellType type;
    private double[] gi = new double[0];
    private double[] gh = new double[0];
    private double[] dn = new double[0];

    LayerNormCell(CellType type) {
        this.type = type;
    }

    private void scratch(int m) {
        if (gi.length < m) {
            gi = new double[m];
            gh = new double[m];
            dn = new double[m];
        }
    }

    @Override
    void forward(LayerState s, int t, double[] x, int xo, int token) {
        final int m = s.gateWidth;
        final int go = t * m;
        final LayerNormState ln = s.ln;
        scratch(m);
        // N(W_ih x_t)
        final double[] na = ln.normIh.data;
        Kernels.fill(na, go, m, 0);
        if (token >= 0) {
            Kernels.addColumn(s.w.ih(), token, na, go);
        } else {
            Kernels.multAdd(s.w.ih(), x, xo, na, go);
        }
        ln.invStdIh[t] = LayerNormState.normalise(na, go, m);
        // N(W_hh h_{t−1})
        final double[] nb = ln.normHh.data;
        Kernels.fill(nb, go, m, 0);
        Kernels.multAdd(s.w.hh(), prevHidden(s, t), prevHiddenOffset(s, t), nb, go);
        ln.invStdHh[t] = LayerNormState.normalise(nb, go, m);
        // gi = γ_ih ⊙ N(W_ih x) + b_ih,  gh = γ_hh ⊙ N(W_hh h) + b_hh
        final double[] gIh = ln.gainIh.data;
        final double[] gHh = ln.gainHh.data;
        final double[] bih = s.w.bih().data;
        final double[] bhh = s.w.bhh().data;
        for (int j = 0; j < m; j++) {
            gi[j] = gIh[j] * na[go + j] + bih[j];
            gh[j] = gHh[j] * nb[go + j] + bhh[j];
        }
        switch (type) {
            case LSTM -> lstmForward(s, t, ln);
            case GRU -> gruForward(s, t);
            default -> vanillaForward(s, t);
        }
    }

    private void vanillaForward(LayerState s, int t) {
        final int n = s.hiddenSize;
        final double[] a = s.gates.data;
        final double[] h = s.hidden.data;
        final int ao = t * n;
        final int ho = t * s.hidden.numCols + s.hOffset;
        final boolean relu = type.relu();
        for (int u = 0; u < n; u++) {
            // h_t = act(gi + gh)
            double v = gi[u] + gh[u];
            a[ao + u] = v;
            h[ho + u] = relu ? (v > 0 ? v : 0.0) : Math.tanh(v);
        }
    }

    private void lstmForward(LayerState s, int t, LayerNormState ln) {
        final int n = s.hiddenSize;
        final int go = t * s.gateWidth;
        final double[] z = s.gates.data;
        final double[] pre = s.preact.data;
        final double[] c = s.cell.data;
        final double[] tc = s.tanhCell.data;
        final double[] h = s.hidden.data;
        final double[] cPrev = s.isFirst(t) ? s.c0 : c;
        final int cpo = s.isFirst(t) ? 0 : s.previous(t) * n;
        final int co = t * n;
        final int ho = t * s.hidden.numCols + s.hOffset;
        for (int j = 0; j < s.gateWidth; j++) {
            pre[go + j] = gi[j] + gh[j];
        }
        final double[] nc = ln.normC.data;
        for (int u = 0; u < n; u++) {
            double i = s.pin(go + u, Kernels.sigmoid(pre[go + u]));
            double f = s.pin(go + n + u, Kernels.sigmoid(pre[go + n + u]));
            double g = s.pin(go + 2 * n + u, Math.tanh(pre[go + 2 * n + u]));
            double o = s.pin(go + 3 * n + u, Kernels.sigmoid(pre[go + 3 * n + u]));
            z[go + u] = i;
            z[go + n + u] = f;
            z[go + 2 * n + u] = g;
            z[go + 3 * n + u] = o;
            // c_t = f ⊙ c_{t−1} + i ⊙ g
            double ct = f * cPrev[cpo + u] + i * g;
            c[co + u] = ct;
            nc[co + u] = ct;
        }
        // ĉ_t = γ_c ⊙ N(c_t) + β_c,  h_t = o ⊙ tanh(ĉ_t)
        ln.invStdC[t] = LayerNormState.normalise(nc, co, n);
        final double[] gC = ln.gainC.data;
        final double[] bC = ln.biasC.data;
        for (int u = 0; u < n; u++) {
            double th = Math.tanh(gC[u] * nc[co + u] + bC[u]);
            tc[co + u] = th;
            h[ho + u] = z[go + 3 * n + u] * th;
        }
    }

    private void gruForward(LayerState s, int t) {
        final int n = s.hiddenSize;
        final int go = t * s.gateWidth;
        final double[] a = s.gates.data;
        final double[] pre = s.preact.data;
        final double[] hn = s.cell.data;
        final double[] h = s.hidden.data;
        final double[] hp = prevHidden(s, t);
        final int hpo = prevHiddenOffset(s, t);
        final int co = t * n;
        final int ho = t * s.hidden.numCols + s.hOffset;
        for (int u = 0; u < n; u++) {
            // r = σ(gi_r + gh_r), z = σ(gi_z + gh_z), n = tanh(gi_n + r ⊙ gh_n)
            pre[go + u] = gi[u] + gh[u];
            pre[go + n + u] = gi[n + u] + gh[n + u];
            double r = s.pin(go + u, Kernels.sigmoid(pre[go + u]));
            double z = s.pin(go + n + u, Kernels.sigmoid(pre[go + n + u]));
            double ghn = gh[2 * n + u];
            pre[go + 2 * n + u] = gi[2 * n + u] + r * ghn;
            double nn = s.pin(go + 2 * n + u, Math.tanh(pre[go + 2 * n + u]));
            a[go + u] = r;
            a[go + n + u] = z;
            a[go + 2 * n + u] = nn;
            hn[co + u] = ghn;
            // h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
            h[ho + u] = (1.0 - z) * nn + z * hp[hpo + u];
        }
    }

    @Override
    void backward(LayerState s, int t, boolean inputGrad) {
        final int m = s.gateWidth;
        final int n = s.hiddenSize;
        final int go = t * m;
        final LayerNormState ln = s.ln;
        scratch(m);
        final double[] rec = recHTarget(s, t);
        final int ro = recHOffset(s, t);
        final double[] d = s.gateDelta.data;
        switch (type) {
            case LSTM -> lstmBackward(s, t, ln, rec, ro);
            case GRU -> gruBackward(s, t, rec, ro);
            default -> vanillaBackward(s, t, rec, ro);
        }
        // δ(W_ih x_t) = LN⁻¹ᵀ(δgi ⊙ γ_ih)
        final double[] gIh = ln.gainIh.data;
        for (int j = 0; j < m; j++) {
            dn[j] = d[go + j] * gIh[j];
        }
        LayerNormState.backward(dn, ln.normIh.data, go, ln.invStdIh[t], m, ln.deltaIh.data, go);
        // δ(W_hh h_{t−1}) = LN⁻¹ᵀ(δgh ⊙ γ_hh)
        final double[] gHh = ln.gainHh.data;
        for (int j = 0; j < m; j++) {
            dn[j] = hhDelta(s, t, j) * gHh[j];
        }
        LayerNormState.backward(dn, ln.normHh.data, go, ln.invStdHh[t], m, ln.deltaHh.data, go);
        // δh_{t−1} += W_hhᵀ δ(W_hh h_{t−1})
        Kernels.multTransAdd(s.w.hh(), ln.deltaHh.data, go, rec, ro);
        if (inputGrad) {
            // δx_t = W_ihᵀ δ(W_ih x_t)
            inputGradient(s, t, ln.deltaIh.data, go);
        }
    }

    /** δgh_j: the gate delta, except the GRU's n block, whose hh part sits inside r ⊙ (…). */
    private double hhDelta(LayerState s, int t, int j) {
        int n = s.hiddenSize;
        if (type == CellType.GRU && j >= 2 * n) {
            return s.hnDelta.data[t * n + j - 2 * n];
        }
        return s.gateDelta.data[t * s.gateWidth + j];
    }

    private void vanillaBackward(LayerState s, int t, double[] rec, int ro) {
        final int n = s.hiddenSize;
        final double[] a = s.gates.data;
        final double[] h = s.hidden.data;
        final double[] dh = s.gradHidden.data;
        final double[] da = s.gateDelta.data;
        final int ao = t * n;
        final int ho = t * s.hidden.numCols + s.hOffset;
        final boolean relu = type.relu();
        for (int u = 0; u < n; u++) {
            double v = dh[ho + u];
            da[ao + u] = relu ? (a[ao + u] > 0 ? v : 0.0) : v * (1.0 - h[ho + u] * h[ho + u]);
        }
        Kernels.fill(rec, ro, n, 0);
    }

    private void lstmBackward(LayerState s, int t, LayerNormState ln, double[] rec, int ro) {
        final int n = s.hiddenSize;
        final double[] a = s.gates.data;
        final double[] d = s.gateDelta.data;
        final double[] dh = s.gradHidden.data;
        final double[] dcTotal = s.gradCell.data;
        final double[] tc = s.tanhCell.data;
        final double[] rc = s.recC.data;
        final double[] dChat = ln.deltaCHat.data;
        final double[] gC = ln.gainC.data;
        final boolean first = s.isFirst(t);
        final double[] cPrev = first ? s.c0 : s.cell.data;
        final int cpo = first ? 0 : s.previous(t) * n;
        final double[] dcPrev = first ? s.gradC0 : rc;
        final int go = t * s.gateWidth;
        final int co = t * n;
        final int ho = t * s.gradHidden.numCols + s.hOffset;
        for (int u = 0; u < n; u++) {
            double o = a[go + 3 * n + u];
            double th = tc[co + u];
            double dht = dh[ho + u];
            // δĉ_t = δh_t ⊙ o ⊙ (1 − tanh²ĉ_t);  δo_pre = δh_t ⊙ tanh ĉ_t ⊙ σ'
            double dch = dht * o * (1.0 - th * th);
            dChat[co + u] = dch;
            dn[u] = dch * gC[u];
            d[go + 3 * n + u] = s.unlessPinned(go + 3 * n + u, dht * th * o * (1.0 - o));
        }
        // δc_t (through the normalisation) …
        LayerNormState.backward(dn, ln.normC.data, co, ln.invStdC[t], n, dcTotal, co);
        for (int u = 0; u < n; u++) {
            double i = a[go + u];
            double f = a[go + n + u];
            double g = a[go + 2 * n + u];
            // … + f_{t+1} ⊙ δc_{t+1}
            double dc = dcTotal[co + u] + rc[co + u];
            dcTotal[co + u] = dc;
            d[go + u] = s.unlessPinned(go + u, dc * g * i * (1.0 - i));
            d[go + n + u] = s.unlessPinned(go + n + u, dc * cPrev[cpo + u] * f * (1.0 - f));
            d[go + 2 * n + u] = s.unlessPinned(go + 2 * n + u, dc * i * (1.0 - g * g));
            dcPrev[cpo + u] = dc * f;
        }
        Kernels.fill(rec, ro, n, 0);
    }

    private void gruBackward(LayerState s, int t, double[] rec, int ro) {
        final int n = s.hiddenSize;
        final double[] a = s.gates.data;
        final double[] d = s.gateDelta.data;
        final double[] dhn = s.hnDelta.data;
        final double[] hn = s.cell.data;
        final double[] dh = s.gradHidden.data;
        final double[] hp = prevHidden(s, t);
        final int hpo = prevHiddenOffset(s, t);
        final int go = t * s.gateWidth;
        final int co = t * n;
        final int ho = t * s.gradHidden.numCols + s.hOffset;
        for (int u = 0; u < n; u++) {
            double r = a[go + u];
            double z = a[go + n + u];
            double nn = a[go + 2 * n + u];
            double dht = dh[ho + u];
            double dnPre = s.unlessPinned(go + 2 * n + u, dht * (1.0 - z) * (1.0 - nn * nn));
            double dzPre = s.unlessPinned(go + n + u, dht * (hp[hpo + u] - nn) * z * (1.0 - z));
            double drPre = s.unlessPinned(go + u, dnPre * hn[co + u] * r * (1.0 - r));
            d[go + u] = drPre;
            d[go + n + u] = dzPre;
            d[go + 2 * n + u] = dnPre;
            // δgh_n = δn_pre ⊙ r
            dhn[co + u] = dnPre * r;
            // δh_{t−1}, direct part: δh ⊙ z
            rec[ro + u] = dht * z;
        }
    }

    @Override
    void accumulate(LayerState s, int t, double[] x, int xo, int token) {
        final int m = s.gateWidth;
        final int go = t * m;
        final LayerNormState ln = s.ln;
        final double[] d = s.gateDelta.data;
        final double[] na = ln.normIh.data;
        final double[] nb = ln.normHh.data;
        final double[] dbih = s.g.bih().data;
        final double[] dbhh = s.g.bhh().data;
        final double[] dgIh = ln.gradGainIh.data;
        final double[] dgHh = ln.gradGainHh.data;
        for (int j = 0; j < m; j++) {
            // db_ih += δgi, dγ_ih += δgi ⊙ N(W_ih x);  db_hh += δgh, dγ_hh += δgh ⊙ N(W_hh h)
            double di = d[go + j];
            double dr = hhDelta(s, t, j);
            dbih[j] += di;
            dgIh[j] += di * na[go + j];
            dbhh[j] += dr;
            dgHh[j] += dr * nb[go + j];
        }
        // dW_ih += δ(W_ih x) x_tᵀ (or one column for a one-hot token)
        if (token >= 0) {
            Kernels.addToColumn(s.g.ih(), token, ln.deltaIh.data, go);
        } else {
            Kernels.rank1Add(s.g.ih(), ln.deltaIh.data, go, x, xo);
        }
        // dW_hh += δ(W_hh h) h_{t−1}ᵀ
        Kernels.rank1Add(s.g.hh(), ln.deltaHh.data, go, prevHidden(s, t), prevHiddenOffset(s, t));
        if (type == CellType.LSTM) {
            // dγ_c += δĉ ⊙ N(c_t), dβ_c += δĉ
            final int n = s.hiddenSize;
            final int co = t * n;
            final double[] dch = ln.deltaCHat.data;
            final double[] nc = ln.normC.data;
            final double[] dgC = ln.gradGainC.data;
            final double[] dbC = ln.gradBiasC.data;
            for (int u = 0; u < n; u++) {
                dgC[u] += dch[co + u] * nc[co + u];
                dbC[u] += dch[co + u];
            }
        }
    }

    /** Nothing is deferred: {@link #accumulate} has added every term already. */
    @Override
    void accumulateDeferred(LayerState s, int[] ts, int n, double[] x, int xStride, boolean dense) {
    }
}
