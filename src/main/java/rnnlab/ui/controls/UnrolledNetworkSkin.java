package rnnlab.ui.controls;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/** Paints the unrolled copies in a window of steps around the current one. */
public class UnrolledNetworkSkin extends LabCanvasSkin<UnrolledNetwork> {
    private static final int MAX_STRIP_UNITS = 24;

    public UnrolledNetworkSkin(UnrolledNetwork c) {
        super(c);
        watch(c.architectureProperty(), c.stepsProperty(), c.currentStepProperty(), c.computedStepsProperty(),
                c.decoderStartProperty(), c.hiddenProperty(), c.inputLabelsProperty(), c.outputLabelsProperty(),
                c.cellNameProperty());
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h, Theme theme) {
        UnrolledNetwork c = getSkinnable();
        double fs = c.getFontSize();
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(theme.foreground());
        g.setFont(font(1.1, true));
        String arch = ViewText.get("unrolled.arch." + c.getArchitecture().name().toLowerCase(java.util.Locale.ROOT));
        g.fillText(ViewText.format("unrolled.title", c.getCellName(), arch), 10, fs * 0.9);
        region("unrolled.title", 10, 0, w / 2, fs * 1.8);
        int steps = c.getSteps();
        if (steps <= 0) {
            return;
        }
        double left = Math.round(fs * 4.5);
        double slot = Math.max(fs * 7, 96);
        int visible = (int) Math.max(2, Math.min(steps, Math.floor((w - left - fs * 2) / slot)));
        int cur = Math.max(0, c.getCurrentStep());
        int first = Math.max(0, Math.min(steps - visible, cur - (visible * 2) / 3));
        slot = Math.floor((w - left - fs * 2) / visible);
        double boxW = Math.round(slot * 0.52);
        double top = fs * 2.4;
        double bottomCaption = fs * (c.getArchitecture() == Architecture.ENCODER_DECODER ? 4.2 : 2.4);
        double avail = h - top - bottomCaption;
        double ioR = Math.round(Math.min(fs * 1.3, avail * 0.09));
        double boxH = Math.round(Math.min(fs * 8, avail * 0.4));
        double yRow = Math.round(top + ioR + fs * 0.2);
        double cellTop = Math.round(top + avail / 2 - boxH / 2);
        double xRow = Math.round(top + avail - ioR - fs * 1.3);
        // initial state or continuation
        double startX = left - fs * 0.5;
        g.setFont(font(0.95, true));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(theme.foreground());
        g.fillText(first == 0 ? ViewText.get("unrolled.h0") : "…", startX - 4, cellTop + boxH / 2);
        region("unrolled.h0", 0, cellTop, startX, boxH);
        g.setFont(font(0.9, true));
        g.setFill(theme.muted());
        g.fillText(ViewText.get("unrolled.row.y"), startX - 4, yRow);
        g.fillText(ViewText.get("unrolled.row.x"), startX - 4, xRow);
        for (int k = 0; k < visible; k++) {
            int t = first + k;
            double cx = Math.round(left + slot * k + slot / 2);
            double bx = cx - Math.round(boxW / 2);
            drawCopy(g, t, cx, bx, boxW, boxH, cellTop, yRow, xRow, ioR, slot, k == 0 ? startX : 0, theme);
        }
        if (first + visible < steps) {
            g.setTextAlign(TextAlignment.LEFT);
            g.setFont(font(0.95, true));
            g.setFill(theme.foreground());
            g.fillText("…", w - fs * 1.4, cellTop + boxH / 2);
        }
        caption(g, w, h, left, slot, first, visible, theme);
    }

    private boolean decoder(int t) {
        UnrolledNetwork c = getSkinnable();
        return c.getArchitecture() == Architecture.ENCODER_DECODER && t >= c.getDecoderStart();
    }

    private String weight(String key, int t) {
        return ViewText.get(decoder(t) ? key + ".dec" : key);
    }

    private void drawCopy(GraphicsContext g, int t, double cx, double bx, double boxW, double boxH, double cellTop,
                          double yRow, double xRow, double ioR, double slot, double fromX, Theme theme) {
        UnrolledNetwork c = getSkinnable();
        double fs = c.getFontSize();
        int computed = c.getComputedSteps();
        int cur = c.getCurrentStep();
        boolean isCur = t == cur;
        double p = isCur ? c.getProgress() : 1;
        String id = "unrolled.step." + t;
        // h arrow from the previous copy (or h0)
        double ax0 = fromX > 0 ? fromX : bx - (slot - boxW);
        Color line = theme.line();
        arrow(g, ax0, cellTop + boxH / 2, bx - 2, cellTop + boxH / 2, line, 1);
        g.setFont(font(0.85, false));
        g.setFill(theme.muted());
        g.setTextAlign(TextAlignment.CENTER);
        String whh = weight("unrolled.w.hh", t);
        double lx = (ax0 + bx) / 2;
        g.fillText(whh, lx, cellTop + boxH / 2 - fs * 0.95);
        region("unrolled.weight.hh." + t, lx - fs * 1.5, cellTop + boxH / 2 - fs * 1.3, fs * 3, fs * 1.2);
        // the cell copy
        Color hue = decoder(t) ? Palette.GREEN : Palette.BLUE;
        g.setFill(theme.panel());
        g.fillRoundRect(bx, cellTop, boxW, boxH, 14, 14);
        g.setStroke(isCur ? Palette.ORANGE : hue);
        g.setLineWidth(isCur ? 5 : 2);
        g.strokeRoundRect(bx, cellTop, boxW, boxH, 14, 14);
        region(id, bx, cellTop, boxW, boxH);
        g.setFont(font(0.95, true));
        g.setFill(theme.foreground());
        g.fillText(c.getCellName(), cx, cellTop + fs * 1.1);
        if (t < computed) {
            double sh = Math.round(Math.max(fs * 1.2, boxH - fs * 2.4 - 8));
            strip(g, t, bx + 6, cellTop + boxH - sh - 6, boxW - 12, sh, isCur ? phase(p, 0.33, 0.66) : 1, theme);
        }
        // x_t
        if (c.hasInput(t)) {
            double k = isCur ? phase(p, 0, 0.33) : 1;
            io(g, id + ".x", cx, xRow, ioR, label(c.getInputLabels(), t), theme);
            arrow(g, cx, xRow - ioR - 2, cx, xRow - ioR - 2 - (xRow - ioR - 4 - cellTop - boxH) * k, line, 1);
            g.setFont(font(0.85, false));
            g.setFill(theme.muted());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(weight("unrolled.w.xh", t), cx + 5, (xRow - ioR + cellTop + boxH) / 2);
            region("unrolled.weight.xh." + t, cx + 3, (xRow - ioR + cellTop + boxH) / 2 - fs * 0.6, fs * 3, fs * 1.2);
        }
        // y_t
        if (c.hasOutput(t)) {
            boolean shown = t < computed;
            io(g, id + ".y", cx, yRow, ioR, shown ? label(c.getOutputLabels(), t) : "", theme);
            double k = isCur ? phase(p, 0.66, 1) : 1;
            double y0 = cellTop - 2;
            double y1 = yRow + ioR + 2;
            arrow(g, cx, y0, cx, y0 - (y0 - y1) * k, line, 1);
            g.setFont(font(0.85, false));
            g.setFill(theme.muted());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(weight("unrolled.w.hy", t), cx + 5, (y0 + y1) / 2);
            region("unrolled.weight.hy." + t, cx + 3, (y0 + y1) / 2 - fs * 0.6, fs * 3, fs * 1.2);
        }
        // step number
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(font(0.8, isCur));
        g.setFill(isCur ? theme.foreground() : theme.muted());
        g.fillText(ViewText.format("unrolled.step", t + 1), cx, xRow + ioR + fs * 0.8);
        if (t > cur) {
            g.setFill(theme.veil(0.6));
            g.fillRect(cx - slot / 2 + 1, yRow - ioR - 4, slot - 2, xRow - yRow + 2 * ioR + fs * 1.4);
        }
    }

    private static String label(String[] labels, int t) {
        return labels != null && t < labels.length && labels[t] != null ? HiddenStateHeatmapSkin.visible(labels[t]) : "";
    }

    private void io(GraphicsContext g, String id, double cx, double cy, double r, String text, Theme theme) {
        g.setFill(theme.panel());
        g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
        g.setStroke(theme.line());
        g.setLineWidth(2);
        g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
        g.setFill(theme.foreground());
        g.setFont(font(text.length() > 2 ? 0.7 : 1.0, true));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(text, cx, cy);
        region(id, cx - r, cy - r, 2 * r, 2 * r);
    }

    /** h_t as small colour cells (up to 24 units). */
    private void strip(GraphicsContext g, int t, double x, double y, double w, double h, double reveal, Theme theme) {
        double[][] hid = getSkinnable().getHidden();
        if (hid == null || t >= hid.length || reveal <= 0) {
            return;
        }
        double[] v = hid[t];
        int n = Math.min(v.length, MAX_STRIP_UNITS);
        double cw = Math.floor(w / n);
        double x0 = x + Math.floor((w - cw * n) / 2);
        int shown = (int) Math.ceil(n * reveal);
        for (int u = 0; u < shown; u++) {
            fillValue(g, x0 + u * cw, y, cw, h, v[u], Palette.bad(v[u]) ? 0 : Palette.diverging(v[u], theme.neutral()),
                    font(0.5, true));
        }
        g.setStroke(theme.muted());
        g.setLineWidth(1);
        g.strokeRect(x0 - 0.5, y - 0.5, cw * n + 1, h + 1);
        region("unrolled.step." + t + ".h", x0, y, cw * n, h);
    }

    private void arrow(GraphicsContext g, double x0, double y0, double x1, double y1, Color color, double alpha) {
        if (Math.hypot(x1 - x0, y1 - y0) < 3) {
            return;
        }
        g.setStroke(color);
        g.setFill(color);
        g.setLineWidth(2.5);
        g.strokeLine(x0, y0, x1, y1);
        double ang = Math.atan2(y1 - y0, x1 - x0);
        double len = 10;
        g.fillPolygon(new double[] {x1, x1 - len * Math.cos(ang - 0.4), x1 - len * Math.cos(ang + 0.4)},
                new double[] {y1, y1 - len * Math.sin(ang - 0.4), y1 - len * Math.sin(ang + 0.4)}, 3);
    }

    private void caption(GraphicsContext g, double w, double h, double left, double slot, int first, int visible, Theme theme) {
        UnrolledNetwork c = getSkinnable();
        double fs = c.getFontSize();
        g.setFont(font(0.85, false));
        g.setFill(theme.muted());
        g.setTextAlign(TextAlignment.LEFT);
        boolean ed = c.getArchitecture() == Architecture.ENCODER_DECODER;
        g.fillText(ViewText.get(ed ? "unrolled.shared.encdec" : "unrolled.shared"), 10, h - fs * 0.8);
        region("unrolled.shared", 10, h - fs * 1.6, w - 20, fs * 1.6);
        if (!ed) {
            return;
        }
        int dec = c.getDecoderStart();
        double y = h - fs * 2.6;
        double split = left + slot * Math.max(0, Math.min(visible, dec - first));
        g.setLineWidth(2);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(font(0.85, true));
        if (split > left + 1) {
            g.setStroke(Palette.BLUE);
            g.strokeLine(left + 6, y, split - 6, y);
            g.setFill(Palette.BLUE);
            g.fillText(ViewText.get("unrolled.encoder"), (left + split) / 2, y - fs * 0.6);
            region("unrolled.encoder", left, y - fs, split - left, fs * 1.2);
        }
        double end = left + slot * visible;
        if (end > split + 1) {
            g.setStroke(Palette.GREEN);
            g.strokeLine(split + 6, y, end - 6, y);
            g.setFill(Palette.GREEN);
            g.fillText(ViewText.get("unrolled.decoder"), (split + end) / 2, y - fs * 0.6);
            region("unrolled.decoder", split, y - fs, end - split, fs * 1.2);
        }
    }

    @Override
    protected String describe(String id) {
        if (id.startsWith("unrolled.step.") && id.endsWith(".h")) {
            int t = Integer.parseInt(id.split("\\.")[2]);
            return ViewText.format("unrolled.hover.h", t + 1);
        }
        return null;
    }
}
