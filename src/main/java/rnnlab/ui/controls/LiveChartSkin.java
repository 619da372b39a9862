package rnnlab.ui.controls;

import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Paints a {@link LiveChart}: axes with rounded ticks, bands, polylines (decimated per pixel column), markers. */
final class LiveChartSkin extends LabCanvasSkin<LiveChart> {
    private static final Color MARKER = Palette.VERMILLION;
    static final double LINEAR_LIMIT = 1e150;
    /** The y range only grows while data arrive; reset when the chart is cleared. */
    private double yLo = Double.NaN;
    private double yHi = Double.NaN;
    private double xHi = Double.NaN;
    private boolean lastLog;
    // the mapping of the last paint
    private double px0 = Double.NaN;
    private double px1;
    private double py0;
    private double py1;
    private double xa;
    private double xb;
    private double ya;
    private double yb;
    private boolean log;
    private double[] colMin = new double[0];
    private double[] colMax = new double[0];

    LiveChartSkin(LiveChart c) {
        super(c);
        watch(c.revisionProperty(), c.titleProperty(), c.xLabelProperty(), c.logScaleProperty(), c.xMinProperty(),
                c.xMaxProperty(), c.referenceProperty(), c.referenceLabelProperty(), c.yMinFloorProperty(),
                c.markerLabelProperty(), c.emptyTextProperty());
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return 220;
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return 360;
    }

    double xPixel(double x) {
        return px0 + (x - xa) / (xb - xa) * (px1 - px0);
    }

    double yPixel(double y) {
        double v = log ? (y > 0 ? Math.log10(y) : Double.NaN) : y;
        return py1 - (v - ya) / (yb - ya) * (py1 - py0);
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h, Theme theme) {
        LiveChart c = getSkinnable();
        log = c.logScaleProperty().get();
        if (log != lastLog) {
            yLo = Double.NaN;
            yHi = Double.NaN;
            lastLog = log;
        }
        Font small = font(0.85, false);
        Font bold = font(0.95, true);
        double fs = small.getSize();
        boolean any = ranges(c);
        // layout: title line on top, tick labels left and below
        py0 = Math.round(fs * 2.1);
        py1 = Math.round(h - fs * (c.xLabelProperty().get().isEmpty() ? 1.9 : 3.2));
        double labelW = 0;
        double[] yt = any ? yTicks() : new double[0];
        for (double t : yt) {
            labelW = Math.max(labelW, measure(yLabel(t), small));
        }
        px0 = Math.round(Math.max(fs * 2.5, labelW + fs * 0.9));
        double lastX = any ? measure(number(xb, niceStep((xb - xa) / 4)), small) / 2 + 4 : 0;
        px1 = Math.round(w - Math.max(fs * 0.8, lastX));
        region("chart.plot", px0, py0, px1 - px0, py1 - py0);
        if (px1 - px0 < 8 || py1 - py0 < 8) {
            return; // too small to draw anything readable
        }

        g.setTextBaseline(VPos.CENTER);
        g.setFont(bold);
        g.setFill(theme.foreground());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(c.titleProperty().get(), Math.round(fs * 0.3), Math.round(fs * 0.95));
        legend(g, c, w, fs, small, theme, measure(c.titleProperty().get(), bold) + fs * 1.5);

        // frame and grid
        g.setLineWidth(1);
        g.setStroke(theme.line());
        g.strokeLine(px0 + 0.5, py0, px0 + 0.5, py1 + 0.5);
        g.strokeLine(px0, py1 + 0.5, px1, py1 + 0.5);
        if (!any) {
            g.setFill(theme.muted());
            g.setFont(small);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(c.emptyTextProperty().get(), (px0 + px1) / 2, (py0 + py1) / 2);
            return;
        }
        g.setFont(small);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double t : yt) {
            double y = Math.round(py1 - (t - ya) / (yb - ya) * (py1 - py0)) + 0.5;
            g.setStroke(theme.background().interpolate(theme.line(), 0.45));
            g.strokeLine(px0 + 1, y, px1, y);
            g.setFill(theme.muted());
            g.fillText(yLabel(t), px0 - fs * 0.35, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double xStep = niceStep((xb - xa) / Math.max(2, Math.floor((px1 - px0) / (fs * 6))));
        for (double t = Math.ceil(xa / xStep) * xStep; t <= xb + 1e-9 * xStep; t += xStep) {
            double x = Math.round(xPixel(t)) + 0.5;
            g.setStroke(theme.line());
            g.strokeLine(x, py1, x, py1 + fs * 0.3);
            g.setFill(theme.muted());
            g.fillText(number(t, xStep), x, py1 + fs * 0.4);
        }
        if (!c.xLabelProperty().get().isEmpty()) {
            g.fillText(c.xLabelProperty().get(), (px0 + px1) / 2, py1 + fs * 1.75);
        }
        g.setTextBaseline(VPos.CENTER);
        reference(g, c, fs, small, theme);
        markers(g, c, fs);
        g.save();
        g.beginPath();
        g.rect(px0 + 1, py0 - 2, px1 - px0, py1 - py0 + 2);
        g.clip();
        for (LiveChart.Series s : c.series()) {
            band(g, s);
        }
        for (LiveChart.Series s : c.series()) {
            line(g, s);
        }
        g.restore();
        referenceLabel(g, c, fs, small, theme);
    }

    private void legend(GraphicsContext g, LiveChart c, double w, double fs, Font small, Theme theme, double minX) {
        g.setFont(small);
        g.setTextAlign(TextAlignment.LEFT);
        double x = w - fs * 0.5;
        double y = Math.round(fs * 0.95);
        String ml = c.markerLabelProperty().get();
        if (!ml.isEmpty() && c.markerCount() > 0) {
            double tw = measure(ml, small);
            x -= tw;
            if (x - fs * 1.2 > minX) {
                g.setFill(theme.muted());
                g.fillText(ml, x, y);
                g.setFill(MARKER);
                g.fillRect(Math.round(x - fs * 0.7), Math.round(y - fs * 0.45), 3, Math.round(fs * 0.9));
            }
            x -= fs * 1.6;
        }
        for (int i = c.series().size() - 1; i >= 0; i--) {
            LiveChart.Series s = c.series().get(i);
            if (s.name == null || s.name.isEmpty()) {
                continue;
            }
            double tw = measure(s.name, small);
            x -= tw;
            if (x - fs * 1.6 < minX) {
                break;
            }
            g.setFill(theme.foreground());
            g.fillText(s.name, x, y);
            g.setStroke(s.color);
            g.setLineWidth(3);
            g.strokeLine(x - fs * 1.4, y, x - fs * 0.4, y);
            region("chart.legend." + i, x - fs * 1.4, y - fs * 0.6, tw + fs * 1.4, fs * 1.2);
            x -= fs * 2.2;
        }
    }

    private void reference(GraphicsContext g, LiveChart c, double fs, Font small, Theme theme) {
        double r = c.referenceProperty().get();
        if (Double.isNaN(r) || (log && r <= 0)) {
            return;
        }
        double y = Math.round(yPixel(r)) + 0.5;
        if (y < py0 || y > py1) {
            return;
        }
        g.setStroke(theme.foreground());
        g.setLineWidth(1.5);
        g.setLineDashes(8, 6);
        g.strokeLine(px0, y, px1, y);
        g.setLineDashes((double[]) null);
        region("chart.reference", px0, y - 3, px1 - px0, 6);
    }

    /** The reference line's label, drawn over the data so lines never cross it. */
    private void referenceLabel(GraphicsContext g, LiveChart c, double fs, Font small, Theme theme) {
        double r = c.referenceProperty().get();
        if (Double.isNaN(r) || (log && r <= 0)) {
            return;
        }
        double y = Math.round(yPixel(r)) + 0.5;
        if (y < py0 || y > py1) {
            return;
        }
        String label = c.referenceLabelProperty().get();
        if (!label.isEmpty()) {
            g.setFont(small);
            g.setTextAlign(TextAlignment.RIGHT);
            double tw = measure(label, small);
            g.setFill(theme.background());
            g.fillRect(px1 - tw - fs * 0.6, y - fs * 1.45, tw + fs * 0.5, fs * 1.15);
            g.setFill(theme.foreground());
            g.fillText(label, px1 - fs * 0.35, y - fs * 0.85);
        }
    }

    /** Event markers: a short vertical tick at the bottom of the plot per pixel column with events. */
    private void markers(GraphicsContext g, LiveChart c, double fs) {
        int n = c.markerCount();
        if (n == 0) {
            return;
        }
        double[] m = c.markersArray();
        g.setFill(MARKER);
        double tick = Math.max(6, Math.round(fs * 0.6));
        int lastCol = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            int col = (int) Math.floor(xPixel(m[i]));
            if (col == lastCol || col < px0 || col > px1) {
                continue;
            }
            g.fillRect(col - 1, py1 - tick, 2, tick);
            lastCol = col;
        }
        region("chart.markers", px0, py1 - tick, px1 - px0, tick);
    }

    private void band(GraphicsContext g, LiveChart.Series s) {
        if (s.lo == null || s.hi == null || s.n == 0) {
            return;
        }
        double[] xs = new double[2 * s.n];
        double[] ys = new double[2 * s.n];
        int k = 0;
        for (int i = 0; i < s.n; i++) {
            xs[k] = xPixel(s.xs[i]);
            ys[k++] = clampY(yPixel(s.hi[i]));
        }
        for (int i = s.n - 1; i >= 0; i--) {
            xs[k] = xPixel(s.xs[i]);
            ys[k++] = clampY(yPixel(s.lo[i]));
        }
        g.setFill(s.color.deriveColor(0, 1, 1, 0.22));
        g.fillPolygon(xs, ys, k);
        g.setStroke(s.color.deriveColor(0, 1, 1, 0.55));
        g.setLineWidth(1);
        for (int i = 0; i < s.n; i++) {
            double x = Math.round(xPixel(s.xs[i])) + 0.5;
            g.strokeLine(x, clampY(yPixel(s.hi[i])), x, clampY(yPixel(s.lo[i])));
        }
    }

    private double clampY(double y) {
        return Double.isNaN(y) ? py1 : Math.max(py0 - 1, Math.min(py1 + 1, y));
    }

    /** The polyline; with more points than pixel columns, each column's min and max are joined. */
    private void line(GraphicsContext g, LiveChart.Series s) {
        if (s.n == 0) {
            return;
        }
        g.setStroke(s.color);
        g.setLineWidth(s.width);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineCap(StrokeLineCap.ROUND);
        int cols = (int) (px1 - px0) + 1;
        if (s.n > 2 * cols) {
            decimated(g, s, cols);
        } else {
            g.beginPath();
            boolean pen = false;
            for (int i = 0; i < s.n; i++) {
                double y = yPixel(s.ys[i]);
                if (!Double.isFinite(s.ys[i]) || Double.isNaN(y)) {
                    pen = false;
                    continue;
                }
                double x = xPixel(s.xs[i]);
                if (pen) {
                    g.lineTo(x, y);
                } else {
                    g.moveTo(x, y);
                    pen = true;
                }
            }
            if (s.n == 1) {
                g.lineTo(xPixel(s.xs[0]) + 0.5, yPixel(s.ys[0]));
            }
            g.stroke();
        }
        if (s.dots) {
            g.setFill(s.color);
            double r = Math.max(3.5, s.width * 2);
            for (int i = 0; i < s.n; i++) {
                double y = yPixel(s.ys[i]);
                if (Double.isFinite(y)) {
                    g.fillOval(xPixel(s.xs[i]) - r, y - r, 2 * r, 2 * r);
                }
            }
        }
    }

    private void decimated(GraphicsContext g, LiveChart.Series s, int cols) {
        if (colMin.length < cols) {
            colMin = new double[cols];
            colMax = new double[cols];
        }
        java.util.Arrays.fill(colMin, 0, cols, Double.NaN);
        java.util.Arrays.fill(colMax, 0, cols, Double.NaN);
        for (int i = 0; i < s.n; i++) {
            double y = yPixel(s.ys[i]);
            if (!Double.isFinite(s.ys[i]) || Double.isNaN(y)) {
                continue;
            }
            int col = (int) Math.floor(xPixel(s.xs[i]) - px0);
            if (col < 0 || col >= cols) {
                continue;
            }
            colMin[col] = Double.isNaN(colMin[col]) ? y : Math.min(colMin[col], y);
            colMax[col] = Double.isNaN(colMax[col]) ? y : Math.max(colMax[col], y);
        }
        g.beginPath();
        boolean pen = false;
        for (int col = 0; col < cols; col++) {
            if (Double.isNaN(colMin[col])) {
                continue;
            }
            double x = px0 + col + 0.5;
            if (pen) {
                g.lineTo(x, colMin[col]);
            } else {
                g.moveTo(x, colMin[col]);
                pen = true;
            }
            g.lineTo(x, colMax[col]);
        }
        g.stroke();
    }

    /** Updates the axis ranges from the data; false when there is nothing to draw. */
    private boolean ranges(LiveChart c) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        for (LiveChart.Series s : c.series()) {
            for (int i = 0; i < s.n; i++) {
                double[] vs = {s.ys[i], s.lo == null ? Double.NaN : s.lo[i], s.hi == null ? Double.NaN : s.hi[i]};
                for (double v : vs) {
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

    private double[] yTicks() {
        if (log) {
            int a = (int) ya;
            int b = (int) yb;
            // as many decade labels as fit, one line of text apart at least
            int room = Math.max(2, (int) ((py1 - py0) / (getSkinnable().getFontSize() * 1.7)));
            int every = Math.max(1, (int) Math.ceil((b - a) / (double) room));
            double[] t = new double[(b - a) / every + 1];
            for (int i = 0; i < t.length; i++) {
                t[i] = a + i * every;
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

    private String yLabel(double t) {
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

    @Override
    protected String describe(String id) {
        if (!"chart.plot".equals(id) || getSkinnable().series().isEmpty()) {
            return null;
        }
        LiveChart.Series s = getSkinnable().series().get(0);
        if (s.n == 0) {
            return null;
        }
        double x = xa + (pointerX - px0) / (px1 - px0) * (xb - xa);
        int best = 0;
        for (int i = 1; i < s.n; i++) {
            if (Math.abs(s.xs[i] - x) < Math.abs(s.xs[best] - x)) {
                best = i;
            }
        }
        return String.format(Locale.ROOT, "%s: %s = %.6g", number(s.xs[best], 1), s.name == null ? "" : s.name,
                s.ys[best]);
    }
}
