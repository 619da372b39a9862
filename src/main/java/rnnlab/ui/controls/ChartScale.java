package rnnlab.ui.controls;

import java.util.Locale;

/**
 * The axes of a {@link LiveChart}: data ranges that only grow while points arrive (so a chart does
 * not jump), 1-2-5 tick steps, decade ticks on a log scale, and short tick labels.
 */
final class ChartScale {
    static final double LINEAR_LIMIT = 1e150;
    /** The y range only grows while data arrive; reset when the scale type changes or the chart is cleared. */
    private double yLo = Double.NaN;
    private double yHi = Double.NaN;
    private double xHi = Double.NaN;
    /** The chart's {@link LiveChart#resetScale()} count this scale has seen. */
    private int epoch;
    /** The ranges of the last update (y in log10 units when {@link #log}). */
    double xa;
    double xb;
    double ya;
    double yb;
    boolean log;

    /** Switches between linear and logarithmic y; a switch forgets the grown y range. */
    void setLog(boolean on) {
        if (on != log) {
            yLo = Double.NaN;
            yHi = Double.NaN;
            log = on;
        }
    }

    /** Updates the axis ranges from the data; false when there is nothing to draw. */
    boolean update(LiveChart c) {
        if (c.scaleEpoch() != epoch) {
            epoch = c.scaleEpoch();
            yLo = Double.NaN;
            yHi = Double.NaN;
            xHi = Double.NaN;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        for (LiveChart.Series s : c.series()) {
            for (int i = 0; i < s.n; i++) {
                for (int k = 0; k < 3; k++) {
                    double v = k == 0 ? s.ys[i] : k == 1 ? (s.lo == null ? Double.NaN : s.lo[i])
                            : (s.hi == null ? Double.NaN : s.hi[i]);
                    if (Double.isFinite(v) && (!log || v > 0)) {
                        // beyond ±1e150 the axis stops growing (spans stay finite); such points leave the plot
                        double t = log ? Math.log10(v) : Math.max(-LINEAR_LIMIT, Math.min(LINEAR_LIMIT, v));
                        lo = Math.min(lo, t);
                        hi = Math.max(hi, t);
                    }
                }
                if (Double.isFinite(s.xs[i])) {
                    xmax = Math.max(xmax, s.xs[i]);
                }
            }
        }
        if (lo > hi) {
            yLo = Double.NaN;
            yHi = Double.NaN;
            xHi = Double.NaN;
            return false;
        }
        double floor = c.yMinFloorProperty().get();
        if (!log && !Double.isNaN(floor)) {
            lo = Math.min(lo, floor);
        }
        if (!Double.isNaN(yLo)) {
            lo = Math.min(lo, yLo);
            hi = Math.max(hi, yHi);
        }
        if (log) {
            double a = Math.floor(lo);
            double b = Math.ceil(hi);
            if (b <= a) {
                b = a + 1;
            }
            ya = a;
            yb = b;
        } else {
            double span = hi - lo;
            if (span <= 0) {
                // one value so far: a range around it, never below the floor it respects
                span = Math.max(Math.abs(hi), 1) * 0.5;
                boolean pinned = !Double.isNaN(floor) && lo >= floor;
                lo = pinned ? Math.max(floor, lo - span / 2) : lo - span / 2;
                hi += span / 2;
            }
            double step = niceStep(span / 4);
            ya = Math.floor(lo / step) * step;
            yb = Math.ceil(hi / step) * step;
        }
        yLo = ya;
        yHi = yb;
        xa = c.xMinProperty().get();
        double fixed = c.xMaxProperty().get();
        if (Double.isFinite(fixed) && fixed > xa) {
            xb = fixed;
        } else {
            double grow = Double.isNaN(xHi) ? xmax : Math.max(xHi, xmax);
            double step = niceStep(Math.max(grow - xa, 1e-9) / 4);
            xb = Math.max(xa + step, Math.ceil(grow / step) * step);
            xHi = xb;
        }
        return true;
    }

    /** Tick positions on the y axis (decades when logarithmic, as many as fit the plot height). */
    double[] yTicks(double plotHeight, double fontSize) {
        if (log) {
            // as many decade labels as fit (two at least), one line of text apart at least
            double gap = Math.min(fontSize * 1.7, plotHeight / 2);
            int[] decades = LogAxis.ticks((int) ya, (int) yb, plotHeight, gap);
            double[] t = new double[decades.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = decades[i];
            }
            return t;
        }
        double step = niceStep((yb - ya) / 4);
        int n = (int) Math.round((yb - ya) / step) + 1;
        double[] t = new double[Math.max(0, Math.min(n, 12))];
        for (int i = 0; i < t.length; i++) {
            t[i] = ya + i * step;
        }
        return t;
    }

    String yLabel(double t) {
        if (log) {
            int e = (int) Math.round(t);
            return e >= -2 && e <= 3 ? number(Math.pow(10, e), Math.pow(10, e)) : "1e" + e;
        }
        return number(t, niceStep((yb - ya) / 4));
    }

    /** A tick value with as many decimals as the step needs. */
    static String number(double v, double step) {
        if (Math.abs(v) < step * 1e-6) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e9 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.0e", v);
        }
        if (a >= 1e4) {
            // 10k, 250k, 1M, 1.5M: short enough to sit under a tick
            double unit = a >= 1e6 ? 1e6 : 1e3;
            String s = String.format(Locale.ROOT, "%.1f", v / unit).replaceFirst("\\.0$", "");
            return s + (unit == 1e6 ? "M" : "k");
        }
        if (a < 1e-3) {
            return String.format(Locale.ROOT, "%.0e", v);
        }
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 4) + "f", v);
    }

    /** 1, 2 or 5 × a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

}
