package rnnlab.ui.seq2seq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import rnnlab.i18n.Messages;
import rnnlab.ui.controls.AppLanguage;
import rnnlab.ui.controls.LabCanvasSkin;
import rnnlab.ui.controls.Palette;
import rnnlab.ui.controls.Theme;

/**
 * The skin of an encoder–decoder canvas view: repaints once on the next pulse when the frame, theme or
 * font changes (listeners registered through SkinBase and removed in {@link #dispose()}); records every
 * text it draws with its box, so that a layout test can check that none is cut or lies over another.
 * Cells and outlines are axis-aligned rectangles: in the software pipeline a rounded or dashed outline
 * is rasterised as a curve by Marlin, which cost most of the renderer's time per step.
 */
abstract class S2sSkin<C extends S2sView> extends LabCanvasSkin<C> {
    /** A text drawn on the canvas and its box, canvas pixels. */
    record DrawnText(String text, Rectangle2D box) {
    }

    private final List<DrawnText> texts = new ArrayList<>();
    private final Map<Long, Font> monos = new HashMap<>();
    private int paints;

    S2sSkin(C c) {
        super(c);
        watch(c.frameProperty());
    }

    @Override
    protected final void draw(GraphicsContext g, double w, double h, Theme theme) {
        paints++;
        texts.clear();
        Seq2SeqFrame f = getSkinnable().getFrame();
        if (f == null) {
            emptyMessage(g, Messages.get("s2s.empty"), w, h, 0, getSkinnable().getId() + ".empty");
            texts.add(new DrawnText(Messages.get("s2s.empty"), regionBounds(getSkinnable().getId() + ".empty")));
            return;
        }
        paint(g, w, h, theme, f);
    }

    /** Paints a frame (the background is filled, text centred on its baseline by default). */
    abstract void paint(GraphicsContext g, double w, double h, Theme theme, Seq2SeqFrame f);

    /** How often this skin painted (tests: a disposed skin paints no more). */
    int paintCount() {
        return paints;
    }

    /** Every text of the last paint with its box. */
    List<DrawnText> drawnTexts() {
        return List.copyOf(texts);
    }

    /** The size labels are drawn at, px. */
    final double fontPx() {
        return getSkinnable().getFontSize();
    }

    /** The monospaced font of numbers at scale × the label size (cached). */
    final Font mono(double scale) {
        long px = Math.round(fontPx() * scale * 4);
        return monos.computeIfAbsent(px, k -> Font.font(AppLanguage.MONO_FAMILY, k / 4.0));
    }

    /** Width of a number in a monospaced font: its length × the width of a digit (no text layout per number). */
    final double numberWidth(String s, Font monoFont) {
        return s.length() * measure("0", monoFont);
    }

    /** Draws text in the context's font and alignment, centred on y, and records its box; returns the width. */
    final double text(GraphicsContext g, String s, double x, double y, double width) {
        double th = g.getFont().getSize() * 1.2;
        TextAlignment a = g.getTextAlign();
        double x0 = a == TextAlignment.CENTER ? x - width / 2 : a == TextAlignment.RIGHT ? x - width : x;
        g.fillText(s, x, y);
        texts.add(new DrawnText(s, new Rectangle2D(x0, y - th / 2, Math.max(0, width), th)));
        return width;
    }

    /** {@link #text} measuring a label. */
    final double label(GraphicsContext g, String s, double x, double y) {
        return text(g, s, x, y, measure(s, g.getFont()));
    }

    /**
     * A label in {@code scale} × the label font, shrunk (to 0.7 at most) until it is at most {@code maxW}
     * wide; when even that is too wide it is not drawn (the caller's lower-priority text), never cut.
     * Returns the width drawn (0: dropped).
     */
    final double fitLabel(GraphicsContext g, String s, double x, double y, double maxW, double scale, boolean bold) {
        for (double k = scale; k >= minScale(0.7) - 1e-9; k -= 0.05) {
            Font f = font(k, bold);
            double tw = measure(s, f);
            if (tw <= maxW) {
                g.setFont(f);
                return text(g, s, x, y, tw);
            }
        }
        return 0;
    }

    /** Text is never drawn smaller than this, px. */
    static final double MIN_TEXT_PX = 10;

    /** The smallest scale of the label size a text may shrink to: {@code least}, and never under {@link #MIN_TEXT_PX}. */
    final double minScale(double least) {
        return Math.max(least, MIN_TEXT_PX / fontPx());
    }

    /** Fill colour of a value in [−1, 1]: blue · neutral · orange, as every view of the app. */
    static Color diverging(Theme theme, double v) {
        return Palette.color(Palette.diverging(v, theme == Theme.DARK ? Palette.DARK_NEUTRAL : Palette.LIGHT_NEUTRAL));
    }

    /** A weight in [0, 1]: neutral → purple. */
    static Color weight(Theme theme, double a) {
        double x = Math.max(0, Math.min(1, a));
        return Palette.color(theme.neutral()).interpolate(Palette.ATTENTION, Math.sqrt(x));
    }

    /** An axis-aligned outline of filled rectangles (no stroke through the shape rasteriser). */
    static void outline(GraphicsContext g, double x, double y, double w, double h, double lw) {
        g.fillRect(x, y, w, lw);
        g.fillRect(x, y + h - lw, w, lw);
        g.fillRect(x, y + lw, lw, h - 2 * lw);
        g.fillRect(x + w - lw, y + lw, lw, h - 2 * lw);
    }

    /** The stroke width of outlines: thicker on a projector. */
    final double strokePx(double w) {
        return theme() == Theme.PROJECTOR ? w * 1.6 : w;
    }
}
