package rnnlab.tex;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.scilab.forge.jlatexmath.TeXIcon;

/** A typeset formula painted into a picture (antialiased, transparent background): for the narration and the handout. */
public final class TexPictures {
    private TexPictures() {
    }

    /** {@code icon} in colour {@code ink}, at least 1×1 pixel. */
    public static BufferedImage paint(TeXIcon icon, Color ink) {
        icon.setForeground(ink);
        BufferedImage bi = new BufferedImage(Math.max(1, icon.getIconWidth()), Math.max(1, icon.getIconHeight()),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = bi.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        return bi;
    }
}
