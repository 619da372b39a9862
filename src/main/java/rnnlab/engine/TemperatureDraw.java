package rnnlab.engine;

import java.util.SplittableRandom;

/** Drawing the next token from an output distribution at a temperature, shared by every sampler. */
public final class TemperatureDraw {
    private TemperatureDraw() {
    }

    /**
     * Draws an index from y^{1/τ} (normalised), without allocating: {@code p} is the workspace (its
     * length is the number of outcomes).
     */
    public static int draw(double[] y, double[] p, double temperature, SplittableRandom rnd) {
        // log y / τ, shifted by its maximum so that exp never overflows
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.log(Math.max(y[i], 1e-300)) / temperature;
            max = Math.max(max, p[i]);
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(p[i] - max);
            sum += p[i];
        }
        double r = rnd.nextDouble() * sum;
        for (int i = 0; i < p.length; i++) {
            r -= p[i];
            if (r < 0) {
                return i;
            }
        }
        return p.length - 1;
    }
}
