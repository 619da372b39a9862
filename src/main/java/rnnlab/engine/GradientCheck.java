package rnnlab.engine;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Compares BPTT's gradients with numeric ones, parameter by parameter, using the five-point stencil
 * n = (8(L(θ+ε) − L(θ−ε)) − (L(θ+2ε) − L(θ−2ε))) / 12ε.
 *
 * <p>Why not plain central differences with a tiny ε: in double precision L itself carries rounding
 * noise of about 1e-16·|L|, so (L(θ+ε) − L(θ−ε)) / 2ε with ε = 1e-6 is only good to about 1e-9 in
 * absolute terms, which is a relative error of 1e-3 on a gradient of 1e-6 even for an exact BPTT.
 * The five-point stencil's truncation error is O(ε⁴), so ε = 1e-3 keeps both errors near 1e-12.
 *
 * <p>The relative error of one number is |a − n| / max(|a|, |n|, {@link #FLOOR}): the floor keeps
 * gradients that are zero up to rounding from reporting meaningless ratios.
 */
public final class GradientCheck {
    public static final double EPSILON = 1e-3;
    public static final double FLOOR = 1e-6;

    /** The worst disagreement found. */
    public record Result(double maxRelativeError, String parameter, int index, double analytic, double numeric,
                         int checked) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "max relative error %.3e at %s[%d] (BPTT %.9e, numeric %.9e), %d numbers checked",
                    maxRelativeError, parameter, index, analytic, numeric, checked);
        }
    }

    private GradientCheck() {
    }

    /**
     * Checks every parameter when the model has at most {@code maxPerParameter} numbers in a matrix,
     * otherwise that many numbers of each matrix chosen at random (seeded).
     */
    public static Result check(Model model, Sequence seq, int maxPerParameter, long seed) {
        if (!seq.hasLoss()) {
            throw new IllegalArgumentException("a gradient check needs a sequence with targets and a loss");
        }
        Run run = new Run(model, seq.length());
        run.load(seq);
        run.forwardBackward();
        Parameters analytic = run.gradients().copy();
        Random rnd = new Random(seed);
        double worst = -1;
        String worstName = null;
        int worstIndex = -1;
        double worstA = 0;
        double worstN = 0;
        int checked = 0;
        for (String name : model.params().names()) {
            DMatrixRMaj w = model.param(name);
            double[] g = analytic.get(name).data;
            int n = w.getNumElements();
            int count = Math.min(n, maxPerParameter);
            for (int k = 0; k < count; k++) {
                int i = count == n ? k : rnd.nextInt(n);
                double keep = w.data[i];
                w.data[i] = keep + EPSILON;
                double up = loss(run, seq);
                w.data[i] = keep - EPSILON;
                double down = loss(run, seq);
                w.data[i] = keep + 2 * EPSILON;
                double up2 = loss(run, seq);
                w.data[i] = keep - 2 * EPSILON;
                double down2 = loss(run, seq);
                w.data[i] = keep;
                // n = (8(L(θ+ε) − L(θ−ε)) − (L(θ+2ε) − L(θ−2ε))) / 12ε
                double num = (8 * (up - down) - (up2 - down2)) / (12 * EPSILON);
                double err = Math.abs(g[i] - num) / Math.max(Math.max(Math.abs(g[i]), Math.abs(num)), FLOOR);
                checked++;
                if (err > worst || Double.isNaN(err)) {
                    worst = err;
                    worstName = name;
                    worstIndex = i;
                    worstA = g[i];
                    worstN = num;
                }
            }
        }
        return new Result(worst, worstName, worstIndex, worstA, worstN, checked);
    }

    private static double loss(Run run, Sequence seq) {
        run.load(seq); // re-reads the embedding rows, which the perturbation may have changed
        run.forward();
        return run.loss();
    }
}
