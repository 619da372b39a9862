package rnnlab.ui.common;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * Turns off the bitmap cache JavaFX's ScrollPane skin keeps of its viewport ({@code viewRect.setCache(true)}
 * in ScrollPaneSkin). The cache pays off for content that does not change; the side panel's changes at
 * every step (its one-hot row, the sequence's current character), and each change made the renderer draw
 * the whole viewport again into the cache (every panel, field and rounded box of the model settings) and
 * then the cache onto the window: in bench-ui, 19 of the 27 renderer samples in region backgrounds were
 * that re-render.
 */
public final class UncachedViewport {
    private UncachedViewport() {
    }

    /** Turns the viewport's cache off now if the skin exists, else as soon as it does. */
    public static void of(ScrollPane scroll) {
        if (!apply(scroll)) {
            scroll.skinProperty().addListener((o, a, s) -> apply(scroll));
        }
    }

    private static boolean apply(ScrollPane scroll) {
        if (scroll.getSkin() == null) {
            return false;
        }
        Node viewport = scroll.lookup(".viewport");
        if (viewport == null) {
            return false;
        }
        viewport.setCache(false);
        return true;
    }

    /** Whether the viewport is cached (for tests): null before the skin exists. */
    public static Boolean cached(ScrollPane scroll) {
        Node viewport = scroll.getSkin() == null ? null : scroll.lookup(".viewport");
        return viewport == null ? null : viewport.isCache();
    }
}
