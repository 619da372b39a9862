package rnnlab.ui.views;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A view the views area can host before the view exists: its id and title key (enough for the menus,
 * the tiles' titles, lessons and scenarios) and how to create it. The {@link ViewsArea} creates the view
 * the first time it is shown or asked for (issue 18: what the first window does not show is not built).
 *
 * @param id       the view's id ({@code view.lstm})
 * @param titleKey its title's key in {@link ViewCatalog#BUNDLE}
 * @param factory  creates the view (called at most once per slot, on the FX thread)
 */
public record ViewSlot(String id, String titleKey, Supplier<LabView> factory) {
    public ViewSlot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(titleKey, "titleKey");
        Objects.requireNonNull(factory, "factory");
    }

    /** A slot holding a view that already exists. */
    public static ViewSlot of(LabView view) {
        return new ViewSlot(view.id(), view.titleKey(), () -> view);
    }
}
