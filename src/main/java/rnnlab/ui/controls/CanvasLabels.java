package rnnlab.ui.controls;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The labels a canvas view draws, placed by priority (issue 12: labels overlapped as soon as a view
 * shrank). While painting, a skin offers its labels ({@link LabCanvasSkin#label}) and marks the parts of
 * the drawing a label must not cover ({@link LabCanvasSkin#keepClear}); after the drawing the labels are
 * taken in order of priority (then in the order offered) and each is drawn only if it lies wholly inside
 * the canvas, its font is at least the minimum text size, and it touches neither a label already taken
 * nor a kept-clear part. The others are dropped, never shrunk or clipped. What was drawn is kept
 * ({@link #placed()}) for {@code ui.layout.LayoutChecker}, which cannot see text on a canvas otherwise.
 */
public final class CanvasLabels {
    /** Titles and the names a view cannot be read without. */
    public static final int TITLE = 0;
    /** Axis names, the first of a repeated label, the selected unit's value. */
    public static final int HIGH = 1;
    /** Ordinary labels. */
    public static final int NORMAL = 2;
    /** Repeats of a label shown elsewhere, in-between ticks. */
    public static final int LOW = 3;

    /** Key under which a canvas's {@link CanvasLabels} sits in its {@code getProperties()}. */
    public static final String KEY = "rnnlab.canvasLabels";

    /** Boxes may touch; they overlap when they share more than this many pixels each way. */
    static final double EPS = 0.5;

    /**
     * A label as drawn: its text, its box in canvas pixels and its font size in px; {@code bare} when it is drawn
     * straight onto the drawing (no patch of its own behind it, not a symbol inside its node), so the drawing
     * under its box must leave it clear (the layout checker compares the pixels there, {@link #drawing()}).
     */
    public record Placed(String text, double x, double y, double w, double h, double fontSize, boolean bare) {
        /** A label whose ground is not checked (drawn by hand, {@link #drawn}). */
        public Placed(String text, double x, double y, double w, double h, double fontSize) {
            this(text, x, y, w, h, fontSize, false);
        }

        public double maxX() {
            return x + w;
        }

        public double maxY() {
            return y + h;
        }

        /** Whether the two boxes share more than {@link #EPS} pixels in both directions. */
        public boolean overlaps(double ox, double oy, double ow, double oh) {
            return Math.min(x + w, ox + ow) - Math.max(x, ox) > EPS && Math.min(y + h, oy + oh) - Math.max(y, oy) > EPS;
        }
    }

    private record Offer(int priority, int order, String text, Font font, Paint fill, Paint back, double x, double y, double w,
                         double h, double anchorX, double anchorY, TextAlignment align, boolean rich, boolean upright, boolean inNode) {
    }

    private final List<Offer> offers = new ArrayList<>();
    /** Second places: an offer's index → where else it may go when its own place is taken. */
    private final java.util.Map<Integer, Offer> seconds = new java.util.HashMap<>();
    private java.util.Map<Integer, Offer> lastSeconds = java.util.Map.of();
    private record Rect(double x, double y, double w, double h) {
    }

    private final List<Rect> clear = new ArrayList<>();
    /** The last placement's offers, kept-clear parts, canvas size and minimum: the same again reuses its choice. */
    private List<Offer> lastOffers = List.of();
    private List<Rect> lastClear = List.of();
    private double lastW;
    private double lastH;
    private double lastMin;
    private List<Offer> lastTaken = List.of();
    private int placements;
    private List<Placed> placed = List.of();
    private final List<String> dropped = new ArrayList<>();

    /** Starts a paint: forgets the last one's offers (not what it drew, until {@link #place} runs). */
    void begin() {
        offers.clear();
        seconds.clear();
        clear.clear();
    }

    void offer(int priority, String text, Font font, Paint fill, double anchorX, double anchorY, TextAlignment align,
               boolean rich, boolean upright, double width, double height) {
        double x = align == TextAlignment.CENTER ? anchorX - width / 2 : align == TextAlignment.RIGHT ? anchorX - width : anchorX;
        double bx = upright ? x : anchorX - height / 2;
        double by = upright ? anchorY - height / 2 : anchorY - width / 2;
        double bw = upright ? width : height;
        double bh = upright ? height : width;
        offers.add(new Offer(priority, offers.size(), text, font, fill, null, bx, by, bw, bh, anchorX, anchorY, align, rich, upright,
                false));
    }

    /**
     * A label that takes the box (bx, by, bw, bh) (the text drawn at the anchor, upright), on a patch of
     * {@code back} filling the box when not null.
     */
    void offerBox(int priority, String text, Font font, Paint fill, Paint back, double anchorX, double anchorY,
                  TextAlignment align, boolean rich, double bx, double by, double bw, double bh, boolean inNode) {
        offers.add(new Offer(priority, offers.size(), text, font, fill, back, bx, by, bw, bh, anchorX, anchorY, align, rich, true,
                inNode));
    }

    /** The last offer may go to this box instead (the text at the anchor) when its own place is taken. */
    void secondPlace(double anchorX, double anchorY, TextAlignment align, double bx, double by, double bw, double bh) {
        Offer o = offers.get(offers.size() - 1);
        seconds.put(o.order, new Offer(o.priority, o.order, o.text, o.font, o.fill, o.back, bx, by, bw, bh, anchorX, anchorY, align,
                o.rich, o.upright, o.inNode));
    }

    void keepClear(double x, double y, double w, double h) {
        clear.add(new Rect(x, y, w, h));
    }

    /**
     * Chooses what to draw (inside w × h, font at least {@code minSize} px, no overlap) and draws it in
     * the order offered. {@code rich} draws rich text (subscripts).
     */
    void place(GraphicsContext g, double w, double h, double minSize, RichDrawer rich) {
        place(g, w, h, minSize, rich, null);
    }

    /**
     * {@link #place}, drawing only the labels that can show in {@code area} (null: all): a repaint of a view's
     * animated part shows nothing outside it. All are still placed and reported ({@link #placed()}).
     */
    void place(GraphicsContext g, double w, double h, double minSize, RichDrawer rich, javafx.geometry.Rectangle2D area) {
        // a frame of an animation offers the same labels as the last: draw the same choice without placing again
        List<Offer> taken = w == lastW && h == lastH && minSize == lastMin && offers.equals(lastOffers) && clear.equals(lastClear)
                && seconds.equals(lastSeconds) ? lastTaken : choose(w, h, minSize);
        draw(g, taken, rich, area);
    }

    /** How many times labels were placed afresh (tests check that repeated frames reuse the placement). */
    public int placements() {
        return placements;
    }

    private List<Offer> choose(double w, double h, double minSize) {
        placements++;
        List<Offer> byPriority = new ArrayList<>(offers);
        byPriority.sort((a, b) -> a.priority != b.priority ? Integer.compare(a.priority, b.priority)
                : Integer.compare(a.order, b.order));
        List<Offer> taken = new ArrayList<>();
        dropped.clear();
        for (Offer first : byPriority) {
            if (first.text == null || first.text.isBlank()) {
                continue;
            }
            Offer o = fits(first, taken, w, h, minSize) ? first
                    : seconds.containsKey(first.order) && fits(seconds.get(first.order), taken, w, h, minSize) ? seconds.get(first.order)
                    : null;
            if (o != null) {
                taken.add(o);
            } else {
                dropped.add(first.text);
            }
        }
        taken.sort((a, b) -> Integer.compare(a.order, b.order));
        lastOffers = new ArrayList<>(offers);
        lastClear = new ArrayList<>(clear);
        lastSeconds = new java.util.HashMap<>(seconds);
        lastW = w;
        lastH = h;
        lastMin = minSize;
        lastTaken = taken;
        return taken;
    }

    private void draw(GraphicsContext g, List<Offer> taken, RichDrawer rich, javafx.geometry.Rectangle2D area) {
        List<Placed> out = new ArrayList<>(taken.size());
        g.save();
        g.setTextBaseline(VPos.CENTER);
        for (Offer o : taken) {
            out.add(new Placed(o.text, o.x, o.y, o.w, o.h, o.font.getSize(), o.back == null && !o.inNode));
            if (area != null && !near(o, area)) {
                continue;
            }
            if (o.back != null) {
                g.setFill(o.back);
                g.fillRect(Math.floor(o.x), Math.floor(o.y), Math.ceil(o.w), Math.ceil(o.h));
            }
            g.setFont(o.font);
            g.setFill(o.fill);
            g.setTextAlign(o.align);
            if (o.upright) {
                draw(g, o, o.anchorX, o.anchorY, rich);
            } else {
                g.save();
                g.translate(o.anchorX, o.anchorY);
                g.rotate(-90);
                g.setTextAlign(TextAlignment.CENTER);
                draw(g, o, 0, 0, rich);
                g.restore();
            }
        }
        g.restore();
        placed = Collections.unmodifiableList(out);
    }

    /**
     * Whether a label's letters can reach into the area: its box, widened by its font size each way (glyphs that
     * overhang their measured box, a subscript's descent, a drawn tilde).
     */
    private static boolean near(Offer o, javafx.geometry.Rectangle2D a) {
        double m = o.font.getSize() + 4;
        return o.x - m < a.getMaxX() && o.x + o.w + m > a.getMinX() && o.y - m < a.getMaxY() && o.y + o.h + m > a.getMinY();
    }

    private static void draw(GraphicsContext g, Offer o, double x, double y, RichDrawer rich) {
        if (o.rich) {
            rich.fill(g, o.text, x, y);
        } else {
            g.fillText(o.text, x, y);
        }
    }

    private boolean fits(Offer o, List<Offer> taken, double w, double h, double minSize) {
        boolean ok = o.font.getSize() >= minSize - 0.01 && o.x >= -EPS && o.y >= -EPS
                && o.x + o.w <= w + EPS && o.y + o.h <= h + EPS;
        // a symbol inside its own node (an operator's ×) is part of the drawing: kept-clear parts do not push it out
        for (int i = 0; ok && !o.inNode && i < clear.size(); i++) {
            Rect r = clear.get(i);
            ok = !overlap(o, r.x, r.y, r.w, r.h);
        }
        for (int i = 0; ok && i < taken.size(); i++) {
            Offer t = taken.get(i);
            ok = !overlap(o, t.x, t.y, t.w, t.h);
        }
        return ok;
    }

    private static boolean overlap(Offer o, double x, double y, double w, double h) {
        return Math.min(o.x + o.w, x + w) - Math.max(o.x, x) > EPS && Math.min(o.y + o.h, y + h) - Math.max(o.y, y) > EPS;
    }

    /**
     * Labels drawn by hand on a canvas that no {@link LabCanvasSkin} paints, reported as they are (no
     * placement): put it in the canvas's properties under {@link #KEY} so the layout checker sees them.
     */
    public static CanvasLabels drawn(List<Placed> labels) {
        CanvasLabels c = new CanvasLabels();
        c.placed = List.copyOf(labels);
        return c;
    }

    /**
     * What lies under the labels: the drawing of the canvas at its size without the labels (nor the spotlight), as
     * an image of canvas pixels, and the background the drawing starts from.
     */
    public record Drawing(javafx.scene.image.Image image, javafx.scene.paint.Color background) {
    }

    /** Paints the drawing again without its labels; set once by the skin, called only by the layout checker. */
    private java.util.function.Supplier<Drawing> drawing;

    void drawing(java.util.function.Supplier<Drawing> paintWithoutLabels) {
        drawing = paintWithoutLabels;
    }

    /**
     * The canvas's drawing without its labels, painted afresh now (FX thread; for the layout checker, not the
     * paint: it costs a paint and a snapshot), or null where the labels are drawn by hand ({@link #drawn}).
     */
    public Drawing drawing() {
        return drawing == null ? null : drawing.get();
    }

    /** The labels drawn by the last paint, in canvas pixels. */
    public List<Placed> placed() {
        return placed;
    }

    /** The texts the last paint offered but did not draw (no room, too small, or over another). */
    public List<String> dropped() {
        return List.copyOf(dropped);
    }

    /** Draws rich text (subscripts) at an anchor in the context's font, fill and alignment. */
    interface RichDrawer {
        void fill(GraphicsContext g, String text, double x, double y);
    }
}
