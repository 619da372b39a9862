package rnnlab.ui.views;

import rnnlab.session.Frame;

/**
 * The few products the views show with numbers, recomputed from a frame's copied weights (views
 * never call the engine): a gate's input part W_i·x_t + b_i and hidden part W_h·h_{t−1} + b_h.
 */
public final class CellMath {
    private CellMath() {
    }

    static String suffix(int direction) {
        return direction == 0 ? "" : "_reverse";
    }

    /** The layer's input at step t: x_t for layer 0, the layer below's [h_fwd, h_rev] above. */
    static double[] layerInput(Frame f, int layer, int t) {
        if (layer == 0) {
            return f.inputs()[t];
        }
        int h = f.hiddenSize();
        double[] out = new double[h * f.directions()];
        for (int d = 0; d < f.directions(); d++) {
            System.arraycopy(f.layer(layer - 1, d).h()[t], 0, out, d * h, h);
        }
        return out;
    }

    /** Index of the step before t in this direction's order (−1 or T: the initial state). */
    static int previousStep(Frame f, int direction, int t) {
        return direction == 0 ? t - 1 : t + 1;
    }

    static double[] previousHidden(Frame f, Frame.LayerFrame lf, int t) {
        int p = previousStep(f, lf.direction(), t);
        if (p >= 0 && p < f.length()) {
            return lf.h()[p];
        }
        return lf.h0() != null ? lf.h0() : new double[f.hiddenSize()];
    }

    static double[] previousCell(Frame f, Frame.LayerFrame lf, int t) {
        int p = previousStep(f, lf.direction(), t);
        if (lf.c() != null && p >= 0 && p < f.length()) {
            return lf.c()[p];
        }
        return lf.c0() != null ? lf.c0() : new double[f.hiddenSize()];
    }

    /** W_ih[row]·x + b_ih[row] for gate block b and unit u. */
    static double inputPart(Frame f, int layer, int dir, int block, int u, double[] x) {
        String s = layer + suffix(dir);
        double[][] w = f.weights().get("rnn.weight_ih_l" + s);
        double[][] b = f.weights().get("rnn.bias_ih_l" + s);
        int row = block * f.hiddenSize() + u;
        return dot(w[row], x) + (b == null ? 0 : b[0][row]);
    }

    /** W_hh[row]·h + b_hh[row] for gate block b and unit u. */
    static double hiddenPart(Frame f, int layer, int dir, int block, int u, double[] h) {
        String s = layer + suffix(dir);
        double[][] w = f.weights().get("rnn.weight_hh_l" + s);
        double[][] b = f.weights().get("rnn.bias_hh_l" + s);
        int row = block * f.hiddenSize() + u;
        return dot(w[row], h) + (b == null ? 0 : b[0][row]);
    }

    static double[] inputParts(Frame f, int layer, int dir, int block, double[] x) {
        double[] out = new double[f.hiddenSize()];
        for (int u = 0; u < out.length; u++) {
            out[u] = inputPart(f, layer, dir, block, u, x);
        }
        return out;
    }

    static double[] hiddenParts(Frame f, int layer, int dir, int block, double[] h) {
        double[] out = new double[f.hiddenSize()];
        for (int u = 0; u < out.length; u++) {
            out[u] = hiddenPart(f, layer, dir, block, u, h);
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    /**
     * What step t's deltas send back to h_{t−1}: W_hhᵀ·δ over the gate blocks (for the GRU also the
     * direct path z⊙δh and the candidate's reset-gated hidden part). The output's share at t−1 comes
     * when BPTT reaches t−1, so this is the recurrent part of δh_{t−1}.
     */
    static double[] recurrentGrad(Frame f, Frame.LayerFrame lf, int t) {
        int n = f.hiddenSize();
        double[][] w = f.weights().get("rnn.weight_hh_l" + lf.layer() + suffix(lf.direction()));
        double[][][] d = lf.gateDeltas();
        double[] out = new double[n];
        for (int b = 0; b < d.length; b++) {
            boolean candidate = f.isGru() && b == 2;
            for (int r = 0; r < n; r++) {
                double delta = d[b][t][r] * (candidate ? lf.gates()[0][t][r] : 1);
                for (int u = 0; u < n; u++) {
                    out[u] += w[b * n + r][u] * delta;
                }
            }
        }
        if (f.isGru()) {
            for (int u = 0; u < n; u++) {
                out[u] += lf.gradH()[t][u] * lf.gates()[1][t][u];
            }
        }
        return out;
    }

    /** f_t ⊙ δc_t: what step t sends back to c_{t−1} (LSTM). */
    static double[] carriedCellGrad(Frame f, Frame.LayerFrame lf, int t) {
        int n = f.hiddenSize();
        double[] out = new double[n];
        for (int u = 0; u < n; u++) {
            out[u] = lf.gates()[block(f, "f")][t][u] * lf.gradC()[t][u];
        }
        return out;
    }

    /** The vanilla cell with ReLU instead of tanh. */
    static boolean relu(Frame f) {
        return f.cellType() != null && f.cellType().relu();
    }

    /** Gate block index of a gate name ("i","f","g","o" / "r","z","n"), or −1. */
    public static int block(Frame f, String gate) {
        String[] names = f.gateNames();
        for (int k = 0; k < names.length; k++) {
            if (names[k].equals(gate)) {
                return k;
            }
        }
        return -1;
    }
}
