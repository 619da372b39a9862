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
    // the mapping of the last paint
    private double px0 = Double.NaN;
    private double px1;
    private double py0;
    private double py1;
    private double[] colMin = new double[0];
    /** Axis ranges and ticks (they only grow while data arrive). */
    private final ChartScale sc = new ChartScale();
    private double[] colMax = new double[0];
    /** The tick labels offered by the last paint (text and anchor), to tell them among the placed labels. */
    private final java.util.List<double[]> tickAnchors = new java.util.ArrayList<>();
    private final java.util.List<String> tickTexts = new java.util.ArrayList<>();

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
        return px0 + (x - sc.xa) / (sc.xb - sc.xa) * (px1 - px0);
    }

    double yPixel(double y) {
        double v = sc.log ? (y > 0 ? Math.log10(y) : Double.NaN) : y;
        return py1 - (v - sc.ya) / (sc.yb - sc.ya) * (py1 - py0);
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h, Theme theme) {
        LiveChart c = getSkinnable();
        sc.setLog(c.logScaleProperty().get());
        Font small = font(0.85, false);
        Font bold = font(0.95, true);
        double fs = small.getSize();
        boolean any = sc.update(c);
        tickAnchors.clear();
        tickTexts.clear();
        // layout: title line on top, tick labels left and below
        // (the plot's top grid label clear of the title line: they touched at 2.1 em)
        py0 = Math.round(fs * 2.45);
        // a short chart gives the x axis's name's line to the plot (its ticks stay)
        boolean xName = !c.xLabelProperty().get().isEmpty() && h - py0 - fs * 3.2 >= fs * 4;
        py1 = Math.round(h - fs * (xName ? 3.2 : 1.9));
        double labelW = 0;
        double[] yt = any ? sc.yTicks(py1 - py0, getSkinnable().getFontSize()) : new double[0];
        for (double t : yt) {
            labelW = Math.max(labelW, measure(sc.yLabel(t), small));
        }
        px0 = Math.round(Math.max(fs * 2.5, labelW + fs * 1.1));
        double lastX = any ? measure(ChartScale.number(sc.xb, ChartScale.niceStep((sc.xb - sc.xa) / 4)), small) / 2 + 4 : 0;
        px1 = Math.round(w - Math.max(fs * 0.8, lastX));
        region("chart.plot", px0, py0, px1 - px0, py1 - py0);
        if (px1 - px0 < 8 || py1 - py0 < 8) {
            return; // too small to draw anything readable
        }

        g.setTextBaseline(VPos.CENTER);
        g.setFont(bold);
        g.setFill(theme.foreground());
        g.setTextAlign(TextAlignment.LEFT);
        // every text goes through the label placer (issue 12): drawn whole or left out by priority, never cut or
        // over another text, and seen by the layout checker
        label(CanvasLabels.TITLE, c.titleProperty().get(), bold, theme.foreground(), Math.round(fs * 0.3), Math.round(fs * 0.95),
                TextAlignment.LEFT);
        double titleBottom = Math.round(fs * 0.95) + Math.max(lineHeight(bold), lineHeight(small)) / 2;
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
            // on a patch of the background: in a narrow chart the text is wider than the plot and crossed the y axis
            labelOnPatch(CanvasLabels.NORMAL, c.emptyTextProperty().get(), small, theme.muted(), theme.background(),
                    (px0 + px1) / 2, (py0 + py1) / 2, TextAlignment.CENTER, fs * 0.2);
            return;
        }
        g.setFont(small);
        double lh = lineHeight(small);
        // y ticks: every grid line is drawn; a label only where it keeps a fifth of a line from the labels kept before
        // it (the ends first, then every other one) and from the title line above (issue 12: they touched)
        double[] yAt = new double[yt.length];
        for (int i = 0; i < yt.length; i++) {
            yAt[i] = Math.round(py1 - (yt[i] - sc.ya) / (sc.yb - sc.ya) * (py1 - py0)) + 0.5;
            g.setStroke(theme.background().interpolate(theme.line(), 0.45));
            g.strokeLine(px0 + 1, yAt[i], px1, yAt[i]);
        }
        java.util.List<double[]> kept = new java.util.ArrayList<>();
        double yGap = lh * 0.25;
        for (int i : byPriority(yt.length)) {
            String text = sc.yLabel(yt[i]);
            double tw = measure(text, small);
            double[] box = {px0 - fs * 0.65 - tw, yAt[i] - lh / 2, tw, lh};
            if (box[1] >= titleBottom + yGap && clearOf(box, kept, 0, yGap)) {
                kept.add(box);
                tick(text, small, theme, px0 - fs * 0.65, yAt[i], TextAlignment.RIGHT);
            }
        }
        // x ticks: the smallest 1-2-5 step whose labels keep 0.8 em apart; when even the widest step's do not, they
        // are dropped by priority (the last, the first, then every other one), never drawn touching ("0500")
        double xGap = fs * 0.8;
        double xStep = ChartScale.niceStep((sc.xb - sc.xa) / Math.max(2, Math.floor((px1 - px0) / (fs * 6))));
        for (int guard = 0; guard < 12 && !xTicksFit(xStep, small, xGap); guard++) {
            xStep = ChartScale.niceStep(xStep * 1.001);
        }
        java.util.List<Double> xt = new java.util.ArrayList<>();
        for (double t = Math.ceil(sc.xa / xStep) * xStep; t <= sc.xb + 1e-9 * xStep; t += xStep) {
            xt.add(t);
        }
        if (xt.isEmpty() || xt.get(xt.size() - 1) < sc.xb - 1e-9 * xStep) {
            // the axis's end (the run's last step) is labelled too; a regular tick too near it gives way
            xt.add(sc.xb);
        }
        double xLabelY = py1 + fs * 0.4 + lh / 2;
        java.util.List<double[]> keptX = new java.util.ArrayList<>();
        boolean[] show = new boolean[xt.size()];
        for (int i : byPriority(xt.size())) {
            String text = ChartScale.number(xt.get(i), xStep);
            double tw = measure(text, small);
            double x = Math.round(xPixel(xt.get(i))) + 0.5;
            double[] box = {x - tw / 2, xLabelY - lh / 2, tw, lh};
            // against the y labels too (the y axis's lowest label sits just left of the x axis's first)
            if (box[0] >= 0 && box[0] + tw <= w && clearOf(box, keptX, xGap, 0) && clearOf(box, kept, fs * 0.25, 0)) {
                keptX.add(box);
                show[i] = true;
            }
        }
        for (int i = 0; i < xt.size(); i++) {
            double x = Math.round(xPixel(xt.get(i))) + 0.5;
            g.setStroke(theme.line());
            g.strokeLine(x, py1, x, py1 + fs * 0.3);
            if (show[i]) {
                tick(ChartScale.number(xt.get(i), xStep), small, theme, x, xLabelY, TextAlignment.CENTER);
            }
        }
        if (xName) {
            label(CanvasLabels.HIGH, c.xLabelProperty().get(), small, theme.muted(), (px0 + px1) / 2,
                    py1 + fs * 1.75 + lineHeight(small) / 2, TextAlignment.CENTER);
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

    /** Indices 0 … n−1 in the order their tick labels are kept: the last, the first, every other one, then the rest. */
    private static int[] byPriority(int n) {
        int[] order = new int[n];
        boolean[] used = new boolean[n];
        int k = 0;
        for (int i : new int[] {n - 1, 0}) {
            if (i >= 0 && !used[i]) {
                used[i] = true;
                order[k++] = i;
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int i = pass == 0 ? 2 : 1; i < n; i += 2) {
                if (!used[i]) {
                    used[i] = true;
                    order[k++] = i;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!used[i]) {
                order[k++] = i;
            }
        }
        return order;
    }

    /** Whether box (x, y, w, h) keeps gx apart sideways or gy apart vertically from every box of {@code others}. */
    private static boolean clearOf(double[] box, java.util.List<double[]> others, double gx, double gy) {
        for (double[] o : others) {
            boolean apartX = box[0] >= o[0] + o[2] + gx || o[0] >= box[0] + box[2] + gx;
            boolean apartY = box[1] >= o[1] + o[3] + gy || o[1] >= box[1] + box[3] + gy;
            if (!apartX && !apartY) {
                return false;
            }
        }
        return true;
    }

    /** Whether every x tick label at this step keeps {@code gap} from its neighbours. */
    private boolean xTicksFit(double step, Font f, double gap) {
        double prevRight = Double.NEGATIVE_INFINITY;
        for (double t = Math.ceil(sc.xa / step) * step; t <= sc.xb + 1e-9 * step; t += step) {
            double tw = measure(ChartScale.number(t, step), f);
            double x = xPixel(t);
            if (x - tw / 2 < prevRight + gap) {
                return false;
            }
            prevRight = x + tw / 2;
        }
        return true;
    }

    private void tick(String text, Font f, Theme theme, double x, double y, TextAlignment align) {
        double tw = label(CanvasLabels.NORMAL, text, f, theme.muted(), x, y, align);
        double left = align == TextAlignment.CENTER ? x - tw / 2 : align == TextAlignment.RIGHT ? x - tw : x;
        tickAnchors.add(new double[] {left, y - lineHeight(f) / 2});
        tickTexts.add(text);
    }

    /** The tick labels the last paint drew (those the placer kept). */
    java.util.List<CanvasLabels.Placed> tickLabels() {
        java.util.List<CanvasLabels.Placed> out = new java.util.ArrayList<>();
        for (CanvasLabels.Placed p : labels().placed()) {
            for (int i = 0; i < tickTexts.size(); i++) {
                double[] a = tickAnchors.get(i);
                if (tickTexts.get(i).equals(p.text()) && Math.abs(a[0] - p.x()) < 0.01 && Math.abs(a[1] - p.y()) < 0.01) {
                    out.add(p);
                    break;
                }
            }
        }
        return out;
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
                label(CanvasLabels.LOW, ml, small, theme.muted(), x, y, TextAlignment.LEFT);
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
            label(CanvasLabels.HIGH, s.name, small, theme.foreground(), x, y, TextAlignment.LEFT);
            g.setStroke(s.color);
            g.setLineWidth(3);
            g.strokeLine(x - fs * 1.4, y, x - fs * 0.4, y);
            region("chart.legend." + i, x - fs * 1.4, y - fs * 0.6, tw + fs * 1.4, fs * 1.2);
            x -= fs * 2.2;
        }
    }

    private void reference(GraphicsContext g, LiveChart c, double fs, Font small, Theme theme) {
        double r = c.referenceProperty().get();
        if (Double.isNaN(r) || (sc.log && r <= 0)) {
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
        if (Double.isNaN(r) || (sc.log && r <= 0)) {
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
            labelOnPatch(CanvasLabels.NORMAL, label, small, theme.foreground(), theme.background(), px1 - fs * 0.35, y - fs * 0.85,
                    TextAlignment.RIGHT, fs * 0.1);
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
        g.setLineDashes(s.dashed ? new double[] {s.width * 3, s.width * 2.5} : null);
        if (!s.line) {
            // points only (a scatter): no line
        } else if (s.n > 2 * cols) {
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
        g.setLineDashes((double[]) null);
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

    @Override
    protected String describe(String id) {
        if (!"chart.plot".equals(id) || getSkinnable().series().isEmpty()) {
            return null;
        }
        LiveChart.Series s = getSkinnable().series().get(0);
        if (s.n == 0) {
            return null;
        }
        double x = sc.xa + (pointerX - px0) / (px1 - px0) * (sc.xb - sc.xa);
        int best = 0;
        for (int i = 1; i < s.n; i++) {
            if (Math.abs(s.xs[i] - x) < Math.abs(s.xs[best] - x)) {
                best = i;
            }
        }
        return String.format(Locale.ROOT, "%s: %s = %.6g", ChartScale.number(s.xs[best], 1), s.name == null ? "" : s.name,
                s.ys[best]);
    }
}
