package rnnlab.ui.formula;

import rnnlab.ui.controls.Theme;
import rnnlab.ui.controls.LabCanvasSkin;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/**
 * Shows the formulas composed into one image by {@link FormulaComposer}, drawn unscaled at whole
 * pixels. In the app the composing runs on the typesetting thread: a new step's formulas do not
 * repaint the panel (nor cost anything in the step's own, busiest frame); the panel keeps showing
 * the previous step, heading included, and repaints once when the new step's image is ready. Requests
 * that pile up while one is composed collapse into the newest. Compositions are cached, so stepping
 * back or re-selecting a unit costs nothing.
 */
public class FormulaPanelSkin extends LabCanvasSkin<FormulaPanel> {
    /** The formulas are drawn whole: the step's progress does not change it. */
    @Override
    protected boolean animates() {
        return false;
    }

    /**
     * Cache limit in packed bytes ({@link PackedPixels}, about a fifth of the pixels' 4 bytes each): ~40 steps of a
     * tile, fewer for a full-screen panel. It was 6 million image pixels (24 MB), the same steps unpacked, which the
     * collector copied and promoted.
     */
    private static final long CACHE_BYTES = 3_000_000;
    private final Map<FormulaComposer.Request, FormulaComposer.Composition> cache = new LinkedHashMap<>(32, 0.75f, true);
    private long cachedBytes;
    /** The newest request waiting for the typesetting thread (null: none). */
    private final AtomicReference<FormulaComposer.Request> next = new AtomicReference<>();
    /** What the panel should show: the newest request. */
    private FormulaComposer.Request wanted;
    /** What the panel shows. */
    private FormulaComposer.Composition shown;
    private int composed;

    public FormulaPanelSkin(FormulaPanel c) {
        super(c);
        registerInvalidationListener(c.formulasProperty(), x -> changed());
        registerInvalidationListener(c.headingProperty(), x -> changed());
    }

    private boolean queued;

    /**
     * The lines or heading changed. Typesetting synchronously: repaint on the next pulse (the paint
     * composes). In the background: the canvas is not marked dirty (it repaints when the composition
     * is ready); the request goes out once the FX thread has finished this event, so a heading and
     * lines set one after the other make one request.
     */
    private void changed() {
        if (!TexRenderer.inBackground()) {
            markDirty();
        } else if (!queued) {
            queued = true;
            javafx.application.Platform.runLater(() -> {
                queued = false;
                request(true);
            });
        }
    }

    /** How many compositions were typeset (the rest came from the cache). */
    public int composeCount() {
        return composed;
    }

    /** True while the lines shown are not yet the current ones (typesetting in the background). */
    public boolean pending() {
        return queued || shown == null || !shown.request().equals(wanted);
    }

    private FormulaComposer.Request currentRequest(double w, double h, double pixelScale) {
        FormulaPanel c = getSkinnable();
        return new FormulaComposer.Request(c.getFormulas(), c.getHeading(), w, h, c.getFontSize(),
                theme().foreground(), pixelScale);
    }

    /** Makes the current lines, size and theme the wanted composition; composes or queues it. */
    private void request(boolean repaint) {
        if (getSkinnable() == null) {
            return; // disposed while a request was on its way
        }
        // typeset with as many pixels as the canvas has on the screen (2 a pixel on a HiDPI screen), else blurred
        FormulaComposer.Request r = currentRequest(canvas.getWidth(), canvas.getHeight(), TexImages.pixelScale());
        if (r.equals(wanted)) {
            return;
        }
        wanted = r;
        FormulaComposer.Composition hit = cache.get(r);
        if (hit != null) {
            show(hit, repaint);
        } else if (!TexRenderer.inBackground()) {
            show(store(FormulaComposer.compose(r)), repaint);
        } else if (next.getAndSet(r) == null) {
            TexRenderer.execute(this::composeNext);
        }
    }

    /** On the typesetting thread: composes the newest request, hands it to the FX thread. */
    private void composeNext() {
        FormulaComposer.Request r = next.getAndSet(null);
        if (r == null) {
            return;
        }
        FormulaComposer.Composition done = FormulaComposer.compose(r);
        javafx.application.Platform.runLater(() -> {
            store(done);
            if (r.equals(wanted)) {
                show(done, true);
            }
        });
    }

    private FormulaComposer.Composition store(FormulaComposer.Composition c) {
        composed++;
        cachedBytes += bytes(c) - bytes(cache.put(c.request(), c));
        var it = cache.values().iterator();
        while (cachedBytes > CACHE_BYTES && cache.size() > 1) {
            cachedBytes -= bytes(it.next());
            it.remove();
        }
        return c;
    }

    private static long bytes(FormulaComposer.Composition c) {
        return c == null || c.pixels() == null ? 0 : c.pixels().bytes();
    }

    private void show(FormulaComposer.Composition c, boolean repaint) {
        shown = c;
        if (repaint) {
            markDirty();
        }
    }

    /**
     * What the canvas draws the shown composition from, on the screen at one image pixel a pixel: one image, the
     * composition's pixels copied to its top left corner and drawn from there, a new one only when a composition
     * is wider or taller than all before (drawn 1:1 from whole pixels, the pixels are the composition's). The renderer makes a texture for every image a canvas draws: for a new
     * image at every step (the composition's own) it allocated and converted a texture as large as the panel, a
     * quarter of all it allocated in bench-ui (issue 12); a texture it has already gets the new pixels copied in.
     */
    private javafx.scene.image.WritableImage display;
    /** The composition whose pixels {@link #display} holds. */
    private FormulaComposer.Composition inDisplay;
    private int displays;

    /** How many display images were made (tests: one while the size stays). */
    public int displayImages() {
        return displays;
    }

    /** The shown composition's pixels unpacked, row after row (grown when a composition is larger). */
    private int[] unpacked = new int[0];

    private javafx.scene.image.Image displayed(FormulaComposer.Composition c) {
        PackedPixels px = c.pixels();
        int iw = px.width();
        int ih = px.height();
        if (c != inDisplay || display == null) {
            if (display == null || (int) display.getWidth() < iw || (int) display.getHeight() < ih) {
                display = new javafx.scene.image.WritableImage(Math.max(iw, display == null ? 0 : (int) display.getWidth()),
                        Math.max(ih, display == null ? 0 : (int) display.getHeight()));
                displays++;
            }
            if (unpacked.length < iw * ih) {
                unpacked = new int[iw * ih];
            }
            px.unpack(unpacked);
            display.getPixelWriter().setPixels(0, 0, iw, ih, javafx.scene.image.PixelFormat.getIntArgbPreInstance(),
                    unpacked, 0, iw);
            inDisplay = c;
        }
        return display;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h, Theme theme) {
        double k = g.getTransform().getMxx();
        FormulaComposer.Composition c;
        if (k > 1.01) {
            // an export at k× its size: typeset at that size now, so the lines stay crisp
            c = FormulaComposer.compose(currentRequest(w, h, k));
        } else {
            request(false); // size, theme or font size may have changed since the last request
            c = shown;
        }
        if (c == null) {
            return;
        }
        double fs = getSkinnable().getFontSize();
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(theme.foreground());
        fillFitted(g, c.request().heading(), 10, fs * 0.9, w - 20, 1.1, true);
        region("formula.heading", 10, 0, w - 20, fs * 1.8);
        if (c.pixels() != null) {
            double ps = c.request().pixelScale();
            double iw = c.pixels().width();
            double ih = c.pixels().height();
            if (k > 1.01) {
                g.drawImage(c.image(), c.x(), c.y(), iw / ps, ih / ps);
            } else {
                // on a HiDPI screen (ps 2) the image's pixels are the screen's: drawn at 1/ps, still 1:1 on the screen
                g.drawImage(displayed(c), 0, 0, iw, ih, c.x(), c.y(), iw / ps, ih / ps);
            }
        }
        for (Map.Entry<String, Rectangle2D> e : c.lines().entrySet()) {
            Rectangle2D r = e.getValue();
            region(e.getKey(), r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
        }
    }
}
