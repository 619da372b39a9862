package rnnlab.ui.formula;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import org.scilab.forge.jlatexmath.TeXIcon;
import rnnlab.tex.TexRefusal;
import rnnlab.tex.TexSandbox;

/**
 * One formula typeset into an image (lesson narration and checkpoints) through the {@link TexSandbox}:
 * the TeX policy first, then jlatexmath within its time budget. In the app ({@link TexRenderer#inBackground})
 * the work runs on the typesetting thread and the result arrives later on the FX thread; in tests and
 * exports it is done now (the wait is bounded by the budget). Keeps the most recent results; a source
 * that does not parse shows as its plain text, one that is refused or too slow as a {@link Result} with
 * its refusal (the narration shows its source and a warning).
 */
public final class TexImages {
    private static final int CAPACITY = 256;
    private final TexSandbox sandbox;
    private final Map<String, Result> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Result> e) {
            return size() > CAPACITY;
        }
    };

    /** A typeset formula ({@code image}), or why it was not typeset ({@code refusal}). */
    public record Result(Image image, TexRefusal refusal) {
    }

    public TexImages() {
        this(TexSandbox.shared());
    }

    /** With another sandbox (tests: a short budget or a parser that never ends). */
    public TexImages(TexSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /**
     * The formula at {@code size} pixels in colour {@code fg}, when it is known now (cached, refused by the
     * policy, or typeset synchronously); otherwise null, and {@code later} gets it on the FX thread. FX thread.
     */
    public Result render(String tex, float size, Color fg, Consumer<Result> later) {
        String key = size + "|" + fg + "|" + tex;
        Result hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        TexRefusal no = rnnlab.tex.TexPolicy.firstRefusal(tex);
        if (no != null || !TexRenderer.inBackground()) {
            Result r = no != null ? new Result(null, no) : draw(tex, size, fg);
            cache.put(key, r);
            return r;
        }
        TexRenderer.execute(() -> {
            Result r = draw(tex, size, fg);
            Platform.runLater(() -> {
                cache.put(key, r);
                later.accept(r);
            });
        });
        return null;
    }

    /**
     * Image pixels per logical pixel for a formula to be as sharp as the screens show it: the highest
     * output scale of the screens there are (2 on a HiDPI screen; 1 on Monocle's headless screen), as
     * JavaFX sizes a canvas's pixels. Between 1 and 4.
     */
    public static double pixelScale() {
        double k = 1;
        try {
            for (javafx.stage.Screen s : javafx.stage.Screen.getScreens()) {
                k = Math.max(k, Math.max(s.getOutputScaleX(), s.getOutputScaleY()));
            }
        } catch (RuntimeException noToolkit) {
            return 1;
        }
        return Math.min(4, Math.ceil(k));
    }

    /** The formula's image now (null when it is refused). FX thread. */
    public Image render(String tex, float size, Color fg) {
        Result r = render(tex, size, fg, x -> { });
        return r == null ? null : r.image();
    }

    private Result draw(String tex, float size, Color fg) {
        java.awt.Color ink = new java.awt.Color((float) fg.getRed(), (float) fg.getGreen(), (float) fg.getBlue());
        TexSandbox.Outcome<BufferedImage> o = sandbox.typeset(tex, f -> paint(f.createTeXIcon(
                org.scilab.forge.jlatexmath.TeXConstants.STYLE_DISPLAY, size), ink));
        if (o.refusal() != null) {
            return new Result(null, o.refusal());
        }
        BufferedImage bi = o.value() != null ? o.value()
                : paint(FormulaComposer.icon(FormulaComposer.plain(tex), tex, size), ink);
        return new Result(SwingFXUtils.toFXImage(bi, null), null);
    }

    private static BufferedImage paint(TeXIcon icon, java.awt.Color ink) {
        return rnnlab.tex.TexPictures.paint(icon, ink);
    }
}
