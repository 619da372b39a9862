package rnnlab.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * One model unrolled over a sequence of fixed length, with a forward cursor and a BPTT cursor.
 *
 * <p>{@link #stepForward()} runs the next group of the {@link Schedule}; once the forward pass is
 * complete, {@link #stepBackward()} walks BPTT from the last step to the first. Running every step is
 * the full pass: there is no second implementation. All per-step values are kept, so moving a cursor
 * back costs nothing forward, and backward only re-adds the stored deltas into the parameter
 * gradients (in the original order, so the numbers are identical bit for bit).
 *
 * <p>Workspaces are allocated once here; {@link #load(Sequence)} takes any sequence of this length.
 * The run reads the model's weight matrices live, so a trainer may update them in place between
 * passes. Not thread-safe.
 */
public final class Run {
    private final Model model;
    private final ModelConfig cfg;
    private final int length;
    private final Parameters grads;
    private final LayerState[] states;
    private final DMatrixRMaj[] hidden;
    private final DMatrixRMaj[] gradHidden;
    private final Cell[] cells;
    private final OutputHead head;
    private final Schedule schedule;
    private final DMatrixRMaj x0;
    private Sequence seq;
    private boolean oneHot;
    private int fwd;
    private int bwd;
    /** Output steps in BPTT order during {@link #backwardAll}. */
    private final int[] headOrder;
    private int headCount;

    public Run(Model model, int length) {
        if (length < 1) {
            throw new IllegalArgumentException("a sequence needs at least one step");
        }
        this.model = model;
        this.cfg = model.config();
        this.length = length;
        this.grads = Parameters.zeros(cfg);
        int dirs = cfg.directions();
        int layers = cfg.numLayers();
        int hd = cfg.hiddenSize() * dirs;
        hidden = new DMatrixRMaj[layers];
        gradHidden = new DMatrixRMaj[layers];
        states = new LayerState[layers * dirs];
        cells = new Cell[layers * dirs];
        for (int l = 0; l < layers; l++) {
            hidden[l] = new DMatrixRMaj(length, hd);
            gradHidden[l] = new DMatrixRMaj(length, hd);
            for (int d = 0; d < dirs; d++) {
                states[l * dirs + d] = new LayerState(cfg, l, d, length, hidden[l], gradHidden[l],
                        LayerWeights.of(model.params(), l, d), LayerWeights.of(grads, l, d));
                cells[l * dirs + d] = Cell.of(cfg.cell());
            }
        }
        head = new OutputHead(cfg, model.params(), grads, length);
        schedule = new Schedule(cfg, length);
        x0 = new DMatrixRMaj(length, cfg.inputSize());
        headOrder = new int[length];
    }

    /** Takes a new sequence of this run's length and resets both cursors to the start. */
    public void load(Sequence s) {
        if (s.length() != length) {
            throw new IllegalArgumentException("sequence has " + s.length() + " steps, run was built for " + length);
        }
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
        for (int k = 0; k < states.length; k++) {
            LayerState st = states[k];
            int row = st.layer * dirs + st.direction;
            copyRow(s.h0(), row, st.h0);
            copyRow(s.c0(), row, st.c0);
        }
        fwd = 0;
        bwd = 0;
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
     * Pins gates (see {@link GateOverride}); an empty list removes every pin. Both cursors return to
     * the start, since every later number may change.
     */
    public void setGateOverrides(java.util.List<GateOverride> overrides) {
        GateOverride.apply(overrides, cfg, states, length);
        if (seq != null) {
            fwd = 0;
            bwd = 0;
            grads.zero();
        }
    }

    // ---- cursors --------------------------------------------------------------------------------

    /** Runs the next forward group; false when the forward pass is already complete. */
    public boolean stepForward() {
        requireLoaded();
        if (fwd == schedule.size()) {
            return false;
        }
        java.util.List<Schedule.Op> ops = schedule.group(fwd);
        for (int i = 0; i < ops.size(); i++) {
            Schedule.Op op = ops.get(i);
            if (op.kind() == Schedule.Kind.CELL) {
                int k = index(op.layer(), op.direction());
                int t = op.t();
                cells[k].forward(states[k], t, inputArray(op.layer()), inputOffset(op.layer(), t), token(op.layer(), t));
            } else {
                head.forward(hidden[cfg.numLayers() - 1], op.t(), seq);
            }
        }
        fwd++;
        return true;
    }

    /** Runs the next BPTT group; false when BPTT is complete or cannot start (forward incomplete, no loss). */
    public boolean stepBackward() {
        requireLoaded();
        if (!canBackward() || bwd == schedule.size()) {
            return false;
        }
        if (bwd == 0) {
            resetBackward();
        }
        backwardGroup(schedule.group(schedule.size() - 1 - bwd), false);
        bwd++;
        return true;
    }

    /** One BPTT group; with {@code defer}, the dense weight terms are only recorded (see {@link #backwardAll}). */
    private void backwardGroup(java.util.List<Schedule.Op> ops, boolean defer) {
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
                cells[k].backward(states[k], op.t(), op.layer() > 0 || cfg.hasEmbedding());
                if (defer) {
                    states[k].bpttOrder[states[k].bpttCount++] = op.t();
                }
            }
            accumulate(op);
        }
    }

    /**
     * The whole BPTT pass at once. The same steps as {@link #stepBackward} in the same order, except
     * that the dense weight-gradient terms (dW_hh, dense dW_ih, dW_fc) are added after the pass, matrix
     * row by matrix row, each element receiving its terms in BPTT order: identical numbers, but each
     * gradient matrix is streamed through the cache once instead of once per step.
     */
    private void backwardAll() {
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
        head.accumulateDeferred(hidden[cfg.numLayers() - 1], headOrder, headCount);
        for (int k = 0; k < states.length; k++) {
            LayerState st = states[k];
            int layer = st.layer;
            boolean dense = !(layer == 0 && oneHot);
            int stride = layer == 0 ? x0.numCols : hidden[layer - 1].numCols;
            cells[k].accumulateDeferred(st, st.bpttOrder, st.bpttCount, inputArray(layer), stride, dense);
        }
        bwd = schedule.size();
    }

    /** Moves the forward cursor to position k (0..size); any BPTT progress is discarded. */
    public void seekForward(int k) {
        requireLoaded();
        if (k < 0 || k > schedule.size()) {
            throw new IndexOutOfBoundsException("forward position " + k);
        }
        if (bwd > 0) {
            bwd = 0;
            grads.zero(); // gradients are those of the BPTT steps taken, and now none are
        }
        if (k < fwd) {
            fwd = k;
        }
        while (fwd < k) {
            stepForward();
        }
    }

    /** Moves the BPTT cursor to position k, completing the forward pass first. */
    public void seekBackward(int k) {
        requireLoaded();
        if (k < 0 || k > schedule.size()) {
            throw new IndexOutOfBoundsException("backward position " + k);
        }
        if (fwd < schedule.size()) {
            seekForward(schedule.size());
        }
        if (k < bwd) {
            // Rewind: the deltas of the kept steps are stored; re-add them in their original order.
            grads.zero();
            for (int b = 0; b < k; b++) {
                java.util.List<Schedule.Op> ops = schedule.group(schedule.size() - 1 - b);
                for (int i = ops.size() - 1; i >= 0; i--) {
                    accumulate(ops.get(i));
                }
            }
            bwd = k;
        }
        while (bwd < k) {
            stepBackward();
        }
    }

    /** One timeline: positions 0..size are forward, size+1..2·size are BPTT steps (when there is a loss). */
    public void seek(int position) {
        int n = schedule.size();
        if (position <= n) {
            seekForward(position);
        } else {
            seekBackward(position - n);
        }
    }

    public int position() {
        return fwd + bwd;
    }

    public int timelineLength() {
        return canBackwardAtAll() ? 2 * schedule.size() : schedule.size();
    }

    /** Runs the whole forward pass. */
    public void forward() {
        seekForward(schedule.size());
    }

    /** Runs the whole forward pass and BPTT; returns the loss. */
    public double forwardBackward() {
        requireLoaded();
        if (bwd == 0 && canBackwardAtAll()) {
            seekForward(schedule.size());
            backwardAll();
            return loss();
        }
        seekBackward(schedule.size());
        return loss();
    }

    private boolean canBackward() {
        return fwd == schedule.size() && canBackwardAtAll();
    }

    private boolean canBackwardAtAll() {
        return seq != null && seq.hasLoss();
    }

    // ---- internals ------------------------------------------------------------------------------

    private void resetBackward() {
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
        }
        Kernels.add(s.recH.data, t * n, dh, o, n);
    }

    private void accumulate(Schedule.Op op) {
        int t = op.t();
        if (op.kind() == Schedule.Kind.OUTPUT) {
            head.accumulate(hidden[cfg.numLayers() - 1], t);
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
        return layer == 0 ? x0.data : hidden[layer - 1].data;
    }

    private int inputOffset(int layer, int t) {
        return t * (layer == 0 ? x0.numCols : hidden[layer - 1].numCols);
    }

    private int token(int layer, int t) {
        return layer == 0 && oneHot ? seq.tokens()[t] : -1;
    }

    private int index(int layer, int dir) {
        return layer * cfg.directions() + dir;
    }

    private void requireLoaded() {
        if (seq == null) {
            throw new IllegalStateException("load a sequence first");
        }
    }

    // ---- what a view or exporter reads ------------------------------------------------------------

    public Model model() {
        return model;
    }

    public Sequence sequence() {
        return seq;
    }

    public int length() {
        return length;
    }

    public Schedule schedule() {
        return schedule;
    }

    public int forwardPosition() {
        return fwd;
    }

    public int backwardPosition() {
        return bwd;
    }

    public boolean forwardComplete() {
        return fwd == schedule.size();
    }

    public boolean backwardComplete() {
        return bwd == schedule.size();
    }

    public LayerState layer(int layer, int direction) {
        return states[index(layer, direction)];
    }

    /** y_t for every step (T × outputs); rows past the forward cursor are stale. */
    public DMatrixRMaj outputs() {
        return head.outputs;
    }

    /** The top layer's hidden states, both directions (T × H·D). */
    public DMatrixRMaj topHidden() {
        return hidden[cfg.numLayers() - 1];
    }

    /** The loss term of step t (0 where t has no target). */
    public double stepLoss(int t) {
        return head.stepLoss[t];
    }

    /** The sequence loss: the sum of the step losses computed so far (the full loss once forward is done). */
    public double loss() {
        double s = 0;
        for (int t = 0; t < length; t++) {
            if (seq.targetIndex(t) >= 0 && outputDone(t)) {
                s += head.stepLoss[t];
            }
        }
        return s;
    }

    /** Whether the output of step t has been computed by the forward cursor. */
    public boolean outputDone(int t) {
        if (!cfg.bidirectional()) {
            return t < fwd;
        }
        return fwd - cfg.numLayers() * length > t;
    }

    /** dL/dθ accumulated by the BPTT steps taken so far (same names and shapes as the weights). */
    public Parameters gradients() {
        return grads;
    }

    /** δz_t of the output (T × O). */
    public DMatrixRMaj outputGradients() {
        return head.gradLogits;
    }

    /** dL/dh0 of one layer-direction after a complete BPTT. */
    public double[] initialHiddenGradient(int layer, int dir) {
        return layer(layer, dir).gradH0;
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
