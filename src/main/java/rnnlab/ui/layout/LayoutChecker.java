package rnnlab.ui.layout;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import rnnlab.ui.controls.CanvasLabels;

/**
 * Finds text that a reader cannot read in the real scene graph: a label cut with an ellipsis, text
 * reaching outside the window or outside an ancestor that clips it (a clip or a scroll pane's
 * viewport), two texts drawn over each other, and text smaller than the minimum size. Besides Text and
 * Labeled nodes it reads the labels a canvas view reports ({@link CanvasLabels}, in the canvas's
 * properties): canvas text that is drawn without being reported is not seen. Call on the FX thread after
 * a layout pass.
 *
 * <p>Text cut by a scroll pane's viewport is ordinarily no finding (it scrolls back into view: the
 * narration), but a scroll pane marked {@link #WHOLE_TEXT} must show each of its texts whole or not at all:
 * a line cut off at its edge there reads as the whole text (a checkpoint's option at the foot of its
 * options' scroll pane, issue 12).
 */
public final class LayoutChecker {
    /** Overlap smaller than this share of the smaller text's box is ignored (antialiasing, descenders). */
    static final double OVERLAP_SHARE = 0.25;
    /** Pixels a text may reach over an edge before it counts as clipped. */
    static final double SLACK = 1.5;

    /**
     * One finding: what, where (the nearest id), the text (and the other text it overlaps), and the area
     * of the window: {@code view lstm} (a view's tile), {@code lesson panel}, or {@code window}.
     */
    public record Problem(String kind, String where, String text, String other, String area) {
        @Override
        public String toString() {
            return where + ": " + kind + " \"" + text + "\"" + (other == null ? "" : " / \"" + other + "\"");
        }
    }

    /**
     * The property key ({@code getProperties().put(WHOLE_TEXT, true)}) of a scroll pane whose texts must not be
     * cut by its viewport's edge: a text partly in view there is reported {@code clipped by #its-id}.
     */
    public static final String WHOLE_TEXT = "rnnlab.layout.wholeText";

    private LayoutChecker() {
    }

    /** No text under this size (px) in the window a student uses alone (issue 12). */
    public static final double MIN_TEXT_PX = rnnlab.ui.controls.LabCanvasControl.MIN_TEXT_PX;
    /** No text under this size (px) in presentation mode (the root has style class {@code presenting}). */
    public static final double MIN_TEXT_PX_PRESENTING = rnnlab.ui.controls.LabCanvasControl.MIN_TEXT_PX_PROJECTOR;

    public static List<Problem> check(Scene scene) {
        return check(scene.getRoot(), new javafx.geometry.BoundingBox(0, 0, scene.getWidth(), scene.getHeight()));
    }

    /**
     * Checks the texts under {@code root} against each other and against {@code window} (scene coordinates),
     * texts nodes and the labels canvas views report ({@link CanvasLabels}), and that no text is smaller than
     * {@link #MIN_TEXT_PX} ({@link #MIN_TEXT_PX_PRESENTING} when the root is presenting).
     */
    public static List<Problem> check(Parent root, Bounds window) {
        return check(root, window, root.getStyleClass().contains("presenting") ? MIN_TEXT_PX_PRESENTING : MIN_TEXT_PX);
    }

    /** A text to check: a Text node, or a label drawn on a canvas (then {@code node} is the canvas). */
    private record Item(String text, Bounds box, Node node, Text textNode, double px) {
    }

    /** As {@link #check(Parent, Bounds)} with a minimum text size in px (0: none). */
    public static List<Problem> check(Parent root, Bounds window, double minPx) {
        List<Text> texts = new ArrayList<>();
        List<Canvas> canvases = new ArrayList<>();
        collect(root, texts, canvases);
        List<Problem> out = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        for (Text t : texts) {
            Bounds b = t.localToScene(t.getBoundsInLocal());
            Labeled owner = owner(t);
            // a label too narrow for its text, or a wrapped one given fewer lines than it needs, is shortened
            // with the ellipsis
            if (owner != null && owner.getText() != null && !owner.getText().isEmpty()
                    && !owner.getText().equals(t.getText())
                    && t.getText().endsWith(owner.getEllipsisString())) {
                out.add(new Problem("cut with an ellipsis", where(t), owner.getText(), null, area(t)));
                continue;
            }
            Bounds view = scrollViewport(t);
            if (view != null && !b.intersects(view)) {
                continue; // scrolled out of sight: not drawn, so neither clipped nor overlapping
            }
            double px = t.getFont().getSize() * scale(t);
            if (px < minPx - 0.05) {
                out.add(new Problem(tooSmall(px, minPx), where(t), t.getText(), null, area(t)));
            }
            // a text in a scroll pane is drawn only inside its viewport: what lies beyond is not over anything
            // and a text under a clip (a tab header's) only inside the clip
            items.add(new Item(t.getText(), insideClips(t, clipTo(b, view)), t, t, px));
            Bounds ob = owner == null ? null : owner.localToScene(owner.getLayoutBounds());
            // in a scroll pane only the part inside its viewport is drawn: a long paragraph scrolled partly
            // above it reaches outside the window, but nobody sees it cut by the window's edge
            if (outside(clipTo(b, view), window) || (ob != null && outside(clipTo(ob, view), window))) {
                out.add(new Problem("outside the window", where(t), t.getText(), null, area(t)));
                continue;
            }
            Node clipper = clippingAncestor(t);
            if (clipper != null) {
                Bounds c = clipper.localToScene(clipper.getClip().getBoundsInParent());
                if (c != null && outside(b, c) && intersects(b, c)) {
                    out.add(new Problem("clipped by " + name(clipper), where(t), t.getText(), null, area(t)));
                    continue;
                }
            }
            ScrollPane whole = cutByWholeTextPane(t, b);
            if (whole != null) {
                out.add(new Problem("clipped by " + name(whole), where(t), owner != null ? owner.getText() : t.getText(),
                        null, area(t)));
            }
        }
        for (Canvas cv : canvases) {
            CanvasLabels labels = (CanvasLabels) cv.getProperties().get(CanvasLabels.KEY);
            double scale = scale(cv);
            Bounds view = scrollViewport(cv);
            Node clipper = clippingAncestor(cv);
            Bounds clip = clipper == null ? null : clipper.localToScene(clipper.getClip().getBoundsInParent());
            CanvasLabels.Drawing drawing = null;
            for (CanvasLabels.Placed l : labels.placed()) {
                Bounds b = cv.localToScene(new javafx.geometry.BoundingBox(l.x(), l.y(), l.w(), l.h()));
                if (view != null && !b.intersects(view)) {
                    continue;
                }
                double px = l.fontSize() * scale;
                if (px < minPx - 0.05) {
                    out.add(new Problem(tooSmall(px, minPx), where(cv), l.text(), null, area(cv)));
                }
                items.add(new Item(l.text(), insideClips(cv, clipTo(b, view)), cv, null, px));
                if (l.x() < -SLACK || l.y() < -SLACK || l.maxX() > cv.getWidth() + SLACK || l.maxY() > cv.getHeight() + SLACK) {
                    out.add(new Problem("clipped by the canvas", where(cv), l.text(), null, area(cv)));
                } else if (outside(b, window)) {
                    out.add(new Problem("outside the window", where(cv), l.text(), null, area(cv)));
                } else if (clip != null && outside(b, clip) && intersects(b, clip)) {
                    out.add(new Problem("clipped by " + name(clipper), where(cv), l.text(), null, area(cv)));
                }
                if (l.bare()) {
                    if (drawing == null) {
                        drawing = labels.drawing();
                        if (drawing == null) {
                            continue;
                        }
                    }
                    if (overGraphics(drawing, l) > GRAPHICS_SHARE) {
                        out.add(new Problem("drawn over graphics", where(cv), l.text(), null, area(cv)));
                    }
                }
            }
        }
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                Item p = items.get(i);
                Item q = items.get(j);
                if (p.textNode != null && q.textNode != null) {
                    // runs of one TextFlow are laid out by it; a wrapped run's box spans whole lines
                    if (p.textNode.getParent() instanceof javafx.scene.text.TextFlow
                            && p.textNode.getParent() == q.textNode.getParent()) {
                        continue;
                    }
                    // nor a run and a chip (an inline `code` label) of the same flow: the flow puts the chip between
                    // the run's lines, inside the run's whole-lines box
                    javafx.scene.text.TextFlow flow = flowOf(p.textNode);
                    if (flow != null && flow == flowOf(q.textNode)) {
                        continue;
                    }
                }
                Bounds a = p.box;
                Bounds b = q.box;
                double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
                double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
                if (w <= 0 || h <= 0) {
                    continue;
                }
                // two labels of canvases: their boxes are the glyphs' line boxes, placed not to touch; any
                // overlap of more than a pixel each way is a fault
                boolean canvases2 = p.textNode == null && q.textNode == null;
                double smaller = Math.min(a.getWidth() * a.getHeight(), b.getWidth() * b.getHeight());
                if (canvases2 ? w > 1 && h > 1 : smaller > 0 && w * h > OVERLAP_SHARE * smaller) {
                    out.add(new Problem("overlaps", where(p.node), p.text, q.text, area(p.node)));
                }
            }
        }
        return out;
    }

    /**
     * A canvas label drawn straight onto the drawing is reported {@code drawn over graphics} when more than this share
     * of the pixels inside its box (less {@link #GRAPHICS_INSET} each side) differ from the ground it stands on in the
     * drawing without the labels.
     */
    static final double GRAPHICS_SHARE = 0.04;
    /**
     * Pixels of a label's box left out each side: its box is the line box of its glyphs, placed to touch what is
     * next to it (a tick, a grid line ending at its edge), and antialiasing reaches a pixel into it.
     */
    static final int GRAPHICS_INSET = 2;
    /** How far (0..1, the largest difference of a channel) a pixel's colour may be from the ground's and still be ground. */
    static final double GROUND_TOLERANCE = 0.1;

    /**
     * The share of the pixels inside a label's box (less {@link #GRAPHICS_INSET}) that are drawing, not ground, in
     * the canvas's drawing without its labels: the ground is the canvas's background, or the one colour that covers
     * most of the box when that is not the background (a label inside a filled panel stands on the panel).
     */
    static double overGraphics(CanvasLabels.Drawing d, CanvasLabels.Placed l) {
        javafx.scene.image.PixelReader r = d.image().getPixelReader();
        if (r == null) {
            return 0;
        }
        int x0 = (int) Math.max(0, Math.ceil(l.x()) + GRAPHICS_INSET);
        int y0 = (int) Math.max(0, Math.ceil(l.y()) + GRAPHICS_INSET);
        int x1 = (int) Math.min(d.image().getWidth(), Math.floor(l.maxX()) - GRAPHICS_INSET);
        int y1 = (int) Math.min(d.image().getHeight(), Math.floor(l.maxY()) - GRAPHICS_INSET);
        if (x1 <= x0 || y1 <= y0) {
            return 0;
        }
        int n = (x1 - x0) * (y1 - y0);
        int[] px = new int[n];
        r.getPixels(x0, y0, x1 - x0, y1 - y0, javafx.scene.image.PixelFormat.getIntArgbInstance(), px, 0, x1 - x0);
        int bg = argb(d.background());
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        int most = bg;
        int mostN = 0;
        for (int p : px) {
            int c = counts.merge(p, 1, Integer::sum);
            if (c > mostN) {
                mostN = c;
                most = p;
            }
        }
        // the background when it is a good part of the box, else the colour of the panel it stands on
        int ground = ink(px, bg) < n / 2 ? bg : most;
        return (double) ink(px, ground) / n;
    }

    /** How many of the pixels are further than {@link #GROUND_TOLERANCE} from the ground colour. */
    private static int ink(int[] px, int ground) {
        int tol = (int) Math.round(GROUND_TOLERANCE * 255);
        int n = 0;
        for (int p : px) {
            if (Math.abs((p >> 16 & 255) - (ground >> 16 & 255)) > tol || Math.abs((p >> 8 & 255) - (ground >> 8 & 255)) > tol
                    || Math.abs((p & 255) - (ground & 255)) > tol) {
                n++;
            }
        }
        return n;
    }

    private static int argb(javafx.scene.paint.Color c) {
        // opaque: the alpha byte all ones
        return 255 << 24 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    private static String tooSmall(double px, double min) {
        return String.format(java.util.Locale.ROOT, "too small (%.1f px, under %.0f)", px, min);
    }

    /** How much larger than its own pixels a node is drawn in the scene (zoom, scale transforms). */
    private static double scale(Node n) {
        javafx.scene.transform.Transform t = n.getLocalToSceneTransform();
        return Math.sqrt(Math.abs(t.getMxx() * t.getMyy() - t.getMxy() * t.getMyx()));
    }

    private static void collect(Node n, List<Text> out, List<Canvas> canvases) {
        if (!n.isVisible() || n.getOpacity() == 0) {
            return;
        }
        if (n instanceof Canvas c && c.getProperties().get(CanvasLabels.KEY) instanceof CanvasLabels) {
            canvases.add(c);
            return;
        }
        if (n instanceof Text t) {
            if (t.getText() != null && !t.getText().isBlank() && t.getBoundsInLocal().getWidth() > 0) {
                out.add(t);
            }
            return;
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out, canvases);
            }
        }
    }

    /** The nearest TextFlow above {@code n}, or null. */
    private static javafx.scene.text.TextFlow flowOf(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.text.TextFlow f) {
                return f;
            }
        }
        return null;
    }

    private static Labeled owner(Text t) {
        Node p = t.getParent();
        return p instanceof Labeled l ? l : null;
    }

    private static Node clippingAncestor(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getClip() != null) {
                // a scroll pane's viewport: text scrolled partly out of view can be scrolled back
                return isInScrollPane(p) ? null : p;
            }
        }
        return null;
    }

    /** The scene bounds of the scroll pane {@code n} is in, or null. */
    private static Bounds scrollViewport(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp) {
                return sp.localToScene(sp.getLayoutBounds());
            }
        }
        return null;
    }

    /**
     * The scroll pane marked {@link #WHOLE_TEXT} (the nearest, then those around it) whose viewport's top or
     * bottom edge cuts {@code b}, the scene box of {@code n}, partly showing it; null when none does. Only
     * the height counts: these panes wrap their text to their width, and a wrapped line's box may reach a few
     * pixels past it with its trailing space. A scroll pane's viewport is the clip of its skin's view, the
     * highest clipped node below it on the way up from {@code n}.
     */
    private static ScrollPane cutByWholeTextPane(Node n, Bounds b) {
        Node clipped = null;
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp && Boolean.TRUE.equals(sp.getProperties().get(WHOLE_TEXT))) {
                Bounds c = clipped != null ? clipped.localToScene(clipped.getClip().getBoundsInParent())
                        : sp.localToScene(sp.getLayoutBounds());
                boolean cut = b.getMinY() < c.getMinY() - SLACK || b.getMaxY() > c.getMaxY() + SLACK;
                if (cut && visiblyInside(b, c)) {
                    return sp;
                }
            }
            if (p.getClip() != null) {
                clipped = p;
            }
        }
        return null;
    }

    /** More than {@link #SLACK} pixels of {@code b} each way show inside {@code box}: a reader sees part of it. */
    private static boolean visiblyInside(Bounds b, Bounds box) {
        Bounds in = clipTo(b, box);
        return in.getWidth() > SLACK && in.getHeight() > SLACK;
    }

    private static boolean isInScrollPane(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof ScrollPane) {
                return true;
            }
        }
        return false;
    }

    /** The part of {@code b} inside every ancestor's clip (what can be drawn of it). */
    private static Bounds insideClips(Node n, Bounds b) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getClip() != null) {
                b = clipTo(b, p.localToScene(p.getClip().getBoundsInParent()));
            }
        }
        return b;
    }

    private static Bounds clipTo(Bounds b, Bounds view) {
        if (view == null) {
            return b;
        }
        double x0 = Math.max(b.getMinX(), view.getMinX());
        double y0 = Math.max(b.getMinY(), view.getMinY());
        double x1 = Math.min(b.getMaxX(), view.getMaxX());
        double y1 = Math.min(b.getMaxY(), view.getMaxY());
        return new javafx.geometry.BoundingBox(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    private static boolean outside(Bounds b, Bounds box) {
        return b.getMinX() < box.getMinX() - SLACK || b.getMinY() < box.getMinY() - SLACK
                || b.getMaxX() > box.getMaxX() + SLACK || b.getMaxY() > box.getMaxY() + SLACK;
    }

    private static boolean intersects(Bounds b, Bounds box) {
        return b.intersects(box);
    }

    private static String name(Node n) {
        return n.getId() != null ? "#" + n.getId() : n.getClass().getSimpleName();
    }

    /** {@code view X} for a text in view X's tile, {@code lesson panel} in the lesson panel, else {@code window}. */
    static String area(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            String id = p.getId();
            if (id != null && id.startsWith("tile-view-")) {
                return "view " + id.substring("tile-view-".length());
            }
            if ("lesson-panel".equals(id)) {
                return "lesson panel";
            }
        }
        return "window";
    }

    /** The nearest ancestor with an id, for the report. */
    static String where(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getId() != null) {
                return "#" + p.getId();
            }
        }
        return n.getClass().getSimpleName();
    }
}
