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
 * <p>{@link #forwardBackward()} from the start runs the very same backward steps; it only postpones
 * the dense weight-gradient additions (dW_hh, dW_ih, dW_fc) to the end of the pass, where each
 * matrix row receives its terms in the same BPTT order, so the numbers are identical bit for bit
 * (checked by {@code WholePassBpttTest} and {@code CursorPropertyTest}) and each matrix crosses the
 * cache once instead of once per step.
 *
 * <p>Workspaces ({@link Network}) are allocated once here; {@link #load(Sequence)} takes any sequence of this length.
 * The run reads the model's weight matrices live, so a trainer may update them in place between
 * passes. Not thread-safe.
 */
public final class Run {
    private final Network net;
    private final Schedule schedule;
    private int fwd;
    private int bwd;

    public Run(Model model, int length) {
        if (length < 1) {
            throw new IllegalArgumentException("a sequence needs at least one step");
        }
        this.net = new Network(model, length);
        this.schedule = new Schedule(model.config(), length);
    }

    /** Takes a new sequence of this run's length and resets both cursors to the start. */
    public void load(Sequence s) {
        if (s.length() != net.length) {
            throw new IllegalArgumentException("sequence has " + s.length() + " steps, run was built for " + net.length);
        }
        net.load(s);
        fwd = 0;
        bwd = 0;
    }

    /**
     * Pins gates (see {@link GateOverride}); an empty list removes every pin. Both cursors return to
     * the start, since every later number may change.
     */
    public void setGateOverrides(java.util.List<GateOverride> overrides) {
        GateOverride.apply(overrides, net.cfg, net.states, net.length);
        if (net.seq != null) {
            fwd = 0;
            bwd = 0;
            net.grads.zero();
        }
    }

    /**
     * Dropout for the next passes (see {@code Network.setDropout}): new masks for every step are drawn
     * from {@code rng} now; p = 0 turns it off, as at evaluation. Both cursors return to the start.
     */
    public void setDropout(double p, boolean beforeHead, java.util.random.RandomGenerator rng) {
        net.setDropout(p, beforeHead, rng);
        fwd = 0;
        bwd = 0;
    }

    /** The current dropout scales of layer l's output (0 = dropped, 1/(1 − p) = kept), or null when none. */
    public double[] dropoutScales(int layer) {
        return net.dropoutScales(layer);
    }

    // ---- cursors --------------------------------------------------------------------------------

    /** Runs the next forward group; false when the forward pass is already complete. */
    public boolean stepForward() {
        requireLoaded();
        if (fwd == schedule.size()) {
            return false;
        }
        net.forwardGroup(schedule.group(fwd));
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
            net.resetBackward();
        }
        net.backwardGroup(schedule.group(schedule.size() - 1 - bwd), false);
        bwd++;
        return true;
    }

    /** Moves the forward cursor to position k (0..size); any BPTT progress is discarded. */
    public void seekForward(int k) {
        requireLoaded();
        if (k < 0 || k > schedule.size()) {
            throw new IndexOutOfBoundsException("forward position " + k);
        }
        if (bwd > 0) {
            bwd = 0;
            net.grads.zero(); // gradients are those of the BPTT steps taken, and now none are
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
            net.grads.zero();
            for (int b = 0; b < k; b++) {
                net.accumulateGroup(schedule.group(schedule.size() - 1 - b));
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
        wholeForward();
    }

    /** The rest of the forward pass in one go (weights cannot change meanwhile: see Network.beginWholeForward). */
    private void wholeForward() {
        requireLoaded();
        if (fwd == schedule.size()) {
            seekForward(schedule.size()); // nothing to compute; BPTT progress is discarded as before
            return;
        }
        net.beginWholeForward();
        try {
            seekForward(schedule.size());
        } finally {
            net.endWholeForward();
        }
    }

    /** Runs the whole forward pass and BPTT; returns the loss. */
    public double forwardBackward() {
        requireLoaded();
        if (bwd == 0 && canBackwardAtAll()) {
            wholeForward();
            net.backwardAll(schedule);
            bwd = schedule.size();
            return loss();
        }
        seekBackward(schedule.size());
        return loss();
    }

    private boolean canBackward() {
        return fwd == schedule.size() && canBackwardAtAll();
    }

    private boolean canBackwardAtAll() {
        return net.seq != null && net.seq.hasLoss();
    }

    private void requireLoaded() {
        if (net.seq == null) {
            throw new IllegalStateException("load a sequence first");
        }
    }

    // ---- what a view or exporter reads ------------------------------------------------------------

    public Model model() {
        return net.model;
    }

    public Sequence sequence() {
        return net.seq;
    }

    public int length() {
        return net.length;
    }

    public Schedule schedule() {
        return schedule;
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
        return net.states[net.index(layer, direction)];
    }

    /**
     * What layer l passes up, T × H·D: its hidden states, or with a residual connection
     * h_t + (its input) (see {@link ModelConfig#residual()}); before dropout.
     */
    public DMatrixRMaj layerOutput(int layer) {
        return net.output[layer];
    }

    /** y_t for every step (T × outputs); rows past the forward cursor are stale. */
    public DMatrixRMaj outputs() {
        return net.head.outputs;
    }

    /** The loss term of step t (0 where t has no target). */
    public double stepLoss(int t) {
        return net.head.stepLoss[t];
    }

    /** The sequence loss: the sum of the step losses computed so far (the full loss once forward is done). */
    public double loss() {
        double s = 0;
        for (int t = 0; t < net.length; t++) {
            if (net.seq.targetIndex(t) >= 0 && outputDone(t)) {
                s += net.head.stepLoss[t];
            }
        }
        return s;
    }

    /** Whether the output of step t has been computed by the forward cursor. */
    public boolean outputDone(int t) {
        if (!net.cfg.bidirectional()) {
            return t < fwd;
        }
        return fwd - net.cfg.numLayers() * net.length > t;
    }

    /**
     * Makes BPTT compute dL/dx_t of the first layer for one-hot input too (it always does for an
     * embedding); read it with {@link LayerState#gradInput(int, double[])} of layer 0.
     */
    public void setInputGradients(boolean on) {
        net.inputGradients = on;
    }

    /** dL/dθ accumulated by the BPTT steps taken so far (same names and shapes as the weights). */
    public Parameters gradients() {
        return net.grads;
    }

    /** Copies the final states (after the last step of each direction) into (L·D × H) matrices. */
    public void finalState(DMatrixRMaj hOut, DMatrixRMaj cOut) {
        net.finalState(hOut, cOut);
    }
}
