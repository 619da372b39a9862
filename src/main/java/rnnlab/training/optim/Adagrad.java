package rnnlab.training.optim;

import rnnlab.engine.Parameters;

/**
 * Adagrad as in torch.optim.Adagrad with its defaults (no lr decay, initial accumulator 0, ε = 1e−10):
 * <pre>
 *   s_t = s_{t−1} + g_t²        θ_t = θ_{t−1} − η g_t / (√s_t + ε)
 * </pre>
 * J. Duchi, E. Hazan, Y. Singer, "Adaptive Subgradient Methods for Online Learning and Stochastic
 * Optimization", JMLR 12, 2011.
 */
public final class Adagrad extends Optimizer {
    public static final double EPS = 1e-10;
    private final double[][] sum;

    public Adagrad(Parameters params, Parameters grads, double lr) {
        super(params, grads, lr);
        sum = zerosLike();
    }

    @Override
    public boolean step() {
        double check = 0;
        final double l2 = weightDecay;
        for (int k = 0; k < p.length; k++) {
            double[] w = p[k];
            double[] d = g[k];
            double[] s = sum[k];
            for (int i = 0; i < w.length; i++) {
                // g ← g + λθ (L2 weight decay, torch's weight_decay)
                double gi = l2 == 0 ? d[i] : d[i] + l2 * w[i];
                // s ← s + g²
                s[i] += gi * gi;
                // θ ← θ − η g / (√s + ε)
                w[i] -= lr * gi / (Math.sqrt(s[i]) + EPS);
                check += w[i];
            }
        }
        return Double.isFinite(check);
    }

    @Override
    public void reset() {
        zero(sum);
    }

    @Override
    public String name() {
        return "adagrad";
    }
}
