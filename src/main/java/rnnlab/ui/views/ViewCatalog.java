package rnnlab.ui.views;

import java.util.List;

/** Every view the main window offers, in display order. */
public final class ViewCatalog {
    private ViewCatalog() {
    }

    /** New instances of all views. */
    public static List<LabView> createAll() {
        return List.of(new UnrolledView(), new HeatmapView(), new LstmView(), new BeltView(), new GruView(),
                new RnnView(), new FormulaView(), new OutputView(), new TextView());
    }
}
