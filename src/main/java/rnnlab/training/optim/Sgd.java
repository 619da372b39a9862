package rnnlab.training.optim;

import rnnlab.engine.Parameters;

/**
 * Stochastic gradient descent with optional (heavy-ball) momentum, in PyTorch's form
 * (torch.optim.SGD, dampening 0, no Nesterov):
 * <pre>
 *   b_t = μ b_{t−1} + g_t   (b_1 = g_1)        θ_t = θ_{t−1} − η b_t
 * </pre>
 * Momentum: B. T. Polyak, "Some methods of speeding up the convergence of iteration methods",
 * USSR Computational Mathematics and Mathematical Physics 4(5), 1964; in deep learning as in
 * I. Sutskever, J. Martens, G. Dahl, G. Hinton, "On the importance of initialization and momentum in
 * deep learning", ICML 2013.
 */
public final class Sgd extends Optimizer {
    private final double momentum;
    private final double[][] buf;
    private boolean first = true;

    public Sgd(Parameters params, Parameters grads, double lr, double momentum) {
        super(params, grads, lr);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.momentum = momentum;
        this.buf = momentum == 0 ? null : zerosLike();
    }

    @Override
    public boolean step() {
        double check = 0;
        final double l2 = weightDecay;
        for (int k = 0; k < p.length; k++) {
            double[] w = p[k];
            double[] d = g[k];
            if (buf == null) {
                for (int i = 0; i < w.length; i++) {
                    // θ ← θ − η (g + λθ)
                    w[i] -= lr * (l2 == 0 ? d[i] : d[i] + l2 * w[i]);
                    check += w[i];
                }
            } else {
                double[] b = buf[k];
                for (int i = 0; i < w.length; i++) {
                    // g ← g + λθ; b ← μ b + g (b = g at the first step); θ ← θ − η b
                    double gi = l2 == 0 ? d[i] : d[i] + l2 * w[i];
                    b[i] = first ? gi : momentum * b[i] + gi;
                    w[i] -= lr * b[i];
                    check += w[i];
                }
            }
        }
        first = false;
        return Double.isFinite(check);
    }

    @Override
    public void reset() {
        if (buf != null) {
            zero(buf);
        }
        first = true;
    }

    @Override
    public String name() {
        return momentum == 0 ? "sgd" : "momentum";
    }
}
