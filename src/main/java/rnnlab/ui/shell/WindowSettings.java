package rnnlab.ui.shell;

import java.util.LinkedHashMap;
import java.util.Map;
import rnnlab.ui.viewmodel.WindowState;
import rnnlab.ui.views.CellViewDefaults;
import rnnlab.ui.views.ViewContext;

/** The main window's part of a scenario (theme, font scale, speed, layout, selection, highlight): saved and restored. */
final class WindowSettings {
    private final MainWindow w;

    WindowSettings(MainWindow w) {
        this.w = w;
    }

    /** The window's part of a scenario: theme, font scale, speed, selection and highlight. */
    Map<String, String> settings() {
        ViewContext context = w.context();
        Map<String, String> s = new LinkedHashMap<>();
        s.put("theme", w.theme().isDark() ? "dark" : "light");
        s.put("font_scale", String.valueOf(w.theme().fontScale()));
        s.put("speed", String.valueOf(w.viewModel().speedProperty().get()));
        s.put("layout", w.viewsArea().tabbedProperty().get() ? "tabs" : "tiles");
        // the user's own choice, not as a lesson's training step or presentation mode hold it for now (a language
        // switch while presenting rebuilt the window with the side panel off for good)
        s.put("side_panel", String.valueOf(w.locks().sidePanel().wanted()));
        s.put("selected_layer", String.valueOf(context.selectedLayerProperty().get()));
        s.put("selected_direction", String.valueOf(context.selectedDirectionProperty().get()));
        s.put("selected_unit", String.valueOf(context.selectedUnitProperty().get()));
        s.put("selected_gate", String.valueOf(context.selectedGateProperty().get()));
        s.put(CellViewDefaults.SETTING, w.cellViews().setting());
        // a lesson's spotlight belongs to the lesson, not the window: saved with it, it outlived the lesson
        // (issue 12: an autosave taken during a lesson restored a spotlight with no lesson open)
        if (context.highlightProperty().get() != null && !w.lessons().openProperty().get()) {
            s.put("highlight", context.highlightProperty().get());
        }
        return s;
    }

    void apply(WindowState sc) {
        ViewContext context = w.context();
        Appearance theme = w.theme();
        w.cellViews().restore(sc.settings().get(CellViewDefaults.SETTING));
        if (!w.viewsArea().ids().isEmpty()) {
            w.viewsArea().showOnly(sc.visibleViews());
        }
        Map<String, String> s = sc.settings();
        theme.setDark("dark".equals(s.get("theme")));
        w.viewsArea().tabbedProperty().set("tabs".equals(s.get("layout")));
        w.sidePanelShownProperty().set(!"false".equals(s.get("side_panel")));
        theme.setFontScale(number(s.get("font_scale"), theme.fontScale(), 0.5, 3));
        var vm = w.viewModel();
        vm.speedProperty().set(number(s.get("speed"), vm.speedProperty().get(), 0.25, 4));
        context.selectedLayerProperty().set((int) number(s.get("selected_layer"), 0, 0, 64));
        context.selectedDirectionProperty().set((int) number(s.get("selected_direction"), 0, 0, 1));
        context.selectedUnitProperty().set((int) number(s.get("selected_unit"), 0, 0, 4096));
        if (s.containsKey("selected_gate")) {
            context.selectedGateProperty().set(s.get("selected_gate"));
        }
        context.highlightProperty().set(s.get("highlight"));
    }

    static double number(String text, double fallback, double min, double max) {
        if (text == null) {
            return fallback;
        }
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? Math.max(min, Math.min(max, v)) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
