package rnnlab.training.optim;

import rnnlab.engine.Parameters;

/**
 * Gradient clipping, bound once to a set of gradients (no allocation per call).
 * <ul>
 *   <li>{@link Mode#NORM}: if the global norm ‖g‖ = √(Σ g²) over every parameter exceeds c, every
 *   gradient is scaled by c / (‖g‖ + 1e−6), as torch.nn.utils.clip_grad_norm_ does. One clip event.</li>
 *   <li>{@link Mode#VALUE}: every component is clamped to [−c, c] (clip_grad_value_). One clip event
 *   per clamped component.</li>
 * </ul>
 * R. Pascanu, T. Mikolov, Y. Bengio, "On the difficulty of training recurrent neural networks",
 * ICML 2013 (clipping by norm).
 */
public final class Clipper {
    /** How gradients are clipped. */
    public enum Mode { NONE, NORM, VALUE }

    private final double[][] g;
    private final Mode mode;
    private final double threshold;
    private double lastNorm;

    public Clipper(Parameters grads, Mode mode, double threshold) {
        if (mode != Mode.NONE && !(threshold > 0)) {
            throw new IllegalArgumentException("clip threshold must be positive, got " + threshold);
        }
        this.mode = mode;
        this.threshold = threshold;
        g = new double[grads.asMap().size()][];
        int k = 0;
        for (var m : grads.asMap().values()) {
            g[k++] = m.data;
        }
    }

    /** No clipping; {@link #clip()} only measures the norm. */
    public static Clipper none(Parameters grads) {
        return new Clipper(grads, Mode.NONE, 0);
    }

    /** Measures the global norm (before clipping), clips, and returns the number of clip events. */
    public int clip() {
        // four partial sums keep the additions independent (the loop is latency-bound otherwise)
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (double[] a : g) {
            int i = 0;
            for (; i + 3 < a.length; i += 4) {
                s0 += a[i] * a[i];
                s1 += a[i + 1] * a[i + 1];
                s2 += a[i + 2] * a[i + 2];
                s3 += a[i + 3] * a[i + 3];
            }
            for (; i < a.length; i++) {
                s0 += a[i] * a[i];
            }
        }
        lastNorm = Math.sqrt((s0 + s1) + (s2 + s3));
        switch (mode) {
            case NORM -> {
                if (lastNorm > threshold) {
                    // g ← g · c / (‖g‖ + 1e−6)
                    double f = threshold / (lastNorm + 1e-6);
                    for (double[] a : g) {
                        for (int i = 0; i < a.length; i++) {
                            a[i] *= f;
                        }
                    }
                    return 1;
                }
                return 0;
            }
            case VALUE -> {
                int n = 0;
                for (double[] a : g) {
                    for (int i = 0; i < a.length; i++) {
                        double v = a[i];
                        // g ← clamp(g, −c, c)
                        if (v > threshold) {
                            a[i] = threshold;
                            n++;
                        } else if (v < -threshold) {
                            a[i] = -threshold;
                            n++;
                        }
                    }
                }
                return n;
            }
            default -> {
                return 0;
            }
        }
    }

    /** The global gradient norm measured by the last {@link #clip()}, before clipping. */
    public double lastNorm() {
        return lastNorm;
    }

    public Mode mode() {
        return mode;
    }

    public double threshold() {
        return threshold;
    }
}
