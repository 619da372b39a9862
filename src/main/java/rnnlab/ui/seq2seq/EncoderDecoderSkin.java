package rnnlab.ui.seq2seq;

import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import rnnlab.i18n.Messages;
import rnnlab.ui.controls.NumberText;
import rnnlab.ui.controls.Palette;
import rnnlab.ui.controls.Theme;
import rnnlab.ui.viewmodel.seq2seq.Seq2SeqPlayback;

/**
 * Paints {@link EncoderDecoderView}. Every label is fitted to its slot (a cell's pitch, the left column,
 * the canvas width): shrunk to 0.7 of its size, then dropped by priority (numbers before tokens), never
 * cut. Cells, chains and outlines are filled rectangles; only the attention lines, the bridge and the
 * arrow heads go through the shape rasteriser.
 */
final class EncoderDecoderSkin extends S2sSkin<EncoderDecoderView> {
    static final Color ENCODER = Palette.BLUE;
    static final Color DECODER = Palette.VERMILLION;
    static final Color BRIDGE = Palette.GREEN;
    static final Color ATTENTION = Palette.ATTENTION;
    /** Thickest attention line (weight 1), px at font 14. */
    static final double MAX_LINE = 12;

    private double[] lineWidths = new double[0];
    private double[] gradNorms = new double[0];
    private double[] totalNorms = new double[0];

    EncoderDecoderSkin(EncoderDecoderView v) {
        super(v);
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
    void paint(GraphicsContext g, double w, double h, Theme theme, Seq2SeqFrame fr) {
        lineWidths = new double[0];
        gradNorms = new double[0];
        totalNorms = new double[0];
        Seq2SeqPlayback.Snapshot snap = fr.snap();
        Seq2SeqPlayback.Backward grad = snap.grad();
        double f = fontPx();
        double scale = f / 14;
        int ts = fr.sourceLength();
        int td = fr.outputLength();
        Font lf = font(1, false);
        String encText = Messages.get("s2s.encoder");
        String decText = Messages.get("s2s.decoder");
        double labels = Math.max(measure(encText, lf), measure(decText, lf));
        if (grad != null) { // the two gradient lines' names too (in Chinese "编码器" alone is narrower than ‖∂L/∂h_s‖)
            Font gf = font(0.8, false);
            labels = Math.max(labels, Math.max(measure(Messages.get("s2s.unrolled.gradLabel"), gf),
                    measure(Messages.get("s2s.unrolled.gradTotalLabel"), gf)));
        }
        double left = Math.min(w * 0.22, labels + f);
        double slots = Math.max(ts, td + 1);
        double pitch = (w - left - f * 0.5) / slots;
        double cw = Math.min(pitch * 0.72, f * 5);
        double ch = Math.min(h * 0.16, f * 3.4);
        // BPTT: a heading of one or two lines at the top, the rows below it
        double top = 0;
        if (grad != null) {
            g.setFill(theme.foreground());
            top = wrapped(g, Messages.format("s2s.unrolled.bptt", NumberText.num3(grad.loss())), f * 0.5, f * 0.2,
                    w - f, 0.85);
        }
        double yDec = Math.max(h * 0.30, top + ch / 2 + f * 2.6);
        // room under the encoder for its tokens and, in BPTT, the delivered and the total gradient lines
        double yEnc = Math.max(yDec + ch + f * 2, Math.min(h * 0.70, h - ch / 2 - f * (grad != null ? 3.8 : 2.9)));
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(ENCODER);
        fitLabel(g, encText, f * 0.5, yEnc, left - f * 0.6, 1, false);
        g.setFill(DECODER);
        fitLabel(g, decText, f * 0.5, yDec, left - f * 0.6, 1, false);
        Color gradInk = theme.dark() ? ATTENTION.interpolate(Color.WHITE, 0.55) : ATTENTION;
        if (grad != null) {
            g.setFill(gradInk);
            fitLabel(g, Messages.get("s2s.unrolled.gradLabel"), f * 0.5, yEnc + ch / 2 + f * 2.2, left - f * 0.6, 0.8, false);
            fitLabel(g, Messages.get("s2s.unrolled.gradTotalLabel"), f * 0.5, yEnc + ch / 2 + f * 3.1, left - f * 0.6, 0.8, false);
        }
        double[] encX = new double[ts];
        for (int s = 0; s < ts; s++) {
            encX[s] = left + pitch * (s + 0.5);
        }
        double[] decX = new double[td + 1];
        for (int t = 0; t <= td; t++) {
            decX[t] = left + pitch * (t + 0.5);
        }
        int cur = fr.current();
        double encScale = 0;
        double decScale = 0;
        if (grad != null) {
            gradNorms = grad.encoderGradientNorms();
            totalNorms = grad.encoderTotalNorms();
            encScale = Math.max(maxAbs(grad.encoderStateGradients()), maxAbs(grad.encoderTotalGradients()));
            decScale = maxAbs(grad.decoderStateGradients());
        }
        // attention lines first, under the cells; their weights over the encoder cells
        if (cur >= 0 && fr.attention() && cur < snap.weights().length) {
            double[] a = snap.weights()[cur];
            lineWidths = new double[a.length];
            Font nf = numberFont(4, pitch - 4, 0.8);
            for (int s = 0; s < a.length; s++) {
                lineWidths[s] = lineWidth(a[s], scale);
                g.setStroke(Color.color(ATTENTION.getRed(), ATTENTION.getGreen(), ATTENTION.getBlue(), 0.25 + 0.75 * a[s]));
                g.setLineWidth(lineWidths[s]);
                g.strokeLine(decX[cur + 1], yDec + ch / 2, encX[s], yEnc - ch / 2);
            }
            if (nf != null) {
                g.setFont(nf);
                g.setFill(theme.foreground());
                g.setTextAlign(TextAlignment.CENTER);
                for (int s = 0; s < a.length; s++) {
                    String n = NumberText.num(a[s]);
                    text(g, n, encX[s], yEnc - ch / 2 - f * 0.7, numberWidth(n, nf));
                }
            }
        }
        // encoder chain, its tokens and (BPTT) ‖∂L/∂h_s‖ under them
        for (int s = 0; s < ts; s++) {
            if (s > 0) {
                arrow(g, encX[s - 1] + cw / 2, yEnc, encX[s] - cw / 2, theme);
            }
            if (grad != null) {
                // the total once BPTT has come back through the encoder to h_s, until then what attention delivers
                double[] eg = grad.encoderTotalGradients()[s] != null ? grad.encoderTotalGradients()[s]
                        : grad.encoderStateGradients()[s];
                cell(g, encX[s], yEnc, cw, ch, ENCODER, scaled(eg, encScale), true, theme);
            } else {
                cell(g, encX[s], yEnc, cw, ch, ENCODER, snap.encoderStates()[s], s < snap.encoderDone(), theme);
            }
            region("seq2seq.encoder." + s, encX[s] - cw / 2, yEnc - ch / 2, cw, ch);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(theme.foreground());
        for (int s = 0; s < ts; s++) {
            fitLabel(g, fr.source()[s], encX[s], yEnc + ch / 2 + f, pitch - 4, 1, false);
        }
        if (grad != null) {
            Font nf = numberFont(Math.max(maxLength(gradNorms), maxLength(totalNorms)), pitch - 4, 0.72);
            if (nf != null) {
                g.setFont(nf);
                g.setFill(gradInk);
                for (int s = 0; s < ts; s++) {
                    String n = NumberText.num3(gradNorms[s]);
                    text(g, n, encX[s], yEnc + ch / 2 + f * 2.2, numberWidth(n, nf));
                    if (!Double.isNaN(totalNorms[s])) {
                        String t = NumberText.num3(totalNorms[s]);
                        text(g, t, encX[s], yEnc + ch / 2 + f * 3.1, numberWidth(t, nf));
                    }
                }
            }
        }
        // bridge: the one vector everything passes through without attention
        double bx = decX[0];
        boolean bridgeOn = snap.bridge() != null;
        g.setStroke(bridgeOn ? BRIDGE : theme.muted());
        lineWidth(g, 1.5 * (!fr.attention() ? 2 : 1));
        g.strokeLine(encX[ts - 1], yEnc - ch / 2, bx, yDec + ch / 2);
        cell(g, bx, yDec, cw, ch, BRIDGE, snap.bridge(), bridgeOn, theme);
        region("seq2seq.context", bx - cw / 2, yDec - ch / 2, cw, ch);
        g.setFill(BRIDGE);
        g.setTextAlign(TextAlignment.CENTER);
        // the tokens over the decoder cells clear the current step's ring
        double tokenY = yDec - ch / 2 - 3 - 2 * strokePx(2.25) - f * 0.7;
        fitLabel(g, Messages.get("s2s.context"), bx, tokenY, pitch - 4, 0.85, false);
        if (!fr.attention()) {
            g.setFill(theme.muted());
            g.setTextAlign(TextAlignment.LEFT);
            double x = bx + cw / 2 + f;
            wrapped(g, Messages.format("s2s.bottleneck", fr.decoderUnits(), ts), x, (yEnc + yDec) / 2 - f * 0.6,
                    w - x - f * 0.5, 0.85);
        }
        // decoder chain and the tokens it emits
        for (int t = 0; t < td; t++) {
            double x = decX[t + 1];
            arrow(g, decX[t] + cw / 2, yDec, x - cw / 2, theme);
            boolean done = t < snap.decoderStates().length;
            if (grad != null) {
                double[] dg = grad.decoderStateGradients()[t];
                cell(g, x, yDec, cw, ch, DECODER, dg == null ? null : scaled(dg, decScale), dg != null, theme);
            } else {
                cell(g, x, yDec, cw, ch, DECODER, done ? snap.decoderStates()[t] : null, done, theme);
            }
            region("seq2seq.decoder." + t, x - cw / 2, yDec - ch / 2, cw, ch);
            if (t == cur) {
                g.setFill(theme.foreground());
                double lw = strokePx(2.25);
                outline(g, x - cw / 2 - 3 - lw, yDec - ch / 2 - 3 - lw, cw + 6 + 2 * lw, ch + 6 + 2 * lw, lw);
            }
        }
        g.setFill(theme.foreground());
        g.setTextAlign(TextAlignment.CENTER);
        for (int t = 0; t < Math.min(td, snap.decoderStates().length); t++) {
            fitLabel(g, fr.outputs()[t], decX[t + 1], tokenY, pitch - 4, 1.1, false);
        }
    }

    /**
     * The monospaced font for numbers of {@code chars} characters in {@code room} px: {@code scale} × the
     * label size, smaller down to 0.6 of it; null when even that does not fit (the numbers are left out).
     */
    private Font numberFont(int chars, double room, double scale) {
        for (double k = scale; k >= minScale(0.6) - 1e-9; k -= 0.05) {
            Font nf = mono(k);
            if (chars * measure("0", nf) <= room) {
                return nf;
            }
        }
        return null;
    }

    private static int maxLength(double[] v) {
        int n = 0;
        for (double x : v) {
            n = Math.max(n, NumberText.num3(x).length());
        }
        return n;
    }

    /** Text wrapped to {@code maxW} in {@code scale} × the label font, lines from {@code y}; returns the height. */
    private double wrapped(GraphicsContext g, String s, double x, double y, double maxW, double scale) {
        Font font = font(scale, false);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        List<String> lines = wrap(s, font, Math.max(20, maxW));
        double lh = font.getSize() * 1.25;
        double yy = y + lh / 2;
        for (String line : lines) {
            double lw = measure(line, font);
            if (lw > maxW + 0.5) {
                break; // a word wider than the room: the rest is dropped, never cut
            }
            text(g, line, x, yy, lw);
            yy += lh;
        }
        return yy - lh / 2 - y + lh * 0.2;
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

    private void cell(GraphicsContext g, double x, double y, double cw, double ch, Color hue, double[] v, boolean on,
                      Theme theme) {
        double x0 = x - cw / 2;
        double y0 = y - ch / 2;
        g.setFill(theme.background());
        g.fillRect(x0, y0, cw, ch);
        if (on && v != null && v.length > 0) {
            int n = Math.min(v.length, 16);
            double bw = (cw - 8) / n;
            for (int i = 0; i < n; i++) {
                g.setFill(diverging(theme, v[i * v.length / n]));
                g.fillRect(x0 + 4 + i * bw, y0 + 4, Math.max(1, bw - 1), ch - 8);
            }
        }
        g.setFill(on ? hue : theme.muted());
        outline(g, x0, y0, cw, ch, strokePx(on ? 2.4 : 1));
    }

    /** A chain arrow: the shaft a filled rectangle, the head two short lines. */
    private void arrow(GraphicsContext g, double x0, double y, double x1, Theme theme) {
        if (x1 - x0 < 4) {
            return;
        }
        double lw = strokePx(1.5);
        g.setFill(theme.muted());
        g.fillRect(x0, y - lw / 2, x1 - x0, lw);
        g.setStroke(theme.muted());
        g.setLineWidth(lw);
        g.strokeLine(x1, y, x1 - 5, y - 4);
        g.strokeLine(x1, y, x1 - 5, y + 4);
    }
}
