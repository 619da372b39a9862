package rnnlab.ui.controls;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * TeX → JavaFX image through jlatexmath and an offscreen AWT image (no AWT window, so it works with
 * java.awt.headless=true). Keeps the most recent renders.
 */
public final class TexRenderer {
    private static final int CAPACITY = 256;

    private final Map<String, Image> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> e) {
            return size() > CAPACITY;
        }
    };
    private int renders;

    /** The formula as an image; a source that does not parse is rendered as plain text. */
    public Image render(String tex, float size, javafx.scene.paint.Color fg) {
        String key = size + "|" + fg + "|" + tex;
        Image img = cache.get(key);
        if (img == null) {
            img = draw(tex, size, fg);
            cache.put(key, img);
            renders++;
        }
        return img;
    }

    /** How many formulas were actually typeset (the rest came from the cache). */
    public int renderCount() {
        return renders;
    }

    private static Image draw(String tex, float size, javafx.scene.paint.Color fg) {
        TeXIcon icon;
        try {
            icon = new TeXFormula(tex).createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
        } catch (RuntimeException e) {
            icon = new TeXFormula("\\text{" + tex.replaceAll("[\\\\{}^_$&#%]", " ") + "}")
                    .createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
        }
        Color awt = new Color((float) fg.getRed(), (float) fg.getGreen(), (float) fg.getBlue());
        icon.setForeground(awt);
        int w = Math.max(1, icon.getIconWidth());
        int h = Math.max(1, icon.getIconHeight());
        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = bi.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        return SwingFXUtils.toFXImage(bi, null);
    }
}
