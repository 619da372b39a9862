package rnnlab.ui.viewmodel;

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
 * @param loss          the loss summed over the steps computed so far
 * @param weights       every parameter by its state_dict name (biases as 1 × n)
 * @param grads         dL/dθ accumulated by BPTT so far, same names and shapes
 * @param position      the combined timeline position (0..timelineLength)
 * @param timelineLength forward steps plus BPTT steps
 */
public record Frame(String cell, int hiddenSize, int numLayers, int directions, int length, int inputSize,
                   int outputSize, String outputActivation, String[] gateNames, List<String> vocab,
                   String[] symbols, int[] tokens, double[][] inputs,
                   Phase phase, int time, int forwardSteps, int backwardSteps,
                   List<LayerFrame> layers, double[][] outputs, double[] stepLoss, boolean[] hasTarget,
                   int[] classTargets, double loss, Map<String, double[][]> weights, Map<String, double[][]> grads,
                   int position, int timelineLength) {

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

    public LayerFrame layer(int layer, int direction) {
        return layers.get(layer * directions + direction);
    }

    public boolean isLstm() {
        return "lstm".equals(cell);
    }

    public boolean isGru() {
        return "gru".equals(cell);
    }
}
