package rnnlab.engine;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * One source sequence and one target sequence through an encoder–decoder, one step at a time: first the
 * encoder's schedule groups (exactly as a {@link Run} steps them), then one step per decoder position,
 * each computing the attention scores, weights and context, the decoder cell and the output. After a
 * complete forward pass, {@link #backward()} runs BPTT through the decoder, the attention weights, the
 * bridge and into every encoder state and weight.
 *
 * <p>Workspaces are allocated once for a (source length, target length); {@link #load} takes any pair of
 * those lengths. With {@link #load(int[], int[], int[], boolean)} and {@code feedback}, decoder input
 * t &gt; 0 is the previous step's arg max (greedy generation) instead of the given token.
 */
public final class Seq2SeqRun {
    private final Seq2SeqModel model;
    private final Seq2SeqConfig cfg;
    private final int srcLen;
    private final int tgtLen;
    private final Network enc;
    private final Schedule schedule;
    private final Cell decCell;
    private final LayerState dec;
    private final Parameters grads;
    private final Parameters encGradsView;
    /** Decoder cell inputs x_t = [E_dec[y_{t−1}]; c_t] (T_dec × (E + K)). */
    private final DMatrixRMaj decIn;
    private final DMatrixRMaj decHidden;
    private final DMatrixRMaj decGradHidden;
    /** Attention: scores, weights (T_dec × T_src), context (T_dec × K); additive: tanh(W_q q + W_k h_s). */
    private final DMatrixRMaj scores;
    private final DMatrixRMaj weights;
    private final DMatrixRMaj context;
    private final double[][] addHidden;
    private final DMatrixRMaj keys;
    /** general: W_a h_s per source step (T_src × H_dec). */
    private final DMatrixRMaj projected;
    private final double[] bridgeIn;
    private final double[] bridgePre;
    private final DMatrixRMaj logits;
    private final DMatrixRMaj probs;
    private final double[] stepLoss;
    private final DMatrixRMaj encTopGrad;
    private final double[] queryGrad;
    /** dL/da_{t,s} and dL/de_{t,s} (T_dec × T_src), filled as BPTT passes each decoder step. */
    private final DMatrixRMaj weightGrads;
    private final DMatrixRMaj scoreGrads;
    private final double[] pendingQuery;
    private int bwd;
    /** Tests: called after each encoder group, before the bridge reads the states (finite differences on h_s). */
    java.util.function.IntConsumer afterEncoderGroup;
    private int[] src;
    private int[] decTokens;
    private int[] targets;
    private boolean feedback;
    private int encDone;
    private int decDone;
    private boolean backwardDone;

    public Seq2SeqRun(Seq2SeqModel model, int sourceLength, int targetLength) {
        if (sourceLength < 1 || targetLength < 1) {
            throw new IllegalArgumentException("source and target need at least one step");
        }
        this.model = model;
        this.cfg = model.config();
        this.srcLen = sourceLength;
        this.tgtLen = targetLength;
        this.enc = new Network(model.encoder(), sourceLength);
        this.schedule = new Schedule(cfg.encoderConfig(), sourceLength);
        this.enc.head.externalTop = new DMatrixRMaj(sourceLength, cfg.keyWidth());
        this.encTopGrad = enc.head.externalTop;
        ModelConfig dc = cfg.decoderCellConfig();
        Parameters p = model.params();
        Parameters decGrads = Parameters.zeros(cfg.parameterShapes().stream()
                .filter(s -> !s.name().startsWith(Seq2SeqConfig.ENCODER)).toList());
        java.util.Map<String, DMatrixRMaj> all = new java.util.LinkedHashMap<>();
        for (ModelConfig.ParamShape s : cfg.parameterShapes()) {
            all.put(s.name(), s.name().startsWith(Seq2SeqConfig.ENCODER)
                    ? enc.grads.get(s.name().substring(Seq2SeqConfig.ENCODER.length())) : decGrads.get(s.name()));
        }
        this.grads = Parameters.wrap(all);
        this.encGradsView = enc.grads;
        decHidden = new DMatrixRMaj(targetLength, cfg.decoderHidden());
        decGradHidden = new DMatrixRMaj(targetLength, cfg.decoderHidden());
        LayerWeights w = new LayerWeights(p.get(Seq2SeqConfig.decoderRnn("weight_ih")),
                p.get(Seq2SeqConfig.decoderRnn("weight_hh")), p.get(Seq2SeqConfig.decoderRnn("bias_ih")),
                p.get(Seq2SeqConfig.decoderRnn("bias_hh")));
        LayerWeights g = new LayerWeights(grads.get(Seq2SeqConfig.decoderRnn("weight_ih")),
                grads.get(Seq2SeqConfig.decoderRnn("weight_hh")), grads.get(Seq2SeqConfig.decoderRnn("bias_ih")),
                grads.get(Seq2SeqConfig.decoderRnn("bias_hh")));
        dec = new LayerState(dc, 0, 0, targetLength, decHidden, decGradHidden, w, g);
        decCell = Cell.of(cfg.decoderCell());
        decIn = new DMatrixRMaj(targetLength, cfg.decoderInput());
        scores = new DMatrixRMaj(targetLength, sourceLength);
        weights = new DMatrixRMaj(targetLength, sourceLength);
        context = new DMatrixRMaj(targetLength, cfg.keyWidth());
        boolean add = cfg.attention() == AttentionKind.ADDITIVE;
        addHidden = add ? new double[targetLength][sourceLength * cfg.attentionSize()] : null;
        keys = add ? new DMatrixRMaj(sourceLength, cfg.attentionSize()) : null;
        projected = cfg.attention() == AttentionKind.GENERAL ? new DMatrixRMaj(sourceLength, cfg.decoderHidden()) : null;
        bridgeIn = new double[cfg.keyWidth()];
        bridgePre = new double[cfg.decoderHidden()];
        logits = new DMatrixRMaj(targetLength, cfg.targetVocab());
        probs = new DMatrixRMaj(targetLength, cfg.targetVocab());
        stepLoss = new double[targetLength];
        queryGrad = new double[cfg.decoderHidden()];
        weightGrads = new DMatrixRMaj(targetLength, sourceLength);
        scoreGrads = new DMatrixRMaj(targetLength, sourceLength);
        pendingQuery = new double[cfg.decoderHidden()];
    }

    /** Teacher forcing: decoder inputs (y_{t−1}, starting with the start token) and targets y_t, both T_dec long. */
    public void load(int[] source, int[] decoderInputs, int[] targets) {
        load(source, decoderInputs, targets, false);
    }

    /**
     * Loads a pair; with {@code feedback}, only {@code decoderInputs[0]} is used and every later input is
     * the previous step's arg max. {@code targets} may be null (then there is no loss and no BPTT).
     */
    public void load(int[] source, int[] decoderInputs, int[] targets, boolean feedback) {
        check(source, srcLen, cfg.sourceVocab(), "source");
        check(decoderInputs, feedback ? decoderInputs.length : tgtLen, cfg.targetVocab(), "decoder input");
        if (targets != null) {
            check(targets, tgtLen, cfg.targetVocab(), "target");
        }
        this.src = source.clone();
        this.decTokens = new int[tgtLen];
        System.arraycopy(decoderInputs, 0, decTokens, 0, Math.min(tgtLen, decoderInputs.length));
        this.targets = targets == null ? null : targets.clone();
        this.feedback = feedback;
        enc.load(Sequence.ofTokens(src, null, null));
        encDone = 0;
        decDone = 0;
        bwd = 0;
        backwardDone = false;
    }

    private static void check(int[] a, int n, int vocab, String what) {
        if (a == null || a.length != n) {
            throw new IllegalArgumentException(what + " must have " + n + " tokens, got " + (a == null ? 0 : a.length));
        }
        for (int v : a) {
            if (v < 0 || v >= vocab) {
                throw new IllegalArgumentException(what + " token " + v + " is outside 0.." + (vocab - 1));
            }
        }
    }

    // ---- forward cursor -------------------------------------------------------------------------

    /** Encoder groups plus decoder steps. */
    public int forwardSteps() {
        return schedule.size() + tgtLen;
    }

    public int position() {
        return encDone + decDone;
    }

    public int encoderSteps() {
        return schedule.size();
    }

    /** Takes one forward step (an encoder group, or a decoder step). False when already complete. */
    public boolean stepForward() {
        if (src == null) {
            throw new IllegalStateException("load a sequence first");
        }
        if (encDone < schedule.size()) {
            enc.forwardGroup(schedule.group(encDone++));
            if (afterEncoderGroup != null) {
                afterEncoderGroup.accept(encDone - 1);
            }
            if (encDone == schedule.size()) {
                bridgeForward();
            }
            return true;
        }
        if (decDone < tgtLen) {
            decoderForward(decDone++);
            return true;
        }
        return false;
    }

    /** The whole forward pass; returns the loss (0 without targets). */
    public double forward() {
        while (stepForward()) {
            // step until done
        }
        return loss();
    }

    /** Forward (to the end) and the complete BPTT; returns the loss. Gradients in {@link #gradients()}. */
    public double forwardBackward() {
        double l = forward();
        backward();
        return l;
    }

    private DMatrixRMaj top() {
        return enc.hidden[cfg.encoderLayers() - 1];
    }

    /** s_0 = tanh(W_b [h→_{T−1}; h←_0] + b_b); with attention, also the keys W_k h_s or W_a h_s. */
    private void bridgeForward() {
        int h = cfg.encoderHidden();
        DMatrixRMaj top = top();
        int k = cfg.keyWidth();
        System.arraycopy(top.data, (srcLen - 1) * k, bridgeIn, 0, h);
        if (cfg.bidirectional()) {
            System.arraycopy(top.data, h, bridgeIn, h, h);
        }
        DMatrixRMaj b = model.param(Seq2SeqConfig.BRIDGE_B);
        System.arraycopy(b.data, 0, bridgePre, 0, bridgePre.length);
        Kernels.multAdd(model.param(Seq2SeqConfig.BRIDGE_W), bridgeIn, 0, bridgePre, 0);
        for (int u = 0; u < bridgePre.length; u++) {
            dec.h0[u] = Math.tanh(bridgePre[u]);
        }
        Arrays.fill(dec.c0, 0);
        if (keys != null) {
            DMatrixRMaj wk = model.param(Seq2SeqConfig.ATT_WK);
            keys.zero();
            for (int s = 0; s < srcLen; s++) {
                Kernels.multAdd(wk, top.data, s * k, keys.data, s * keys.numCols);
            }
        }
        if (projected != null) {
            DMatrixRMaj wa = model.param(Seq2SeqConfig.ATT_WA);
            projected.zero();
            for (int s = 0; s < srcLen; s++) {
                Kernels.multAdd(wa, top.data, s * k, projected.data, s * projected.numCols);
            }
        }
    }

    private void decoderForward(int t) {
        if (feedback && t > 0) {
            decTokens[t] = argmax(t - 1);
        }
        int in = cfg.decoderInput();
        int e = cfg.decoderEmbedding();
        System.arraycopy(model.param(Seq2SeqConfig.DEC_EMBEDDING).data, decTokens[t] * e, decIn.data, t * in, e);
        if (cfg.attention() != AttentionKind.NONE) {
            attend(t);
            System.arraycopy(context.data, t * cfg.keyWidth(), decIn.data, t * in + e, cfg.keyWidth());
        }
        decCell.forward(dec, t, decIn.data, t * in, -1);
        // z_t = W_fc s_t + b_fc
        int v = cfg.targetVocab();
        System.arraycopy(model.param(Seq2SeqConfig.FC_B).data, 0, logits.data, t * v, v);
        Kernels.multAdd(model.param(Seq2SeqConfig.FC_W), decHidden.data, t * cfg.decoderHidden(), logits.data, t * v);
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < v; j++) {
            max = Math.max(max, logits.data[t * v + j]);
        }
        double sum = 0;
        for (int j = 0; j < v; j++) {
            double x = Math.exp(logits.data[t * v + j] - max);
            probs.data[t * v + j] = x;
            sum += x;
        }
        for (int j = 0; j < v; j++) {
            probs.data[t * v + j] /= sum;
        }
        stepLoss[t] = targets == null ? 0.0 : -(logits.data[t * v + targets[t]] - max - Math.log(sum));
    }

    /** The query s_{t−1}: the previous decoder state, or s_0 from the bridge. */
    private double[] queryArray(int t) {
        return t == 0 ? dec.h0 : decHidden.data;
    }

    private int queryOffset(int t) {
        return t == 0 ? 0 : (t - 1) * cfg.decoderHidden();
    }

    private void attend(int t) {
        double[] q = queryArray(t);
        int qo = queryOffset(t);
        int k = cfg.keyWidth();
        int hd = cfg.decoderHidden();
        double[] top = top().data;
        double[] e = scores.data;
        int eo = t * srcLen;
        switch (cfg.attention()) {
            case DOT -> {
                for (int s = 0; s < srcLen; s++) {
                    e[eo + s] = dot(q, qo, top, s * k, hd);
                }
            }
            case GENERAL -> {
                for (int s = 0; s < srcLen; s++) {
                    e[eo + s] = dot(q, qo, projected.data, s * hd, hd);
                }
            }
            case ADDITIVE -> {
                int a = cfg.attentionSize();
                double[] wq = new double[a];
                Kernels.multAdd(model.param(Seq2SeqConfig.ATT_WQ), q, qo, wq, 0);
                double[] v = model.param(Seq2SeqConfig.ATT_V).data;
                double[] u = addHidden[t];
                for (int s = 0; s < srcLen; s++) {
                    double sum = 0;
                    for (int i = 0; i < a; i++) {
                        double x = Math.tanh(wq[i] + keys.data[s * a + i]);
                        u[s * a + i] = x;
                        sum += v[i] * x;
                    }
                    e[eo + s] = sum;
                }
            }
            default -> throw new IllegalStateException();
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < srcLen; s++) {
            max = Math.max(max, e[eo + s]);
        }
        double sum = 0;
        double[] w = weights.data;
        for (int s = 0; s < srcLen; s++) {
            w[eo + s] = Math.exp(e[eo + s] - max);
            sum += w[eo + s];
        }
        int co = t * k;
        Arrays.fill(context.data, co, co + k, 0);
        for (int s = 0; s < srcLen; s++) {
            w[eo + s] /= sum;
            // c_t += a_{t,s} h_s
            double a = w[eo + s];
            for (int i = 0; i < k; i++) {
                context.data[co + i] += a * top[s * k + i];
            }
        }
    }

    private static double dot(double[] a, int ao, double[] b, int bo, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[ao + i] * b[bo + i];
        }
        return s;
    }

    private int argmax(int t) {
        int v = cfg.targetVocab();
        int best = 0;
        for (int j = 1; j < v; j++) {
            if (logits.data[t * v + j] > logits.data[t * v + best]) {
                best = j;
            }
        }
        return best;
    }

    // ---- backward -------------------------------------------------------------------------------

    /** The complete BPTT (after a complete forward pass with targets). */
    public void backward() {
        if (!forwardComplete() || targets == null) {
            throw new IllegalStateException("backward needs a complete forward pass with targets");
        }
        startBackward();
        for (int t = tgtLen - 1; t >= 0; t--) {
            decoderBackward(t);
        }
        bridgeBackward();
        enc.backwardAll(schedule);
        bwd = backwardSteps();
        backwardDone = true;
    }

    /** BPTT steps: one per decoder step (last first; step 0 also runs the bridge), then the encoder's groups. */
    public int backwardSteps() {
        return tgtLen + schedule.size();
    }

    /** BPTT steps taken so far (0 … {@link #backwardSteps()}). */
    public int backwardPosition() {
        return bwd;
    }

    /**
     * One BPTT step, for the step-by-step views: decoder steps from the last to the first (each through
     * the output, the cell and the attention weights into the encoder states; step 0 also through the
     * bridge), then the encoder's schedule groups in reverse. Running every step gives the same gradients
     * as {@link #backward()}. False when complete.
     */
    public boolean stepBackward() {
        if (!forwardComplete() || targets == null) {
            throw new IllegalStateException("backward needs a complete forward pass with targets");
        }
        if (bwd == backwardSteps()) {
            return false;
        }
        if (bwd == 0) {
            enc.resetBackward();
            startBackward();
        }
        if (bwd < tgtLen) {
            int t = tgtLen - 1 - bwd;
            decoderBackward(t);
            if (t == 0) {
                bridgeBackward();
            }
        } else {
            enc.backwardGroup(schedule.group(schedule.size() - 1 - (bwd - tgtLen)), false);
        }
        bwd++;
        backwardDone = bwd == backwardSteps();
        return true;
    }

    private void startBackward() {
        grads.zero();
        dec.resetBackward();
        encTopGrad.zero();
        weightGrads.zero();
        scoreGrads.zero();
        Arrays.fill(pendingQuery, 0);
    }

    private void decoderBackward(int t) {
        int hd = cfg.decoderHidden();
        int v = cfg.targetVocab();
        int in = cfg.decoderInput();
        int e = cfg.decoderEmbedding();
        DMatrixRMaj fcW = model.param(Seq2SeqConfig.FC_W);
        DMatrixRMaj gFcW = grads.get(Seq2SeqConfig.FC_W);
        DMatrixRMaj gFcB = grads.get(Seq2SeqConfig.FC_B);
        DMatrixRMaj gEmb = grads.get(Seq2SeqConfig.DEC_EMBEDDING);
        double[] dz = new double[v];
        // δz_t = p_t − onehot(y_t)
        for (int j = 0; j < v; j++) {
            dz[j] = probs.data[t * v + j];
        }
        dz[targets[t]] -= 1.0;
        Kernels.add(dz, 0, gFcB.data, 0, v);
        Kernels.rank1Add(gFcW, dz, 0, decHidden.data, t * hd);
        // δs_t = W_fcᵀ δz_t + (from s_{t+1} through the cell) + (as the query of step t+1)
        int ho = t * hd;
        Kernels.fill(decGradHidden.data, ho, hd, 0);
        Kernels.multTransAdd(fcW, dz, 0, decGradHidden.data, ho);
        Kernels.add(dec.recH.data, t * hd, decGradHidden.data, ho, hd);
        Kernels.add(pendingQuery, 0, decGradHidden.data, ho, hd);
        decCell.backward(dec, t, true);
        decCell.accumulate(dec, t, decIn.data, t * in, -1);
        // dE_dec[y_{t−1}] += δx_t[0..E)
        Kernels.add(dec.gradInput.data, t * in, gEmb.data, decTokens[t] * e, e);
        Arrays.fill(pendingQuery, 0);
        if (cfg.attention() != AttentionKind.NONE) {
            attendBackward(t, dec.gradInput.data, t * in + e, pendingQuery);
            if (t == 0) {
                Kernels.add(pendingQuery, 0, dec.gradH0, 0, hd);
            }
        }
    }

    /** Given δc_t, adds dL/dh_s into the encoder's top gradient, dL/dq into {@code dq}, and the weight terms. */
    private void attendBackward(int t, double[] dc, int dco, double[] dq) {
        int k = cfg.keyWidth();
        int hd = cfg.decoderHidden();
        double[] top = top().data;
        double[] dTop = encTopGrad.data;
        double[] w = weights.data;
        int eo = t * srcLen;
        double[] de = new double[srcLen];
        // δa_s = δc · h_s;  dh_s += a_s δc
        double dotSum = 0;
        for (int s = 0; s < srcLen; s++) {
            de[s] = dot(dc, dco, top, s * k, k);
            dotSum += w[eo + s] * de[s];
            for (int i = 0; i < k; i++) {
                dTop[s * k + i] += w[eo + s] * dc[dco + i];
            }
        }
        // δe_s = a_s (δa_s − Σ_j a_j δa_j)
        for (int s = 0; s < srcLen; s++) {
            weightGrads.data[eo + s] = de[s];
            de[s] = w[eo + s] * (de[s] - dotSum);
            scoreGrads.data[eo + s] = de[s];
        }
        double[] q = queryArray(t);
        int qo = queryOffset(t);
        switch (cfg.attention()) {
            case DOT -> {
                for (int s = 0; s < srcLen; s++) {
                    for (int i = 0; i < hd; i++) {
                        dq[i] += de[s] * top[s * k + i];
                        dTop[s * k + i] += de[s] * q[qo + i];
                    }
                }
            }
            case GENERAL -> {
                DMatrixRMaj wa = model.param(Seq2SeqConfig.ATT_WA);
                DMatrixRMaj gwa = grads.get(Seq2SeqConfig.ATT_WA);
                double[] dk = new double[hd];
                for (int s = 0; s < srcLen; s++) {
                    for (int i = 0; i < hd; i++) {
                        dq[i] += de[s] * projected.data[s * hd + i];
                        dk[i] = de[s] * q[qo + i];
                    }
                    // dW_a += δk_s h_sᵀ;  dh_s += W_aᵀ δk_s
                    Kernels.rank1Add(gwa, dk, 0, top, s * k);
                    Kernels.multTransAdd(wa, dk, 0, dTop, s * k);
                }
            }
            case ADDITIVE -> {
                int a = cfg.attentionSize();
                double[] v = model.param(Seq2SeqConfig.ATT_V).data;
                double[] gv = grads.get(Seq2SeqConfig.ATT_V).data;
                DMatrixRMaj wq = model.param(Seq2SeqConfig.ATT_WQ);
                DMatrixRMaj wk = model.param(Seq2SeqConfig.ATT_WK);
                DMatrixRMaj gwq = grads.get(Seq2SeqConfig.ATT_WQ);
                DMatrixRMaj gwk = grads.get(Seq2SeqConfig.ATT_WK);
                double[] u = addHidden[t];
                double[] du = new double[a];
                double[] duSum = new double[a];
                for (int s = 0; s < srcLen; s++) {
                    for (int i = 0; i < a; i++) {
                        double x = u[s * a + i];
                        gv[i] += de[s] * x;
                        du[i] = de[s] * v[i] * (1 - x * x);
                        duSum[i] += du[i];
                    }
                    // dW_k += δu_s h_sᵀ;  dh_s += W_kᵀ δu_s
                    Kernels.rank1Add(gwk, du, 0, top, s * k);
                    Kernels.multTransAdd(wk, du, 0, dTop, s * k);
                }
                // dW_q += (Σ_s δu_s) qᵀ;  dq += W_qᵀ Σ_s δu_s
                Kernels.rank1Add(gwq, duSum, 0, q, qo);
                Kernels.multTransAdd(wq, duSum, 0, dq, 0);
            }
            default -> throw new IllegalStateException();
        }
    }

    private void bridgeBackward() {
        int hd = cfg.decoderHidden();
        double[] dp = new double[hd];
        for (int u = 0; u < hd; u++) {
            double s0 = dec.h0[u];
            dp[u] = dec.gradH0[u] * (1 - s0 * s0);
        }
        Kernels.add(dp, 0, grads.get(Seq2SeqConfig.BRIDGE_B).data, 0, hd);
        Kernels.rank1Add(grads.get(Seq2SeqConfig.BRIDGE_W), dp, 0, bridgeIn, 0);
        double[] din = new double[cfg.keyWidth()];
        Kernels.multTransAdd(model.param(Seq2SeqConfig.BRIDGE_W), dp, 0, din, 0);
        int h = cfg.encoderHidden();
        int k = cfg.keyWidth();
        Kernels.add(din, 0, encTopGrad.data, (srcLen - 1) * k, h);
        if (cfg.bidirectional()) {
            Kernels.add(din, h, encTopGrad.data, h, h);
        }
    }

    // ---- what views and tests read ----------------------------------------------------------------

    public boolean forwardComplete() {
        return encDone == schedule.size() && decDone == tgtLen;
    }

    public boolean backwardComplete() {
        return backwardDone;
    }

    /** Decoder steps computed so far. */
    public int decoderDone() {
        return decDone;
    }

    public int sourceLength() {
        return srcLen;
    }

    public int targetLength() {
        return tgtLen;
    }

    public Seq2SeqModel model() {
        return model;
    }

    /** Σ_t of the step losses computed so far. */
    public double loss() {
        double s = 0;
        for (int t = 0; t < decDone; t++) {
            s += stepLoss[t];
        }
        return s;
    }

    public double stepLoss(int t) {
        return stepLoss[t];
    }

    /** The encoder's top-layer states h_s (T_src × K). */
    public DMatrixRMaj encoderStates() {
        return top();
    }

    /** One encoder layer-direction, as for a {@link Run}. */
    public LayerState encoderLayer(int layer, int direction) {
        return enc.states[enc.index(layer, direction)];
    }

    /** The decoder states s_t (T_dec × H_dec). */
    public DMatrixRMaj decoderStates() {
        return decHidden;
    }

    /** s_0, the classic context vector after the bridge. */
    public double[] initialDecoderState() {
        return dec.h0.clone();
    }

    /** Attention scores e_{t,s} (T_dec × T_src; rows past the cursor are stale; zero without attention). */
    public DMatrixRMaj scores() {
        return scores;
    }

    /** Attention weights a_{t,s} = softmax_s(e_{t,s}). */
    public DMatrixRMaj attentionWeights() {
        return weights;
    }

    /** Context vectors c_t (T_dec × K). */
    public DMatrixRMaj contexts() {
        return context;
    }

    public DMatrixRMaj logits() {
        return logits;
    }

    public DMatrixRMaj probabilities() {
        return probs;
    }

    /** The source tokens loaded. */
    public int[] sourceTokens() {
        return src.clone();
    }

    /** The decoder inputs actually used (with feedback, the generated tokens shifted by one). */
    public int[] decoderInputs() {
        return decTokens.clone();
    }

    /** The arg max of every computed decoder step. */
    public int[] predictions() {
        int[] p = new int[decDone];
        for (int t = 0; t < decDone; t++) {
            p[t] = argmax(t);
        }
        return p;
    }

    /** dL/da_{t,s}, the gradient on each attention weight (rows of decoder steps BPTT has passed; else 0). */
    public DMatrixRMaj attentionWeightGradients() {
        return weightGrads;
    }

    /** dL/de_{t,s}, the gradient on each attention score (rows BPTT has passed; else 0). */
    public DMatrixRMaj scoreGradients() {
        return scoreGrads;
    }

    /** dL/ds_t for the decoder states BPTT has passed (T_dec × H_dec; the BPTT view of the encoder–decoder window). */
    public DMatrixRMaj decoderStateGradients() {
        return decGradHidden;
    }

    /** dL/dθ after {@link #backward()}, under the state_dict names. */
    public Parameters gradients() {
        return grads;
    }

    /** dL/dh_s for every encoder top state, as attention and the bridge deliver it (T_src × K). */
    public DMatrixRMaj encoderStateGradients() {
        return encTopGrad;
    }

    /**
     * dL/dh_s in total for every encoder top state (T_src × K): what attention and the bridge deliver
     * ({@link #encoderStateGradients()}) plus what comes back through the encoder's own recurrence from the
     * steps after it (and, bidirectional, before it in the reverse direction). A row is final once
     * {@link #encoderStateTotalReached(int)}; rows BPTT has not reached yet hold stale numbers.
     */
    public DMatrixRMaj encoderStateTotalGradients() {
        return enc.gradHidden[cfg.encoderLayers() - 1];
    }

    /** Whether BPTT has computed the total gradient of encoder top state s (in both directions). */
    public boolean encoderStateTotalReached(int s) {
        if (s < 0 || s >= srcLen) {
            throw new IndexOutOfBoundsException("source step " + s + " of " + srcLen);
        }
        int top = cfg.encoderLayers() - 1;
        int found = 0;
        for (int b = 0; b < bwd - tgtLen; b++) {
            for (Schedule.Op op : schedule.group(schedule.size() - 1 - b)) {
                if (op.kind() == Schedule.Kind.CELL && op.layer() == top && op.t() == s) {
                    found++;
                }
            }
        }
        return found == cfg.encoderConfig().directions();
    }

    Parameters encoderGradients() {
        return encGradsView;
    }
}
