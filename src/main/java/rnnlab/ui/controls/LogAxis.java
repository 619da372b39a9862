package rnnlab.ui.controls;

/**
 * A logarithmic axis in whole decades, the one used by every log-scale chart (the live training
 * chart, the gradient-decay view, the compare window's decay overlay): the range around the data,
 * the position of a value on it, the decade ticks that fit, and their labels ("10⁻³").
 *
 * @param lo the lowest decade (10^lo at the bottom)
 * @param hi the highest decade, always above {@code lo}
 */
public record LogAxis(int lo, int hi) {

    public LogAxis {
        if (hi <= lo) {
            hi = lo + 1;
        }
    }

    /**
     * Whole decades around every finite value of the series: values at or below {@code floor} count
     * as {@code floor} (use 0 to leave non-positive values out), the span is at most
     * {@code maxDecades} (the top is kept), and {@code empty} is the axis when there is no value.
     */
    public static LogAxis around(Iterable<double[]> series, double floor, int maxDecades, LogAxis empty) {
        double a = Double.POSITIVE_INFINITY;
        double b = Double.NEGATIVE_INFINITY;
        for (double[] values : series) {
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    continue;
                }
                double x = floor > 0 ? Math.max(floor, v) : v;
                if (x > 0) {
                    double l = Math.log10(x);
                    a = Math.min(a, l);
                    b = Math.max(b, l);
                }
            }
        }
        if (a > b) {
            return empty;
        }
        int top = (int) Math.ceil(b);
        int bottom = (int) Math.floor(Math.max(a, b - maxDecades));
        return new LogAxis(bottom, top);
    }

    /** Where {@code v} sits between the bottom (0) and the top (1), clamped; 0 for v ≤ 0 or NaN. */
    public double fraction(double v) {
        if (!(v > 0)) {
            return 0;
        }
        double l = Math.log10(v);
        return (Math.max(lo, Math.min(hi, l)) - lo) / (hi - lo);
    }

    /** The decades to label on an axis {@code lengthPx} long, at least {@code gapPx} apart, from the bottom. */
    public int[] ticks(double lengthPx, double gapPx) {
        return ticks(lo, hi, lengthPx, gapPx);
    }

    /** The same for any decade range (the live chart's range grows while points arrive). */
    static int[] ticks(int lo, int hi, double lengthPx, double gapPx) {
        int room = Math.max(1, (int) Math.floor(lengthPx / Math.max(1, gapPx)));
        int every = Math.max(1, (int) Math.ceil((hi - lo) / (double) room));
        int[] t = new int[(hi - lo) / every + 1];
        for (int i = 0; i < t.length; i++) {
            t[i] = lo + i * every;
        }
        return t;
    }

    /** 10 to the decade, written as on a blackboard: "1", "10", "10⁻³". */
    public static String label(int e) {
        return NumberText.power10(e);
    }
}
