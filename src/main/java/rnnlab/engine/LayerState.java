package rnnlab.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * Everything one layer-direction computes, kept for every time step (row t = time step t of the
 * input, in both directions). Allocated once per model and sequence length; steps write rows.
 *
 * <p>Hidden states live in the layer's shared {@link #hidden} matrix (T × H·D, forward columns first)
 * so that the layer above and the output head read one contiguous row per step.
 */
public final class LayerState {
    final int layer;
    final int direction;
    final int hiddenSize;
    final int inputSize;
    final int gateWidth;
    final int length;
    final int hOffset;
    final LayerWeights w;
    final LayerWeights g;

    /** The layer's hidden states, both directions: T × H·D (shared with the other direction). */
    final DMatrixRMaj hidden;
    /** dL/dh_t of the layer, both directions: T × H·D (shared). */
    final DMatrixRMaj gradHidden;

    /** Gate activations per step (T × G·H): lstm i,f,g,o; gru r,z,n; the pre-activation for rnn_*. */
    final DMatrixRMaj gates;
    /** Gate pre-activations (T × G·H); for rnn_* the same matrix as {@link #gates}. */
    final DMatrixRMaj preact;
    /** Pinned gate values (T × G·H) where {@link #pinned} is set; both null when nothing is pinned. */
    double[] pinValue;
    boolean[] pinned;
    /** LSTM: c_t and tanh(c_t); GRU: W_hn h_{t−1} + b_hn (in {@code cell}), T × H. */
    final DMatrixRMaj cell;
    final DMatrixRMaj tanhCell;
    /** Deltas of the gate pre-activations (T × G·H), the "gate deltas" a view shows. */
    final DMatrixRMaj gateDelta;
    /** GRU only: the delta of W_hn h + b_hn, which differs from the n block of {@link #gateDelta} by r. */
    final DMatrixRMaj hnDelta;
    /** dL/dc_t in total (LSTM). */
    final DMatrixRMaj gradCell;
    /** The part of dL/dh_t (and dL/dc_t) that comes back from the next step in this direction. */
    final DMatrixRMaj recH;
    final DMatrixRMaj recC;
    /** dL/dx_t of this direction's input (T × in); read by the layer below or the embedding. */
    final DMatrixRMaj gradInput;
    /** Initial states and their gradients (length H). */
    final double[] h0;
    final double[] c0;
    final double[] gradH0;
    final double[] gradC0;
    /** Set during a complete BPTT pass: the dense weight terms are added afterwards, all steps at once. */
    boolean deferWeights;
    /** Scratch for the deferred weight terms: per step, the delta offset and the x (or h_{t−1}) row. */
    final int[] scratchOffsets;
    final double[][] scratchX;
    final int[] scratchXOff;
    /**
     * W_hh and a dense W_ih as rows of their transposes (see {@link Kernels#multAddT}), refreshed from the
     * weights at the start of a long whole forward pass and valid only while it runs ({@link #transposed});
     * null until first needed. {@link #matVecScratch} has the gate width.
     */
    double[][] hhT;
    double[][] ihT;
    double[] matVecScratch;
    boolean transposed;
    /** The steps of this layer-direction in BPTT order, and how many of them were run. */
    final int[] bpttOrder;
    int bpttCount;
    /** The layer-norm values of a {@link LayerNormCell} (null without {@link ModelConfig#layerNorm()}). */
    LayerNormState ln;

    LayerState(ModelConfig cfg, int layer, int direction, int length, DMatrixRMaj hidden, DMatrixRMaj gradHidden,
               LayerWeights w, LayerWeights g) {
        this.layer = layer;
        this.direction = direction;
        this.hiddenSize = cfg.hiddenSize();
        this.inputSize = cfg.layerInputSize(layer);
        this.gateWidth = cfg.cell().blocks() * hiddenSize;
        this.length = length;
        this.hOffset = direction * hiddenSize;
        this.hidden = hidden;
        this.gradHidden = gradHidden;
        this.w = w;
        this.g = g;
        int hh = hiddenSize;
        boolean lstm = cfg.cell() == CellType.LSTM;
        boolean gru = cfg.cell() == CellType.GRU;
        gates = new DMatrixRMaj(length, gateWidth);
        preact = lstm || gru ? new DMatrixRMaj(length, gateWidth) : gates;
        gateDelta = new DMatrixRMaj(length, gateWidth);
        cell = lstm || gru ? new DMatrixRMaj(length, hh) : null;
        tanhCell = lstm ? new DMatrixRMaj(length, hh) : null;
        gradCell = lstm ? new DMatrixRMaj(length, hh) : null;
        recC = lstm ? new DMatrixRMaj(length, hh) : null;
        hnDelta = gru ? new DMatrixRMaj(length, hh) : null;
        recH = new DMatrixRMaj(length, hh);
        gradInput = new DMatrixRMaj(length, inputSize);
        h0 = new double[hh];
        c0 = new double[hh];
        gradH0 = new double[hh];
        gradC0 = new double[hh];
        scratchOffsets = new int[length];
        scratchX = new double[length][];
        scratchXOff = new int[length];
        bpttOrder = new int[length];
    }

    /** The step that runs before t in this direction (t−1 forward, t+1 reverse); −1 or T at the start. */
    int previous(int t) {
        return direction == 0 ? t - 1 : t + 1;
    }

    boolean isFirst(int t) {
        return direction == 0 ? t == 0 : t == length - 1;
    }

    /** The layer normalisation's per-step values, or null when the model has none. */
    public LayerNormState layerNorm() {
        return ln;
    }

    public int layer() {
        return layer;
    }

    public int direction() {
        return direction;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    /** Copies h_t of this direction into {@code out} (length H). */
    public void hidden(int t, double[] out) {
        System.arraycopy(hidden.data, t * hidden.numCols + hOffset, out, 0, hiddenSize);
    }

    public double hidden(int t, int unit) {
        return hidden.data[t * hidden.numCols + hOffset + unit];
    }

    /** dL/dh_t of this direction. */
    public double gradHidden(int t, int unit) {
        return gradHidden.data[t * gradHidden.numCols + hOffset + unit];
    }

    /** Gate block {@code block} (0..G−1 in PyTorch order) of step t, unit u. */
    public double gate(int t, int block, int unit) {
        return gates.get(t, block * hiddenSize + unit);
    }

    /** The pre-activation of gate block {@code block} at step t (for rnn_*, W_ih x + b + W_hh h + b). */
    public double preActivation(int t, int block, int unit) {
        return preact.get(t, block * hiddenSize + unit);
    }

    /** Whether the gate value at (t, block, unit) is pinned by a {@link GateOverride}. */
    public boolean isPinned(int t, int block, int unit) {
        return pinned != null && pinned[t * gateWidth + block * hiddenSize + unit];
    }

    public double gateDelta(int t, int block, int unit) {
        return gateDelta.get(t, block * hiddenSize + unit);
    }

    /**
     * dL/dx_t of this layer's input after BPTT (for layer 0 with one-hot input only when
     * {@link Run#setInputGradients} is on); {@code out} has the input's width.
     */
    public void gradInput(int t, double[] out) {
        System.arraycopy(gradInput.data, t * gradInput.numCols, out, 0, gradInput.numCols);
    }

    /** The width of this layer's input x_t. */
    public int inputSize() {
        return gradInput.numCols;
    }

    /** c_t (LSTM only). */
    public double cell(int t, int unit) {
        return cell.get(t, unit);
    }

    /** dL/dc_t (LSTM only). */
    public double gradCell(int t, int unit) {
        return gradCell.get(t, unit);
    }

    /** The layer's hidden states, both directions (T × H·D); this direction's columns start at {@link #hiddenOffset()}. */
    public DMatrixRMaj hiddenMatrix() {
        return hidden;
    }

    /** dL/dh_t of the layer, both directions (T × H·D), laid out like {@link #hiddenMatrix()}. */
    public DMatrixRMaj gradHiddenMatrix() {
        return gradHidden;
    }

    public int hiddenOffset() {
        return hOffset;
    }

    /** Read-only views of the whole histories, for exporters (rows are time steps). */
    public DMatrixRMaj gatesMatrix() {
        return gates;
    }

    public DMatrixRMaj gateDeltaMatrix() {
        return gateDelta;
    }

    public DMatrixRMaj cellMatrix() {
        return tanhCell == null ? null : cell;
    }

    public DMatrixRMaj gradCellMatrix() {
        return gradCell;
    }

    /** h_t of this direction for all t, as a new T × H matrix. */
    public DMatrixRMaj hiddenCopy() {
        return columns(hidden);
    }

    /** dL/dh_t of this direction for all t, as a new T × H matrix. */
    public DMatrixRMaj gradHiddenCopy() {
        return columns(gradHidden);
    }

    private DMatrixRMaj columns(DMatrixRMaj m) {
        DMatrixRMaj out = new DMatrixRMaj(length, hiddenSize);
        for (int t = 0; t < length; t++) {
            System.arraycopy(m.data, t * m.numCols + hOffset, out.data, t * hiddenSize, hiddenSize);
        }
        return out;
    }

    /** The gate value to use: the pinned one if (index) is pinned, else {@code computed}. */
    double pin(int index, double computed) {
        return pinned != null && pinned[index] ? pinValue[index] : computed;
    }

    /** δ of a pinned gate's pre-activation is 0: a constant does not depend on the weights. */
    double unlessPinned(int index, double delta) {
        return pinned != null && pinned[index] ? 0.0 : delta;
    }

    /** Copies the current weights into {@link #hhT} (and {@link #ihT} when {@code dense}) and turns them on. */
    void beginTransposed(boolean dense) {
        if (hhT == null) {
            hhT = new double[hiddenSize][gateWidth];
            matVecScratch = new double[gateWidth];
        }
        Kernels.transposeRows(w.hh(), hhT);
        if (dense) {
            if (ihT == null) {
                ihT = new double[w.ih().numCols][gateWidth];
            }
            Kernels.transposeRows(w.ih(), ihT);
        }
        transposed = true;
    }

    /** Zeroes everything the backward pass accumulates into or reads before writing. */
    void resetBackward() {
        recH.zero();
        if (recC != null) {
            recC.zero();
        }
        java.util.Arrays.fill(gradH0, 0);
        java.util.Arrays.fill(gradC0, 0);
    }
}
