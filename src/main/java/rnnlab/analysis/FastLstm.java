package rnnlab.analysis;

import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;

/**
 * The forward pass of a plain stacked LSTM (no layer norm, no residual connections, one direction) over a
 * long text for {@link Activations}, faster than stepping the engine's {@code Run}: the weights in single
 * precision (the activations are kept as floats anyway), each layer run over a whole chunk at a time so that
 * the input projection W_ih·x of a layer above the first is one blocked matrix product over the chunk (each
 * block of weights read once per chunk instead of once per character), and only W_hh·h_{t−1} left to the
 * step-by-step loop, through the transposed weights so that the inner loops vectorise. The same equations as
 * {@code engine.LstmCell} (PyTorch's gate order i, f, g, o); {@code FastLstmTest} checks it against the engine.
 */
final class FastLstm {
    /** Columns of W_ihᵀ per block of the chunk's input product (a 256-wide block of a 256-input layer is 256 KB). */
    private static final int BLOCK = 256;
    /**
     * Characters per chunk (as the engine path's). 64, to leave W_hhᵀ more of the L2 cache, measured no faster
     * (2026-12-06, loaded machine).
     */
    static final int CHUNK = 512;

    private final int layers;
    private final int hidden;
    private final int gates;
    private final int[] inputs;
    /** W_ihᵀ per layer: inputs rows of 4H (layer 0 with one-hot input: one row per token). */
    private final float[][][] ihT;
    /** W_hhᵀ per layer: H rows of 4H. */
    private final float[][][] hhT;
    /** b_ih + b_hh per layer. */
    private final float[][] bias;
    /** The embedding (tokens × input), or null for one-hot input. */
    private final float[][] embedding;

    /** Whether {@code cfg} is a model this path computes exactly as the engine does. */
    static boolean applies(ModelConfig cfg) {
        return cfg.cell() == CellType.LSTM && !cfg.bidirectional() && !cfg.layerNorm() && !cfg.residual()
                && cfg.directions() == 1;
    }

    FastLstm(Model model) {
        ModelConfig cfg = model.config();
        layers = cfg.numLayers();
        hidden = cfg.hiddenSize();
        gates = 4 * hidden;
        inputs = new int[layers];
        ihT = new float[layers][][];
        hhT = new float[layers][][];
        bias = new float[layers][gates];
        for (int l = 0; l < layers; l++) {
            DMatrixRMaj ih = model.params().get(ModelConfig.weightIh(l, 0));
            DMatrixRMaj hh = model.params().get(ModelConfig.weightHh(l, 0));
            DMatrixRMaj bi = model.params().get(ModelConfig.biasIh(l, 0));
            DMatrixRMaj bh = model.params().get(ModelConfig.biasHh(l, 0));
            inputs[l] = ih.numCols;
            ihT[l] = transpose(ih);
            hhT[l] = transpose(hh);
            for (int i = 0; i < gates; i++) {
                // summed in double as the engine does (b_ih + b_hh), then rounded once
                bias[l][i] = (float) (bi.data[i] + bh.data[i]);
            }
        }
        if (cfg.hasEmbedding()) {
            DMatrixRMaj e = model.params().get(ModelConfig.EMBEDDING);
            embedding = new float[e.numRows][e.numCols];
            for (int r = 0; r < e.numRows; r++) {
                for (int c = 0; c < e.numCols; c++) {
                    embedding[r][c] = (float) e.data[r * e.numCols + c];
                }
            }
        } else {
            embedding = null;
        }
    }

    private static float[][] transpose(DMatrixRMaj w) {
        float[][] t = new float[w.numCols][w.numRows];
        for (int i0 = 0; i0 < w.numRows; i0 += 8) {
            int i1 = Math.min(w.numRows, i0 + 8);
            for (int j = 0; j < w.numCols; j++) {
                float[] o = t[j];
                for (int i = i0; i < i1; i++) {
                    o[i] = (float) w.data[i * w.numCols + j];
                }
            }
        }
        return t;
    }

    /**
     * Runs over {@code tokens}, chunk by chunk, writing h (and c) of every layer into {@code out}
     * (out[unit][character], units as {@link Activations#units()} orders them).
     */
    void run(int[] tokens, float[][] out, int chunk, java.util.function.BooleanSupplier cancelled,
             java.util.function.IntConsumer progress) {
        int n = tokens.length;
        int maxIn = 0;
        for (int in : inputs) {
            maxIn = Math.max(maxIn, in);
        }
        float[][] h = new float[layers][hidden];
        float[][] c = new float[layers][hidden];
        float[][] pre = new float[chunk][gates];
        float[][] x = new float[chunk][Math.max(maxIn, hidden)];
        float[][] y = new float[chunk][hidden];
        float[][] cs = new float[chunk][hidden];
        float[] z = new float[gates];
        for (int start = 0; start < n; start += chunk) {
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("unit search cancelled");
            }
            int len = Math.min(chunk, n - start);
            for (int l = 0; l < layers; l++) {
                // pre[t] = b + W_ih x_t for the whole chunk
                for (int t = 0; t < len; t++) {
                    System.arraycopy(bias[l], 0, pre[t], 0, gates);
                }
                if (l == 0 && embedding == null) {
                    for (int t = 0; t < len; t++) {
                        float[] col = ihT[0][tokens[start + t]];
                        float[] p = pre[t];
                        for (int i = 0; i < gates; i++) {
                            p[i] += col[i];
                        }
                    }
                } else {
                    if (l == 0) {
                        for (int t = 0; t < len; t++) {
                            System.arraycopy(embedding[tokens[start + t]], 0, x[t], 0, inputs[0]);
                        }
                    }
                    inputProduct(ihT[l], inputs[l], x, pre, len);
                }
                int base = l * 2 * hidden;
                float[] hl = h[l];
                float[] cl = c[l];
                float[][] wt = hhT[l];
                for (int t = 0; t < len; t++) {
                    System.arraycopy(pre[t], 0, z, 0, gates);
                    recurrent(wt, hl, z);
                    float[] yt = y[t];
                    for (int u = 0; u < hidden; u++) {
                        double i = sigmoid(z[u]);
                        double f = sigmoid(z[hidden + u]);
                        double g = tanh(z[2 * hidden + u]);
                        double o = sigmoid(z[3 * hidden + u]);
                        double ct = f * cl[u] + i * g;
                        float hv = (float) (o * tanh(ct));
                        cl[u] = (float) ct;
                        hl[u] = hv;
                        yt[u] = hv;
                    }
                    System.arraycopy(cl, 0, cs[t], 0, hidden);
                }
                // into out[unit][character], 64 characters at a time (the rows read stay in the L1 cache)
                for (int t0 = 0; t0 < len; t0 += 64) {
                    int t1 = Math.min(len, t0 + 64);
                    for (int u = 0; u < hidden; u++) {
                        float[] oh = out[base + u];
                        float[] oc = out[base + hidden + u];
                        for (int t = t0; t < t1; t++) {
                            oh[start + t] = y[t][u];
                            oc[start + t] = cs[t][u];
                        }
                    }
                }
                // this layer's outputs are the next layer's inputs
                for (int t = 0; t < len; t++) {
                    System.arraycopy(y[t], 0, x[t], 0, hidden);
                }
            }
            progress.accept(start + len);
        }
    }

    private static double sigmoid(double v) {
        return 1.0 / (1.0 + Math.exp(-v));
    }

    /** tanh through one exp (Math.exp is an intrinsic, Math.tanh is not in Java 17): within 1e-15 of it. */
    private static double tanh(double v) {
        return 1.0 - 2.0 / (1.0 + Math.exp(2.0 * v));
    }

    /** z += W_hh h through W_hhᵀ (rows of 4H): four rows of Wᵀ per pass over z. */
    private static void recurrent(float[][] wt, float[] h, float[] z) {
        int cols = wt.length;
        int rows = z.length;
        int j = 0;
        for (; j + 3 < cols; j += 4) {
            float v0 = h[j];
            float v1 = h[j + 1];
            float v2 = h[j + 2];
            float v3 = h[j + 3];
            float[] w0 = wt[j];
            float[] w1 = wt[j + 1];
            float[] w2 = wt[j + 2];
            float[] w3 = wt[j + 3];
            for (int i = 0; i < rows; i++) {
                z[i] = z[i] + w0[i] * v0 + w1[i] * v1 + w2[i] * v2 + w3[i] * v3;
            }
        }
        for (; j < cols; j++) {
            float v0 = h[j];
            float[] w0 = wt[j];
            for (int i = 0; i < rows; i++) {
                z[i] = z[i] + w0[i] * v0;
            }
        }
    }

    /**
     * pre[t] += W_ih x_t for t < len, blocked over the gate columns so that each block of W_ihᵀ stays in cache,
     * and four characters at a time so that every weight loaded serves four sums.
     */
    private static void inputProduct(float[][] wt, int in, float[][] x, float[][] pre, int len) {
        int rows = pre[0].length;
        for (int i0 = 0; i0 < rows; i0 += BLOCK) {
            int i1 = Math.min(rows, i0 + BLOCK);
            int t = 0;
            for (; t + 3 < len; t += 4) {
                float[] xa = x[t];
                float[] xb = x[t + 1];
                float[] xc = x[t + 2];
                float[] xd = x[t + 3];
                float[] pa = pre[t];
                float[] pb = pre[t + 1];
                float[] pc = pre[t + 2];
                float[] pd = pre[t + 3];
                int j = 0;
                for (; j + 1 < in; j += 2) {
                    float a0 = xa[j];
                    float a1 = xa[j + 1];
                    float b0 = xb[j];
                    float b1 = xb[j + 1];
                    float c0 = xc[j];
                    float c1 = xc[j + 1];
                    float d0 = xd[j];
                    float d1 = xd[j + 1];
                    float[] w0 = wt[j];
                    float[] w1 = wt[j + 1];
                    for (int i = i0; i < i1; i++) {
                        float u = w0[i];
                        float v = w1[i];
                        pa[i] = pa[i] + u * a0 + v * a1;
                        pb[i] = pb[i] + u * b0 + v * b1;
                        pc[i] = pc[i] + u * c0 + v * c1;
                        pd[i] = pd[i] + u * d0 + v * d1;
                    }
                }
                for (; j < in; j++) {
                    float[] w0 = wt[j];
                    for (int i = i0; i < i1; i++) {
                        float u = w0[i];
                        pa[i] += u * xa[j];
                        pb[i] += u * xb[j];
                        pc[i] += u * xc[j];
                        pd[i] += u * xd[j];
                    }
                }
            }
            for (; t < len; t++) {
                float[] xt = x[t];
                float[] p = pre[t];
                for (int j = 0; j < in; j++) {
                    float v0 = xt[j];
                    float[] w0 = wt[j];
                    for (int i = i0; i < i1; i++) {
                        p[i] = p[i] + w0[i] * v0;
                    }
                }
            }
        }
    }
}
