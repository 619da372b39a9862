package rnnlab.ui.shell;

import rnnlab.ui.common.Ids;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import rnnlab.ui.diagrams.Architecture;
import rnnlab.i18n.Messages;
import rnnlab.ui.export.GifExportDialog;
import rnnlab.ui.export.ViewExport;
import rnnlab.ui.views.UnrolledView;

/** Menu items for comparing, pinning and exporting, added to the main menu's File and View menus. */
final class LabMenus {
    private final MainWindow w;

    LabMenus(MainWindow w) {
        this.w = w;
    }

    /** File ▸ Export view as PNG (2×), Export trace as JSON, Export trace as CSV. */
    List<MenuItem> fileItems() {
        return List.of(new SeparatorMenuItem(),
                item("menu.file.exportView", "Shortcut+E", () -> ViewExport.exportView(w)),
                item("menu.file.exportGif", null, () -> GifExportDialog.show(w)),
                item("menu.file.exportJson", null, () -> ViewExport.exportTrace(w, false)),
                item("menu.file.exportCsv", null, () -> ViewExport.exportTrace(w, true)),
                item("menu.file.exportModel", null, () -> ViewExport.exportModel(w)));
    }

    /** View ▸ Pin a gate…, Compare cell types…, Unrolled architecture ▸, Views for this cell type (before Visible views). */
    List<MenuItem> viewItems() {
        return List.of(new SeparatorMenuItem(),
                item("menu.view.valuesTable", "Shortcut+Shift+V", () -> w.valuesTables().toggle()),
                item("menu.view.pinGate", "Shortcut+G", w::showPinGate),
                item("menu.view.compare", "Shortcut+K", w::showComparison),
                item("menu.view.gradcheck", null, () -> rnnlab.ui.gradcheck.GradientCheckWindow.show(w)),
                item("menu.view.textlab", null, () -> rnnlab.ui.textlab.TextLabWindow.show(w.stage(), w.scene(),
                        w.context().selectedUnitProperty())),
                new SeparatorMenuItem(), architecture(),
                item("menu.view.cellViews", null, () -> w.cellViews().followCell()));
    }

    /** "From the targets" (the view infers many-to-one / many-to-many) or a fixed drawing for teaching. */
    private Menu architecture() {
        Menu m = new Menu(Messages.get("menu.view.architecture"));
        m.setId(Ids.of("menu.view.architecture"));
        ToggleGroup g = new ToggleGroup();
        RadioMenuItem auto = radio("auto", g, null);
        auto.setSelected(true);
        m.getItems().add(auto);
        for (Architecture a : Architecture.values()) {
            m.getItems().add(radio(a.name().toLowerCase(Locale.ROOT), g, a));
        }
        m.setDisable(w.unrolledView() == null);
        return m;
    }

    private RadioMenuItem radio(String key, ToggleGroup g, Architecture a) {
        RadioMenuItem r = new RadioMenuItem(Messages.get("menu.view.architecture." + key));
        r.setId(Ids.of("menu.view.architecture." + key));
        r.setToggleGroup(g);
        r.setOnAction(e -> {
            UnrolledView u = w.unrolledView();
            if (u != null) {
                u.setArchitecture(a);
            }
        });
        return r;
    }

    private static MenuItem item(String key, String accel, Runnable action) {
        MenuItem i = new MenuItem(Messages.get(key));
        i.setId(Ids.of(key));
        if (accel != null) {
            i.setAccelerator(KeyCombination.keyCombination(accel));
        }
        i.setOnAction(e -> action.run());
        return i;
    }
}
