package rnnlab.ui.controls;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * One formula typeset into an image, now (lesson narration: a few formulas when a step opens, never on
 * every animation frame, so no background thread). Keeps the most recent images; a source that does
 * not parse shows as its plain text.
 */
public final class TexImages {
    private static final int CAPACITY = 256;
    private final Map<String, Image> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> e) {
            return size() > CAPACITY;
        }
    };

    /** The formula at {@code size} pixels in colour {@code fg}. FX thread. */
    public Image render(String tex, float size, Color fg) {
        String key = size + "|" + fg + "|" + tex;
        return cache.computeIfAbsent(key, k -> draw(tex, size, fg));
    }

    private static Image draw(String tex, float size, Color fg) {
        TeXIcon icon = FormulaComposer.icon(FormulaComposer.parse(tex), tex, size);
        icon.setForeground(new java.awt.Color((float) fg.getRed(), (float) fg.getGreen(), (float) fg.getBlue()));
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
