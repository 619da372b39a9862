package rnnlab.session;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;

/**
 * Fills a model with random weights from a seed. For now only what PyTorch does by default (the
 * training work brings more initialisers):
 * <ul>
 * <li>recurrent weights and biases: uniform(−1/√H, 1/√H);</li>
 * <li>output layer (nn.Linear): uniform(−1/√fan_in, 1/√fan_in) for weight and bias;</li>
 * <li>embedding: standard normal.</li>
 * </ul>
 * The random stream is Java's, so the numbers differ from PyTorch's for the same seed.
 */
public enum Initialiser {
    PYTORCH_DEFAULT("pytorch_default"),
    /** All zeros: every unit computes the same thing — shows why random initialisation matters. */
    ZEROS("zeros");

    public final String id;

    Initialiser(String id) {
        this.id = id;
    }

    public String titleKey() {
        return "init." + id;
    }

    public static Initialiser fromId(String id) {
        for (Initialiser i : values()) {
            if (i.id.equals(id)) {
                return i;
            }
        }
        return null;
    }

    /** A new model of this configuration with weights drawn from {@code seed}. */
    public Model create(ModelConfig cfg, long seed) {
        Model m = Model.zeros(cfg);
        if (this == ZEROS) {
            return m;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double k = 1.0 / Math.sqrt(cfg.hiddenSize());
        for (ModelConfig.ParamShape s : cfg.parameterShapes()) {
            DMatrixRMaj p = m.param(s.name());
            if (s.name().equals(ModelConfig.EMBEDDING)) {
                for (int i = 0; i < p.data.length; i++) {
                    p.data[i] = gaussian(rnd);
                }
            } else if (s.name().startsWith("fc.")) {
                double kf = 1.0 / Math.sqrt(cfg.hiddenSize() * cfg.directions());
                fillUniform(p, rnd, kf);
            } else {
                fillUniform(p, rnd, k);
            }
        }
        return m;
    }

    private static void fillUniform(DMatrixRMaj p, SplittableRandom rnd, double k) {
        for (int i = 0; i < p.data.length; i++) {
            // w ~ U(−k, k)
            p.data[i] = (2 * rnd.nextDouble() - 1) * k;
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box–Muller: z = √(−2 ln u₁) · cos(2π u₂)
        double u1 = 1.0 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
