package rnnlab.ui.controls;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import rnnlab.i18n.Messages;

/** Characters in fixed-width cells, wrapped; each cell's background is the step's value. */
public class TextActivationSkin extends LabCanvasSkin<TextActivation> {
    public TextActivationSkin(TextActivation c) {
        super(c);
        watch(c.symbolsProperty(), c.valuesProperty(), c.computedStepsProperty(), c.currentStepProperty(),
                c.gateProperty(), c.captionProperty());
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h, Theme theme) {
        TextActivation c = getSkinnable();
        double fs = c.getFontSize();
        // fitted to the tile: at 1024 px the caption ran off the right edge (issue 12)
        double titleW = labelTitle(c.getCaption(), 10, fs * 0.9, w - 20, 1.1, true, theme.foreground());
        region("text.title", 10, 0, fitted(titleW, w - 20, fs), fs * 1.8);
        String[] sym = c.getSymbols();
        double[] v = c.getValues();
        if (sym == null) {
            return;
        }
        double x0 = 12;
        double y = Math.round(fs * 2.4);
        // the characters as large as the view allows, up to twice the usual size: a short text in a big pane
        // (a lesson's view filling the class screen) sat in the top corner at the usual size (issue 12)
        double base = Math.round(fs * 2.0);
        Font mono = Font.font(AppLanguage.MONO_FAMILY, Math.round(base * enlargement(sym, base, w - 24, h - y - fs * 3)));
        // cells as wide as the widest character shown (issue 12: CJK characters, twice as wide as "M" in a
        // monospaced font, overflowed the cells); measured once per text and size
        double[] cell = cellSize(sym, mono);
        double cw = cell[0];
        double ch = cell[1];
        int perLine = (int) Math.max(1, Math.floor((w - 24) / cw));
        int computed = c.getComputedSteps();
        int cur = c.getCurrentStep();
        for (int t = 0; t < sym.length; t++) {
            int col = t % perLine;
            int row = t / perLine;
            double x = x0 + col * cw;
            double yy = y + row * (ch + 6);
            boolean has = v != null && t < v.length && t < computed;
            if (has) {
                fillValue(g, x, yy, cw - 2, ch, v[t], Palette.bad(v[t]) ? 0 : c.colorOf(v[t], theme.dark()), font(0.6, true));
            } else {
                g.setFill(theme.panel());
                g.fillRect(x, yy, cw - 2, ch);
            }
            region("text.char." + t, x, yy, cw - 2, ch);
            if (!has || !Palette.bad(v[t])) {
                labelIn(CanvasLabels.NORMAL, HiddenStateHeatmapSkin.visible(sym[t]), mono,
                        has ? textOn(c.colorOf(v[t], theme.dark())) : theme.muted(), x + (cw - 2) / 2, yy + ch / 2, 0, 0);
            }
            if (t == cur) {
                g.setStroke(theme.foreground());
                lineWidth(g, 3);
                g.strokeRect(x - 1.5, yy - 1.5, cw + 1, ch + 3);
            }
        }
        int rows = (sym.length + perLine - 1) / perLine;
        legend(g, x0, y + rows * (ch + 6) + fs * 0.8, theme);
    }

    /** The colour scale under the text: −1 … +1 for a unit, 0 … 1 for a gate. */
    private void legend(GraphicsContext g, double x, double y, Theme theme) {
        TextActivation c = getSkinnable();
        boolean gate = c.getGate() != null && Palette.isSigmoidGate(c.getGate());
        double lw = 220;
        Font f = font(0.8, false);
        label(CanvasLabels.NORMAL, gate ? "0" : "−1", f, theme.muted(), x + 24, y + 7, TextAlignment.RIGHT);
        double bx = x + 30;
        for (int i = 0; i < lw; i++) {
            double v = gate ? i / (lw - 1) : -1 + 2 * i / (lw - 1);
            g.setFill(Palette.color(c.colorOf(v, theme.dark())));
            g.fillRect(bx + i, y, 1, 14);
        }
        g.setStroke(theme.muted());
        lineWidth(g, 1);
        g.strokeRect(bx + 0.5, y + 0.5, lw - 1, 13);
        label(CanvasLabels.NORMAL, gate ? "1" : "+1", f, theme.muted(), bx + lw + 6, y + 7, TextAlignment.LEFT);
        region("text.legend", x, y, lw + 60, 14);
    }

    /**
     * The largest of 2, 1.75, … 1, 0.875, … times the usual character size (not under the smallest text size) at
     * which the whole text and its rows fit in availW × availH (cells scale with the type); else the smallest:
     * a narrow tile (1024x768 with a lesson and the side panel open) cut the text's last rows off.
     */
    private double enlargement(String[] sym, double base, double availW, double availH) {
        double[] cell = cellSize(sym, Font.font(AppLanguage.MONO_FAMILY, base));
        double smallest = Math.max(0.5, minTextSize() / base);
        for (double k = 2.0; k > smallest - 1e-9; k -= k > 1.01 ? 0.25 : 0.125) {
            double cw = (cell[0] - 6) * k + 6;
            double ch = (cell[1] - 10) * k + 10;
            int perLine = (int) Math.floor(availW / cw);
            if (perLine >= 1 && Math.ceil((double) sym.length / perLine) * (ch + 6) <= availH) {
                return k;
            }
        }
        return Math.min(1, smallest);
    }

    private String[] cellSymbols;
    private final java.util.Map<Font, double[]> cellSizes = new java.util.HashMap<>();

    /** Width and height of a character's cell: the widest and tallest character of the text, and "M". */
    private double[] cellSize(String[] sym, Font mono) {
        if (sym != cellSymbols || cellSizes.size() > 16) {
            cellSymbols = sym;
            cellSizes.clear();
        }
        return cellSizes.computeIfAbsent(mono, f -> measureCell(sym, f));
    }

    private static double[] measureCell(String[] sym, Font mono) {
        Text probe = new Text("M");
        probe.setFont(mono);
        double cw = probe.getLayoutBounds().getWidth();
        double ch = probe.getLayoutBounds().getHeight();
        for (String s : new java.util.HashSet<>(java.util.Arrays.asList(sym))) {
            probe.setText(HiddenStateHeatmapSkin.visible(s));
            cw = Math.max(cw, probe.getLayoutBounds().getWidth());
            ch = Math.max(ch, probe.getLayoutBounds().getHeight());
        }
        return new double[] {Math.ceil(cw) + 6, Math.ceil(ch) + 10};
    }

    /** Black or white text, whichever reads better on the background. */
    private static Color textOn(int argb) {
        double r = ((argb >> 16) & 0xFF) / 255.0;
        double gg = ((argb >> 8) & 0xFF) / 255.0;
        double b = (argb & 0xFF) / 255.0;
        return 0.2126 * r + 0.7152 * gg + 0.0722 * b > 0.5 ? Color.BLACK : Color.WHITE;
    }

    @Override
    protected String describe(String id) {
        if (!id.startsWith("text.char.")) {
            return null;
        }
        TextActivation c = getSkinnable();
        int t = Integer.parseInt(id.substring("text.char.".length()));
        double[] v = c.getValues();
        if (v == null || t >= v.length || t >= c.getComputedSteps()) {
            return Messages.format("text.hover.future", t + 1);
        }
        return Messages.format("text.hover", HiddenStateHeatmapSkin.visible(c.getSymbols()[t]), t + 1, NumberText.num(v[t]));
    }
}
