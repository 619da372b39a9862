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
        return Messages.format("s2s.matrix.cell", t + 1, s + 1, playback.sourceSymbol(playback.source()[s]),
                NumberText.num3(snap.scores()[t][s]), NumberText.num3(a), NumberText.num3(a * Math.sqrt(norm)));
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
        g.fillText(Messages.get("s2s.matrix.axes"), f * 0.5, f * 0.9);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(font(Math.min(1, cell / f / 1.2)));
        for (int s = 0; s < ts; s++) {
            g.setFill(EncoderDecoderCanvas.ENCODER);
            g.fillText(playback.sourceSymbol(playback.source()[s]), x0 + (s + 0.5) * cell, y0 - f * 0.8);
        }
        int cur = snap.decoderStep();
        for (int t = 0; t < td; t++) {
            boolean done = t < snap.weights().length;
            if (done) {
                int tok = snap.outputs()[t];
                g.setFill(EncoderDecoderCanvas.DECODER);
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(tok == Seq2SeqPlayback.END ? Messages.get("s2s.endToken") : playback.targetSymbol(tok),
                        x0 - f * 0.4, y0 + (t + 0.5) * cell);
            }
            for (int s = 0; s < ts; s++) {
                double x = x0 + s * cell;
                double y = y0 + t * cell;
                if (done) {
                    double a = snap.weights()[t][s];
                    g.setFill(weight(a));
                    g.fillRect(x, y, cell - 1, cell - 1);
                    if (cell > f * 2.2) {
                        g.setFill(a > 0.45 ? javafx.scene.paint.Color.WHITE : ink());
                        g.setTextAlign(TextAlignment.CENTER);
                        g.setFont(mono(0.7));
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
        g.fillText(Messages.get("s2s.matrix.legend"), x0, Math.min(h - f * 0.8, y0 + td * cell + f));
    }
}
