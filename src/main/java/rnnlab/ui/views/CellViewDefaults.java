package rnnlab.ui.views;

import rnnlab.engine.CellType;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The views that fit the model's cell: when the cell type changes (preset, model file, cell choice,
 * scenario), the visible views become the ones that apply to it — unless the user chose the views by
 * hand in View ▸ Visible views; that choice is remembered (and saved in scenarios) until
 * View ▸ Views for this cell type.
 */
public final class CellViewDefaults {
    /** Scenario setting: "by_hand" when the user chose the views, else "by_cell". */
    public static final String SETTING = "views_chosen";
    private final ViewsArea area;
    private final StringProperty cellType;
    private boolean byHand;

    public CellViewDefaults(ViewsArea area, StringProperty cellType) {
        this.area = area;
        this.cellType = cellType;
        cellType.addListener((o, a, c) -> {
            if (!byHand) {
                apply(c);
            }
        });
        apply(cellType.get());
    }

    /** Vanilla RNN: unrolled, heatmap, RNN cell, output; LSTM: … LSTM cell, conveyor belt; GRU: … GRU cell, output. */
    static List<String> forCell(String cell) {
        CellType c = CellType.fromId(cell);
        String third = c == null ? CellType.RNN_TANH.viewId() : c.viewId();
        String fourth = c != null && c.hasCellState() ? "view.belt" : "view.output";
        return List.of("view.unrolled", "view.heatmap", third, fourth);
    }

    /** The user toggled a view: keep the views as they are from now on. */
    public void chosenByHand() {
        byHand = true;
    }

    boolean byHand() {
        return byHand;
    }

    /** Forget the hand-made choice and show the cell's views again. */
    public void followCell() {
        byHand = false;
        apply(cellType.get());
    }

    /** Restores the remembered choice from a scenario setting (views themselves come with the scenario). */
    public void restore(String setting) {
        byHand = "by_hand".equals(setting);
    }

    public String setting() {
        return byHand ? "by_hand" : "by_cell";
    }

    ReadOnlyStringProperty cellType() {
        return cellType;
    }

    /** Shows the cell's views when the catalog has any of them (a test catalog without them is left alone). */
    private void apply(String cell) {
        List<String> ids = forCell(cell);
        if (area.ids().stream().anyMatch(ids::contains)) {
            area.showOnly(ids);
        }
    }
}
