package rnnlab.ui.seq2seq;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import rnnlab.i18n.Messages;
import rnnlab.ui.controls.NumberText;
import rnnlab.ui.controls.Theme;
import rnnlab.ui.viewmodel.seq2seq.Seq2SeqPlayback;

/**
 * Paints {@link AttentionMatrixView}: every cell a filled rectangle (not yet computed: a faint one),
 * its number in a monospaced font as large as fits (none when the cell is too small), the tokens on the
 * axes fitted to a cell, the current row outlined. Each cell is a part ({@code attention.cell.t.s}) whose
 * hover text gives its score, weight and share of the context (in BPTT ∂L/∂a and ∂L/∂e).
 */
final class AttentionMatrixSkin extends S2sSkin<AttentionMatrixView> {
    private static final String CELL = "attention.cell.";
    private double x0;
    private double y0;
    private double cell;

    AttentionMatrixSkin(AttentionMatrixView v) {
        super(v);
    }

    /** The (decoder step, encoder step) under a point, or null. */
    int[] cellAt(double x, double y) {
        Seq2SeqFrame fr = getSkinnable().getFrame();
        if (fr == null || cell <= 0 || x < x0 || y < y0) {
            return null;
        }
        int c = (int) Math.floor((x - x0) / cell);
        int r = (int) Math.floor((y - y0) / cell);
        return c >= fr.sourceLength() || r >= fr.outputLength() ? null : new int[] {r, c};
    }

    /** Centre of a cell in the canvas (for tests that hover it). */
    double[] centre(int row, int col) {
        return new double[] {x0 + (col + 0.5) * cell, y0 + (row + 0.5) * cell};
    }

    @Override
    protected String describe(String id) {
        if (!id.startsWith(CELL)) {
            return null;
        }
        String[] ts = id.substring(CELL.length()).split("\\.");
        return hoverText(Integer.parseInt(ts[0]), Integer.parseInt(ts[1]));
    }

    /** The hover text of a cell: score, weight and ‖a_{t,s} h_s‖, the size of its share of the context. */
    String hoverText(int t, int s) {
        Seq2SeqFrame fr = getSkinnable().getFrame();
        Seq2SeqPlayback.Snapshot snap = fr == null ? null : fr.snap();
        if (snap == null || t >= snap.weights().length) {
            return Messages.get("s2s.matrix.notYet");
        }
        double a = snap.weights()[t][s];
        double norm = Seq2SeqPlayback.Backward.norm(snap.encoderStates()[s]);
        String text = Messages.format("s2s.matrix.cell", t + 1, s + 1, fr.source()[s],
                NumberText.num3(snap.scores()[t][s]), NumberText.num3(a), NumberText.num3(a * norm));
        Seq2SeqPlayback.Backward g = snap.grad();
        if (g != null) {
            text += "\n" + (g.weightGradients()[t] == null ? Messages.get("s2s.matrix.gradNotYet")
                    : Messages.format("s2s.matrix.grad", NumberText.num3(g.weightGradients()[t][s]),
                            NumberText.num3(g.scoreGradients()[t][s])));
        }
        return text;
    }

    /** The largest |dL/da| over the rows BPTT has passed (the colour scale of the gradient matrix). */
    static double gradientScale(Seq2SeqPlayback.Backward g) {
        double m = 0;
        for (double[] r : g.weightGradients()) {
            if (r != null) {
                for (double v : r) {
                    m = Math.max(m, Math.abs(v));
                }
            }
        }
        return m;
    }

    @Override
    void paint(GraphicsContext g, double w, double h, Theme theme, Seq2SeqFrame fr) {
        cell = 0;
        double f = fontPx();
        Seq2SeqPlayback.Snapshot snap = fr.snap();
        if (!fr.attention()) {
            emptyMessage(g, Messages.get("s2s.matrix.none"), w, h, 0, "attention.none");
            return;
        }
        int ts = fr.sourceLength();
        int td = fr.outputLength();
        Seq2SeqPlayback.Backward grad = snap.grad();
        double gmax = grad == null ? 0 : gradientScale(grad);
        g.setFill(theme.foreground());
        g.setTextAlign(TextAlignment.LEFT);
        fitLabel(g, Messages.get(grad == null ? "s2s.matrix.axes" : "s2s.matrix.axesGrad"), f * 0.5, f * 0.9, w - f, 0.85, false);
        String legend = grad == null ? Messages.get("s2s.matrix.legend")
                : Messages.format("s2s.matrix.legendGrad", NumberText.num3(gmax));
        Font legendFont = font(0.8, false);
        boolean twoLines = measure(legend, legendFont) > w - f;
        double left = f * 3.5;
        double top = f * 3.2;
        double bottom = f * (twoLines ? 3.0 : 2.0);
        cell = Math.max(4, Math.min((w - left - f) / ts, (h - top - bottom) / td));
        x0 = left + Math.max(0, (w - left - f - cell * ts) / 2);
        y0 = top;
        // the axes: input tokens over the columns, output tokens left of the rows, each fitted to a cell
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(EncoderDecoderSkin.ENCODER);
        double tokenScale = Math.min(1, cell / f / 1.2);
        for (int s = 0; s < ts; s++) {
            fitLabel(g, fr.source()[s], x0 + (s + 0.5) * cell, y0 - f * 0.8, cell - 2, tokenScale, false);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(EncoderDecoderSkin.DECODER);
        int rows = snap.weights().length;
        for (int t = 0; t < rows && t < td; t++) {
            fitLabel(g, fr.outputs()[t], x0 - f * 0.4, y0 + (t + 0.5) * cell, x0 - f * 0.6, tokenScale, false);
        }
        // the cells
        Color pending = theme.muted().interpolate(theme.background(), 0.85);
        Font numFont = null;
        int numChars = grad == null ? 4 : 6;
        for (double k = 0.9; k >= minScale(0.6) - 1e-9 && cell > f * 2.2; k -= 0.05) {
            Font nf = mono(k);
            if (numChars * measure("0", nf) <= cell - 6 && nf.getSize() * 1.2 <= cell - 2) {
                numFont = nf;
                break;
            }
        }
        int cur = fr.current();
        for (int t = 0; t < td; t++) {
            boolean done = t < rows;
            double[] gradRow = grad == null ? null : grad.weightGradients()[t];
            for (int s = 0; s < ts; s++) {
                double x = x0 + s * cell;
                double y = y0 + t * cell;
                region(CELL + t + "." + s, x, y, cell, cell);
                String number = null;
                boolean light = false;
                if (grad != null && gradRow == null) {
                    g.setFill(weight(theme, snap.weights()[t][s]).interpolate(theme.background(), 0.75));
                } else if (grad != null) {
                    double v = gmax == 0 ? 0 : gradRow[s] / gmax;
                    g.setFill(diverging(theme, v));
                    number = NumberText.num3(gradRow[s]);
                    light = Math.abs(v) > 0.6;
                } else if (done) {
                    double a = snap.weights()[t][s];
                    g.setFill(weight(theme, a));
                    number = NumberText.num(a);
                    light = a > 0.45;
                } else {
                    g.setFill(pending);
                }
                g.fillRect(x, y, cell - 1, cell - 1);
                if (number != null && numFont != null && number.length() <= numChars) {
                    g.setFill(light ? Color.WHITE : theme.foreground());
                    g.setTextAlign(TextAlignment.CENTER);
                    g.setFont(numFont);
                    text(g, number, x + cell / 2, y + cell / 2, numberWidth(number, numFont));
                }
            }
            if (t == cur) {
                g.setFill(theme.foreground());
                double lw = strokePx(2.25);
                outline(g, x0 - lw, y0 + t * cell - lw, ts * cell - 1 + 2 * lw, cell - 1 + 2 * lw, lw);
            }
        }
        // the legend under the matrix: one line, or two split at the sentence break, or none
        g.setFill(theme.muted());
        g.setTextAlign(TextAlignment.LEFT);
        double ly = Math.min(h - bottom + f * 0.8, y0 + td * cell + f);
        if (!twoLines) {
            fitLabel(g, legend, Math.max(f * 0.5, Math.min(x0, w - f * 0.5 - measure(legend, legendFont))), ly, w - f, 0.8, false);
            return;
        }
        int cut = Math.max(legend.indexOf("; "), legend.indexOf('\uFF1B'));
        if (cut > 0) {
            fitLabel(g, legend.substring(0, cut + 1).strip(), f * 0.5, ly, w - f, 0.8, false);
            fitLabel(g, legend.substring(cut + 1).strip(), f * 0.5, ly + f, w - f, 0.8, false);
        } else {
            fitLabel(g, legend, f * 0.5, ly, w - f, 0.8, false);
        }
    }
}
