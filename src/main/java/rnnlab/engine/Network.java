package rnnlab.engine;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * The unrolled network behind a {@link Run}: every workspace, allocated once per model and sequence
 * length, and the operations of one schedule group forward and backward. The run owns the cursors;
 * this class owns the arithmetic's bookkeeping (which input each cell reads, where dL/dh_t comes from,
 * where parameter gradients go).
 */
final class Network {
    final Model model;
    final ModelConfig cfg;
    final int length;
    final Parameters grads;
    final LayerState[] states;
    final DMatrixRMaj[] hidden;
    final DMatrixRMaj[] gradHidden;
    /**
     * What layer l passes up (to layer l + 1 or the head): h_l itself, or with a residual connection
     * out_l = h_l + (layer l's input); the same matrix as {@link #hidden} where there is none.
     */
    final DMatrixRMaj[] output;
    /** Residual layers: dL/d out_l (from above, through dropout), which also flows to the layer's input. */
    final DMatrixRMaj[] gradOutput;
    final Cell[] cells;
    final OutputHead head;
    final DMatrixRMaj x0;
    Sequence seq;
    private boolean oneHot;
    /** Whether BPTT also computes dL/dx_t of the first layer for one-hot input (connectivity needs it). */
    boolean inputGradients;
    /** Output steps in BPTT order during {@link #backwardAll}. */
    private final int[] headOrder;
    private int headCount;
    /** Dropout: p (0 = off), whether the top layer's output is dropped before the head, the dropped outputs and the kept-unit scales (0 or 1/(1−p)) per layer; null where not dropped. */
    private double dropP;
    private boolean dropTop;
    private DMatrixRMaj[] dropped;
    private double[][] keep;

    Network(Model model, int length) {
        this.model = model;
        this.cfg = model.config();
        this.length = length;
        this.grads = Parameters.zeros(cfg);
        int dirs = cfg.directions();
        int layers = cfg.numLayers();
        int hd = cfg.hiddenSize() * dirs;
        hidden = new DMatrixRMaj[layers];
        gradHidden = new DMatrixRMaj[layers];
        output = new DMatrixRMaj[layers];
        gradOutput = new DMatrixRMaj[layers];
        states = new LayerState[layers * dirs];
        cells = new Cell[layers * dirs];
        for (int l = 0; l < layers; l++) {
            hidden[l] = new DMatrixRMaj(length, hd);
            gradHidden[l] = new DMatrixRMaj(length, hd);
            output[l] = cfg.residualAt(l) ? new DMatrixRMaj(length, hd) : hidden[l];
            gradOutput[l] = cfg.residualAt(l) ? new DMatrixRMaj(length, hd) : null;
            for (int d = 0; d < dirs; d++) {
                states[l * dirs + d] = new LayerState(cfg, l, d, length, hidden[l], gradHidden[l],
                        LayerWeights.of(model.params(), l, d), LayerWeights.of(grads, l, d));
                if (cfg.layerNorm()) {
                    states[l * dirs + d].ln = new LayerNormState(cfg, l, d, length, model.params(), grads);
                    cells[l * dirs + d] = new LayerNormCell(cfg.cell());
                } else {
                    cells[l * dirs + d] = Cell.of(cfg.cell());
                }
            }
        }
        head = new OutputHead(cfg, model.params(), grads, length);
        x0 = new DMatrixRMaj(length, cfg.inputSize());
        headOrder = new int[length];
    }

    /** Takes the sequence's inputs (embedding rows looked up now) and initial states. */
    void load(Sequence s) {
        this.seq = s;
        this.oneHot = s.hasTokens() && !cfg.hasEmbedding();
        if (s.hasTokens() && cfg.hasEmbedding()) {
            DMatrixRMaj e = model.param(ModelConfig.EMBEDDING);
            int in = cfg.inputSize();
            for (int t = 0; t < length; t++) {
                // x_t = E[token_t]
                System.arraycopy(e.data, s.tokens()[t] * in, x0.data, t * in, in);
            }
        } else if (!s.hasTokens()) {
            x0.setTo(s.inputs());
        }
        int dirs = cfg.directions();
        for (LayerState st : states) {
            int row = st.layer * dirs + st.direction;
            copyRow(s.h0(), row, st.h0);
            copyRow(s.c0(), row, st.c0);
        }
        grads.zero();
    }

    private static void copyRow(DMatrixRMaj m, int row, double[] out) {
        if (m == null) {
            java.util.Arrays.fill(out, 0);
        } else {
            System.arraycopy(m.data, row * m.numCols, out, 0, out.length);
        }
    }

    /**
     * Draws new dropout masks for the whole sequence (PyTorch's inverted dropout: a unit's output is
     * kept with probability 1 − p and then scaled by 1/(1 − p), so its expectation is unchanged). The
     * masks apply to each layer's output as the next layer's input (as nn.LSTM(dropout=p)) and, with
     * {@code top}, to the last layer's output as the head's input; the recurrence always uses the
     * undropped h_t. p = 0 turns dropout off (evaluation).
     */
    void setDropout(double p, boolean top, java.util.random.RandomGenerator rng) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + p);
        }
        dropP = p;
        dropTop = top;
        if (p == 0) {
            return;
        }
        int layers = cfg.numLayers();
        if (dropped == null) {
            dropped = new DMatrixRMaj[layers];
            keep = new double[layers][];
        }
        double scale = 1 / (1 - p);
        for (int l = 0; l < layers; l++) {
            if (l == layers - 1 && !top) {
                continue;
            }
            if (dropped[l] == null) {
                dropped[l] = new DMatrixRMaj(hidden[l].numRows, hidden[l].numCols);
                keep[l] = new double[hidden[l].getNumElements()];
            }
            double[] k = keep[l];
            for (int i = 0; i < k.length; i++) {
                k[i] = rng.nextDouble() < p ? 0.0 : scale;
            }
        }
    }

    /** Whether layer l's output is dropped on its way up. */
    private boolean drops(int l) {
        return dropP > 0 && (l < cfg.numLayers() - 1 || dropTop);
    }

    /** The kept-unit scales of layer l (0 or 1/(1 − p) per element of its output), or null when not dropped. */
    double[] dropoutScales(int l) {
        return drops(l) ? keep[l] : null;
    }

    /** What the head reads: the top layer's output, dropped or not. */
    private DMatrixRMaj topOutput() {
        int l = cfg.numLayers() - 1;
        return drops(l) ? dropped[l] : output[l];
    }

    /** A whole forward pass at least this long multiplies by transposed copies of the weights (see {@link Kernels#multAddT}). */
    static final int TRANSPOSE_FROM = 64;

    /**
     * Before a whole forward pass: for long sequences, copy W_hh (and dense W_ih) transposed, so that
     * each step's matrix–vector product vectorises; the copy costs about one step's product, and the
     * results are the same bit for bit. {@link #endWholeForward} must follow.
     */
    void beginWholeForward() {
        if (length < TRANSPOSE_FROM) {
            return;
        }
        for (LayerState st : states) {
            st.beginTransposed(!(st.layer == 0 && oneHot));
        }
    }

    void endWholeForward() {
        for (LayerState st : states) {
            st.transposed = false;
        }
    }

    /** Runs one schedule group forward. */
    void forwardGroup(List<Schedule.Op> ops) {
        for (int i = 0; i < ops.size(); i++) {
            Schedule.Op op = ops.get(i);
            if (op.kind() == Schedule.Kind.CELL) {
                int k = index(op.layer(), op.direction());
                int t = op.t();
                cells[k].forward(states[k], t, inputArray(op.layer()), inputOffset(op.layer(), t), token(op.layer(), t));
                if (cfg.residualAt(op.layer())) {
                    // out_t = h_t + x_t (this direction's columns; x_t is the layer below's output, dropped or not)
                    int l = op.layer();
                    int o = t * hidden[l].numCols + states[k].hOffset;
                    double[] x = inputArray(l);
                    int xo = inputOffset(l, t) + states[k].hOffset;
                    double[] h = hidden[l].data;
                    double[] out = output[l].data;
                    for (int u = 0; u < cfg.hiddenSize(); u++) {
                        out[o + u] = h[o + u] + x[xo + u];
                    }
                }
                if (drops(op.layer())) {
                    // h̃_t = m_t ⊙ out_t / (1 − p)
                    int l = op.layer();
                    int o = t * hidden[l].numCols + states[k].hOffset;
                    double[] h = output[l].data;
                    double[] d = dropped[l].data;
                    double[] m = keep[l];
                    for (int u = 0; u < cfg.hiddenSize(); u++) {
                        d[o + u] = h[o + u] * m[o + u];
                    }
                }
            } else {
                head.forward(topOutput(), op.t(), seq);
            }
        }
    }

    /** One BPTT group; with {@code defer}, the dense weight terms are only recorded (see {@link #backwardAll}). */
    void backwardGroup(List<Schedule.Op> ops, boolean defer) {
        for (int i = ops.size() - 1; i >= 0; i--) {
            Schedule.Op op = ops.get(i);
            if (op.kind() == Schedule.Kind.OUTPUT) {
                head.backward(op.t(), seq);
                if (defer) {
                    headOrder[headCount++] = op.t();
                }
            } else {
                gatherHiddenGradient(op.layer(), op.direction(), op.t());
                int k = index(op.layer(), op.direction());
                cells[k].backward(states[k], op.t(), op.layer() > 0 || cfg.hasEmbedding() || inputGradients);
                if (defer) {
                    states[k].bpttOrder[states[k].bpttCount++] = op.t();
                }
            }
            accumulate(op);
        }
    }

    /**
     * The whole BPTT pass at once. The same steps as {@link #backwardGroup} (one call per group, as Run.stepBackward makes them) in the same order, except
     * that the dense weight-gradient terms (dW_hh, dense dW_ih, dW_fc) are added after the pass, matrix
     * row by matrix row, each element receiving its terms in BPTT order: identical numbers, but each
     * gradient matrix is streamed through the cache once instead of once per step.
     */
    void backwardAll(Schedule schedule) {
        resetBackward();
        headCount = 0;
        head.deferWeights = true;
        for (LayerState st : states) {
            st.bpttCount = 0;
            st.deferWeights = true;
        }
        try {
            for (int b = 0; b < schedule.size(); b++) {
                backwardGroup(schedule.group(schedule.size() - 1 - b), true);
            }
        } finally {
            head.deferWeights = false;
            for (LayerState st : states) {
                st.deferWeights = false;
            }
        }
        head.accumulateDeferred(topOutput(), headOrder, headCount);
        for (int k = 0; k < states.length; k++) {
            LayerState st = states[k];
            int layer = st.layer;
            boolean dense = !(layer == 0 && oneHot);
            int stride = layer == 0 ? x0.numCols : hidden[layer - 1].numCols; // dropped[l] has hidden[l]'s shape
            cells[k].accumulateDeferred(st, st.bpttOrder, st.bpttCount, inputArray(layer), stride, dense);
        }
    }

    /** Re-adds the parameter-gradient terms of one group from its stored deltas (rewinding BPTT). */
    void accumulateGroup(List<Schedule.Op> ops) {
        for (int i = ops.size() - 1; i >= 0; i--) {
            accumulate(ops.get(i));
        }
    }

    void resetBackward() {
        grads.zero();
        for (LayerState s : states) {
            s.resetBackward();
        }
    }

    /** dL/dh_t in total = (from the output, or from the layer above) + (from the next step). */
    private void gatherHiddenGradient(int layer, int dir, int t) {
        LayerState s = states[index(layer, dir)];
        int n = cfg.hiddenSize();
        double[] dh = gradHidden[layer].data;
        int o = t * gradHidden[layer].numCols + s.hOffset;
        if (layer == cfg.numLayers() - 1) {
            System.arraycopy(head.gradTop.data, t * head.gradTop.numCols + s.hOffset, dh, o, n);
        } else {
            Kernels.fill(dh, o, n, 0);
            for (int d = 0; d < cfg.directions(); d++) {
                DMatrixRMaj gx = states[index(layer + 1, d)].gradInput;
                Kernels.add(gx.data, t * gx.numCols + s.hOffset, dh, o, n);
            }
            if (cfg.residualAt(layer + 1)) {
                // the residual connection of the layer above passes dL/d out_{l+1} straight down
                Kernels.add(gradOutput[layer + 1].data, o, dh, o, n);
            }
        }
        if (drops(layer)) {
            // through the dropout: dL/dh_t = m_t / (1 − p) ⊙ dL/dh̃_t
            double[] m = keep[layer];
            for (int u = 0; u < n; u++) {
                dh[o + u] *= m[o + u];
            }
        }
        if (cfg.residualAt(layer)) {
            // dL/d out_t, kept for the layer below (out_t = h_t + x_t)
            Kernels.copy(dh, o, gradOutput[layer].data, o, n);
        }
        Kernels.add(s.recH.data, t * n, dh, o, n);
    }

    private void accumulate(Schedule.Op op) {
        int t = op.t();
        if (op.kind() == Schedule.Kind.OUTPUT) {
            head.accumulate(topOutput(), t);
            return;
        }
        int k = index(op.layer(), op.direction());
        cells[k].accumulate(states[k], t, inputArray(op.layer()), inputOffset(op.layer(), t), token(op.layer(), t));
        if (op.layer() == 0 && cfg.hasEmbedding()) {
            // dE[token_t] += δx_t
            DMatrixRMaj gx = states[k].gradInput;
            int in = cfg.inputSize();
            Kernels.add(gx.data, t * in, grads.get(ModelConfig.EMBEDDING).data, seq.tokens()[t] * in, in);
        }
    }

    private double[] inputArray(int layer) {
        if (layer == 0) {
            return x0.data;
        }
        return drops(layer - 1) ? dropped[layer - 1].data : output[layer - 1].data;
    }

    private int inputOffset(int layer, int t) {
        return t * (layer == 0 ? x0.numCols : hidden[layer - 1].numCols);
    }

    private int token(int layer, int t) {
        return layer == 0 && oneHot ? seq.tokens()[t] : -1;
    }

    int index(int layer, int dir) {
        return layer * cfg.directions() + dir;
    }

    /** Copies the final states (after the last step of each direction) into (L·D × H) matrices. */
    public void finalState(DMatrixRMaj hOut, DMatrixRMaj cOut) {
        int n = cfg.hiddenSize();
        for (LayerState s : states) {
            int row = s.layer * cfg.directions() + s.direction;
            int last = s.direction == 0 ? length - 1 : 0;
            System.arraycopy(s.hidden.data, last * s.hidden.numCols + s.hOffset, hOut.data, row * n, n);
            if (cOut != null && s.cell != null && s.tanhCell != null) {
                System.arraycopy(s.cell.data, last * n, cOut.data, row * n, n);
            }
        }
    }
}
