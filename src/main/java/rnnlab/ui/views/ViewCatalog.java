package rnnlab.ui.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import rnnlab.catalog.ViewRegistry;
import rnnlab.i18n.Messages;

/**
 * The factories of the views {@link ViewRegistry} declares (ids, element ids, title keys live there,
 * in the core, so scenarios and lessons can check them): one line per view.
 */
public final class ViewCatalog {
    /** The resource bundle holding the views' titles and texts (separate from the shell's messages). */
    public static final String BUNDLE = Messages.VIEWS;

    private static final Map<String, Supplier<LabView>> FACTORIES = new LinkedHashMap<>();

    static {
        register("view.unrolled", UnrolledView::new);
        register("view.heatmap", HeatmapView::new);
        register("view.lstm", LstmView::new);
        register("view.belt", BeltView::new);
        register("view.gru", GruView::new);
        register("view.rnn", RnnView::new);
        register("view.formulas", FormulaView::new);
        register("view.output", OutputView::new);
        register("view.text", TextView::new);
        register("view.decay", DecayView::new);
        register("view.weights", WeightsView::new);
    }

    private ViewCatalog() {
    }

    private static void register(String id, Supplier<LabView> factory) {
        if (!ViewRegistry.known(id)) {
            throw new IllegalStateException(id + " is not declared in rnnlab.catalog.ViewRegistry");
        }
        FACTORIES.put(id, factory);
    }

    /** New instances of all views, in the registry's order. */
    public static List<LabView> createAll() {
        List<LabView> out = new ArrayList<>();
        for (ViewRegistry.View v : ViewRegistry.BUILT_IN) {
            out.add(create(v.id()));
        }
        return List.copyOf(out);
    }

    /**
     * The built-in views in the registry's order, each created only when the views area first shows it
     * or is asked for it (the app's window; issue 18).
     */
    public static List<ViewSlot> slots() {
        List<ViewSlot> out = new ArrayList<>();
        for (ViewRegistry.View v : ViewRegistry.BUILT_IN) {
            Supplier<LabView> f = FACTORIES.get(v.id());
            if (f != null) {
                out.add(new ViewSlot(v.id(), v.titleKey(), f));
            }
        }
        return List.copyOf(out);
    }

    /** A new instance of the view with this id. */
    public static LabView create(String id) {
        Supplier<LabView> f = FACTORIES.get(id);
        if (f == null) {
            throw new IllegalArgumentException("no view has the id " + id + "; expected one of " + FACTORIES.keySet());
        }
        return f.get();
    }

    /** A view's title in the current locale (its {@link LabView#titleKey()} looked up in {@link #BUNDLE}). */
    public static String title(LabView view) {
        return Messages.get(view.titleKey());
    }
}
