package rnnlab.training.optim;

import rnnlab.engine.Parameters;

/**
 * Adam with torch.optim.Adam's defaults (β₁ = 0.9, β₂ = 0.999, ε = 1e−8, no weight decay, no
 * AMSGrad) and its bias correction, operation for operation as PyTorch's single-tensor CPU path:
 * <pre>
 *   m_t = β₁ m_{t−1} + (1 − β₁) g_t          v_t = β₂ v_{t−1} + (1 − β₂) g_t²
 *   θ_t = θ_{t−1} − (η / (1 − β₁ᵗ)) · m_t / (√v_t / √(1 − β₂ᵗ) + ε)
 * </pre>
 * With weight decay λ (see {@link Optimizer#setWeightDecay}): L2 as torch.optim.Adam's weight_decay
 * (g ← g + λθ), or decoupled as torch.optim.AdamW (θ ← θ(1 − ηλ) first; I. Loshchilov, F. Hutter,
 * "Decoupled Weight Decay Regularization", ICLR 2019, arXiv:1711.05101).
 * D. P. Kingma, J. Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015 (arXiv:1412.6980).
 */
public final class Adam extends Optimizer {
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPS = 1e-8;
    /** torch.optim.AdamW's default weight decay. */
    public static final double ADAMW_DECAY = 0.01;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double[][] m;
    private final double[][] v;
    private long t;

    public Adam(Parameters params, Parameters grads, double lr) {
        this(params, grads, lr, BETA1, BETA2, EPS);
    }

    public Adam(Parameters params, Parameters grads, double lr, double beta1, double beta2, double eps) {
        super(params, grads, lr);
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1 && eps >= 0)) {
            throw new IllegalArgumentException("Adam needs 0 ≤ β₁, β₂ < 1 and ε ≥ 0");
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        m = zerosLike();
        v = zerosLike();
    }

    @Override
    public boolean step() {
        t++;
        final double step = t;
        // bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ
        final double bc1 = 1 - Math.pow(beta1, step);
        final double bc2 = 1 - Math.pow(beta2, step);
        final double negStepSize = -(lr / bc1);
        final double bc2Sqrt = Math.sqrt(bc2);
        final double a1 = 1 - beta1;
        final double a2 = 1 - beta2;
        final double l2 = decoupled ? 0 : weightDecay;
        final double shrink = decoupled ? 1 - lr * weightDecay : 1;
        for (int k = 0; k < p.length; k++) {
            final double[] w = p[k];
            final double[] d = g[k];
            final double[] mk = m[k];
            final double[] vk = v[k];
            for (int i = 0; i < w.length; i++) {
                // L2: g ← g + λθ; AdamW: θ ← θ(1 − ηλ) (a no-op when λ = 0)
                double gi = l2 == 0 ? d[i] : d[i] + l2 * w[i];
                if (shrink != 1) {
                    w[i] *= shrink;
                }
                // m ← β₁ m + (1 − β₁) g
                double mi = mk[i] * beta1 + a1 * gi;
                // v ← β₂ v + (1 − β₂) g²
                double vi = vk[i] * beta2 + a2 * gi * gi;
                mk[i] = mi;
                vk[i] = vi;
                // θ ← θ − step_size · m / (√v / √(1 − β₂ᵗ) + ε)
                double denom = Math.sqrt(vi) / bc2Sqrt + eps;
                double wi = w[i] + negStepSize * mi / denom;
                w[i] = wi;
            }
        }
        // |Δθ| ≤ η·(1 − β₁)/√(1 − β₂) per step: finite gradients cannot make the weights overflow
        return true;
    }

    @Override
    public void reset() {
        zero(m);
        zero(v);
        t = 0;
    }

    /** Number of steps taken since construction or the last reset. */
    public long steps() {
        return t;
    }

    @Override
    public String name() {
        return decoupled ? "adamw" : "adam";
    }
}
