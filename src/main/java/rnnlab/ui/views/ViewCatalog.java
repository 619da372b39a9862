package rnnlab.ui.views;

import java.util.List;
import rnnlab.ui.controls.ViewText;

/** Every view the main window offers, in display order. */
public final class ViewCatalog {
    /** The resource bundle holding the views' titles and texts (separate from the shell's messages). */
    public static final String BUNDLE = ViewText.BUNDLE;

    private ViewCatalog() {
    }

    /** New instances of all views. */
    public static List<LabView> createAll() {
        return List.of(new UnrolledView(), new HeatmapView(), new LstmView(), new BeltView(), new GruView(),
                new RnnView(), new FormulaView(), new OutputView(), new TextView(), new DecayView(), new WeightsView());
    }

    /** A view's title in the current locale (its {@link LabView#titleKey()} looked up in {@link #BUNDLE}). */
    public static String title(LabView view) {
        return ViewText.get(view.titleKey());
    }
}
