package rnnlab.ui.views;

import javafx.scene.Node;

/**
 * A view the main window can host. A view only binds: it reads the frames and selections of its
 * {@link ViewContext} and never calls the engine.
 */
public interface LabView {
    /** Stable id, e.g. {@code view.unrolled}; lessons and scenarios refer to views by it. */
    String id();

    /** Resource-bundle key of the view's title. */
    String titleKey();

    /** The node to place in the window (created once). */
    Node node();

    /** Connects the view to the shared state; called once, on the FX thread. */
    void bind(ViewContext context);

    /**
     * The view drawn at twice its on-screen size for slides (null if the view cannot); FX thread, while
     * the view is showing.
     */
    default javafx.scene.image.WritableImage exportImage() {
        return null;
    }

    /**
     * The numbers the view draws for the current frame and selections, as a table (the view's
     * accessible "values table" alternative); null if the view has none. FX thread, after {@link #bind}.
     */
    default ValuesTable valuesTable() {
        return null;
    }

    /** Removes listeners registered in {@link #bind}. */
    default void unbind() {
    }
}
