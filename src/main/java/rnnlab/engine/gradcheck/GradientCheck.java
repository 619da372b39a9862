package rnnlab.engine.gradcheck;

import rnnlab.engine.CellType;
import rnnlab.engine.GateOverride;
import rnnlab.engine.LayerState;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Parameters;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/**
 * Compares BPTT's gradients with numeric ones, parameter by parameter. The numeric gradient is the
 * central difference D(ε) = (L(θ+ε) − L(θ−ε)) / 2ε refined by Richardson extrapolation,
 * n = (4·D(ε/2) − D(ε)) / 3, whose error falls as ε⁴ instead of ε².
 *
 * <p>A number passes when |a − n| ≤ atol + rtol·|n| (the test of PyTorch's {@code gradcheck}), with
 * rtol = {@link #RTOL} and an absolute floor atol = {@link #ROUNDING}·max(1, |L|)/ε: each loss is
 * uncertain by about ROUNDING·|L| from rounding, and the difference quotient divides that by ε (times 3
 * for the extrapolation, which ROUNDING includes). Below the floor a difference measures rounding,
 * not BPTT: a gradient of 1e−7 cannot be checked to a relative 1e−6. {@link Result#maxRelativeError()}
 * still reports |a − n| / max(|a|, |n|, {@link #FLOOR}·max(1, |L|)) for information.
 *
 * <p>ReLU cells: the loss has kinks where a pre-activation crosses 0, and a difference across a kink
 * measures nothing. The check watches the sign of every ReLU pre-activation; a number whose
 * perturbation by ε flips one is skipped and counted in {@link Result#skipped()} (a smaller ε would
 * drown the difference in rounding error).
 */
public final class GradientCheck {
    public static final double EPSILON = 1e-3;
    public static final double FLOOR = 1e-6;
    /** The relative tolerance of the check. */
    public static final double RTOL = 1e-6;
    /** Rounding error of one extrapolated difference, relative to max(1, |L|) and times ε: 3 × 100 ulp(1). */
    public static final double ROUNDING = 300 * Math.ulp(1.0);

    /**
     * The number closest to failing: the one with the largest {@code score} = |a − n| / (atol + rtol·|n|);
     * the check passes when the score is at most 1.
     */
    public record Result(double maxRelativeError, String parameter, int index, double analytic, double numeric,
                         int checked, int skipped, double score, double atol, double rtol) {
        /** Whether every number checked is within atol + rtol·|n|. */
        public boolean passed() {
            return score <= 1 && checked > 0;
        }

        /** |a − n| of the worst number. */
        public double absoluteError() {
            return Math.abs(analytic - numeric);
        }

        /**
         * Which part of the test the worst number fails, or (when it passes) what carries it: "the absolute
         * error 3e-09 is above atol 2e-11 and the relative error 2e-05 above rtol 1e-06".
         */
        public String verdict() {
            double abs = absoluteError();
            double rel = numeric == 0 ? Double.POSITIVE_INFINITY : abs / Math.abs(numeric);
            String a = String.format(java.util.Locale.ROOT, "the absolute error %.3g is %s atol %.3g", abs,
                    abs <= atol ? "within" : "above", atol);
            String r = String.format(java.util.Locale.ROOT, "the relative error %.3g is %s rtol %.0e", rel,
                    rel <= rtol ? "within" : "above", rtol);
            return a + " and " + r;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "worst at %s[%d] (BPTT %.9e, numeric %.9e): |BPTT - numeric| = %.3e against atol + rtol*|numeric| "
                            + "= %.3e + %.3e (%.0f%% of the allowance; %s); max relative error %.3e; %d numbers checked%s",
                    parameter, index, analytic, numeric, absoluteError(), atol, rtol * Math.abs(numeric), 100 * score,
                    verdict(), maxRelativeError, checked,
                    skipped > 0 ? ", " + skipped + " skipped (a ReLU kink within ε)" : "");
        }
    }

    private final Model model;
    private final Sequence seq;
    private final Run run;
    private final boolean relu;
    private final boolean[] signs;
    private final boolean[] probe;

    private GradientCheck(Model model, Sequence seq) {
        this.model = model;
        this.seq = seq;
        this.run = new Run(model, seq.length());
        this.relu = model.config().cell() == CellType.RNN_RELU;
        int n = relu ? model.config().numLayers() * model.config().directions() * seq.length() * model.config().hiddenSize() : 0;
        this.signs = new boolean[n];
        this.probe = new boolean[n];
    }

    /**
     * Checks every parameter when the model has at most {@code maxPerParameter} numbers in a matrix,
     * otherwise that many numbers of each matrix chosen at random (seeded).
     */
    public static Result check(Model model, Sequence seq, int maxPerParameter, long seed) {
        return check(model, seq, java.util.List.of(), maxPerParameter, seed);
    }

    /** The same with gates pinned (see {@link GateOverride}). */
    public static Result check(Model model, Sequence seq, java.util.List<GateOverride> pins, int maxPerParameter,
                               long seed) {
        if (!seq.hasLoss()) {
            throw new IllegalArgumentException("a gradient check needs a sequence with targets and a loss");
        }
        GradientCheck gc = new GradientCheck(model, seq);
        gc.run.setGateOverrides(pins);
        return gc.run(maxPerParameter, seed);
    }

    /**
     * The same with dropout p (between layers, and before the head with {@code beforeHead}): one set
     * of masks is drawn from {@code maskSeed} and kept for every forward pass, so the loss is a fixed
     * function of the weights whose gradient BPTT must give.
     */
    public static Result checkWithDropout(Model model, Sequence seq, double p, boolean beforeHead, long maskSeed,
                                          int maxPerParameter, long seed) {
        if (!seq.hasLoss()) {
            throw new IllegalArgumentException("a gradient check needs a sequence with targets and a loss");
        }
        GradientCheck gc = new GradientCheck(model, seq);
        gc.run.setDropout(p, beforeHead, new java.util.SplittableRandom(maskSeed));
        return gc.run(maxPerParameter, seed);
    }

    private Result run(int maxPerParameter, long seed) {
        run.load(seq);
        run.forwardBackward();
        Parameters analytic = run.gradients().copy();
        recordSigns(signs);
        double scale = Math.max(1.0, Math.abs(run.loss()));
        double floor = FLOOR * scale;
        double atol = ROUNDING * scale / EPSILON;
        Random rnd = new Random(seed);
        double worstRel = 0;
        double worst = -1;
        String worstName = null;
        int worstIndex = -1;
        double worstA = 0;
        double worstN = 0;
        int checked = 0;
        int skipped = 0;
        for (String name : model.params().names()) {
            DMatrixRMaj w = model.param(name);
            double[] g = analytic.get(name).data;
            int n = w.getNumElements();
            int count = Math.min(n, maxPerParameter);
            for (int k = 0; k < count; k++) {
                int i = count == n ? k : rnd.nextInt(n);
                double num = numeric(w, i);
                if (Double.isNaN(num) && relu) {
                    skipped++;
                    continue;
                }
                double diff = Math.abs(g[i] - num);
                double rel = diff / Math.max(Math.max(Math.abs(g[i]), Math.abs(num)), floor);
                worstRel = Double.isNaN(rel) ? Double.NaN : Math.max(worstRel, rel);
                double score = diff / (atol + RTOL * Math.abs(num));
                checked++;
                if (score > worst || Double.isNaN(score)) {
                    worst = Double.isNaN(score) ? Double.POSITIVE_INFINITY : score;
                    worstName = name;
                    worstIndex = i;
                    worstA = g[i];
                    worstN = num;
                }
            }
        }
        return new Result(worstRel, worstName, worstIndex, worstA, worstN, checked, skipped, worst, atol, RTOL);
    }

    /**
     * One weight's check, as the app shows it: BPTT's gradient of {@code parameter[index]} beside the numeric
     * one. {@code numeric} is NaN when ε crosses a ReLU kink (nothing to compare). The model is perturbed and
     * restored; give a copy when another thread reads it.
     */
    public record Single(String parameter, int index, double analytic, double numeric, double loss, double atol,
                         double rtol) {
        /** |a − n| ≤ atol + rtol·|n|, the test {@link #check} applies to every number. */
        public boolean passed() {
            return !Double.isNaN(numeric) && Math.abs(analytic - numeric) <= atol + rtol * Math.abs(numeric);
        }

        /** |a − n| / max(|a|, |n|), 0 when both are 0. */
        public double relativeError() {
            double m = Math.max(Math.abs(analytic), Math.abs(numeric));
            return m == 0 ? 0 : Math.abs(analytic - numeric) / m;
        }
    }

    /** Checks the one number {@code parameter[index]} (row-major index), with the gates pinned as given. */
    public static Single checkOne(Model model, Sequence seq, java.util.List<GateOverride> pins, String parameter,
                                  int index) {
        if (!seq.hasLoss()) {
            throw new IllegalArgumentException("a gradient check needs a sequence with targets and a loss");
        }
        DMatrixRMaj w = model.param(parameter);
        if (index < 0 || index >= w.getNumElements()) {
            throw new IllegalArgumentException(parameter + " has " + w.getNumElements() + " numbers, not [" + index + "]");
        }
        GradientCheck gc = new GradientCheck(model, seq);
        gc.run.setGateOverrides(pins);
        gc.run.load(seq);
        gc.run.forwardBackward();
        double analytic = gc.run.gradients().get(parameter).data[index];
        double loss = gc.run.loss();
        gc.recordSigns(gc.signs);
        double numeric = gc.numeric(w, index);
        double scale = Math.max(1.0, Math.abs(loss));
        return new Single(parameter, index, analytic, numeric, loss, ROUNDING * scale / EPSILON, RTOL);
    }

    /** Richardson-refined central difference; NaN when ε crosses a ReLU kink. */
    private double numeric(DMatrixRMaj w, int i) {
        double wide = centralDifference(w, i, EPSILON);
        double narrow = centralDifference(w, i, EPSILON / 2);
        return (4 * narrow - wide) / 3;
    }

    /** (L(θ+ε) − L(θ−ε)) / 2ε, or NaN (ReLU models) when either side changes a ReLU's sign. */
    private double centralDifference(DMatrixRMaj w, int i, double eps) {
        double keep = w.data[i];
        try {
            w.data[i] = keep + eps;
            double up = loss();
            if (relu && !sameSigns()) {
                return Double.NaN;
            }
            w.data[i] = keep - eps;
            double down = loss();
            if (relu && !sameSigns()) {
                return Double.NaN;
            }
            return (up - down) / (2 * eps);
        } finally {
            w.data[i] = keep;
        }
    }

    private double loss() {
        run.load(seq); // re-reads the embedding rows, which the perturbation may have changed
        run.forward();
        return run.loss();
    }

    private boolean sameSigns() {
        recordSigns(probe);
        return java.util.Arrays.equals(signs, probe);
    }

    /** Whether each ReLU pre-activation (stored as the vanilla cell's "gate") is positive. */
    private void recordSigns(boolean[] out) {
        if (!relu) {
            return;
        }
        ModelConfig cfg = model.config();
        int k = 0;
        for (int l = 0; l < cfg.numLayers(); l++) {
            for (int d = 0; d < cfg.directions(); d++) {
                LayerState s = run.layer(l, d);
                for (int t = 0; t < seq.length(); t++) {
                    for (int u = 0; u < cfg.hiddenSize(); u++) {
                        out[k++] = s.gate(t, 0, u) > 0;
                    }
                }
            }
        }
    }
}
