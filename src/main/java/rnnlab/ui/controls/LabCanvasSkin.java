package rnnlab.ui.controls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.beans.Observable;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * A skin that paints its control on one Canvas at whole-pixel size. Property changes only mark it
 * dirty; it repaints once on the next pulse. While painting, subclasses register the bounds of every
 * part under its stable id ({@link #region}); the base uses them for hover text, clicks and the
 * highlight spotlight, and tests use them to find what was drawn where. Listeners are registered via
 * SkinBase and removed in {@link #dispose()}.
 */
public abstract class LabCanvasSkin<C extends LabCanvasControl> extends SkinBase<C> {
    protected final Canvas canvas = new Canvas();
    private final Label hoverLabel = new Label();
    private final Map<String, Rectangle2D> regions = new LinkedHashMap<>();
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (dirty && !getSkinnable().isHidden() && !fullPaintFits(now, canvas.getWidth() * canvas.getHeight())) {
                deferredPaints++;
                return; // this pulse's full paints are spent: the next pulse (the timer keeps running)
            }
            stop();
            if (!dirty && !animDirty) {
                return;
            }
            if (getSkinnable().isHidden()) {
                // nobody sees it (a hidden tile, another tab): paint when it shows again (issue 12, bench-ui)
                getSkinnable().whenShown(repaintWhenShown);
            } else if (dirty) {
                redrawNow();
            } else {
                redrawAnimated();
            }
        }
    };

    /**
     * Canvas pixels of full paints one pulse may make ({@link #fullPaintFits}): about two of the six views bench-ui
     * shows at 1600×1000 (0.15 million pixels each).
     */
    static final double FULL_PAINT_PIXELS = 320_000;
    /** The pulse whose full paints {@link #fullPaintPixels} counts (its time, as animation timers get it). */
    private static long fullPaintPulse = Long.MIN_VALUE;
    private static double fullPaintPixels;

    private static long deferredPaints;

    /**
     * How many full paints so far waited for a later pulse ({@link #fullPaintFits}): bench-ui counts a step as shown
     * once a pulse has deferred none. FX thread.
     */
    public static long fullPaintsDeferred() {
        return deferredPaints;
    }

    /**
     * Whether a full paint of {@code pixels} canvas pixels is made in the pulse at {@code now}: the first always, the
     * next ones while the pulse's paints stay within {@link #FULL_PAINT_PIXELS}; the others wait for the next pulse.
     * A step changes every view at once, and their full paints in one pulse made the frames after a step the slow
     * ones (issue 12, bench-ui: frames over 18 ms were 3–20 % of the step's first frames against 0–3 % of the
     * others); spread over two or three pulses, a view shows the step 17–33 ms after another. FX thread.
     */
    static boolean fullPaintFits(long now, double pixels) {
        if (now != fullPaintPulse) {
            fullPaintPulse = now;
            fullPaintPixels = 0;
        }
        if (fullPaintPixels > 0 && fullPaintPixels + pixels > FULL_PAINT_PIXELS) {
            return false;
        }
        fullPaintPixels += pixels;
        return true;
    }

    /**
     * The animated part of the drawing, repainted alone while a step's progress runs (issue 12, bench-ui): a
     * second canvas over {@link #canvas}, as large as {@link #animatedBounds} and showing the whole control's
     * paint inside those bounds. The software pipeline repaints and uploads a canvas whole when it is drawn on,
     * so the static rest stays untouched on the canvas below. Hidden after every full paint.
     */
    private final Canvas animated = new Canvas();
    /** Only the step's progress changed since the last paint: the animated part is repainted, not the whole. */
    private boolean animDirty;
    /** Where {@link #animated} shows, in canvas pixels (null: not shown). */
    private Rectangle2D animatedArea;
    /** The step's progress at the last full paint, and the labels and parts it drew (what the canvas shows). */
    private double paintedProgress = 1;
    private List<CanvasLabels.Placed> paintedLabels = List.of();
    private Map<String, Rectangle2D> paintedRegions = Map.of();
    /**
     * What the paint under way can change (canvas pixels): null in a full paint, the animated part while only it is
     * repainted ({@link #shows}).
     */
    private Rectangle2D paintArea;
    /** Paints of the animated part that drew a label or part outside it, and so were done in full instead. */
    private long animatedMisses;
    private final Runnable repaintWhenShown = this::markDirty;
    private boolean dirty = true;
    /** How many times the control was painted (tests: a hidden view does not repaint at each step). */
    private long redraws;
    private final CanvasLabels labels = new CanvasLabels();
    /** Where the pointer last hovered or clicked, in canvas pixels. */
    protected double pointerX;
    protected double pointerY;

    protected LabCanvasSkin(C control) {
        super(control);
        hoverLabel.getStyleClass().add("hover-info");
        hoverLabel.setManaged(false);
        hoverLabel.setVisible(false);
        hoverLabel.setMouseTransparent(true);
        animated.setManaged(false);
        animated.setVisible(false);
        animated.setMouseTransparent(true);
        getChildren().addAll(canvas, animated, hoverLabel);
        canvas.getProperties().put(CanvasLabels.KEY, labels);
        labels.drawing(this::drawingWithoutLabels);
        watch(control.darkThemeProperty(), control.projectorThemeProperty(), control.highlightProperty(), control.fontSizeProperty());
        // the step's animation clock: only skins that draw it repaint at every frame of a step (issue 12, bench-ui)
        registerInvalidationListener(control.progressProperty(), x -> {
            if (animates()) {
                if (dirty) {
                    markDirty();
                } else {
                    animDirty = true;
                    pulse.start();
                }
            }
        });
        registerChangeListener(hoverLabel.fontProperty(), o -> {
            control.inheritFontSize(hoverLabel.getFont().getSize());
            markDirty();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hoverAt(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hoverAt(-1, -1));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> clickAt(e.getX(), e.getY()));
    }

    /**
     * Whether the drawing depends on the step's progress ({@link LabCanvasControl#getProgress()}): a skin that
     * draws the step whole (a heatmap, the formulas) returns false and is not repainted at every frame while a
     * step plays, only when its data changes.
     */
    protected boolean animates() {
        return true;
    }

    /**
     * The part of the canvas (canvas pixels) whose pixels may differ between a paint at progress {@code from} and
     * one at {@code to} with the data, size and theme of the last full paint (made at {@code from}); outside it both
     * must draw the same (labels included: a label whose place or presence depends on the progress lies inside).
     * Null (the default): the whole control; an empty rectangle: nothing changes. A paint of the part that draws a
     * label or a registered part differently outside it is redone in full ({@link #animatedMisses}).
     */
    protected Rectangle2D animatedBounds(double w, double h, double from, double to) {
        return null;
    }

    /**
     * Whether drawing inside x, y, w × h (canvas pixels, strokes included) can show in the paint under way: always in
     * a full paint; while only the animated part is repainted, when the box comes within {@link #SHOW_MARGIN} of it.
     * The part's canvas shows nothing outside itself, so a view may leave out the drawing of what does not show
     * there (issue 12, bench-ui: the partial paints ran every view's whole drawing code); it must still offer its
     * labels and register its parts, which are compared with the full paint's ({@link #animatedMisses}), and set
     * the context's state (font, fill) as the full paint would.
     */
    protected final boolean shows(double x, double y, double w, double h) {
        Rectangle2D a = paintArea;
        if (a == null) {
            return true;
        }
        double x0 = Math.min(x, x + w);
        double y0 = Math.min(y, y + h);
        double m = SHOW_MARGIN;
        boolean shows = x0 - m < a.getMaxX() && x0 + Math.abs(w) + m > a.getMinX() && y0 - m < a.getMaxY()
                && y0 + Math.abs(h) + m > a.getMinY();
        if (!shows) {
            leftOut++;
        }
        return shows;
    }

    private long leftOut;

    /** How many times a view left out drawing that did not show in a repaint of its animated part ({@link #shows}). */
    public final long leftOut() {
        return leftOut;
    }

    /** How far past its box a part's drawing may reach (antialiasing, line caps, arrow heads), in pixels. */
    static final double SHOW_MARGIN = 8;

    /** Repaint on the next pulse whenever one of these changes. */
    protected final void watch(Observable... observables) {
        for (Observable o : observables) {
            registerInvalidationListener(o, x -> markDirty());
        }
    }

    public final void markDirty() {
        dirty = true;
        pulse.start();
    }

    @Override
    public void dispose() {
        pulse.stop();
        super.dispose();
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        int cw = Math.max(1, (int) Math.floor(w));
        int ch = Math.max(1, (int) Math.floor(h));
        canvas.relocate(Math.round(x), Math.round(y));
        if (animated.isVisible() && animatedArea != null) {
            animated.relocate(canvas.getLayoutX() + animatedArea.getMinX(), canvas.getLayoutY() + animatedArea.getMinY());
        }
        if (canvas.getWidth() != cw || canvas.getHeight() != ch) {
            canvas.setWidth(cw);
            canvas.setHeight(ch);
            dirty = true;
        }
        if (dirty) {
            redrawNow();
        } else if (animDirty && !getSkinnable().isHidden()) {
            redrawAnimated();
        }
        if (hoverLabel.isVisible()) {
            hoverLabel.autosize();
        }
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return 640;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return 400;
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return 120;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return 80;
    }

    /**
     * Paints of every canvas view in this JVM so far, for {@code bench-ui} (FX thread): full paints, their pixels,
     * paints of an animated part alone, their pixels. The renderer replays a canvas's drawing for every paint, so
     * these say what a step costs it, whatever the load of the machine.
     */
    private static final long[] PAINTS = new long[4];
    /** With {@code -Drnnlab.bench.longFrames=true}: which views painted since {@link #paintedViews()} was last called. */
    private static final StringBuilder PAINTED = Boolean.getBoolean("rnnlab.bench.longFrames") ? new StringBuilder() : null;

    /** {@link #PAINTS} copied into {@code into} (4 longs). FX thread. */
    public static void paintCounts(long[] into) {
        System.arraycopy(PAINTS, 0, into, 0, PAINTS.length);
    }

    /** The views painted since the last call ("Name full WxH", "Name part WxH"; empty unless traced). FX thread. */
    public static String paintedViews() {
        if (PAINTED == null || PAINTED.length() == 0) {
            return "";
        }
        String s = PAINTED.toString();
        PAINTED.setLength(0);
        return s;
    }

    private void counted(boolean full, double w, double h) {
        int i = full ? 0 : 2;
        PAINTS[i]++;
        PAINTS[i + 1] += (long) (w * h);
        if (PAINTED != null) {
            PAINTED.append(' ').append(getClass().getSimpleName().replace("Skin", "")).append(full ? " full " : " part ")
                    .append((int) w).append('x').append((int) h);
        }
    }

    /** Paints now (tests call this; the app waits for the pulse). */
    public final void redrawNow() {
        dirty = false;
        animDirty = false;
        redraws++;
        counted(true, canvas.getWidth(), canvas.getHeight());
        animated.setVisible(false);
        GraphicsContext g = canvas.getGraphicsContext2D();
        // every paint starts from the context's first state, as the animated part's paint does
        g.save();
        paint(g, canvas.getWidth(), canvas.getHeight());
        g.restore();
        animatedArea = null;
        paintedProgress = getSkinnable().getProgress();
        paintedLabels = labels.placed();
        paintedRegions = new java.util.HashMap<>(regions);
    }

    /**
     * Paints the control again into the {@link #animated} canvas only, clipped to the animated part: the same
     * paint as {@link #redrawNow} (so the pixels are the same), moved so that the part lands on its own place.
     */
    private void redrawAnimated() {
        animDirty = false;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        Rectangle2D r = animatedBounds(w, h, paintedProgress, getSkinnable().getProgress());
        if (r == null) {
            redrawNow();
            return;
        }
        if (animatedArea != null) {
            // what the part showed before is not on the canvas below: it stays in the part
            r = union(r, animatedArea);
        }
        // whole pixels, inside the canvas
        double x0 = Math.max(0, Math.floor(r.getMinX()));
        double y0 = Math.max(0, Math.floor(r.getMinY()));
        double x1 = Math.min(w, Math.ceil(r.getMaxX()));
        double y1 = Math.min(h, Math.ceil(r.getMaxY()));
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        r = new Rectangle2D(x0, y0, x1 - x0, y1 - y0);
        redraws++;
        counted(false, r.getWidth(), r.getHeight());
        if (animated.getWidth() != r.getWidth() || animated.getHeight() != r.getHeight()) {
            animated.setWidth(r.getWidth());
            animated.setHeight(r.getHeight());
        }
        animated.relocate(canvas.getLayoutX() + r.getMinX(), canvas.getLayoutY() + r.getMinY());
        GraphicsContext g = animated.getGraphicsContext2D();
        g.save();
        g.translate(-r.getMinX(), -r.getMinY());
        paintArea = r;
        try {
            paint(g, w, h);
        } finally {
            paintArea = null;
        }
        g.restore();
        animatedArea = r;
        animated.setVisible(true);
        if (!sameOutside(r)) {
            animatedMisses++;
            redrawNow();
        }
    }

    /**
     * An animated part's rectangle, or {@link Rectangle2D#EMPTY} (nothing to repaint) when the view is too small
     * for one: a canvas a few pixels tall while the window is first laid out gives a negative plot height, and
     * Rectangle2D refuses a negative size.
     */
    protected static Rectangle2D part(double x, double y, double w, double h) {
        return w >= 0 && h >= 0 ? new Rectangle2D(x, y, w, h) : Rectangle2D.EMPTY;
    }

    private static Rectangle2D union(Rectangle2D a, Rectangle2D b) {
        if (a.getWidth() <= 0 || a.getHeight() <= 0) {
            return b;
        }
        double x0 = Math.min(a.getMinX(), b.getMinX());
        double y0 = Math.min(a.getMinY(), b.getMinY());
        return new Rectangle2D(x0, y0, Math.max(a.getMaxX(), b.getMaxX()) - x0, Math.max(a.getMaxY(), b.getMaxY()) - y0);
    }

    /** Whether every label and registered part the last paint drew differently from the full paint lies inside r. */
    private boolean sameOutside(Rectangle2D r) {
        List<CanvasLabels.Placed> now = labels.placed();
        // labels in the same order: those that differ must lie inside (no set is built at every pulse)
        int n = Math.min(now.size(), paintedLabels.size());
        int same = 0;
        while (same < n && now.get(same).equals(paintedLabels.get(same))) {
            same++;
        }
        int sameEnd = 0;
        while (sameEnd < n - same && now.get(now.size() - 1 - sameEnd).equals(paintedLabels.get(paintedLabels.size() - 1 - sameEnd))) {
            sameEnd++;
        }
        if (same + sameEnd < now.size() || same + sameEnd < paintedLabels.size()) {
            java.util.Set<CanvasLabels.Placed> before = new java.util.HashSet<>(paintedLabels);
            java.util.Set<CanvasLabels.Placed> after = new java.util.HashSet<>(now);
            for (CanvasLabels.Placed l : now) {
                if (!before.contains(l) && !inside(r, l.x(), l.y(), l.w(), l.h())) {
                    return false;
                }
            }
            for (CanvasLabels.Placed l : paintedLabels) {
                if (!after.contains(l) && !inside(r, l.x(), l.y(), l.w(), l.h())) {
                    return false;
                }
            }
        }
        for (Map.Entry<String, Rectangle2D> e : regions.entrySet()) {
            Rectangle2D old = paintedRegions.get(e.getKey());
            if (!e.getValue().equals(old) && (!inside(r, e.getValue()) || old != null && !inside(r, old))) {
                return false;
            }
        }
        for (Map.Entry<String, Rectangle2D> e : paintedRegions.entrySet()) {
            if (!regions.containsKey(e.getKey()) && !inside(r, e.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean inside(Rectangle2D r, Rectangle2D b) {
        return inside(r, b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }

    private static boolean inside(Rectangle2D r, double x, double y, double w, double h) {
        double eps = 0.01;
        return x >= r.getMinX() - eps && y >= r.getMinY() - eps && x + w <= r.getMaxX() + eps && y + h <= r.getMaxY() + eps;
    }

    /** How many paints of the animated part were redone in full: it drew a label or part differently outside it. */
    public final long animatedMisses() {
        return animatedMisses;
    }

    /**
     * The control drawn afresh at {@code scale} × its size (crisp text and lines, e.g. 2 for slides),
     * not a blown-up copy of the screen's pixels. FX thread only.
     */
    public final javafx.scene.image.WritableImage renderImage(double scale) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        Canvas big = new Canvas(Math.round(w * scale), Math.round(h * scale));
        GraphicsContext g = big.getGraphicsContext2D();
        g.scale(scale, scale);
        paint(g, w, h);
        javafx.scene.SnapshotParameters sp = new javafx.scene.SnapshotParameters();
        sp.setFill(theme().background());
        javafx.scene.image.WritableImage img = big.snapshot(sp, null);
        markDirty();
        return img;
    }

    /**
     * The control drawn afresh at its size without its labels and the spotlight: what lies under each label (the
     * layout checker's "drawn over graphics", {@link CanvasLabels#drawing()}). FX thread only; never while painting.
     */
    private CanvasLabels.Drawing drawingWithoutLabels() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        Canvas c = new Canvas(w, h);
        GraphicsContext g = c.getGraphicsContext2D();
        g.save();
        paint(g, w, h, false);
        g.restore();
        Theme theme = theme();
        javafx.scene.SnapshotParameters sp = new javafx.scene.SnapshotParameters();
        sp.setFill(theme.background());
        javafx.scene.image.WritableImage img = c.snapshot(sp, null);
        // the paint offered the labels again and registered the parts again (the same ones): paint once more so
        // that what the canvas shows and what it reports come from one paint
        markDirty();
        return new CanvasLabels.Drawing(img, theme.background());
    }

    private void paint(GraphicsContext g, double w, double h) {
        paint(g, w, h, true);
    }

    /** Paints the control; without its labels and spotlight when {@code labelsToo} is false (the layout check). */
    private void paint(GraphicsContext g, double w, double h, boolean labelsToo) {
        regions.clear();
        Theme theme = theme();
        g.setFill(theme.background());
        g.fillRect(0, 0, w, h);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        labels.begin();
        draw(g, w, h, theme);
        if (!labelsToo) {
            return;
        }
        labels.place(g, w, h, minTextSize(), this::fillRich, paintArea);
        spotlight(g, w, h, theme);
    }

    /**
     * The smallest font a label may have here (px): larger in presentation mode (the window's root has
     * style class {@code presenting}, as {@code ui.layout.LayoutChecker} reads it too).
     */
    public final double minTextSize() {
        javafx.scene.Scene scene = getSkinnable().getScene();
        boolean presenting = scene != null && scene.getRoot() != null && scene.getRoot().getStyleClass().contains("presenting");
        return presenting ? LabCanvasControl.MIN_TEXT_PX_PROJECTOR : LabCanvasControl.MIN_TEXT_PX;
    }

    /**
     * Where the animated part was last repainted alone (canvas pixels), while it shows over the canvas; null after
     * a full paint (tests: the part's pixels are those of a full paint).
     */
    public final Rectangle2D animatedPart() {
        return animated.isVisible() ? animatedArea : null;
    }

    /** How many times the control has been painted on its canvas ({@link #redrawNow}, the pulse, layout). */
    public final long redraws() {
        return redraws;
    }

    /** The labels of the last paint: what was drawn where (for the layout checker and tests). */
    public final CanvasLabels labels() {
        return labels;
    }

    /**
     * Offers a label centred vertically on y and aligned on x; it is drawn after {@link #draw} if it fits
     * the canvas, is not too small and covers no label of higher (or equal, earlier) priority and no part
     * kept clear. Returns its width.
     */
    protected final double label(int priority, String text, Font f, Paint fill, double x, double y, TextAlignment align) {
        double tw = measure(text, f);
        labels.offer(priority, text, f, fill, x, y, align, false, true, tw, lineHeight(f));
        return tw;
    }

    /** {@link #label} for text whose "_x" parts are subscripts ({@link RichText}). */
    protected final double labelRich(int priority, String text, Font f, Paint fill, double x, double y, TextAlignment align) {
        double tw = richWidth(text, f);
        labels.offer(priority, text, f, fill, x, y, align, true, true, tw, lineHeight(f));
        return tw;
    }

    /** {@link #label} turned a quarter to the left (reading upwards), centred on (x, y). */
    protected final void labelUpwards(int priority, String text, Font f, Paint fill, double x, double y) {
        labels.offer(priority, text, f, fill, x, y, TextAlignment.CENTER, false, false, measure(text, f), lineHeight(f));
    }

    /**
     * A title: the largest of {@code scale} down to the minimum text size that fits in maxW, left-aligned
     * at (x, y); dropped if even the smallest does not fit. Returns the width it takes (0 if dropped).
     */
    protected final double labelTitle(String text, double x, double y, double maxW, double scale, boolean bold, Paint fill) {
        return labelFitted(CanvasLabels.TITLE, text, x, y, maxW, scale, bold, fill);
    }

    /** {@link #labelTitle} at a priority. */
    protected final double labelFitted(int priority, String text, double x, double y, double maxW, double scale, boolean bold,
                                       Paint fill) {
        double s = scale;
        Font f = font(s, bold);
        while (richWidth(text, f) > maxW && f.getSize() > minTextSize()) {
            s -= 0.05;
            f = font(s, bold);
        }
        if (f.getSize() < minTextSize() || richWidth(text, f) > maxW) {
            return 0;
        }
        return labelRich(priority, text, f, fill, x, y, TextAlignment.LEFT);
    }

    /**
     * A rich label on a patch of {@code back} ({@code pad} px wider each side), so lines behind it do not
     * cross the letters. Returns the text's width.
     */
    protected final double labelOnPatch(int priority, String text, Font f, Paint fill, Paint back, double x, double y,
                                        TextAlignment align, double pad) {
        double tw = Math.ceil(richWidth(text, f));
        double th = Math.ceil(lineHeight(f));
        double left = align == TextAlignment.CENTER ? x - tw / 2 : align == TextAlignment.RIGHT ? x - tw : x;
        labels.offerBox(priority, text, f, fill, back, x, y, align, true, left - pad, y - th / 2, tw + 2 * pad, th, false);
        return tw;
    }

    /** Where the last {@link #labelOnPatch} label may go instead, when its own place is taken or outside. */
    protected final void orOnPatchAt(double x, double y, TextAlignment align, Font f, String text, double pad) {
        double tw = Math.ceil(richWidth(text, f));
        double th = Math.ceil(lineHeight(f));
        double left = align == TextAlignment.CENTER ? x - tw / 2 : align == TextAlignment.RIGHT ? x - tw : x;
        labels.secondPlace(x, y, align, left - pad, y - th / 2, tw + 2 * pad, th);
    }

    /**
     * A label centred in a box of the drawing (a gate's box) on a patch of {@code back}: offered only when
     * it fits inside the box, so it never covers anything outside it; the placer still drops it under the
     * smallest text size. Returns whether it was offered.
     */
    protected final boolean labelInside(int priority, String text, Font f, Paint fill, Paint back, double cx, double cy,
                                        double bw, double bh, double pad) {
        double tw = Math.ceil(measure(text, f));
        double th = Math.ceil(lineHeight(f));
        if (tw + 2 * pad > bw || th > bh) {
            return false;
        }
        labels.offerBox(priority, text, f, fill, back, cx, cy, TextAlignment.CENTER, false, cx - tw / 2 - pad, cy - th / 2,
                tw + 2 * pad, th, true);
        return true;
    }

    /** A label centred in a box it takes whole (a symbol in its node): no other label covers the node. */
    protected final void labelIn(int priority, String text, Font f, Paint fill, double cx, double cy, double bw, double bh) {
        double tw = measure(text, f);
        double th = lineHeight(f);
        double w = Math.max(bw, tw);
        double h = Math.max(bh, th);
        labels.offerBox(priority, text, f, fill, null, cx, cy, TextAlignment.CENTER, false, cx - w / 2, cy - h / 2, w, h, true);
    }

    /**
     * A symbol centred on (cx, cy) inside its own node (a token in its circle): its box is its text's, but it is part
     * of the node's drawing, so kept-clear parts do not push it out and the layout checker does not count the node's
     * outline under it as graphics it covers.
     */
    protected final void labelInNode(int priority, String text, Font f, Paint fill, double cx, double cy) {
        double tw = measure(text, f);
        double th = lineHeight(f);
        labels.offerBox(priority, text, f, fill, null, cx, cy, TextAlignment.CENTER, false, cx - tw / 2, cy - th / 2, tw, th, true);
    }

    /** Where the last {@link #label} (aligned on x, centred on y) may go instead, when its own place is taken or outside. */
    protected final void orLabelAt(double x, double y, TextAlignment align, Font f, String text) {
        double tw = measure(text, f);
        double th = lineHeight(f);
        double left = align == TextAlignment.CENTER ? x - tw / 2 : align == TextAlignment.RIGHT ? x - tw : x;
        labels.secondPlace(x, y, align, left, y - th / 2, tw, th);
    }

    /** A part of the drawing no label may cover (a node, a data point), in canvas pixels. */
    protected final void keepClear(double x, double y, double w, double h) {
        labels.keepClear(x, y, w, h);
    }

    /** How much a view shows, chosen by its size in units of its font (issue 12: compact, normal, large). */
    public enum Form { COMPACT, NORMAL, LARGE }

    /** The form for a canvas of w × h: compact under 28 × 15 font sizes, large from 60 × 30. */
    protected final Form form(double w, double h) {
        double fs = getSkinnable().getFontSize();
        if (w < fs * 28 || h < fs * 15) {
            return Form.COMPACT;
        }
        return w >= fs * 60 && h >= fs * 30 ? Form.LARGE : Form.NORMAL;
    }

    private final Map<Font, Double> heights = new java.util.HashMap<>();

    /** The height of a line of text in a font (cached). */
    protected final double lineHeight(Font f) {
        return heights.computeIfAbsent(f, k -> {
            javafx.scene.text.Text probe = new javafx.scene.text.Text("0"); // one line: its height is the font's line height
            probe.setFont(k);
            return probe.getLayoutBounds().getHeight();
        });
    }

    /** Paints the whole control; register parts with {@link #region}. */
    protected abstract void draw(GraphicsContext g, double w, double h, Theme theme);

    /** Text shown while the pointer is over a part (null: nothing). */
    protected String describe(String id) {
        return null;
    }

    /** A part was clicked. */
    protected void clicked(String id) {
    }

    /** A stroke width; the projector palette draws every line 1.6× as thick, to survive a washed-out projector. */
    protected final void lineWidth(GraphicsContext g, double w) {
        g.setLineWidth(theme() == Theme.PROJECTOR ? w * PROJECTOR_STROKE : w);
    }

    protected static final double PROJECTOR_STROKE = 1.6;

    protected final Theme theme() {
        return Theme.of(getSkinnable().isDarkTheme(), getSkinnable().isProjectorTheme());
    }

    private final Map<Long, Font> fonts = new java.util.HashMap<>();

    /**
     * Widths by font, then text (issue 12, bench-ui: a key of size, style and text was built at every call, at every
     * frame, for every label). Bounded: 1024 texts a font, 64 fonts.
     */
    private final Map<Font, Map<String, Double>> widths = new java.util.HashMap<>();
    /** {@link #richWidth}s, the same way. */
    private final Map<Font, Map<String, Double>> richWidths = new java.util.HashMap<>();

    private static Map<String, Double> texts(Map<Font, Map<String, Double>> byFont, Font f) {
        Map<String, Double> m = byFont.get(f);
        if (m == null) {
            if (byFont.size() >= 64) {
                byFont.clear();
            }
            m = new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Double> e) {
                    return size() > 1024;
                }
            };
            byFont.put(f, m);
        }
        return m;
    }

    /** Width of a text in a font (cached; measuring builds a Text node). */
    protected final double measure(String text, Font f) {
        Map<String, Double> m = texts(widths, f);
        Double known = m.get(text);
        if (known == null) {
            probe.setFont(f);
            probe.setText(text);
            known = probe.getLayoutBounds().getWidth();
            m.put(text, known);
        }
        return known;
    }

    /**
     * The node {@link #measure} lays texts out in, kept (issue 12, bench-ui: a new Text node for every text not yet
     * measured — a step's new numbers — was the largest part of what the views allocated on the FX thread).
     */
    private final javafx.scene.text.Text probe = new javafx.scene.text.Text();

    /** The label font at scale × the base size (cached: looking fonts up is not free). */
    public final Font font(double scale, boolean bold) {
        long size = Math.round(getSkinnable().getFontSize() * scale);
        return fonts.computeIfAbsent(bold ? -size - 1 : size,
                k -> Font.font(AppLanguage.family(), bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
    }

    public final void region(String id, double x, double y, double w, double h) {
        regions.put(id, new Rectangle2D(x, y, Math.max(0, w), Math.max(0, h)));
    }

    /** Bounds of a drawn part in canvas pixels, or null if it was not drawn. */
    public final Rectangle2D regionBounds(String id) {
        return regions.get(id);
    }

    public final List<String> regionIds() {
        return new ArrayList<>(regions.keySet());
    }

    public final Canvas canvas() {
        return canvas;
    }

    /** The id of the innermost (last registered) part under a point, or null. */
    public final String hitTest(double x, double y) {
        String found = null;
        for (Map.Entry<String, Rectangle2D> e : regions.entrySet()) {
            if (e.getValue().contains(x, y)) {
                found = e.getKey();
            }
        }
        return found;
    }

    /** Shows the hover text for the part under (x, y); returns it (null if none). */
    public final String hoverAt(double x, double y) {
        pointerX = x;
        pointerY = y;
        String id = hitTest(x, y);
        String text = id == null ? null : describe(id);
        if (text == null) {
            hoverLabel.setVisible(false);
            return null;
        }
        hoverLabel.setText(text);
        hoverLabel.setVisible(true);
        hoverLabel.autosize();
        double lx = Math.min(x + 14, canvas.getWidth() - hoverLabel.getWidth() - 4);
        double ly = y + 18 + hoverLabel.getHeight() > canvas.getHeight() ? y - hoverLabel.getHeight() - 8 : y + 18;
        // canvas coordinates; the canvas may sit below a tool bar
        hoverLabel.relocate(canvas.getLayoutX() + Math.round(Math.max(2, lx)), canvas.getLayoutY() + Math.round(Math.max(2, ly)));
        return text;
    }

    public final Label hoverLabel() {
        return hoverLabel;
    }

    public final void clickAt(double x, double y) {
        pointerX = x;
        pointerY = y;
        String id = hitTest(x, y);
        if (id != null) {
            clicked(id);
        }
    }

    /**
     * How much of the background the spotlight lays over what it does not light (issue 12: at 0.72–0.8
     * pale heatmap colours vanished; the rest stays readable, the ring does the pointing).
     */
    static final double SPOT_VEIL = 0.4;
    static final double SPOT_VEIL_PROJECTOR = 0.45;

    /** Dims everything but the highlighted parts (the id itself or its children) and rings them. */
    private void spotlight(GraphicsContext g, double w, double h, Theme theme) {
        String hl = getSkinnable().getHighlight();
        if (hl == null || hl.isEmpty() || hl.equals(getSkinnable().getId())) {
            return;
        }
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -1;
        double y1 = -1;
        for (Map.Entry<String, Rectangle2D> e : regions.entrySet()) {
            String id = e.getKey();
            if (id.equals(hl) || id.startsWith(hl + ".")) {
                Rectangle2D r = e.getValue();
                x0 = Math.min(x0, r.getMinX());
                y0 = Math.min(y0, r.getMinY());
                x1 = Math.max(x1, r.getMaxX());
                y1 = Math.max(y1, r.getMaxY());
            }
        }
        if (x1 < 0) {
            return;
        }
        boolean projector = theme == Theme.PROJECTOR;
        // on a projector: a thicker ring in the deeper vermillion, which holds up on white
        double[] ring = ringAround(x0, y0, x1, y1, w, h, projector ? 5 : 3, labels.placed());
        x0 = ring[0];
        y0 = ring[1];
        x1 = ring[2];
        y1 = ring[3];
        g.setFill(theme.veil(projector ? SPOT_VEIL_PROJECTOR : SPOT_VEIL));
        g.fillRect(0, 0, w, y0);
        g.fillRect(0, y1, w, h - y1);
        g.fillRect(0, y0, x0, y1 - y0);
        g.fillRect(x1, y0, w - x1, y1 - y0);
        g.setStroke(projector ? Palette.VERMILLION : Palette.ORANGE);
        g.setLineWidth(ring[4]);
        g.strokeRoundRect(x0 + 1.5, y0 + 1.5, x1 - x0 - 3, y1 - y0 - 3, 10, 10);
    }

    /** How far the spotlight's ring stands out of the element it frames, when no text is in its way (px). */
    static final double RING_PAD = 6;
    /**
     * Where a side of the ring may go when text is in its way, in the order tried: closer to the element, down to
     * {@link #RING_PAD} inside it, then farther out (round the label in the way) up to 30 px.
     */
    private static final double[] RING_PADS = java.util.stream.DoubleStream.concat(
            java.util.stream.DoubleStream.iterate(RING_PAD, p -> p >= -RING_PAD, p -> p - 1),
            java.util.stream.DoubleStream.iterate(RING_PAD + 1, p -> p <= 30, p -> p + 1)).toArray();

    /**
     * Where the spotlight's ring goes round the element {@code x0, y0 – x1, y1}: {left, top, right, bottom, line width}.
     * Each side stands {@link #RING_PAD} out of the element, or elsewhere ({@link #RING_PADS}) where its line would
     * cross a label there, with a thinner line (down to 2 px) when no place between the labels is wide enough; a side
     * that crosses text wherever it goes stays where it was. Issue 12: the ring crossed the labels next to what it
     * framed (lesson 10 step 1, presenting at 1024×768: the belt's title ring ran through the key's first line).
     */
    static double[] ringAround(double x0, double y0, double x1, double y1, double w, double h, double lineWidth,
                               List<CanvasLabels.Placed> labels) {
        for (double lw = lineWidth; ; lw -= 1) {
            // each side where it crosses no label, the others where they were: twice, so that a side that moved in
            // no longer lets its neighbours' lines run into a label beside the ring
            double[] pads = {RING_PAD, RING_PAD, RING_PAD, RING_PAD};
            boolean all = true;
            for (int pass = 0; pass < 2; pass++) {
                double[] next = pads.clone();
                all = true;
                for (int side = 0; side < 4; side++) {
                    next[side] = Double.NaN;
                    double[] tried = pads.clone();
                    for (double p : RING_PADS) {
                        tried[side] = p;
                        if (!ringCrosses(side, tried, x0, y0, x1, y1, w, h, lw, labels)) {
                            next[side] = p;
                            break;
                        }
                    }
                    all &= !Double.isNaN(next[side]);
                    if (Double.isNaN(next[side])) {
                        next[side] = RING_PAD;
                    }
                }
                pads = next;
            }
            if (all || lw - 1 < 2) {
                return new double[] {Math.max(0, Math.floor(x0 - pads[0])), Math.max(0, Math.floor(y0 - pads[1])),
                    Math.min(w, Math.ceil(x1 + pads[2])), Math.min(h, Math.ceil(y1 + pads[3])), all ? lw : lineWidth};
            }
        }
    }

    /** Whether side 0–3 (left, top, right, bottom) of the ring, its sides {@code pads} out of the element, crosses a label. */
    private static boolean ringCrosses(int side, double[] pads, double x0, double y0, double x1, double y1, double w,
                                       double h, double lw, List<CanvasLabels.Placed> labels) {
        // the side's line as drawn: 1.5 px inside the ring's box, lw wide; along the element and its corners
        double left = Math.max(0, Math.floor(x0 - pads[0]));
        double top = Math.max(0, Math.floor(y0 - pads[1]));
        double right = Math.min(w, Math.ceil(x1 + pads[2]));
        double bottom = Math.min(h, Math.ceil(y1 + pads[3]));
        if (right - left < 2 * RING_PAD || bottom - top < 2 * RING_PAD) {
            return true; // a ring with no inside
        }
        double bx;
        double by;
        double bw;
        double bh;
        if (side == 0 || side == 2) {
            bx = (side == 0 ? left + 1.5 : right - 1.5) - lw / 2;
            bw = lw;
            by = top + 5; // the rounded corners turn away from a label beside them
            bh = bottom - top - 10;
        } else {
            by = (side == 1 ? top + 1.5 : bottom - 1.5) - lw / 2;
            bh = lw;
            bx = left + 5;
            bw = right - left - 10;
        }
        for (CanvasLabels.Placed l : labels) {
            if (l.overlaps(bx, by, bw, bh)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Text whose "_x" parts are subscripts ({@link RichText}: c_t−1 reads c with subscript t−1) in the
     * context's font, fill and alignment; returns the width.
     */
    protected final double fillRich(GraphicsContext g, String text, double x, double y) {
        return RichText.fill(g, text, x, y, this::measure);
    }

    /** Width of {@link #fillRich} text in a base font. */
    protected final double richWidth(String text, Font base) {
        Map<String, Double> m = texts(richWidths, base);
        Double known = m.get(text);
        if (known == null) {
            known = RichText.width(text, base, this::measure);
            m.put(text, known);
        }
        return known;
    }

    /**
     * A title or heading in the label font at {@code scale}, shrunk step by step (to 0.6 of the base
     * size at most) until it fits in maxW; left-aligned at (x, y). Returns the width.
     */
    protected final double fillFitted(GraphicsContext g, String text, double x, double y, double maxW, double scale,
                                      boolean bold) {
        double s = scale;
        g.setFont(font(s, bold));
        while (s > 0.6 && richWidth(text, g.getFont()) > maxW) {
            s -= 0.05;
            g.setFont(font(s, bold));
        }
        g.setTextAlign(TextAlignment.LEFT);
        return fillRich(g, text, x, y);
    }

    /**
     * The width of a title's spotlight region: the title as drawn (at least {@code min}, at most
     * {@code maxW}). Issue 12: the regions were half the tile wide, so the frame cut long titles.
     */
    protected static double fitted(double drawnW, double maxW, double min) {
        return Math.min(maxW, Math.max(drawnW, min));
    }

    /** Text wrapped to maxW and centred on (cx, cy) as a block; returns the block height. */
    protected final double fillWrapped(GraphicsContext g, String text, double cx, double cy, double maxW) {
        return RichText.fillWrapped(g, text, cx, cy, maxW, this::measure);
    }

    /** Greedy word wrap by measured width. */
    protected final List<String> wrap(String text, Font f, double maxW) {
        return RichText.wrap(text, f, maxW, this::measure);
    }

    /**
     * A hint wrapped to fit the frame x, y, w × h (issue 12: "no gradient yet" hints spilled over their frames
     * in small tiles): its font shrinks down to the smallest readable size until every line fits the width and
     * all lines the height; a hint that still does not fit is left out. The lines go through the placer (so
     * the layout checker sees them) at {@code priority}. Returns the height of the lines offered, 0 if none.
     */
    protected final double hintInFrame(int priority, String text, Font f, Paint fill, double x, double y, double w, double h) {
        return hintInFrame(priority, text, f, fill, x, y, w, h, minTextSize());
    }

    /**
     * {@link #hintInFrame(int, String, Font, Paint, double, double, double, double)} shrinking its font no further
     * than {@code smallest} ({@code f}'s own size: only as it is): a view trying several places asks each for the
     * full size first.
     */
    protected final double hintInFrame(int priority, String text, Font f, Paint fill, double x, double y, double w, double h,
                                       double smallest) {
        double maxW = w - 8;
        for (double size = f.getSize(); size >= Math.max(smallest, minTextSize()) - 0.01 && maxW > 0; size -= 1) {
            Font ff = Font.font(f.getFamily(), FontWeight.NORMAL, size);
            List<String> lines = wrap(text, ff, maxW);
            double lh = Math.ceil(lineHeight(ff));
            boolean fits = lh * lines.size() <= h;
            for (String line : lines) {
                fits &= richWidth(line, ff) <= maxW;
            }
            if (fits) {
                double ly = y + h / 2 - lh * (lines.size() - 1) / 2;
                for (String line : lines) {
                    labelRich(priority, line, ff, fill, x + w / 2, ly, TextAlignment.CENTER);
                    ly += lh;
                }
                return lh * lines.size();
            }
        }
        return 0;
    }

    /** The muted, wrapped message of a view with nothing to show; registers it under {@code id}. */
    protected final void emptyMessage(GraphicsContext g, String text, double w, double h, double top, String id) {
        // wrapped to the tile and placed like a label (issue 12: in a small tile the last line ran off the bottom)
        double cy = top + (h - top) / 2;
        double bh = hintInFrame(CanvasLabels.HIGH, text, font(1.0, false), theme().muted(), 16, top, w - 32, h - top);
        if (bh <= 0) {
            bh = lineHeight(font(1.0, false));
        }
        region(id, 16, cy - bh / 2, w - 32, bh);
    }

    /**
     * {@code g.strokeRect(x, y, w, h)} in the context's stroke paint and line width, drawn as four filled
     * rectangles (the same square-cornered ring): in the software pipeline a stroked rectangle goes through
     * the shape rasteriser (Marlin) at every frame, filled axis-aligned rectangles do not (issue 12, bench-ui).
     */
    public static void strokeBox(GraphicsContext g, double x, double y, double w, double h) {
        double lw = g.getLineWidth();
        double o = lw / 2;
        Paint fill = g.getFill();
        g.setFill(g.getStroke());
        if (w <= lw || h <= lw) {
            g.fillRect(x - o, y - o, w + lw, h + lw);
        } else {
            g.fillRect(x - o, y - o, w + lw, lw);
            g.fillRect(x - o, y + h - o, w + lw, lw);
            g.fillRect(x - o, y + o, lw, h - lw);
            g.fillRect(x + w - o, y + o, lw, h - lw);
        }
        g.setFill(fill);
    }

    /** Fills a rectangle with the value's colour, or black-and-yellow hatching and the word for NaN/∞. */
    public static void fillValue(GraphicsContext g, double x, double y, double w, double h, double v, int argb,
                                    Font small) {
        if (Palette.masked(v)) {
            g.setFill(Palette.color(Palette.MASKED_ARGB));
            g.fillRect(x, y, w, h);
            if (w >= 8 && h >= 8) {
                g.save();
                g.setFill(Color.WHITE);
                g.setFont(small);
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(javafx.geometry.VPos.CENTER);
                g.fillText("?", x + w / 2, y + h / 2);
                g.restore();
            }
            return;
        }
        if (Palette.bad(v)) {
            g.setFill(Palette.YELLOW);
            g.fillRect(x, y, w, h);
            g.save();
            g.beginPath();
            g.rect(x, y, w, h);
            g.clip();
            g.setStroke(Color.BLACK);
            g.setLineWidth(3);
            for (double d = -h; d < w; d += 8) {
                g.strokeLine(x + d, y + h, x + d + h, y);
            }
            g.restore();
            if (w >= 22 && h >= 12) {
                g.setFill(Color.BLACK);
                g.fillRect(x + w / 2 - 16, y + h / 2 - 8, 32, 16);
                g.setFill(Palette.YELLOW);
                g.setFont(small);
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText(Palette.badText(v), x + w / 2, y + h / 2);
            }
            return;
        }
        g.setFill(Palette.color(argb));
        g.fillRect(x, y, w, h);
    }

    /** Clamps an animation phase: how far (0..1) the part that runs during [from, to] of the step is. */
    protected static double phase(double progress, double from, double to) {
        if (progress >= to) {
            return 1;
        }
        if (progress <= from) {
            return 0;
        }
        return (progress - from) / (to - from);
    }
}
