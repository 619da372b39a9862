package rnnlab.ui.compare;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import rnnlab.i18n.Messages;
import rnnlab.ui.controls.LogAxis;
import rnnlab.ui.common.Ids;

/**
 * A small chart of gradient decay, one polyline per cell type: ‖dL_T/dh_t‖ (the gradient of the last
 * step's loss) against t, on a log scale, in the cell's colour. Drawn on a canvas when data or size
 * change; {@link #polylines()} gives the drawn points for tests.
 */
final class DecayOverlay extends Region {
    /** One curve: its label, colour and values by step (t = 1 … T). */
    record Series(String label, Color color, double[] values) {
    }

    private static final double FLOOR = 1e-12;
    private final Canvas canvas = new Canvas();
    private final List<Series> series = new ArrayList<>();
    private final List<double[][]> drawn = new ArrayList<>();
    private boolean dark;

    DecayOverlay() {
        getStyleClass().add("compare-chart");
        setId(Ids.of("compare.decay"));
        getChildren().add(canvas);
        setMinHeight(150);
    }

    /** Replaces the curves (entries with null values are skipped). */
    void setSeries(List<Series> s) {
        series.clear();
        for (Series x : s) {
            if (x.values() != null) {
                series.add(x);
            }
        }
        draw();
    }

    void setDark(boolean d) {
        dark = d;
        draw();
    }

    /** The points of each drawn curve, in canvas pixels: [t][0] = x, [t][1] = y. */
    List<double[][]> polylines() {
        return List.copyOf(drawn);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private void draw() {
        drawn.clear();
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w < 50 || h < 50) {
            return;
        }
        double fs = Math.max(12, rootFontPx());
        rnnlab.ui.controls.Theme theme = rnnlab.ui.controls.Theme.of(dark);
        Color text = theme.css("-rl-text");
        Color grid = theme.css("-rl-border");
        g.setFont(Font.font(rnnlab.ui.controls.AppLanguage.family(), fs));
        g.setFill(text);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(Messages.get("compare.decay.title"), 10, 6);
        if (series.isEmpty()) {
            g.setFill(theme.css("-rl-muted"));
            g.fillText(Messages.get("compare.decay.empty"), 10, 12 + fs * 1.4);
            return;
        }
        int steps = 0;
        List<double[]> values = new ArrayList<>();
        for (Series s : series) {
            steps = Math.max(steps, s.values().length);
            values.add(s.values());
        }
        LogAxis axis = LogAxis.around(values, FLOOR, 300, new LogAxis(-4, 0));
        double left = fs * 4.2;
        double right = w - fs * 9;
        double top = fs * 2.4;
        double bottom = h - fs * 2.2;
        // decades: grid lines and labels 10^k
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        // as many decade labels as fit one above the other
        for (int k : axis.ticks(bottom - top, fs * 1.5)) {
            double y = bottom - axis.fraction(Math.pow(10, k)) * (bottom - top);
            g.setStroke(grid);
            g.strokeLine(left, y, right, y);
            g.setFill(text);
            g.fillText(LogAxis.label(k), left - 6, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        int labelEvery = Math.max(1, (int) Math.ceil(steps / ((right - left) / (fs * 2.5))));
        for (int t = 0; t < steps; t += labelEvery) {
            g.fillText(String.valueOf(t + 1), x(t, steps, left, right), bottom + 4);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("t", right + fs * 1.2, bottom + 4);
        g.setLineWidth(2.5);
        double ly = top;
        for (Series s : series) {
            double[] v = s.values();
            double[][] pts = new double[v.length][2];
            for (int t = 0; t < v.length; t++) {
                pts[t][0] = x(t, steps, left, right);
                pts[t][1] = bottom - axis.fraction(Math.max(FLOOR, v[t])) * (bottom - top);
            }
            g.setStroke(s.color());
            g.beginPath();
            for (int t = 0; t < pts.length; t++) {
                if (t == 0) {
                    g.moveTo(pts[t][0], pts[t][1]);
                } else {
                    g.lineTo(pts[t][0], pts[t][1]);
                }
            }
            g.stroke();
            g.setFill(s.color());
            for (double[] p : pts) {
                g.fillOval(p[0] - 3, p[1] - 3, 6, 6);
            }
            // legend at the right
            g.fillRect(right + fs * 1.2, ly + fs * 0.35, fs * 1.2, 3);
            g.setFill(text);
            g.setTextBaseline(VPos.TOP);
            g.fillText(s.label(), right + fs * 2.7, ly);
            ly += fs * 1.5;
            drawn.add(pts);
        }
    }

    private static double x(int t, int steps, double left, double right) {
        return steps <= 1 ? (left + right) / 2 : left + t * (right - left) / (steps - 1);
    }

    /** The root's font size in px (the window's font scale), 14 before the chart is in a scene. */
    private double rootFontPx() {
        String style = getScene() == null ? null : getScene().getRoot().getStyle();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-fx-font-size:\\s*([0-9.]+)px").matcher(style == null ? "" : style);
        return m.find() ? Double.parseDouble(m.group(1)) : 14;
    }
}
