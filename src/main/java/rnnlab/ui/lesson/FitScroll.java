package rnnlab.ui.lesson;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import rnnlab.ui.layout.LayoutChecker;

/**
 * A vertical scroll pane that asks for its content's whole height at the width it is given (wrapped text),
 * so that it scrolls only when its parent gives it less: the pinned checkpoint in the lesson panel and a
 * choice's options inside it. Its skin is made at once, not at the first CSS pass: a scroll pane's content
 * joins the scene graph through its skin, and the checkpoint's parts must be there (lookups, focus, keys)
 * as soon as a step is shown. Both show the checkpoint, whose texts must never be cut at the viewport's
 * edge (an option's last line hidden reads as the whole option): marked {@link LayoutChecker#WHOLE_TEXT},
 * so {@code lessons check --layout} reports a text partly in view.
 */
class FitScroll extends ScrollPane {
    /** Added to the content's height (room for the content's focus ring, or none). */
    private final double extra;

    FitScroll(Node content, double extra) {
        super(content);
        this.extra = extra;
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setFocusTraversable(false);
        setSkin(createDefaultSkin());
        getProperties().put(LayoutChecker.WHOLE_TEXT, Boolean.TRUE);
    }

    /** Its height depends on its width: the parent asks for it at the width it gives. */
    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        Node c = getContent();
        double at = width > 0 ? width : getWidth();
        double w = at > 0 ? at - snappedLeftInset() - snappedRightInset() : -1;
        return (c == null ? 0 : c.prefHeight(w)) + snappedTopInset() + snappedBottomInset() + extra;
    }
}
