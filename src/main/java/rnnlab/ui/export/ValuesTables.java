package rnnlab.ui.export;

import java.util.List;
import javafx.scene.Scene;
import rnnlab.ui.views.LabView;
import rnnlab.ui.views.ViewsArea;

/**
 * The values tables of the main window's views (each view's numbers as an accessible table, shown in
 * its tile instead of the drawing): for the menu, the keys, and lessons that want a table open.
 */
public final class ValuesTables {
    private final ViewsArea area;
    private final Scene scene;

    public ValuesTables(ViewsArea area, Scene scene) {
        this.area = area;
        this.scene = scene;
    }

    /** Shows or hides a view's values table (unknown ids are ignored). */
    public void show(String viewId, boolean shown) {
        var p = area.tableShownProperty(viewId);
        if (p != null) {
            p.set(shown);
        }
    }

    /** Whether the view's tile shows its values table. */
    public boolean shown(String viewId) {
        var p = area.tableShownProperty(viewId);
        return p != null && p.get();
    }

    /**
     * View ▸ Values table: toggles the table of the view that has the keyboard focus; with no view
     * focused, shows (or, when all show one, hides) the tables of all visible views.
     */
    public void toggle() {
        LabView focused = focusedView();
        if (focused != null) {
            show(focused.id(), !shown(focused.id()));
            return;
        }
        List<String> ids = area.visibleIds();
        boolean all = !ids.isEmpty() && ids.stream().allMatch(this::shown);
        ids.forEach(id -> show(id, !all));
    }

    /** The view whose tile holds the keyboard focus, or null. */
    public LabView focusedView() {
        return scene.getFocusOwner() == null ? null : area.viewOf(scene.getFocusOwner());
    }
}
