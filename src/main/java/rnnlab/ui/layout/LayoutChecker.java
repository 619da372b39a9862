package rnnlab.ui.layout;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;

/**
 * Finds text that a reader cannot read in the real scene graph: a label cut with an ellipsis, text
 * reaching outside the window or outside an ancestor that clips it (a clip or a scroll pane's
 * viewport), and two texts drawn over each other. Text drawn on canvases (the views' diagrams) is not
 * seen here: only Text and Labeled nodes. Call on the FX thread after a layout pass.
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

    private LayoutChecker() {
    }

    public static List<Problem> check(Scene scene) {
        return check(scene.getRoot(), new javafx.geometry.BoundingBox(0, 0, scene.getWidth(), scene.getHeight()));
    }

    /** Checks the texts under {@code root} against each other and against {@code window} (scene coordinates). */
    public static List<Problem> check(Parent root, Bounds window) {
        List<Text> texts = new ArrayList<>();
        collect(root, texts);
        List<Problem> out = new ArrayList<>();
        List<Bounds> boxes = new ArrayList<>();
        for (Text t : texts) {
            Bounds b = t.localToScene(t.getBoundsInLocal());
            boxes.add(b);
            Labeled owner = owner(t);
            if (owner != null && owner.getText() != null && !owner.getText().isEmpty()
                    && !owner.getText().equals(t.getText()) && !owner.isWrapText()
                    && t.getText().endsWith(owner.getEllipsisString())) {
                out.add(new Problem("cut with an ellipsis", where(t), owner.getText(), null, area(t)));
                continue;
            }
            Bounds view = scrollViewport(t);
            if (view != null && !b.intersects(view)) {
                continue; // scrolled out of sight: not drawn, so neither clipped nor overlapping
            }
            Bounds ob = owner == null ? null : owner.localToScene(owner.getLayoutBounds());
            if (outside(b, window) || (ob != null && outside(ob, window))) {
                out.add(new Problem("outside the window", where(t), t.getText(), null, area(t)));
                continue;
            }
            Node clipper = clippingAncestor(t);
            if (clipper != null) {
                Bounds c = clipper.localToScene(clipper.getClip().getBoundsInParent());
                if (c != null && outside(b, c) && intersects(b, c)) {
                    out.add(new Problem("clipped by " + name(clipper), where(t), t.getText(), null, area(t)));
                }
            }
        }
        texts.removeIf(t -> {
            Bounds view = scrollViewport(t);
            return view != null && !t.localToScene(t.getBoundsInLocal()).intersects(view);
        });
        boxes.clear();
        // a text in a scroll pane is drawn only inside its viewport: what lies beyond is not over anything
        // and a text under a clip (a tab header's) only inside the clip
        texts.forEach(t -> boxes.add(insideClips(t, clipTo(t.localToScene(t.getBoundsInLocal()), scrollViewport(t)))));
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                // runs of one TextFlow are laid out by it; a wrapped run's box spans whole lines
                if (texts.get(i).getParent() instanceof javafx.scene.text.TextFlow
                        && texts.get(i).getParent() == texts.get(j).getParent()) {
                    continue;
                }
                // nor a run and a chip (an inline `code` label) of the same flow: the flow puts the chip between
                // the run's lines, inside the run's whole-lines box
                javafx.scene.text.TextFlow flow = flowOf(texts.get(i));
                if (flow != null && flow == flowOf(texts.get(j))) {
                    continue;
                }
                Bounds a = boxes.get(i);
                Bounds b = boxes.get(j);
                double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
                double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
                if (w <= 0 || h <= 0) {
                    continue;
                }
                double smaller = Math.min(a.getWidth() * a.getHeight(), b.getWidth() * b.getHeight());
                if (smaller > 0 && w * h > OVERLAP_SHARE * smaller) {
                    out.add(new Problem("overlaps", where(texts.get(i)), texts.get(i).getText(), texts.get(j).getText(), area(texts.get(i))));
                }
            }
        }
        return out;
    }

    private static void collect(Node n, List<Text> out) {
        if (!n.isVisible() || n.getOpacity() == 0) {
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
                collect(c, out);
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
