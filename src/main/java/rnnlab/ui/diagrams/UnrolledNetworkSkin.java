package rnnlab.ui.diagrams;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import rnnlab.ui.controls.CanvasLabels;
import rnnlab.ui.controls.HiddenStateHeatmapSkin;
import rnnlab.ui.controls.LabCanvasSkin;
import rnnlab.ui.controls.Palette;
import rnnlab.ui.controls.Theme;
import rnnlab.i18n.Messages;

/** Paints the unrolled copies in a window of steps around the current one. */
public class UnrolledNetworkSkin extends LabCanvasSkin<UnrolledNetwork> {
    private static final int MAX_STRIP_UNITS = 24;

    public UnrolledNetworkSkin(UnrolledNetwork c) {
        super(c);
        watch(c.architectureProperty(), c.stepsProperty(), c.currentStepProperty(), c.computedStepsProperty(),
                c.decoderStartProperty(), c.hiddenProperty(), c.inputLabelsProperty(), c.outputLabelsProperty(),
                c.cellNameProperty(), c.backwardStepsProperty(), c.gradHiddenProperty());
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h, Theme theme) {
        UnrolledNetwork c = getSkinnable();
        double fs = c.getFontSize();
        form = form(w, h);
        String arch = Messages.get("unrolled.arch." + c.getArchitecture().name().toLowerCase(java.util.Locale.ROOT));
        String fullTitle = Messages.format("unrolled.title", c.getCellName(), arch);
        // compact labels (issue 12: cramped in Chinese at 1024×768): the short title when the full one does not fit
        String shortTitle = Messages.format("unrolled.title.short", c.getCellName());
        int steps = c.getSteps();
        if (steps <= 0) {
            title(richWidth(fullTitle, font(1.1, true)) > w - 20 ? shortTitle : fullTitle, w - 20, fs, theme);
            return;
        }
        double left = Math.round(fs * 4.5);
        double slot = Math.max(fs * 7, 96);
        int visible = (int) Math.max(2, Math.min(steps, Math.floor((w - left - fs * 2) / slot)));
        int cur = Math.max(0, c.getCurrentStep());
        int lead = c.isBackward() ? visible / 3 : (visible * 2) / 3;
        int first = Math.max(0, Math.min(steps - visible, cur - lead));
        slot = Math.floor((w - left - fs * 2) / visible);
        double boxW = Math.round(slot * 0.52);
        double top = fs * 2.4;
        g.setFont(font(0.85, false));
        compactCaption = false;
        compactCaption = wrap(captionText(), g.getFont(), w - 20).size() > 1;
        int captionLines = wrap(captionText(), g.getFont(), w - 20).size();
        double bottomCaption = fs * (0.9 + 1.1 * captionLines + (c.getArchitecture() == Architecture.ENCODER_DECODER ? 1.8 : 0));
        double avail = h - top - bottomCaption;
        double ioR = Math.round(Math.min(fs * 1.3, avail * 0.09));
        double yRow = Math.round(top + ioR + fs * 0.2);
        double xRow = Math.round(top + avail - ioR - fs * 1.3);
        // the cell between the two rows of circles, with room for an arrow above and below it
        double room = xRow - yRow - 2 * ioR - 2 * Math.max(10, fs * 0.6);
        double boxH = Math.round(Math.max(fs * 2.2, Math.min(Math.min(fs * 8, avail * 0.4), room)));
        double cellTop = Math.round((yRow + xRow) / 2 - boxH / 2);
        // initial state or continuation
        double startX = left - fs * 0.5;
        // the title above the drawing; in a view too short for that (presentation mode, lesson 5) the copies reach up
        // into the title's row, so the title (the short one if the full one does not fit) keeps left of the first copy
        double titleMax = w - 20;
        double drawingTop = Math.min(cellTop, yRow - ioR) - 3;
        if (fs * 0.9 + lineHeight(font(1.1, true)) / 2 > drawingTop) {
            titleMax = Math.min(startX, Math.round(left + slot / 2) - ioR) - 16;
        }
        title(richWidth(fullTitle, font(1.1, true)) > titleMax ? shortTitle : fullTitle, titleMax, fs, theme);
        double h0W = labelRich(CanvasLabels.HIGH, first == 0 ? Messages.get("unrolled.h0") : "…", font(0.95, true),
                theme.foreground(), startX - 4, cellTop + boxH / 2, TextAlignment.RIGHT);
        // the spotlight frames the label itself, not the whole margin left of the first copy (issue 12)
        double h0H = fs * 1.6;
        region("unrolled.h0", Math.max(0, startX - 4 - h0W - fs * 0.4), cellTop + boxH / 2 - h0H / 2,
                Math.min(startX, h0W + fs * 0.4 + 4 + fs * 0.3), h0H);
        // the row names end left of the first copy's circles (issue 12, lesson 5 at 1024x768: in a tile 125 px wide the
        // circles, up to 1.3 font sizes in radius, reach past the margin into startX, and "ŷ_t" / "x_t" ran under them);
        // the circles are kept clear (io), so a name with no room left of them is dropped, never drawn over them
        double firstCircle = Math.round(left + slot / 2) - ioR - circleStroke() / 2;
        double rowX = Math.min(startX - 4, firstCircle - 4);
        labelRich(CanvasLabels.HIGH, Messages.get("unrolled.row.y"), font(0.9, true), theme.muted(), rowX, yRow, TextAlignment.RIGHT);
        labelRich(CanvasLabels.HIGH, Messages.get("unrolled.row.x"), font(0.9, true), theme.muted(), rowX, xRow, TextAlignment.RIGHT);
        // while the step plays only the current copy's column changes: its arrows grow, its strip fills, and the
        // backward arrow runs into the gap on its left (issue 12, bench-ui)
        animatedColumn = javafx.geometry.Rectangle2D.EMPTY;
        if (cur >= first && cur < first + visible) {
            double cx = Math.round(left + slot * (cur - first) + slot / 2);
            double bx = cx - Math.round(boxW / 2);
            double x0 = Math.min(bx - (slot - boxW), cx - slot / 2) - 8;
            animatedColumn = part(x0, 0, cx + slot / 2 + 8 - x0, h);
        }
        for (int k = 0; k < visible; k++) {
            int t = first + k;
            double cx = Math.round(left + slot * k + slot / 2);
            double bx = cx - Math.round(boxW / 2);
            drawCopy(g, t, cx, bx, boxW, boxH, cellTop, yRow, xRow, ioR, slot, k == 0 ? startX : 0, k == 0, theme);
        }
        on = true;
        if (first + visible < steps) {
            label(CanvasLabels.HIGH, "…", font(0.95, true), theme.foreground(), w - fs * 1.4, cellTop + boxH / 2, TextAlignment.LEFT);
        }
        caption(g, w, h, left, slot, first, visible, captionLines, theme);
    }

    private void title(String text, double maxW, double fs, Theme theme) {
        double titleW = maxW > 0 ? labelTitle(text, 10, fs * 0.9, maxW, 1.1, true, theme.foreground()) : 0;
        region("unrolled.title", 10, 0, fitted(titleW, Math.max(maxW, 0), fs), fs * 1.8);
    }

    /** The current copy's column in the last paint (empty: not shown). */
    private javafx.geometry.Rectangle2D animatedColumn;

    @Override
    protected javafx.geometry.Rectangle2D animatedBounds(double w, double h, double from, double to) {
        return animatedColumn;
    }

    private boolean decoder(int t) {
        UnrolledNetwork c = getSkinnable();
        return c.getArchitecture() == Architecture.ENCODER_DECODER && t >= c.getDecoderStart();
    }

    private String weight(String key, int t) {
        return Messages.get(decoder(t) ? key + ".dec" : key);
    }

    private void drawCopy(GraphicsContext g, int t, double cx, double bx, double boxW, double boxH, double cellTop,
                          double yRow, double xRow, double ioR, double slot, double fromX, boolean firstShown, Theme theme) {
        UnrolledNetwork c = getSkinnable();
        double fs = c.getFontSize();
        int computed = c.getComputedSteps();
        int cur = c.getCurrentStep();
        boolean back = c.isBackward();
        boolean isCur = t == cur;
        boolean reached = back && t >= cur;
        double p = isCur ? c.getProgress() : 1;
        String id = "unrolled.step." + t;
        // h arrow from the previous copy (or h0)
        double ax0 = fromX > 0 ? fromX : bx - (slot - boxW);
        double midY = cellTop + boxH / 2;
        Color line = theme.line();
        // everything this copy draws lies between the arrow into it and the middle of the gap after it: while only
        // the current copy's column is repainted, the other copies offer their labels and parts but draw nothing
        double colX = Math.min(ax0, cx - slot / 2);
        on = shows(colX, 0, cx + slot / 2 - colX, canvas().getHeight());
        arrow(g, ax0, midY, bx - 2, midY, back ? theme.muted() : line, 1);
        keepClear(ax0, midY - 3, bx - 2 - ax0, 6); // the h arrow (presentation mode: "decoder" ran along it)
        // a copy later than the current one is veiled; its labels, drawn after the veil, are muted instead
        boolean veiled = back ? t < cur : t > cur;
        weightFont = font(form == Form.LARGE ? 1.0 : 0.85, false);
        // the shared weights: named at the first copy shown, repeated where there is room; never over the
        // copies (issue 12: "W_hh" over "RNN" at 1280×720), and in the compact form only once
        String whh = weight("unrolled.w.hh", t);
        double lx = (ax0 + bx) / 2;
        double gap = bx - ax0 - 6;
        if (richWidth(whh, weightFont) <= gap && (firstShown || form != Form.COMPACT)) {
            labelRich(firstShown ? CanvasLabels.NORMAL : CanvasLabels.LOW, whh, weightFont, theme.muted(), lx,
                    midY - fs * 0.95, TextAlignment.CENTER);
        }
        region("unrolled.weight.hh." + t, lx - fs * 1.5, midY - fs * 1.3, fs * 3, fs * 1.2);
        if (reached) {
            // δh_{t−1} flows back through W_hh: dashed, right to left
            double k = isCur ? phase(p, 0.6, 1) : 1;
            double gy = midY + fs * 0.9;
            double x1 = bx - 2 - (bx - 2 - ax0) * k;
            dashedArrow(g, bx - 2, gy, x1, gy);
            region(id + ".back", Math.min(x1, bx - 2), gy - 6, Math.abs(bx - 2 - x1), 12);
        }
        // the cell copy
        Color hue = decoder(t) ? Palette.GREEN : Palette.BLUE;
        if (on) {
            g.setFill(theme.panel());
            g.fillRoundRect(bx, cellTop, boxW, boxH, 14, 14);
            g.setStroke(isCur ? Palette.ORANGE : hue);
            lineWidth(g, isCur ? 5 : 2);
            g.strokeRoundRect(bx, cellTop, boxW, boxH, 14, 14);
        }
        region(id, bx, cellTop, boxW, boxH);
        // the copy's outline is kept clear (presentation mode: the title and the cell's name ran across it)
        double edge = (isCur ? 5 : 2) / 2.0 + 1;
        keepClear(bx - edge, cellTop - edge, boxW + 2 * edge, 2 * edge);
        keepClear(bx - edge, cellTop + boxH - edge, boxW + 2 * edge, 2 * edge);
        keepClear(bx - edge, cellTop - edge, 2 * edge, boxH + 2 * edge);
        keepClear(bx + boxW - edge, cellTop - edge, 2 * edge, boxH + 2 * edge);
        javafx.scene.text.Font nameFont = font(0.95, true);
        if (measure(c.getCellName(), nameFont) <= boxW - 8 && lineHeight(nameFont) <= boxH) {
            label(CanvasLabels.HIGH, c.getCellName(), nameFont, veiled ? theme.muted() : theme.foreground(), cx,
                    cellTop + Math.max(lineHeight(nameFont) / 2 + 2, Math.min(fs * 1.1, boxH / 2)), TextAlignment.CENTER);
        }
        if (t < computed) {
            double sh = Math.round(Math.max(fs * 1.2, boxH - fs * 2.4 - 8));
            double sy = cellTop + boxH - sh - 6;
            if (reached) {
                double half = Math.floor((sh - 4) / 2);
                strip(g, t, bx + 6, sy, boxW - 12, half, 1, false, theme);
                strip(g, t, bx + 6, sy + half + 4, boxW - 12, half, isCur ? phase(p, 0.3, 0.7) : 1, true, theme);
            } else {
                strip(g, t, bx + 6, sy, boxW - 12, sh, isCur && !back ? phase(p, 0.33, 0.66) : 1, false, theme);
            }
            keepClear(bx + 6, sy, boxW - 12, sh); // the strip: in a short copy the name reached down over it
        }
        // x_t
        if (c.hasInput(t)) {
            double k = isCur && !back ? phase(p, 0, 0.33) : 1;
            io(g, id + ".x", cx, xRow, ioR, label(c.getInputLabels(), t), veiled, theme);
            arrow(g, cx, xRow - ioR - 2, cx, xRow - ioR - 2 - (xRow - ioR - 4 - cellTop - boxH) * k, line, 1);
            keepClear(cx - 3, Math.min(xRow - ioR - 2, cellTop + boxH), 6, Math.abs(xRow - ioR - 4 - cellTop - boxH) + 2);
            if (firstShown || form != Form.COMPACT) {
                weightLabel(g, weight("unrolled.w.xh", t), "unrolled.weight.xh." + t, cx, ioR,
                        (xRow - ioR + cellTop + boxH) / 2, xRow, firstShown, theme);
            }
        }
        // y_t
        if (c.hasOutput(t)) {
            boolean shown = t < computed;
            io(g, id + ".y", cx, yRow, ioR, shown ? label(c.getOutputLabels(), t) : "", veiled, theme);
            double k = isCur && !back ? phase(p, 0.66, 1) : 1;
            double y0 = cellTop - 2;
            double y1 = yRow + ioR + 2;
            arrow(g, cx, y0, cx, y0 - (y0 - y1) * k, back ? theme.muted() : line, 1);
            keepClear(cx - 3, Math.min(y0, y1), 6, Math.abs(y0 - y1));
            if (firstShown || form != Form.COMPACT) {
                weightLabel(g, weight("unrolled.w.hy", t), "unrolled.weight.hy." + t, cx, ioR, (y0 + y1) / 2, yRow,
                        firstShown, theme);
            }
            if (reached) {
                // ∂L_t/∂y_t enters the copy from its output: dashed, downwards
                double kb = isCur ? phase(p, 0, 0.4) : 1;
                dashedArrow(g, cx - 9, y1, cx - 9, y1 + (y0 - y1) * kb);
            }
        }
        // step number
        label(isCur ? CanvasLabels.HIGH : CanvasLabels.NORMAL, Messages.format("unrolled.step", t + 1), font(0.8, isCur),
                isCur ? theme.foreground() : theme.muted(), cx, xRow + ioR + fs * 0.8, TextAlignment.CENTER);
        if (veiled && on) {
            g.setFill(theme.veil(0.6));
            g.fillRect(cx - slot / 2 + 1, yRow - ioR - 4, slot - 2, xRow - yRow + 2 * ioR + fs * 1.4);
        }
    }

    /**
     * A weight's name beside the vertical arrow at (cx, y), moved clear of the x/y circle (radius r
     * at circleY) when the gap is too short for it to sit between circle and cell.
     */
    private void weightLabel(GraphicsContext g, String text, String id, double cx, double r, double y, double circleY,
                             boolean firstShown, Theme theme) {
        double fs = getSkinnable().getFontSize();
        // between cell and circle when there is room; else beside the circle, level with its centre
        boolean tight = Math.abs(y - circleY) < r + fs * 0.9;
        double x = tight ? cx + r + 6 : cx + 6;
        double ty = tight ? circleY : y;
        double tw = labelRich(firstShown ? CanvasLabels.NORMAL : CanvasLabels.LOW, text, weightFont, theme.muted(), x, ty,
                TextAlignment.LEFT);
        region(id, x - 2, ty - fs * 0.6, tw + 4, fs * 1.2);
    }

    /** Whether the copy being drawn shows in the paint under way ({@link #shows}): false, it draws nothing. */
    private boolean on = true;

    /** The form chosen for the last paint's size, and the weights' font in it. */
    private Form form = Form.NORMAL;
    private javafx.scene.text.Font weightFont;

    private static String label(String[] labels, int t) {
        return labels != null && t < labels.length && labels[t] != null ? HiddenStateHeatmapSkin.visible(labels[t]) : "";
    }

    private void io(GraphicsContext g, String id, double cx, double cy, double r, String text, boolean veiled, Theme theme) {
        if (on) {
            g.setFill(theme.panel());
            g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
            g.setStroke(theme.line());
            lineWidth(g, 2);
            g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
        }
        // the circle with its outline: no label drawn over it (registered in every paint, drawn or not, so that a
        // partial repaint places the labels as the full paint did)
        double sw = circleStroke() / 2;
        keepClear(cx - r - sw, cy - r - sw, 2 * r + 2 * sw, 2 * r + 2 * sw);
        javafx.scene.text.Font f = font(text.length() > 2 ? 0.7 : 1.0, true);
        if (measure(text, f) <= 2 * r + 4) {
            // a symbol in its own circle: the circle's outline (and the stack of earlier steps' circles behind it) is its node
            labelInNode(CanvasLabels.HIGH, text, f, veiled ? theme.muted() : theme.foreground(), cx, cy);
        }
        region(id, cx - r, cy - r, 2 * r, 2 * r);
    }

    /** The width of a circle's outline as {@link #io} strokes it (2 px, thicker on the projector). */
    private double circleStroke() {
        return theme() == Theme.PROJECTOR ? 2 * PROJECTOR_STROKE : 2;
    }

    /** h_t (diverging) or δh_t (gradient palette, log magnitude) as small colour cells (up to 24 units). */
    private void strip(GraphicsContext g, int t, double x, double y, double w, double h, double reveal, boolean grad,
                       Theme theme) {
        double[][] hid = grad ? getSkinnable().getGradHidden() : getSkinnable().getHidden();
        if (hid == null || t >= hid.length || reveal <= 0) {
            return;
        }
        double[] v = hid[t];
        int n = Math.min(v.length, MAX_STRIP_UNITS);
        double cw = Math.floor(w / n);
        double x0 = x + Math.floor((w - cw * n) / 2);
        int shown = (int) Math.ceil(n * reveal);
        for (int u = 0; on && u < shown; u++) {
            int col = Palette.bad(v[u]) ? 0 : grad ? Palette.gradient(v[u], theme.neutral())
                    : Palette.diverging(v[u], theme.neutral());
            fillValue(g, x0 + u * cw, y, cw, h, v[u], col, font(0.5, true));
        }
        if (on) {
            g.setStroke(grad ? Palette.PURPLE : theme.muted());
            lineWidth(g, 1);
            strokeBox(g, x0 - 0.5, y - 0.5, cw * n + 1, h + 1);
        }
        region("unrolled.step." + t + (grad ? ".dh" : ".h"), x0, y, cw * n, h);
    }

    private void arrow(GraphicsContext g, double x0, double y0, double x1, double y1, Color color, double alpha) {
        if (!on || Math.hypot(x1 - x0, y1 - y0) < 3) {
            return;
        }
        g.setStroke(color);
        g.setFill(color);
        lineWidth(g, 2.5);
        g.strokeLine(x0, y0, x1, y1);
        double ang = Math.atan2(y1 - y0, x1 - x0);
        double len = 10;
        g.fillPolygon(new double[] {x1, x1 - len * Math.cos(ang - 0.4), x1 - len * Math.cos(ang + 0.4)},
                new double[] {y1, y1 - len * Math.sin(ang - 0.4), y1 - len * Math.sin(ang + 0.4)}, 3);
    }

    /** The backward-flow arrow: dashed reddish purple, pointing from (x0, y0) to (x1, y1). */
    private void dashedArrow(GraphicsContext g, double x0, double y0, double x1, double y1) {
        if (!on || Math.hypot(x1 - x0, y1 - y0) < 3) {
            return;
        }
        g.setLineDashes(9, 5);
        arrow(g, x0, y0, x1, y1, Palette.PURPLE, 1);
        g.setLineDashes();
    }

    /** The caption would wrap: its short form is drawn instead (one line where it fits). */
    private boolean compactCaption;

    private String captionText() {
        UnrolledNetwork c = getSkinnable();
        String key = c.isBackward() ? "unrolled.backward"
                : c.getArchitecture() == Architecture.ENCODER_DECODER ? "unrolled.shared.encdec" : "unrolled.shared";
        return Messages.get(compactCaption ? key + ".short" : key);
    }

    private void caption(GraphicsContext g, double w, double h, double left, double slot, int first, int visible,
                         int lines, Theme theme) {
        UnrolledNetwork c = getSkinnable();
        double fs = c.getFontSize();
        javafx.scene.text.Font cf = font(0.85, false);
        javafx.scene.paint.Color cfill = c.isBackward() ? (theme.dark() ? Palette.PURPLE : Palette.GRAD_DEEP) : theme.muted();
        boolean ed = c.getArchitecture() == Architecture.ENCODER_DECODER;
        double lh = Math.max(fs * 0.85 * 1.3, lineHeight(cf));
        double y = h - fs * 0.8 - lh * (lines - 1);
        for (String text : wrap(captionText(), cf, w - 20)) {
            labelRich(CanvasLabels.NORMAL, text, cf, cfill, 10, y, TextAlignment.LEFT);
            y += lh;
        }
        region("unrolled.shared", 10, h - fs * 0.8 - lh * lines, w - 20, lh * lines + fs * 0.4);
        if (!ed) {
            return;
        }
        int dec = c.getDecoderStart();
        y = h - fs * 1.8 - lh * lines;
        double split = left + slot * Math.max(0, Math.min(visible, dec - first));
        lineWidth(g, 2);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(font(0.85, true));
        if (split > left + 1) {
            g.setStroke(Palette.BLUE);
            g.strokeLine(left + 6, y, split - 6, y);
            label(CanvasLabels.NORMAL, Messages.get("unrolled.encoder"), font(0.85, true), Palette.BLUE, (left + split) / 2,
                    y - fs * 0.6, TextAlignment.CENTER);
            region("unrolled.encoder", left, y - fs, split - left, fs * 1.2);
        }
        double end = left + slot * visible;
        if (end > split + 1) {
            g.setStroke(Palette.GREEN);
            g.strokeLine(split + 6, y, end - 6, y);
            label(CanvasLabels.NORMAL, Messages.get("unrolled.decoder"), font(0.85, true), Palette.GREEN, (split + end) / 2,
                    y - fs * 0.6, TextAlignment.CENTER);
            region("unrolled.decoder", split, y - fs, end - split, fs * 1.2);
        }
    }

    @Override
    protected String describe(String id) {
        if (id.startsWith("unrolled.step.") && (id.endsWith(".h") || id.endsWith(".dh"))) {
            int t = Integer.parseInt(id.split("\\.")[2]);
            return Messages.format(id.endsWith(".dh") ? "unrolled.hover.dh" : "unrolled.hover.h", t + 1);
        }
        return null;
    }
}
