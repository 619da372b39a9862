package rnnlab.training;

import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.Parameters;

/**
 * A first-order optimiser bound to one set of weights and one set of gradients (same names and
 * shapes). Lifecycle: the constructor allocates every piece of state once; {@link #step()} reads
 * the gradients and updates the weights and the state in place (no allocation); {@link #reset()}
 * forgets the state (as if freshly constructed).
 */
public abstract class Optimizer {
    protected final double[][] p;
    protected final double[][] g;
    protected double lr;

    protected Optimizer(Parameters params, Parameters grads, double lr) {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + lr);
        }
        int n = params.asMap().size();
        p = new double[n][];
        g = new double[n][];
        int k = 0;
        for (var e : params.asMap().entrySet()) {
            DMatrixRMaj w = e.getValue();
            DMatrixRMaj d = grads.get(e.getKey());
            if (d.getNumElements() != w.getNumElements()) {
                throw new IllegalArgumentException("gradient " + e.getKey() + " has the wrong shape");
            }
            p[k] = w.data;
            g[k] = d.data;
            k++;
        }
        this.lr = lr;
    }

    /** One update of every weight from the current gradients. Returns false if any new weight is not finite. */
    public abstract boolean step();

    /** Forgets the accumulated state (moments, step count). */
    public abstract void reset();

    public abstract String name();

    public double learningRate() {
        return lr;
    }

    /** A state array shaped like every weight, all zero. */
    protected double[][] zerosLike() {
        double[][] s = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            s[i] = new double[p[i].length];
        }
        return s;
    }

    protected static void zero(double[][] s) {
        for (double[] a : s) {
            java.util.Arrays.fill(a, 0);
        }
    }

    /** The optimiser named {@code name} (sgd, momentum, adagrad, adam) with its usual defaults. */
    public static Optimizer create(String name, Parameters params, Parameters grads, double lr) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "sgd" -> new Sgd(params, grads, lr, 0.0);
            case "momentum" -> new Sgd(params, grads, lr, 0.9);
            case "adagrad" -> new Adagrad(params, grads, lr);
            case "adam" -> new Adam(params, grads, lr);
            default -> throw new IllegalArgumentException(
                    "unknown optimizer '" + name + "': expected sgd, momentum, adagrad or adam");
        };
    }
}
