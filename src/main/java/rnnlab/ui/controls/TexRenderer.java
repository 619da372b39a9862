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
 *
 * <p>Typesetting costs 1–2 ms a formula, and a step changes about seven of them: done on the FX
 * thread that drops frames. In the app ({@link #useBackgroundThread}) a missing formula is typeset
 * on a background thread; {@link #render} answers null meanwhile and the owner is told to redraw
 * when the image is ready. Tests keep the default, synchronous typesetting.
 */
public final class TexRenderer {
    private static final int CAPACITY = 256;
    private static volatile boolean background;
    private static java.util.concurrent.ExecutorService executor;

    /** Typeset on a background thread from now on (call once at start-up, on the FX thread). */
    public static synchronized void useBackgroundThread(boolean on) {
        background = on;
        if (on && executor == null) {
            executor = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "tex-typesetting");
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** Set (on the FX thread) while an export needs every formula typeset now. */
    private static boolean forceNow;

    /** Runs {@code work} with synchronous typesetting (an export cannot wait for the background). */
    public static <T> T synchronously(java.util.function.Supplier<T> work) {
        boolean was = forceNow;
        forceNow = true;
        try {
            return work.get();
        } finally {
            forceNow = was;
        }
    }

    private final java.util.Set<String> pending = new java.util.HashSet<>();
    private Runnable onReady = () -> { };

    private final Map<String, Image> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> e) {
            return size() > CAPACITY;
        }
    };
    private int renders;

    /** Called on the FX thread when a formula typeset in the background is ready. */
    public void setOnReady(Runnable r) {
        onReady = r == null ? () -> { } : r;
    }

    /**
     * The formula as an image; a source that does not parse is rendered as plain text. With a
     * background thread, null until it has been typeset. Call on the FX thread.
     */
    public Image render(String tex, float size, javafx.scene.paint.Color fg) {
        String key = size + "|" + fg + "|" + tex;
        Image img = cache.get(key);
        if (img != null) {
            return img;
        }
        if (!background || forceNow) {
            img = draw(tex, size, fg);
            cache.put(key, img);
            renders++;
            return img;
        }
        if (pending.add(key)) {
            executor.execute(() -> {
                Image done = draw(tex, size, fg);
                javafx.application.Platform.runLater(() -> {
                    pending.remove(key);
                    cache.put(key, done);
                    renders++;
                    onReady.run();
                });
            });
        }
        return null;
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
