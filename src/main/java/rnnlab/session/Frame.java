package rnnlab.session;

import rnnlab.engine.CellType;

import java.util.List;
import java.util.Map;

/**
 * An immutable copy of everything the views draw for one cursor position of a run: the contract
 * between the engine side (which builds frames off the FX thread) and the views (which only read).
 * Plain arrays, no engine types. Arrays are indexed [t][unit] with t = 0..T−1 (screens show t+1).
 *
 * @param cell          "rnn_tanh", "rnn_relu", "lstm" or "gru"
 * @param gateNames     "i","f","g","o" (lstm), "r","z","n" (gru), empty otherwise
 * @param symbols       the symbol of each input step (null for real-valued inputs)
 * @param tokens        token indices (null for real-valued inputs)
 * @param inputs        x_t as vectors (one-hot rows for tokens without an embedding), T × input
 * @param phase         where the timeline is
 * @param time          the time step the cursor last computed (forward) or last backpropagated through
 *                      (backward); −1 before the first step
 * @param forwardSteps  how many time steps have outputs computed (0..T)
 * @param backwardSteps how many time steps BPTT has gone through (0..T), counted from the end
 * @param layers        one entry per layer and direction, ordered l0 forward, l0 reverse, l1 forward …
 * @param outputs       y_t, T × O (rows ≥ forwardSteps are not computed yet)
 * @param stepLoss      loss term of each step (0 where no target)
 * @param hasTarget     whether step t carries a target
 * @param classTargets  target class per step (−1 where none), or null for vector targets
 * @param vectorTargets target vector per step (null rows where none; mse, bce), or null for class targets
 * @param loss          the loss summed over the steps computed so far
 * @param weights       every parameter by its state_dict name (biases as 1 × n)
 * @param grads         dL/dθ accumulated by BPTT so far, same names and shapes
 * @param position      the combined timeline position (0..timelineLength)
 * @param timelineLength forward steps plus BPTT steps
 * @param analysis      gradient-flow figures of the whole sequence (independent of the cursor), or null
 */
public record Frame(String cell, int hiddenSize, int numLayers, int directions, int length, int inputSize,
                   int outputSize, String outputActivation, String[] gateNames, List<String> vocab,
                   String[] symbols, int[] tokens, double[][] inputs,
                   Phase phase, int time, int forwardSteps, int backwardSteps,
                   List<LayerFrame> layers, double[][] outputs, double[] stepLoss, boolean[] hasTarget,
                   int[] classTargets, double[][] vectorTargets, double loss, Map<String, double[][]> weights, Map<String, double[][]> grads,
                   int position, int timelineLength, Analysis analysis) {

    /** Where the timeline is. */
    public enum Phase { FORWARD, BACKWARD }

    /**
     * One layer-direction's history.
     *
     * @param gates       [gate block][t][unit] after the activation (lstm i,f,g,o; gru r,z,n); empty for rnn
     * @param gateDeltas  [gate block][t][unit] deltas of the pre-activations (BPTT); for rnn one block δa
     * @param c           cell state (lstm) or null
     * @param gradH       dL/dh_t in total
     * @param gradC       dL/dc_t (lstm) or null
     */
    public record LayerFrame(int layer, int direction, double[][] h, double[][] c, double[][][] gates,
                             double[][] gradH, double[][] gradC, double[][][] gateDeltas, double[] h0, double[] c0) {
    }

    /**
     * Why gradients vanish or explode, for the whole sequence with the current weights. Lists have one
     * entry per layer-direction (same order as {@link #layers}); arrays are indexed by t.
     *
     * @param lastStepGradNorms ‖∂L_T/∂h_t‖: the gradient of the last step's loss alone (null entries
     *                          when the sequence has no loss)
     * @param productNorms      ‖∏ J_k‖₂ from the direction's last step back to t, J_k = ∂state_k/∂state_{k−1}
     *                          (state = h, or (h, c) for the LSTM); null entries when the state is too large
     *                          to multiply out (over 64 numbers)
     * @param spectra           eigenvalues of each recurrent weight block
     * @param flows             per layer-direction, what decides the gradient's size going back (σ_max, the
     *                          saturation term, the gate product of the cell-state path)
     */
    public record Analysis(List<double[]> lastStepGradNorms, List<double[]> productNorms, List<Spectrum> spectra,
                           List<Flow> flows) {
        public Analysis(List<double[]> lastStepGradNorms, List<double[]> productNorms, List<Spectrum> spectra) {
            this(lastStepGradNorms, productNorms, spectra, List.of());
        }
    }

    /**
     * What carries the gradient back through time in one layer-direction (see rnnlab.engine.GradientFlow).
     *
     * @param cell         "rnn_tanh", "rnn_relu", "lstm" or "gru"
     * @param rho          spectral radius of W_hh (largest over gate blocks)
     * @param sigmaMax     largest singular value of W_hh (largest over gate blocks)
     * @param meanSlope    rnn: mean act′ (tanh: 1 − h²); LSTM: mean forget gate f; GRU: mean update gate z
     * @param maxSlope     rnn: largest act′ seen (γ); LSTM/GRU: largest f or z
     * @param carryProduct LSTM: max over units of ∏ f; GRU: of ∏ z; rnn: NaN
     * @param stepsBack    steps those figures cover
     */
    public record Flow(String cell, double rho, double sigmaMax, double meanSlope, double maxSlope,
                       double carryProduct, int stepsBack, boolean layerNorm) {
        /** A flow of a cell without layer normalisation. */
        public Flow(String cell, double rho, double sigmaMax, double meanSlope, double maxSlope, double carryProduct,
                    int stepsBack) {
            this(cell, rho, sigmaMax, meanSlope, maxSlope, carryProduct, stepsBack, false);
        }

        /** LSTM or GRU: the cell-state (or direct) path, not ρ(W_hh), decides. */
        public boolean gated() {
            CellType c = cellType();
            return c != null && c.gated();
        }

        /** The cell this flow was measured in (null for a name no cell has). */
        public CellType cellType() {
            return CellType.fromId(cell);
        }

        /** σ_max·γ (rnn): below 1 every step back is guaranteed to shrink the carried gradient. */
        public double bound() {
            return sigmaMax * maxSlope;
        }
    }

    /**
     * Eigenvalues of one square recurrent block: all of W_hh for rnn_*, W_hi/W_hf/W_hg/W_ho for the
     * LSTM, W_hr/W_hz/W_hn for the GRU.
     *
     * @param block "hh" for rnn_*, else the gate name
     */
    public record Spectrum(int layer, int direction, String block, double[] re, double[] im, double radius) {
    }

    public LayerFrame layer(int layer, int direction) {
        return layers.get(layer * directions + direction);
    }

    /** The frame's cell, as {@link CellType} describes it (null for a name no cell has). */
    public CellType cellType() {
        return CellType.fromId(cell);
    }

    public boolean isLstm() {
        return cellType() == CellType.LSTM;
    }

    public boolean isGru() {
        return cellType() == CellType.GRU;
    }
}
