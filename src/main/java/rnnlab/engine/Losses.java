package rnnlab.engine;

/** Output activations, per-step losses and their gradients with respect to the pre-activation z. */
final class Losses {
    private Losses() {
    }

    static void activate(Activation act, double[] z, int zo, double[] y, int yo, int n) {
        switch (act) {
            case IDENTITY -> System.arraycopy(z, zo, y, yo, n);
            case SIGMOID -> {
                for (int j = 0; j < n; j++) {
                    y[yo + j] = Kernels.sigmoid(z[zo + j]);
                }
            }
            case SOFTMAX -> {
                // softmax(z) = exp(z − max z) / Σ exp(z − max z)
                double m = max(z, zo, n);
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    double e = Math.exp(z[zo + j] - m);
                    y[yo + j] = e;
                    sum += e;
                }
                for (int j = 0; j < n; j++) {
                    y[yo + j] /= sum;
                }
            }
            default -> throw new IllegalStateException(act.toString());
        }
    }

    /** The loss of one step whose target is number k of the sequence. */
    static double loss(Sequence seq, int k, double[] z, double[] y, int o, int n) {
        switch (seq.loss()) {
            case CROSS_ENTROPY -> {
                // −log softmax(z)[c] = log Σ exp(z − m) + m − z_c
                int c = seq.classTargets()[k];
                double m = max(z, o, n);
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += Math.exp(z[o + j] - m);
                }
                return Math.log(sum) + m - z[o + c];
            }
            case MSE -> {
                // Σ ½ (y − ŷ)²
                double[] tg = seq.vectorTargets().data;
                int to = k * n;
                double s = 0;
                for (int j = 0; j < n; j++) {
                    double d = y[o + j] - tg[to + j];
                    s += 0.5 * d * d;
                }
                return s;
            }
            case BCE -> {
                // −Σ [ŷ log y + (1 − ŷ) log(1 − y)], logs clamped at −100 as PyTorch does
                double[] tg = seq.vectorTargets().data;
                int to = k * n;
                double s = 0;
                for (int j = 0; j < n; j++) {
                    double p = y[o + j];
                    double q = tg[to + j];
                    s -= q * Math.max(Math.log(p), -100.0) + (1.0 - q) * Math.max(Math.log1p(-p), -100.0);
                }
                return s;
            }
            default -> throw new IllegalStateException();
        }
    }

    /** dz[o..o+n) = ∂L_k/∂z through the activation. */
    static void gradient(Sequence seq, int k, Activation act, double[] z, double[] y, int o, int n, double[] dz) {
        if (seq.loss() == LossType.CROSS_ENTROPY) {
            // softmax + cross-entropy: δz = y − onehot(c)
            int c = seq.classTargets()[k];
            System.arraycopy(y, o, dz, o, n);
            dz[o + c] -= 1.0;
            return;
        }
        double[] tg = seq.vectorTargets().data;
        int to = k * n;
        if (seq.loss() == LossType.BCE && act == Activation.SIGMOID) {
            // sigmoid + BCE: δz = y − ŷ
            for (int j = 0; j < n; j++) {
                dz[o + j] = y[o + j] - tg[to + j];
            }
            return;
        }
        // δy: MSE → y − ŷ; BCE → (y − ŷ) / (y (1 − y))
        for (int j = 0; j < n; j++) {
            double p = y[o + j];
            double d = p - tg[to + j];
            dz[o + j] = seq.loss() == LossType.MSE ? d : d / Math.max(p * (1.0 - p), 1e-12);
        }
        // δz = J_actᵀ δy
        switch (act) {
            case IDENTITY -> {
            }
            case SIGMOID -> {
                for (int j = 0; j < n; j++) {
                    dz[o + j] *= y[o + j] * (1.0 - y[o + j]);
                }
            }
            case SOFTMAX -> {
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += dz[o + j] * y[o + j];
                }
                for (int j = 0; j < n; j++) {
                    dz[o + j] = y[o + j] * (dz[o + j] - dot);
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private static double max(double[] z, int o, int n) {
        double m = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            m = Math.max(m, z[o + j]);
        }
        return m;
    }
}
