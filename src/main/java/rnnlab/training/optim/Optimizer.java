package rnnlab.training.optim;

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
    /** λ: 0 = none. */
    protected double weightDecay;
    /** Whether λ shrinks the weights directly (AdamW) rather than adding λθ to the gradient (L2). */
    protected boolean decoupled;

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

    /** Sets the rate of the next steps (a learning-rate schedule calls this before every step). */
    public void setLearningRate(double rate) {
        if (!(rate >= 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("learning rate must be a finite number ≥ 0, got " + rate);
        }
        this.lr = rate;
    }

    /**
     * Weight decay λ. Coupled (L2, the {@code weight_decay} argument of torch.optim.SGD/Adagrad/Adam):
     * the step sees g + λθ, the gradient of loss + (λ/2)‖θ‖². Decoupled (AdamW, I. Loshchilov, F. Hutter,
     * "Decoupled Weight Decay Regularization", ICLR 2019): θ ← θ(1 − ηλ) before the Adam update, so
     * the decay is not rescaled by Adam's per-weight step sizes. Only Adam supports decoupled decay.
     */
    public void setWeightDecay(double lambda, boolean decoupledDecay) {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("weight decay must be a finite number ≥ 0, got " + lambda);
        }
        if (decoupledDecay && !(this instanceof Adam)) {
            throw new IllegalArgumentException("decoupled weight decay (AdamW) needs the adam optimizer, not " + name());
        }
        this.weightDecay = lambda;
        this.decoupled = decoupledDecay;
    }

    public double weightDecay() {
        return weightDecay;
    }

    public boolean decoupledWeightDecay() {
        return decoupled;
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

    /** The optimiser named {@code name} (sgd, momentum, adagrad, adam, adamw) with its usual defaults
     * (adamw: decoupled weight decay 0.01, torch.optim.AdamW's default). */
    public static Optimizer create(String name, Parameters params, Parameters grads, double lr) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "sgd" -> new Sgd(params, grads, lr, 0.0);
            case "momentum" -> new Sgd(params, grads, lr, 0.9);
            case "adagrad" -> new Adagrad(params, grads, lr);
            case "adam" -> new Adam(params, grads, lr);
            case "adamw" -> {
                Adam a = new Adam(params, grads, lr);
                a.setWeightDecay(Adam.ADAMW_DECAY, true);
                yield a;
            }
            default -> throw new IllegalArgumentException(
                    "unknown optimizer '" + name + "': expected sgd, momentum, adagrad, adam or adamw");
        };
    }
}
