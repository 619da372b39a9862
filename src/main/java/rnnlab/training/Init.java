package rnnlab.training;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;

/**
 * Weight initialisation, all from one seeded generator so the same seed gives the same weights.
 *
 * @param scheme           PYTORCH: every recurrent weight and bias ~ U(−1/√H, 1/√H), the head
 *                         ~ U(−1/√fan_in, 1/√fan_in), the embedding ~ N(0, 1) (PyTorch's defaults);
 *                         XAVIER: weights ~ U(±√(6 / (fan_in + fan_out))) per gate block, biases 0
 *                         (X. Glorot, Y. Bengio, "Understanding the difficulty of training deep
 *                         feedforward neural networks", AISTATS 2010)
 * @param orthogonalRecurrent each H × H gate block of W_hh is a random orthogonal matrix
 *                         (A. M. Saxe, J. L. McClelland, S. Ganguli, "Exact solutions to the nonlinear
 *                         dynamics of learning in deep linear neural networks", ICLR 2014)
 * @param forgetBias       LSTM: the forget-gate part of b_ih + b_hh is set to this sum (b_ih = value,
 *                         b_hh = 0); NaN leaves the scheme's bias (R. Jozefowicz, W. Zaremba,
 *                         I. Sutskever, "An Empirical Exploration of Recurrent Network Architectures",
 *                         ICML 2015, recommend 1)
 * @param recurrentScale   W_hh is multiplied by this after initialisation, to dial its spectral radius
 */
public record Init(Scheme scheme, boolean orthogonalRecurrent, double forgetBias, double recurrentScale) {
    public enum Scheme { PYTORCH, XAVIER }

    public static final Init PYTORCH = new Init(Scheme.PYTORCH, false, Double.NaN, 1.0);

    public Init {
        if (!(recurrentScale >= 0) || !Double.isFinite(recurrentScale)) {
            throw new IllegalArgumentException("recurrent scale must be a finite number ≥ 0");
        }
    }

    public Init withForgetBias(double b) {
        return new Init(scheme, orthogonalRecurrent, b, recurrentScale);
    }

    public Init withOrthogonalRecurrent(boolean on) {
        return new Init(scheme, on, forgetBias, recurrentScale);
    }

    public Init withRecurrentScale(double s) {
        return new Init(scheme, orthogonalRecurrent, forgetBias, s);
    }

    /** A new model with this initialisation. */
    public Model create(ModelConfig cfg, long seed) {
        Model m = Model.zeros(cfg);
        apply(m, seed);
        return m;
    }

    /** Overwrites every weight of {@code model}. */
    public void apply(Model model, long seed) {
        ModelConfig cfg = model.config();
        SplittableRandom rnd = new SplittableRandom(seed);
        int h = cfg.hiddenSize();
        int blocks = cfg.cell().blocks();
        double k = 1.0 / Math.sqrt(h);
        for (ModelConfig.ParamShape s : cfg.parameterShapes()) {
            DMatrixRMaj w = model.param(s.name());
            String n = s.name();
            if (n.equals(ModelConfig.EMBEDDING)) {
                gaussian(w, rnd, 1.0);
            } else if (n.equals(ModelConfig.FC_WEIGHT) || n.equals(ModelConfig.FC_BIAS)) {
                double b = 1.0 / Math.sqrt(cfg.hiddenSize() * cfg.directions());
                if (scheme == Scheme.XAVIER && n.equals(ModelConfig.FC_WEIGHT)) {
                    b = Math.sqrt(6.0 / (w.numCols + w.numRows));
                } else if (scheme == Scheme.XAVIER) {
                    b = 0;
                }
                uniform(w, rnd, b);
            } else if (n.startsWith("rnn.ln_")) {
                // layer normalisation: gains 1, the LSTM's c bias 0 (Ba et al. 2016), whatever the scheme
                java.util.Arrays.fill(w.data, 0, w.getNumElements(), ModelConfig.isLayerNormGain(n) ? 1.0 : 0.0);
            } else if (s.isVector()) {
                uniform(w, rnd, scheme == Scheme.PYTORCH ? k : 0);
            } else {
                // a gate-stacked weight: W_ih (G·H × in) or W_hh (G·H × H)
                boolean recurrent = n.contains("weight_hh");
                if (recurrent && orthogonalRecurrent) {
                    for (int b = 0; b < blocks; b++) {
                        orthogonalBlock(w, b * h, h, rnd);
                    }
                } else if (scheme == Scheme.XAVIER) {
                    uniform(w, rnd, Math.sqrt(6.0 / (w.numCols + h)));
                } else {
                    uniform(w, rnd, k);
                }
                if (recurrent && recurrentScale != 1.0) {
                    for (int i = 0; i < w.data.length; i++) {
                        w.data[i] *= recurrentScale;
                    }
                }
            }
        }
        if (cfg.cell() == CellType.LSTM && !Double.isNaN(forgetBias)) {
            for (int l = 0; l < cfg.numLayers(); l++) {
                for (int d = 0; d < cfg.directions(); d++) {
                    DMatrixRMaj bih = model.param(ModelConfig.biasIh(l, d));
                    DMatrixRMaj bhh = model.param(ModelConfig.biasHh(l, d));
                    // forget block f is rows H..2H (gate order i, f, g, o)
                    for (int u = h; u < 2 * h; u++) {
                        bih.data[u] = forgetBias;
                        bhh.data[u] = 0;
                    }
                }
            }
        }
    }

    static void uniform(DMatrixRMaj w, SplittableRandom rnd, double bound) {
        for (int i = 0; i < w.data.length && i < w.getNumElements(); i++) {
            w.data[i] = bound == 0 ? 0 : (2 * rnd.nextDouble() - 1) * bound;
        }
    }

    static void gaussian(DMatrixRMaj w, SplittableRandom rnd, double sd) {
        for (int i = 0; i < w.getNumElements(); i++) {
            w.data[i] = sd * normal(rnd);
        }
    }

    /** A standard normal number (Box–Muller; one of the pair is used, so the stream stays simple). */
    public static double normal(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Rows r0..r0+h of w (h × h) become a random orthogonal matrix: Gram–Schmidt on Gaussian rows. */
    static void orthogonalBlock(DMatrixRMaj w, int r0, int h, SplittableRandom rnd) {
        int c = w.numCols;
        double[] a = w.data;
        for (int i = 0; i < h; i++) {
            int ri = (r0 + i) * c;
            for (int attempt = 0; ; attempt++) {
                for (int j = 0; j < c; j++) {
                    a[ri + j] = normal(rnd);
                }
                // modified Gram–Schmidt, twice for accuracy
                for (int pass = 0; pass < 2; pass++) {
                    for (int q = 0; q < i; q++) {
                        int rq = (r0 + q) * c;
                        double dot = 0;
                        for (int j = 0; j < c; j++) {
                            dot += a[ri + j] * a[rq + j];
                        }
                        for (int j = 0; j < c; j++) {
                            a[ri + j] -= dot * a[rq + j];
                        }
                    }
                }
                double norm = 0;
                for (int j = 0; j < c; j++) {
                    norm += a[ri + j] * a[ri + j];
                }
                norm = Math.sqrt(norm);
                if (norm > 1e-6 || attempt > 10) {
                    for (int j = 0; j < c; j++) {
                        a[ri + j] /= norm;
                    }
                    break;
                }
            }
        }
    }
}
