package rnnlab.ui.seq2seq;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import rnnlab.ui.viewmodel.seq2seq.Seq2SeqPlayback;
import rnnlab.i18n.Messages;
import rnnlab.ui.controls.NumberText;

/**
 * The attention matrix: a row per decoder step (the output token on the left), a column per encoder step
 * (the input token on top), each cell coloured by its weight a_{t,s}; rows fill in as the decoder steps,
 * the current row is outlined. Hovering a cell shows its score, weight and contribution to the context.
 */
final class AttentionMatrixCanvas extends S2sCanvas {
    private Seq2SeqPlayback playback;
    private Seq2SeqPlayback.Snapshot snap;
    private final Tooltip tip = new Tooltip();
    private double x0;
    private double y0;
    private double cell;

    AttentionMatrixCanvas() {
        setId("s2s.attention");
        tip.setShowDelay(Duration.millis(150));
        Tooltip.install(this, tip);
        setOnMouseMoved(e -> {
            int[] rc = cellAt(e.getX(), e.getY());
            tip.setText(rc == null ? Messages.get("s2s.matrix.hover") : hoverText(rc[0], rc[1]));
        });
    }

    void show(Seq2SeqPlayback p, Seq2SeqPlayback.Snapshot s) {
        playback = p;
        snap = s;
        redraw();
    }

    /** The (decoder step, encoder step) under a point, or null. */
    int[] cellAt(double x, double y) {
        if (playback == null || cell <= 0) {
            return null;
        }
        int c = (int) Math.floor((x - x0) / cell);
        int r = (int) Math.floor((y - y0) / cell);
        if (x < x0 || y < y0 || c >= playback.sourceLength() || r >= playback.outputLength()) {
            return null;
        }
        return new int[] {r, c};
    }

    /** Centre of a cell in the canvas (for tests that hover it). */
    double[] centre(int row, int col) {
        return new double[] {x0 + (col + 0.5) * cell, y0 + (row + 0.5) * cell};
    }

    /** The hover text of a cell: score, weight and ‖a_{t,s} h_s‖, the size of its share of the context. */
    String hoverText(int t, int s) {
        if (snap == null || t >= snap.weights().length) {
            return Messages.get("s2s.matrix.notYet");
        }
        double a = snap.weights()[t][s];
        double[] hs = snap.encoderStates()[s];
        double norm = 0;
        for (double v : hs) {
            norm += v * v;
        }
        String text = Messages.format("s2s.matrix.cell", t + 1, s + 1, playback.sourceSymbol(playback.source()[s]),
                NumberText.num3(snap.scores()[t][s]), NumberText.num3(a), NumberText.num3(a * Math.sqrt(norm)));
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
    void draw(GraphicsContext g, double w, double h) {
        cell = 0;
        double f = fontPx();
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(font(1));
        if (playback == null || snap == null) {
            g.setFill(faint());
            g.fillText(Messages.get("s2s.empty"), w / 2, h / 2);
            return;
        }
        if (!playback.hasAttention()) {
            g.setFill(faint());
            g.fillText(Messages.get("s2s.matrix.none"), w / 2, h / 2);
            return;
        }
        int ts = playback.sourceLength();
        int td = playback.outputLength();
        double left = f * 3.5;
        double top = f * 3.2;
        cell = Math.max(4, Math.min((w - left - f) / ts, (h - top - f * 2.4) / td));
        x0 = left + Math.max(0, (w - left - f - cell * ts) / 2);
        y0 = top;
        g.setFill(ink());
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(font(0.85));
        Seq2SeqPlayback.Backward grad = snap.grad();
        double gmax = grad == null ? 0 : gradientScale(grad);
        g.fillText(Messages.get(grad == null ? "s2s.matrix.axes" : "s2s.matrix.axesGrad"), f * 0.5, f * 0.9);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(font(Math.min(1, cell / f / 1.2)));
        for (int s = 0; s < ts; s++) {
            g.setFill(EncoderDecoderCanvas.ENCODER);
            g.fillText(playback.sourceSymbol(playback.source()[s]), x0 + (s + 0.5) * cell, y0 - f * 0.8);
        }
        int cur = grad != null ? grad.current() : snap.decoderStep();
        for (int t = 0; t < td; t++) {
            boolean done = t < snap.weights().length;
            if (done) {
                int tok = snap.outputs()[t];
                g.setFont(font(Math.min(1, cell / f / 1.2)));
                g.setFill(EncoderDecoderCanvas.DECODER);
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(tok == Seq2SeqPlayback.END ? Messages.get("s2s.endToken") : playback.targetSymbol(tok),
                        x0 - f * 0.4, y0 + (t + 0.5) * cell);
            }
            for (int s = 0; s < ts; s++) {
                double x = x0 + s * cell;
                double y = y0 + t * cell;
                if (grad != null) {
                    double[] row = grad.weightGradients()[t];
                    if (row == null) {
                        g.setFill(weight(snap.weights()[t][s]).interpolate(background(), 0.75));
                        g.fillRect(x, y, cell - 1, cell - 1);
                    } else {
                        double v = gmax == 0 ? 0 : row[s] / gmax;
                        g.setFill(diverging(v));
                        g.fillRect(x, y, cell - 1, cell - 1);
                        if (cell > f * 2.4) {
                            g.setFill(Math.abs(v) > 0.6 ? javafx.scene.paint.Color.WHITE : ink());
                            g.setTextAlign(TextAlignment.CENTER);
                            g.setFont(mono(cellFont(cell, 6)));
                            g.fillText(NumberText.num3(row[s]), x + cell / 2, y + cell / 2);
                        }
                    }
                } else if (done) {
                    double a = snap.weights()[t][s];
                    g.setFill(weight(a));
                    g.fillRect(x, y, cell - 1, cell - 1);
                    if (cell > f * 2.2) {
                        g.setFill(a > 0.45 ? javafx.scene.paint.Color.WHITE : ink());
                        g.setTextAlign(TextAlignment.CENTER);
                        g.setFont(mono(cellFont(cell, 4)));
                        g.fillText(NumberText.num3(a).substring(0, 4), x + cell / 2, y + cell / 2);
                    }
                } else {
                    g.setStroke(faint());
                    g.setLineWidth(0.5);
                    g.strokeRect(x + 0.5, y + 0.5, cell - 2, cell - 2);
                }
            }
            if (t == cur) {
                g.setStroke(ink());
                g.setLineWidth(lineWidth() * 1.5);
                g.strokeRect(x0 - 1, y0 + t * cell - 1, ts * cell + 1, cell + 1);
            }
        }
        g.setFill(faint());
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(font(0.8));
        String legend = grad == null ? Messages.get("s2s.matrix.legend") : Messages.format("s2s.matrix.legendGrad", NumberText.num3(gmax));
        double ly = Math.min(h - f * 0.8, y0 + td * cell + f);
        double lx = Math.min(x0, f * 0.5 + Math.max(0, w - f - textWidth(legend, font(0.8))));
        if (textWidth(legend, font(0.8)) > w - f) {
            // two lines, split at the sentence break ("; " or "；")
            int cut = Math.max(legend.indexOf("; "), legend.indexOf('\uFF1B'));
            if (cut > 0) {
                g.fillText(legend.substring(0, cut + 1).strip(), f * 0.5, Math.min(h - f * 1.8, ly));
                g.fillText(legend.substring(cut + 1).strip(), f * 0.5, Math.min(h - f * 0.8, ly + f));
                return;
            }
        }
        g.fillText(legend, Math.max(f * 0.5, lx), ly);
    }

    /** The scale of the font for {@code chars} monospaced characters in a cell: as large as fits, 0.6 to 0.9 of the font. */
    private double cellFont(double cell, int chars) {
        double px = (cell - 6) / (chars * 0.62);
        return Math.max(0.6, Math.min(0.9, px / fontPx()));
    }

    private static double textWidth(String s, javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
