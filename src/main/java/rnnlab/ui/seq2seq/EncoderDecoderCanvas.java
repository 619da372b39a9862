package rnnlab.ui.seq2seq;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import rnnlab.ui.viewmodel.seq2seq.Seq2SeqPlayback;
import rnnlab.ui.controls.Palette;
import rnnlab.i18n.Messages;
import rnnlab.ui.controls.NumberText;

/**
 * The unrolled encoder–decoder: encoder cells (blue) along the bottom over the source tokens, the bridge
 * s₀ — the classic fixed context vector — (green), the decoder cells (vermillion) along the top under the
 * tokens they emit. Each cell shows its state as a strip of coloured bars. At the current decoder step,
 * with attention, a line runs from the decoder cell to every encoder state, as thick as its weight a_{t,s}.
 */
final class EncoderDecoderCanvas extends S2sCanvas {
    static final Color ENCODER = Palette.BLUE;
    static final Color DECODER = Palette.VERMILLION;
    static final Color BRIDGE = Palette.GREEN;
    static final Color ATTENTION = Palette.ATTENTION;
    /** Thickest attention line (weight 1), px at font 14. */
    static final double MAX_LINE = 12;

    private Seq2SeqPlayback playback;
    private Seq2SeqPlayback.Snapshot snap;
    private double[] lineWidths = new double[0];
    private double[] gradNorms = new double[0];
    private double[] totalNorms = new double[0];

    EncoderDecoderCanvas() {
        setId("s2s.unrolled");
    }

    void show(Seq2SeqPlayback p, Seq2SeqPlayback.Snapshot s) {
        playback = p;
        snap = s;
        redraw();
    }

    /** The widths of the attention lines drawn at the current decoder step (empty when none are drawn). */
    double[] attentionLineWidths() {
        return lineWidths.clone();
    }

    /** ‖dL/dh_s‖ printed under every encoder cell in BPTT (empty in the forward pass). */
    double[] encoderGradientNorms() {
        return gradNorms.clone();
    }

    /** ‖dL/dh_s‖ in total (with the encoder's recurrence) printed under it once BPTT reached it; NaN: not yet. */
    double[] encoderTotalNorms() {
        return totalNorms.clone();
    }

    static double lineWidth(double weight, double scale) {
        return 0.5 + MAX_LINE * scale * weight;
    }

    @Override
    void draw(GraphicsContext g, double w, double h) {
        lineWidths = new double[0];
        gradNorms = new double[0];
        totalNorms = new double[0];
        if (playback == null || snap == null) {
            g.setFill(faint());
            g.setFont(font(1));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(Messages.get("s2s.empty"), w / 2, h / 2);
            return;
        }
        double f = fontPx();
        double scale = f / 14;
        int ts = playback.sourceLength();
        int td = playback.outputLength();
        double left = f * 6.5;
        double slots = Math.max(ts, td + 1);
        double pitch = (w - left - f) / slots;
        double cw = Math.min(pitch * 0.72, f * 5);
        double ch = Math.min(h * 0.16, f * 3.4);
        double yEnc = h * 0.70;
        double yDec = h * 0.30;
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(font(1));
        g.setFill(ENCODER);
        g.fillText(Messages.get("s2s.encoder"), f * 0.5, yEnc);
        g.setFill(DECODER);
        g.fillText(Messages.get("s2s.decoder"), f * 0.5, yDec);

        if (snap.grad() != null) {
            g.setFill(gradInk(this));
            g.setFont(mono(0.72));
            g.fillText(Messages.get("s2s.unrolled.gradLabel"), f * 0.5, yEnc + ch / 2 + f * 2.2);
            g.fillText(Messages.get("s2s.unrolled.gradTotalLabel"), f * 0.5, yEnc + ch / 2 + f * 3.1);
        }
        double[] encX = new double[ts];
        for (int s = 0; s < ts; s++) {
            encX[s] = left + pitch * (s + 0.5);
        }
        double[] decX = new double[td + 1];
        for (int t = 0; t <= td; t++) {
            decX[t] = left + pitch * (t + 0.5);
        }
        // attention lines first, under the cells
        Seq2SeqPlayback.Backward grad = snap.grad();
        int cur = grad != null ? grad.current() : snap.decoderStep();
        double encScale = 0;
        double decScale = 0;
        if (grad != null) {
            gradNorms = grad.encoderGradientNorms();
            totalNorms = grad.encoderTotalNorms();
            encScale = Math.max(maxAbs(grad.encoderStateGradients()), maxAbs(grad.encoderTotalGradients()));
            decScale = maxAbs(grad.decoderStateGradients());
            g.setFill(ink());
            g.setFont(font(0.85));
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(Messages.format("s2s.unrolled.bptt", NumberText.num3(grad.loss())), f * 0.5, f * 0.9);
        }
        if (cur >= 0 && playback.hasAttention() && cur < snap.weights().length) {
            double[] a = snap.weights()[cur];
            lineWidths = new double[a.length];
            for (int s = 0; s < a.length; s++) {
                lineWidths[s] = lineWidth(a[s], scale);
                g.setStroke(Color.color(ATTENTION.getRed(), ATTENTION.getGreen(), ATTENTION.getBlue(), 0.25 + 0.75 * a[s]));
                g.setLineWidth(lineWidths[s]);
                g.strokeLine(decX[cur + 1], yDec + ch / 2, encX[s], yEnc - ch / 2);
                g.setFill(ink());
                g.setFont(mono(0.8));
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText(NumberText.num3(a[s]).substring(0, Math.min(4, NumberText.num3(a[s]).length())),
                        encX[s], yEnc - ch / 2 - f * 0.7);
            }
        }
        // encoder chain
        for (int s = 0; s < ts; s++) {
            if (s > 0) {
                arrow(g, encX[s - 1] + cw / 2, yEnc, encX[s] - cw / 2, yEnc, faint());
            }
            if (grad != null) {
                // the total once BPTT has come back through the encoder to h_s, until then what attention delivers
                double[] eg = grad.encoderTotalGradients()[s] != null ? grad.encoderTotalGradients()[s]
                        : grad.encoderStateGradients()[s];
                cell(g, encX[s], yEnc, cw, ch, ENCODER, scaled(eg, encScale), true);
            } else {
                cell(g, encX[s], yEnc, cw, ch, ENCODER, snap.encoderStates()[s], s < snap.encoderDone());
            }
            g.setFill(ink());
            g.setFont(font(1));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(playback.sourceSymbol(playback.source()[s]), encX[s], yEnc + ch / 2 + f);
            if (grad != null) {
                g.setFill(gradInk(this));
                g.setFont(mono(0.72));
                g.fillText(NumberText.num3(gradNorms[s]), encX[s], yEnc + ch / 2 + f * 2.2);
                if (!Double.isNaN(totalNorms[s])) {
                    g.fillText(NumberText.num3(totalNorms[s]), encX[s], yEnc + ch / 2 + f * 3.1);
                }
            }
        }
        // bridge: the one vector everything passes through without attention
        double bx = decX[0];
        boolean bridgeOn = snap.bridge() != null;
        g.setStroke(bridgeOn ? BRIDGE : faint());
        g.setLineWidth(lineWidth() * (!playback.hasAttention() ? 2 : 1));
        g.strokeLine(encX[ts - 1], yEnc - ch / 2, bx, yDec + ch / 2);
        cell(g, bx, yDec, cw, ch, BRIDGE, snap.bridge(), bridgeOn);
        g.setFill(BRIDGE);
        g.setFont(font(0.85));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(Messages.get("s2s.context"), bx, yDec - ch / 2 - f * 0.8);
        if (!playback.hasAttention()) {
            g.setFill(faint());
            g.fillText(Messages.format("s2s.bottleneck", playback.shape()[3], ts),
                    (bx + encX[ts - 1]) / 2 + f * 2, (yEnc + yDec) / 2);
        }
        // decoder chain
        for (int t = 0; t < td; t++) {
            double x = decX[t + 1];
            arrow(g, decX[t] + cw / 2, yDec, x - cw / 2, yDec, faint());
            boolean done = t < snap.decoderStates().length;
            if (grad != null) {
                double[] dg = grad.decoderStateGradients()[t];
                cell(g, x, yDec, cw, ch, DECODER, dg == null ? null : scaled(dg, decScale), dg != null);
            } else {
                cell(g, x, yDec, cw, ch, DECODER, done ? snap.decoderStates()[t] : null, done);
            }
            if (t == cur) {
                g.setStroke(ink());
                g.setLineWidth(lineWidth() * 1.5);
                g.strokeRoundRect(x - cw / 2 - 3, yDec - ch / 2 - 3, cw + 6, ch + 6, 10, 10);
            }
            if (done) {
                int tok = snap.outputs()[t];
                g.setFill(ink());
                g.setFont(font(1.1));
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText(tok == Seq2SeqPlayback.END ? Messages.get("s2s.endToken") : playback.targetSymbol(tok),
                        x, yDec - ch / 2 - f * 1.0);
            }
        }
    }

    private static double maxAbs(double[][] rows) {
        double m = 0;
        for (double[] r : rows) {
            if (r != null) {
                for (double v : r) {
                    m = Math.max(m, Math.abs(v));
                }
            }
        }
        return m;
    }

    /** A gradient scaled into [−1, 1] by the largest magnitude on screen, for the cells' colour strips. */
    private static double[] scaled(double[] v, double max) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = max == 0 ? 0 : v[i] / max;
        }
        return out;
    }

    /** The gradient labels' colour: the attention hue, lighter on a dark background. */
    private static Color gradInk(S2sCanvas c) {
        return c.isDarkish() ? ATTENTION.interpolate(Color.WHITE, 0.55) : ATTENTION;
    }

    private void cell(GraphicsContext g, double x, double y, double cw, double ch, Color hue, double[] v, boolean on) {
        g.setFill(background());
        g.fillRoundRect(x - cw / 2, y - ch / 2, cw, ch, 8, 8);
        if (on && v != null && v.length > 0) {
            int n = Math.min(v.length, 16);
            double bw = (cw - 8) / n;
            for (int i = 0; i < n; i++) {
                g.setFill(diverging(v[i * v.length / n]));
                g.fillRect(x - cw / 2 + 4 + i * bw, y - ch / 2 + 4, Math.max(1, bw - 1), ch - 8);
            }
        }
        g.setStroke(on ? hue : faint());
        g.setLineWidth(lineWidth() * (on ? 1.6 : 1));
        if (!on) {
            g.setLineDashes(4, 4);
        }
        g.strokeRoundRect(x - cw / 2, y - ch / 2, cw, ch, 8, 8);
        g.setLineDashes((double[]) null);
    }

    private void arrow(GraphicsContext g, double x0, double y0, double x1, double y1, Color c) {
        if (x1 - x0 < 4) {
            return;
        }
        g.setStroke(c);
        g.setLineWidth(lineWidth());
        g.strokeLine(x0, y0, x1, y1);
        g.strokeLine(x1, y1, x1 - 5, y1 - 4);
        g.strokeLine(x1, y1, x1 - 5, y1 + 4);
    }
}
