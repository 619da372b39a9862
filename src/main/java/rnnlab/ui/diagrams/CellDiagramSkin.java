package rnnlab.ui.diagrams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import rnnlab.ui.controls.LabCanvasSkin;
import rnnlab.ui.controls.Palette;
import rnnlab.ui.controls.Theme;
import rnnlab.i18n.Messages;
import rnnlab.ui.controls.NumberText;

/**
 * Draws a {@link CellDiagram} from a layout of parts: vector boxes (per-unit bars), operator circles
 * and arrows, revealing the parts in computation order as the step's progress runs.
 */
public abstract class CellDiagramSkin<C extends CellDiagram> extends LabCanvasSkin<C> {
    /** How a vector's values are coloured and sized. */
    protected enum Kind { DIVERGING, GATE, SYMLOG }

    /**
     * One part. Vectors have a key into the data map; operators have a symbol. (x, y) is the centre in
     * fractions of the drawing area; order is the computation phase (0 first).
     */
    protected record Part(String key, String id, String labelKey, String symbol, Kind kind, String gate,
                          double x, double y, int order, boolean vector) {
    }

    /** An arrow from one part to another through optional waypoints (fractions). */
    protected record Edge(String from, String to, double[] waypoints) {
    }

    private final List<Part> parts = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final java.util.Set<String> labelLeft = new java.util.HashSet<>();
    private int phases = 1;
    private double boxW;
    private double boxH;
    private double opR;
    private double areaX;
    private double areaY;
    private double areaW;
    private double areaH;
    private boolean compact;

    protected CellDiagramSkin(C c) {
        super(c);
        watch(c.vectorsProperty(), c.previousVectorsProperty(), c.selectedUnitProperty(), c.gateNumbersProperty(), c.selectedPartProperty(),
                c.equationProperty(), c.stepProperty(), c.backwardProperty());
    }

    protected final String p(String suffix) {
        return getSkinnable().partPrefix() + "." + suffix;
    }

    protected final void vector(String key, String idSuffix, String labelKey, Kind kind, String gate, double x,
                                double y, int order) {
        parts.add(new Part(key, p(idSuffix), labelKey, null, kind, gate, x, y, order, true));
        phases = Math.max(phases, order + 1);
    }

    protected final void operator(String key, String symbol, double x, double y, int order) {
        parts.add(new Part(key, p("op." + key), null, symbol, Kind.DIVERGING, null, x, y, order, false));
        phases = Math.max(phases, order + 1);
    }

    /** Draw this vector's name and value left of its box (where arrows use the space above and below). */
    protected final void labelLeft(String key) {
        labelLeft.add(key);
    }

    /**
     * Text on a small background patch so that arrows behind it do not cross the letters; placed by
     * priority with the other labels (issue 12: the gate labels ran together, "fₜσ iₜ c c̃ₜ tanlo σ").
     */
    private double label(GraphicsContext g, int priority, String text, double x, double y, TextAlignment align, Theme theme) {
        return labelOnPatch(priority, text, g.getFont(), g.getFill(), theme.background(), x, y, align, 3);
    }

    private double textWidth(GraphicsContext g, String text) {
        return richWidth(text, g.getFont());
    }

    /** The part's name, or its short form where the full one would run into the neighbours. */
    private String labelText(GraphicsContext g, Part q) {
        String full = Messages.get(q.labelKey());
        String shortKey = q.labelKey() + ".short";
        if (textWidth(g, full) > boxW * 1.3 && Messages.has(shortKey)) {
            return Messages.get(shortKey);
        }
        return full;
    }

    /** Arrow; waypoints as x0, y0, x1, y1 … in fractions. */
    protected final void edge(String from, String to, double... waypoints) {
        edges.add(new Edge(from, to, waypoints));
    }

    /** Horizontal, then vertical: one waypoint at (to.x, from.y). */
    protected final void edgeHV(String from, String to) {
        Part a = part(from);
        Part b = part(to);
        edge(from, to, b.x(), a.y());
    }

    /** Vertical, then horizontal: one waypoint at (from.x, to.y). */
    protected final void edgeVH(String from, String to) {
        Part a = part(from);
        Part b = part(to);
        edge(from, to, a.x(), b.y());
    }

    private Part part(String key) {
        for (Part q : parts) {
            if (q.key().equals(key)) {
                return q;
            }
        }
        throw new IllegalArgumentException(key);
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h, Theme theme) {
        C c = getSkinnable();
        double fs = c.getFontSize();
        String key = c.getStep() <= 0 ? ".title.none" : c.isBackward() ? ".title.back" : ".title";
        String title = Messages.format(c.partPrefix() + key, c.getStep(), c.getSelectedUnit() + 1);
        double titleW = labelTitle(title, 10, fs * 0.9, w - 20, 1.1, true, theme.foreground());
        // the spotlight's frame fits the title as drawn (issue 12: it was w / 2, narrower than the title)
        region(p("title"), 10, 0, fitted(titleW, w - 20, fs), fs * 1.8);
        areaX = 12;
        areaW = w - 24;
        boxW = Math.round(Math.min(240, areaW * 0.13));
        boxH = Math.round(Math.max(fs * 1.8, Math.min(70, (h - fs * 2) * 0.1)));
        // room above the top row for its labels, below the bottom row for values and the equation
        areaY = Math.round(fs * 1.9 + fs * 1.4 + boxH / 2);
        areaH = h - areaY - (boxH / 2 + fs * 1.5 + fs * 2.4);
        opR = Math.round(fs * 0.95);
        // a short tile (e.g. a quarter of a 1280×720 window): slimmer boxes and operators, no value
        // under each box (the equation line and the hover text still give the numbers)
        compact = areaH < fs * 13;
        if (compact) {
            boxH = Math.round(fs * 1.25);
            opR = Math.round(fs * 0.72);
            areaY = Math.round(fs * 1.9 + fs * 1.2 + boxH / 2);
            areaH = h - areaY - (boxH / 2 + fs * 2.6);
        }
        Map<String, double[]> data = c.getVectors();
        if (data == null || data.isEmpty()) {
            emptyMessage(g, Messages.get("cell.empty"), w, h, fs * 1.8, p("empty"));
            return;
        }
        lineWidth(g, 2);
        for (Edge e : edges) {
            drawEdge(g, e, theme);
        }
        for (Part q : parts) {
            if (q.vector()) {
                drawVector(g, q, theme);
            } else {
                drawOperator(g, q, theme);
            }
        }
        drawEquation(g, w, h, theme);
    }

    /**
     * A vector's value as printed under its box ("c[3] = 0.12"), and as a number: the last ones made for it are
     * reused while the value stays (issue 12, bench-ui: formatting every vector's value at every frame of a step
     * was about 5 % of the FX thread's time, most of them unchanged).
     */
    private String valueText(Part q, int u, double shown, boolean backward) {
        Object[] last = values.get(q.key());
        String num = number(q, shown, backward);
        java.util.ResourceBundle language = Messages.bundle();
        if (last != null && last[0] == language && (Integer) last[1] == u && last[2] == num) {
            return (String) last[3];
        }
        String text = Messages.format("cell.unitValue", u + 1, num);
        values.put(q.key(), new Object[] {language, u, num, text});
        return text;
    }

    private String number(Part q, double shown, boolean backward) {
        Object[] last = numbers.get(q.key());
        if (last != null && (Double) last[0] == shown && (Boolean) last[1] == backward) {
            return (String) last[2];
        }
        String num = backward ? NumberText.sci(shown) : NumberText.num(shown);
        numbers.put(q.key(), new Object[] {shown, backward, num});
        return num;
    }

    private final Map<String, Object[]> values = new java.util.HashMap<>();
    private final Map<String, Object[]> numbers = new java.util.HashMap<>();

    /** Whether a polyline (with its arrow head) shows in the paint under way ({@link #shows}). */
    private boolean shows(double[] xs, double[] ys) {
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (int i = 0; i < xs.length; i++) {
            x0 = Math.min(x0, xs[i]);
            x1 = Math.max(x1, xs[i]);
            y0 = Math.min(y0, ys[i]);
            y1 = Math.max(y1, ys[i]);
        }
        double pad = 12; // the head's length and the line's width
        return shows(x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad);
    }

    /** "prefix.unit.u": the ids of a vector's bars, made once (they were built for every bar at every frame). */
    final String unitId(Part q, int u) {
        String[] ids = unitIds.get(q.id());
        if (ids == null || ids.length <= u) {
            ids = new String[Math.max(u + 1, ids == null ? 0 : ids.length * 2)];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = q.id() + ".unit." + i;
            }
            unitIds.put(q.id(), ids);
        }
        return ids[u];
    }

    private final Map<String, String[]> unitIds = new java.util.HashMap<>();

    private double px(double fx) {
        return Math.round(areaX + fx * areaW);
    }

    private double py(double fy) {
        return Math.round(areaY + fy * areaH);
    }

    private double halfW(Part q) {
        return q.vector() ? boxW / 2 : opR;
    }

    private double halfH(Part q) {
        return q.vector() ? boxH / 2 : opR;
    }

    /** How far a part is revealed: forward in computation order, backward in reverse. */
    private double reveal(Part q) {
        return reveal(q, getSkinnable().getProgress());
    }

    private double reveal(Part q, double progress) {
        int order = getSkinnable().isBackward() ? phases - 1 - q.order() : q.order();
        return phase(progress, (double) order / phases, (order + 1.0) / phases);
    }

    /**
     * While a step plays, what changes from one progress to another (issue 12, bench-ui): the parts whose reveal
     * differs, with their names, values and numbers around them, and the arrows whose look depends on them.
     */
    @Override
    protected javafx.geometry.Rectangle2D animatedBounds(double w, double h, double from, double to) {
        Map<String, double[]> data = getSkinnable().getVectors();
        if (data == null || data.isEmpty()) {
            return javafx.geometry.Rectangle2D.EMPTY;
        }
        double fs = getSkinnable().getFontSize();
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Part q : parts) {
            double a = reveal(q, from);
            double b = reveal(q, to);
            if (a == b) {
                continue;
            }
            double cx = px(q.x());
            double cy = py(q.y());
            if (q.vector()) {
                // the name above or left, the value below or left (or left when below is taken), the number inside
                add(box, cx - boxW / 2 - 8 - fs * 9, cy - boxH / 2 - fs * 1.8, cx + boxW / 2 + fs * 5, cy + boxH / 2 + fs * 1.8);
            } else {
                double r = opR * 1.35 + 4;
                add(box, cx - r, cy - r, cx + r, cy + r);
            }
            if ((a > 0) != (b > 0)) {
                for (Edge e : edges) {
                    if (e.to().equals(q.key()) || e.from().equals(q.key())) {
                        addEdge(box, e);
                    }
                }
            }
        }
        if (box[2] < box[0]) {
            return javafx.geometry.Rectangle2D.EMPTY;
        }
        return part(box[0], box[1], box[2] - box[0], box[3] - box[1]);
    }

    private static void add(double[] box, double x0, double y0, double x1, double y1) {
        box[0] = Math.min(box[0], x0);
        box[1] = Math.min(box[1], y0);
        box[2] = Math.max(box[2], x1);
        box[3] = Math.max(box[3], y1);
    }

    /** An arrow's path and head (10 px), with room for its line width. */
    private void addEdge(double[] box, Edge e) {
        Part a = part(e.from());
        Part b = part(e.to());
        double pad = 14;
        add(box, px(a.x()) - pad, py(a.y()) - pad, px(a.x()) + pad, py(a.y()) + pad);
        add(box, px(b.x()) - pad, py(b.y()) - pad, px(b.x()) + pad, py(b.y()) + pad);
        for (int k = 0; k + 1 < e.waypoints().length; k += 2) {
            double x = px(e.waypoints()[k]);
            double y = py(e.waypoints()[k + 1]);
            add(box, x - pad, y - pad, x + pad, y + pad);
        }
    }

    private void drawEdge(GraphicsContext g, Edge e, Theme theme) {
        Part a = part(e.from());
        Part b = part(e.to());
        int n = e.waypoints().length / 2;
        double[] xs = new double[n + 2];
        double[] ys = new double[n + 2];
        xs[0] = px(a.x());
        ys[0] = py(a.y());
        for (int k = 0; k < n; k++) {
            xs[k + 1] = px(e.waypoints()[2 * k]);
            ys[k + 1] = py(e.waypoints()[2 * k + 1]);
        }
        xs[n + 1] = px(b.x());
        ys[n + 1] = py(b.y());
        double[] s = Arrows.clip(xs[0], ys[0], xs[1], ys[1], halfW(a), halfH(a));
        xs[0] = s[0];
        ys[0] = s[1];
        double[] t = Arrows.clip(xs[n + 1], ys[n + 1], xs[n], ys[n], halfW(b) + 3, halfH(b) + 3);
        xs[n + 1] = t[0];
        ys[n + 1] = t[1];
        if (!shows(xs, ys)) {
            // not shown in this paint (only the parts being revealed are repainted while a step plays)
            return;
        }
        if (getSkinnable().isBackward()) {
            // the gradient flows against the arrow of computation: dashed, head at the source
            boolean active = reveal(a) > 0;
            Color col = active ? Palette.PURPLE : Palette.PURPLE.deriveColor(0, 1, 1, 0.35);
            g.setStroke(col);
            lineWidth(g, active ? 2.5 : 1.5);
            g.setLineDashes(8, 5);
            g.strokePolyline(xs, ys, n + 2);
            g.setLineDashes();
            double[] s0 = Arrows.clip(xs[0], ys[0], xs[1], ys[1], 3, 3);
            Arrows.head(g, xs[1], ys[1], s0[0], s0[1], col);
            return;
        }
        boolean active = reveal(b) > 0;
        g.setStroke(active ? theme.line() : theme.muted().deriveColor(0, 1, 1, 0.45));
        lineWidth(g, active ? 2.5 : 1.5);
        g.strokePolyline(xs, ys, n + 2);
        Arrows.head(g, xs[n], ys[n], xs[n + 1], ys[n + 1], active ? theme.line() : theme.muted());
    }


    private void drawOperator(GraphicsContext g, Part q, Theme theme) {
        double cx = px(q.x());
        double cy = py(q.y());
        double r = q.symbol().length() > 1 ? opR * 1.35 : opR;
        boolean on = reveal(q) > 0;
        if (shows(cx - r, cy - r, 2 * r, 2 * r)) {
            g.setFill(theme.panel());
            g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
            g.setStroke(on ? theme.line() : theme.muted());
            lineWidth(g, 2);
            g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
        }
        // the symbol takes its whole circle: no name or value is drawn over an operator (issue 12: the c̃
        // label ran into a × node); in the compact form at the smallest size that is still readable
        javafx.scene.text.Font f = font(q.symbol().length() > 1 ? (compact ? 0.62 : 0.8) : (compact ? 0.9 : 1.1), true);
        if (f.getSize() < minTextSize()) {
            f = javafx.scene.text.Font.font(f.getFamily(), javafx.scene.text.FontWeight.BOLD, minTextSize());
        }
        labelIn(rnnlab.ui.controls.CanvasLabels.TITLE, getSkinnable().symbolFor(q.symbol()), f, theme.foreground(), cx, cy,
                2 * r, 2 * r);
        region(q.id(), cx - r, cy - r, 2 * r, 2 * r);
    }

    private void drawVector(GraphicsContext g, Part q, Theme theme) {
        C c = getSkinnable();
        Map<String, double[]> data = c.getVectors();
        Map<String, double[]> prev = c.previousVectorsProperty().get();
        double[] v = data == null ? null : data.get(q.key());
        double[] pv = prev == null ? null : prev.get(q.key());
        double k = reveal(q);
        double x0 = px(q.x()) - boxW / 2;
        double y0 = py(q.y()) - boxH / 2;
        Color hue = q.gate() != null ? Palette.gateHue(q.gate()) : theme.line();
        region(q.id(), x0, y0, boxW, boxH);
        keepClear(x0, y0, boxW, boxH);
        // the box, its bars and frame: left out of a paint they do not show in (its names and values are labels)
        boolean on = shows(x0 - 2, y0 - 2, boxW + 4, boxH + 4);
        if (on) {
            g.setFill(theme.panel());
            g.fillRect(x0, y0, boxW, boxH);
        }
        // label above the box
        g.setFont(font(0.95, true));
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(q.gate() != null && !"g".equals(q.gate()) && !"n".equals(q.gate()) ? hue : theme.foreground());
        if ("g".equals(q.gate()) || "n".equals(q.gate())) {
            g.setFill(theme.dark() ? Palette.YELLOW : rnnlab.ui.controls.Palette.YELLOW_INK);
        }
        boolean left = labelLeft.contains(q.key());
        double fs = c.getFontSize();
        String name = labelText(g, q);
        double nameW = textWidth(g, name);
        int namePriority = rnnlab.ui.controls.CanvasLabels.HIGH;
        if (left) {
            label(g, namePriority, name, x0 - 8, y0 + boxH / 2 - fs * 0.6, TextAlignment.RIGHT, theme);
            region(q.id() + ".label", x0 - 8 - nameW, y0 + boxH / 2 - fs * 1.2, nameW, fs * 1.2);
        } else {
            label(g, namePriority, name, x0 + boxW / 2, y0 - fs * 0.75, TextAlignment.CENTER, theme);
            region(q.id() + ".label", x0 + boxW / 2 - nameW / 2, y0 - fs * 1.35, nameW, fs * 1.2);
        }
        if (v != null && v.length > 0) {
            VectorBars.draw(this, g, q, v, pv, k, x0, y0, boxW, boxH, c.getSelectedUnit(), c.isBackward(), theme, on);
        }
        if (on) {
            g.setStroke(hue);
            lineWidth(g, q.gate() != null ? 3 : 1.5);
            strokeBox(g, x0, y0, boxW, boxH);
        }
        if (on && (k <= 0 && pv == null || c.isBackward() && v == null)) {
            g.setFill(theme.veil(0.65));
            g.fillRect(x0 - 2, y0 - 2, boxW + 4, boxH + 4);
        }
        // the selected unit's value under the box
        int u = c.getSelectedUnit();
        if (c.gateNumbersProperty().get() && q.gate() != null && v != null && u >= 0 && u < v.length) {
            gateNumber(g, q, v, pv, k, u, x0, y0, theme);
        }
        if (v != null && u >= 0 && u < v.length) {
            double shown = pv != null && u < pv.length ? pv[u] + (v[u] - pv[u]) * k : v[u];
            g.setFont(font(0.85, false));
            g.setFill(theme.foreground());
            String text = valueText(q, u, shown, c.isBackward());
            double tw = textWidth(g, text);
            // where there is no room (a narrow tile, the next gate's value) the placer leaves a value out, the
            // states' (c, h: what lessons ask for) before the gates'; hover and the equation line still give it
            int valuePriority = q.gate() == null ? rnnlab.ui.controls.CanvasLabels.NORMAL : rnnlab.ui.controls.CanvasLabels.LOW;
            if (left) {
                label(g, valuePriority, text, x0 - 8, y0 + boxH / 2 + fs * 0.6, TextAlignment.RIGHT, theme);
                region(q.id() + ".value", x0 - 8 - tw, y0 + boxH / 2, tw, fs * 1.2);
            } else {
                label(g, valuePriority, text, x0 + boxW / 2, y0 + boxH + fs * 0.75, TextAlignment.CENTER, theme);
                // taken (an operator under c_t, issue 12: L9 asks for c_t): beside the box, left, then nothing
                orOnPatchAt(x0 - 8, y0 + boxH / 2, TextAlignment.RIGHT, g.getFont(), text, 3);
                region(q.id() + ".value", x0 + boxW / 2 - tw / 2, y0 + boxH + fs * 0.15, tw, fs * 1.2);
            }
        }
    }

    /**
     * The selected unit's gate value large, in the middle of the gate's box (issue 12: gate boxes with the
     * value of the selected unit large): as large as the box allows, on a patch over the bars; left out (by the
     * placer) when even the smallest readable size does not fit the box.
     */
    private void gateNumber(GraphicsContext g, Part q, double[] v, double[] pv, double k, int u, double x0, double y0,
                            Theme theme) {
        C c = getSkinnable();
        double shown = pv != null && u < pv.length ? pv[u] + (v[u] - pv[u]) * k : v[u];
        String text = number(q, shown, c.isBackward());
        javafx.scene.text.Font f = gateNumberFont(text, c.getFontSize());
        labelInside(rnnlab.ui.controls.CanvasLabels.HIGH, text, f, theme.foreground(), theme.panel().deriveColor(0, 1, 1, 0.82),
                x0 + boxW / 2, y0 + boxH / 2, boxW - 4, boxH - 4, 3);
    }

    /**
     * The largest bold font (from the box's height down to the minimum text size, a pixel at a time) in which
     * the text fits the gate box. Cached by text and sizes: looking a font up and measuring a new text (a Text
     * node) for every size at every frame cost the FX thread several ms per step (issue 12, bench-ui).
     */
    private javafx.scene.text.Font gateNumberFont(String text, double fontSize) {
        String family = font(1, true).getFamily();
        String key = text + "|" + boxW + "|" + boxH + "|" + fontSize + "|" + minTextSize() + "|" + family;
        javafx.scene.text.Font cached = gateNumberFonts.get(key);
        if (cached != null) {
            return cached;
        }
        double size = Math.min(boxH * 0.8, fontSize * 2.2);
        javafx.scene.text.Font f = boldFont(family, size);
        while (size > minTextSize() && (measure(text, f) + 6 > boxW - 4 || Math.ceil(lineHeight(f)) > boxH - 4)) {
            size -= 1;
            f = boldFont(family, size);
        }
        gateNumberFonts.put(key, f);
        return f;
    }

    private javafx.scene.text.Font boldFont(String family, double size) {
        return boldFonts.computeIfAbsent(family + "|" + size,
                k -> javafx.scene.text.Font.font(family, javafx.scene.text.FontWeight.BOLD, size));
    }

    private final Map<String, javafx.scene.text.Font> boldFonts = new java.util.HashMap<>();
    private final Map<String, javafx.scene.text.Font> gateNumberFonts = new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, javafx.scene.text.Font> e) {
            return size() > 1024;
        }
    };

    private void drawEquation(GraphicsContext g, double w, double h, Theme theme) {
        C c = getSkinnable();
        double fs = c.getFontSize();
        double y = h - fs * 1.6;
        String eq = c.getEquation();
        String text = eq == null ? Messages.format("cell.clickHint") : eq;
        labelFitted(rnnlab.ui.controls.CanvasLabels.HIGH, text, 14, y, w - 28, eq == null ? 0.9 : 1.05, eq != null,
                eq == null ? theme.muted() : theme.foreground());
        region(p("equation"), 8, y - fs, w - 16, fs * 2);
        String sel = c.getSelectedPart();
        if (sel != null) {
            for (Part q : parts) {
                if (q.key().equals(sel) && q.vector()) {
                    g.setStroke(Palette.PURPLE);
                    lineWidth(g, 2);
                    g.setLineDashes(6, 4);
                    g.strokeRect(px(q.x()) - boxW / 2 - 5, py(q.y()) - boxH / 2 - 5, boxW + 10, boxH + 10);
                    g.setLineDashes();
                }
            }
        }
    }

    @Override
    protected String describe(String id) {
        for (Part q : parts) {
            if (id.startsWith(q.id() + ".unit.")) {
                int u = Integer.parseInt(id.substring(id.lastIndexOf('.') + 1));
                double[] v = getSkinnable().getVectors().get(q.key());
                if (v != null && u < v.length) {
                    return getSkinnable().isBackward()
                            ? Messages.format("cell.hover.back", Messages.get(q.labelKey()), u + 1, NumberText.sci(v[u]))
                            : Messages.format("cell.hover", Messages.get(q.labelKey()), u + 1, NumberText.num(v[u]));
                }
            }
        }
        return null;
    }

    @Override
    protected void clicked(String id) {
        for (Part q : parts) {
            if (q.vector() && (id.equals(q.id()) || id.startsWith(q.id() + "."))) {
                if (id.startsWith(q.id() + ".unit.")) {
                    getSkinnable().setSelectedUnit(Integer.parseInt(id.substring(id.lastIndexOf('.') + 1)));
                }
                getSkinnable().setSelectedPart(q.key());
                return;
            }
        }
    }
}
