package rnnlab.ui.formula;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;
import rnnlab.tex.TexSandbox;

/**
 * Lays out and typesets a whole formula panel into ONE image, at the size it is shown (no scaling
 * when drawn). Pure and free of JavaFX scene state, so it runs on the typesetting thread.
 *
 * <p>Why one image: per step the panel used to typeset every line at a fixed size, redraw once per
 * line that became ready, then typeset the lines again near the shown size and draw them scaled — up
 * to 14 typesets, several repaints and 7 new textures a step. Now a step costs one parse and layout
 * per line, one paint, one texture and one repaint.
 */
public final class FormulaComposer {
    private FormulaComposer() {
    }

    /** What to compose: the lines, the panel's size and font size (1× units), ink, pixels per unit. */
    public record Request(List<FormulaPanel.Formula> lines, String heading, double width, double height,
                          double fontSize, Color ink, double pixelScale) {
    }

    /**
     * The composed panel: {@code pixels} (null when there are no lines) are drawn unscaled at
     * ({@code x}, {@code y}) (1× units, image pixels / pixelScale); {@code lines} are the line bounds
     * in panel coordinates, by id. The pixels are kept packed ({@link PackedPixels}: the panel keeps
     * many compositions).
     */
    public record Composition(Request request, PackedPixels pixels, double x, double y,
                              Map<String, Rectangle2D> lines) {
        /** The pixels as a new image (null when there are no lines). */
        public WritableImage image() {
            if (pixels == null) {
                return null;
            }
            int[] px = new int[pixels.width() * pixels.height()];
            pixels.unpack(px);
            WritableImage img = new WritableImage(pixels.width(), pixels.height());
            img.getPixelWriter().setPixels(0, 0, pixels.width(), pixels.height(), PixelFormat.getIntArgbPreInstance(),
                    px, 0, pixels.width());
            return img;
        }
    }

    /** Typesets and paints the request's lines (1–2 ms a line). Any thread. */
    public static Composition compose(Request r) {
        List<FormulaPanel.Formula> list = r.lines();
        int n = list.size();
        double fs = r.fontSize();
        double top = Math.round(fs * 2.4);
        double gap = Math.round(fs * 0.8);
        double left = 14;
        Map<String, Rectangle2D> bounds = new LinkedHashMap<>();
        if (n == 0) {
            return new Composition(r, null, left, top, bounds);
        }
        float base = (float) (fs * 1.9);
        TeXFormula[] parsed = new TeXFormula[n];
        double maxW = 1;
        double maxH = 1;
        double sumH = 0;
        for (int k = 0; k < n; k++) {
            parsed[k] = parse(list.get(k).tex());
            TeXIcon icon = icon(parsed[k], list.get(k).tex(), base);
            maxW = Math.max(maxW, icon.getIconWidth());
            maxH = Math.max(maxH, icon.getIconHeight());
            sumH += icon.getIconHeight();
        }
        double w = r.width();
        double h = r.height();
        // one column, or two when that lets the formulas be drawn larger
        double one = Math.min(1, Math.min((w - 24) / maxW, (h - top - gap * (n - 1)) / sumH));
        int rows2 = (n + 1) / 2;
        double colW = (w - 24 - gap * 2) / 2;
        double two = Math.min(1, Math.min(colW / maxW, (h - top - gap * (rows2 - 1)) / (maxH * rows2)));
        boolean twoCols = two > one * 1.15;
        double scale = twoCols ? two : one;
        // typeset at the shown size: a shrunken bigger image loses its thin strokes, minus signs first
        double ps = r.pixelScale();
        float size = (float) (Math.max(8, base * Math.max(0.05, scale)) * ps);
        TeXIcon[] icons = new TeXIcon[n];
        int rowH = 1;
        for (int k = 0; k < n; k++) {
            icons[k] = icon(parsed[k], list.get(k).tex(), size);
            icons[k].setForeground(awt(r.ink()));
            rowH = Math.max(rowH, icons[k].getIconHeight());
        }
        int gapPx = (int) Math.round(gap * ps);
        int col2 = (int) Math.round((colW + gap * 2) * ps);
        int[] px = new int[n];
        int[] py = new int[n];
        int y = 0;
        int x = 0;
        int imgW = 1;
        int imgH = 1;
        for (int k = 0; k < n; k++) {
            if (twoCols && k == rows2) {
                y = 0;
                x = col2;
            }
            px[k] = x;
            py[k] = y;
            imgW = Math.max(imgW, x + icons[k].getIconWidth());
            imgH = Math.max(imgH, y + icons[k].getIconHeight());
            y += (twoCols ? rowH : icons[k].getIconHeight()) + gapPx;
        }
        BufferedImage bi = scratch(imgW, imgH);
        Graphics2D g = bi.createGraphics();
        // the scratch image may be larger and hold the last composition: cleared, and clipped to this one's size
        g.setComposite(java.awt.AlphaComposite.Clear);
        g.fillRect(0, 0, imgW, imgH);
        g.setComposite(java.awt.AlphaComposite.SrcOver);
        g.clipRect(0, 0, imgW, imgH);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int k = 0; k < n; k++) {
            icons[k].paintIcon(null, g, px[k], py[k]);
            bounds.put(list.get(k).id(), new Rectangle2D(left + px[k] / ps, top + py[k] / ps,
                    icons[k].getIconWidth() / ps, icons[k].getIconHeight() / ps));
        }
        g.dispose();
        int[] data = ((DataBufferInt) bi.getRaster().getDataBuffer()).getData();
        return new Composition(r, PackedPixels.pack(data, 0, bi.getWidth(), imgW, imgH), left, top, bounds);
    }

    /**
     * The drawing surface of this thread's compositions, kept from one to the next and grown when too small: a new
     * one for every step's formulas was a tenth of all the memory bench-ui allocated, and what is allocated sets
     * how often the collector pauses every thread, the FX thread included (issue 12, bench-ui).
     */
    private static BufferedImage scratch(int w, int h) {
        BufferedImage bi = SCRATCH.get();
        if (w <= 0 || h <= 0) {
            return new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE); // refused as before
        }
        if (bi == null || bi.getWidth() < w || bi.getHeight() < h) {
            bi = new BufferedImage(Math.max(w, bi == null ? 0 : bi.getWidth()), Math.max(h, bi == null ? 0 : bi.getHeight()),
                    BufferedImage.TYPE_INT_ARGB_PRE);
            SCRATCH.set(bi);
        }
        return bi;
    }

    private static final ThreadLocal<BufferedImage> SCRATCH = new ThreadLocal<>();

    /**
     * The source parsed through the {@link TexSandbox} (the TeX policy and the time budget); one that is
     * refused, too slow or does not parse becomes its plain text.
     */
    static TeXFormula parse(String tex) {
        TexSandbox.Outcome<TeXFormula> o = TexSandbox.shared().typeset(tex, f -> f);
        return o.ok() ? o.value() : plain(tex);
    }

    /** The source as plain text (TeX's special characters blanked, at most 300 characters). */
    static TeXFormula plain(String tex) {
        String t = tex.length() > 300 ? tex.substring(0, 300) + "\u2026" : tex;
        return new TeXFormula("\\text{" + t.replaceAll("[\\\\{}^_$&#%~]", " ") + "}");
    }

    /** The formula laid out at a size (within the budget); one that fails becomes its plain text. */
    static TeXIcon icon(TeXFormula f, String tex, float size) {
        TexSandbox.Outcome<TeXIcon> o = TexSandbox.shared().call(() -> f.createTeXIcon(TeXConstants.STYLE_DISPLAY, size));
        return o.ok() ? o.value() : plain(tex).createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
    }

    private static java.awt.Color awt(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }
}
