package rnnlab.ui.shell;

import rnnlab.ui.common.Ids;

import java.io.File;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import rnnlab.i18n.Messages;
import rnnlab.ui.lesson.LessonMenu;

/** File, View and Help menus. */
final class MainMenu {
    /** Key and description bundle keys of the shortcuts listed by F1. */
    static final String[][] SHORTCUTS = {
        {"keys.right", "keys.right.does"}, {"keys.left", "keys.left.does"},
        {"keys.lessonNext", "keys.lessonNext.does"}, {"keys.lessonPrev", "keys.lessonPrev.does"},
        {"keys.shiftArrows", "keys.shiftArrows.does"}, {"keys.present", "keys.present.does"},
        {"keys.presenter", "keys.presenter.does"}, {"keys.swapScreens", "keys.swapScreens.does"}, {"keys.space", "keys.space.does"},
        {"keys.home", "keys.home.does"}, {"keys.end", "keys.end.does"}, {"keys.open", "keys.open.does"},
        {"keys.save", "keys.save.does"}, {"keys.export", "keys.export.does"}, {"keys.pin", "keys.pin.does"},
        {"keys.compare", "keys.compare.does"}, {"keys.zoom", "keys.zoom.does"}, {"keys.side", "keys.side.does"}, {"keys.f1", "keys.f1.does"},
        {"keys.tab", "keys.tab.does"}, {"keys.unit", "keys.unit.does"}, {"keys.values", "keys.values.does"},
        {"keys.gate", "keys.gate.does"}, {"keys.layer", "keys.layer.does"},
        {"keys.train", "keys.train.does"}, {"keys.trainStop", "keys.trainStop.does"},
        {"keys.quit", "keys.quit.does"},
    };
    private final MainWindow w;
    private final MenuBar bar = new MenuBar();

    MainMenu(MainWindow w) {
        this.w = w;
        bar.setId(Ids.of("menu"));
        bar.getMenus().addAll(file(), view(), w.training().menu(), new LessonMenu(w).menu(), help());
    }

    MenuBar bar() {
        return bar;
    }

    private Menu file() {
        MenuItem model = item("menu.file.openModel", null, () -> open("file.filter.model", "*.model.json;*.s2s.json;*.pt;*.pth;*.safetensors;*.onnx", true));
        MenuItem seq = item("menu.file.openSequence", null, () -> open("file.filter.sequence", "*.seq.json;*.txt;*.csv", false));
        MenuItem scen = item("menu.file.openScenario", "Shortcut+O", () -> {
            File f = w.choose("menu.file.openScenario", "file.filter.scenario", "*.rnnlab.json", false);
            if (f != null) {
                w.openScenario(f.toPath());
            }
        });
        MenuItem save = item("menu.file.saveScenario", "Shortcut+S", w::saveScenarioAs);
        MenuItem quit = item("menu.file.quit", "Shortcut+Q", w::quit);
        Menu m = new Menu(Messages.get("menu.file"));
        m.setId(Ids.of("menu.file"));
        m.getItems().addAll(model, seq, scen, save);
        m.getItems().addAll(new LabMenus(w).fileItems());
        m.getItems().addAll(new SeparatorMenuItem(), quit);
        return m;
    }

    private void open(String filterKey, String pattern, boolean model) {
        File f = w.choose(model ? "menu.file.openModel" : "menu.file.openSequence", filterKey, pattern, false);
        if (f != null) {
            if (model && rnnlab.ui.seq2seq.Seq2SeqWindow.isSeq2SeqFile(f.toPath())) {
                w.showSeq2Seq().openFile(f.toPath());
            } else if (model) {
                w.viewModel().loadModel(f.toPath());
            } else {
                w.viewModel().loadSequence(f.toPath());
            }
        }
    }

    private Menu view() {
        Menu theme = new Menu(Messages.get("menu.view.theme"));
        ToggleGroup tg = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem(Messages.get("menu.view.theme.light"));
        RadioMenuItem dark = new RadioMenuItem(Messages.get("menu.view.theme.dark"));
        light.setId(Ids.of("menu.view.theme.light"));
        dark.setId(Ids.of("menu.view.theme.dark"));
        light.setToggleGroup(tg);
        dark.setToggleGroup(tg);
        light.setSelected(!w.theme().isDark());
        dark.setSelected(w.theme().isDark());
        light.setOnAction(e -> w.theme().setDark(false));
        dark.setOnAction(e -> w.theme().setDark(true));
        w.theme().darkProperty().addListener((o, a, d) -> (d ? dark : light).setSelected(true));
        theme.getItems().addAll(light, dark);

        Menu font = new Menu(Messages.get("menu.view.fontScale"));
        ToggleGroup fg = new ToggleGroup();
        for (double s : Appearance.SCALES) {
            RadioMenuItem r = new RadioMenuItem(Messages.format("menu.view.fontScale.value", s));
            r.setToggleGroup(fg);
            r.setSelected(s == w.theme().fontScale());
            r.setOnAction(e -> w.theme().setFontScale(s));
            w.theme().fontScaleProperty().addListener((o, a, v) -> r.setSelected(v.doubleValue() == s));
            font.getItems().add(r);
        }
        MenuItem bigger = item("menu.view.fontScale.bigger", "Shortcut+Plus", () -> zoom(1));
        MenuItem smaller = item("menu.view.fontScale.smaller", "Shortcut+Minus", () -> zoom(-1));
        font.getItems().addAll(new SeparatorMenuItem(), bigger, smaller);

        Menu views = new Menu(Messages.get("menu.view.views"));
        views.setId(Ids.of("menu.view.views"));
        for (String id : w.viewsArea().ids()) {
            // the views' ids and titles only: a view not shown yet is not created for its menu item
            CheckMenuItem c = new CheckMenuItem(Messages.get(w.viewsArea().titleKey(id)));
            c.setId(Ids.of("menu.view.views." + id));
            c.selectedProperty().bindBidirectional(w.viewsArea().visibleProperty(id));
            // a view toggled by hand: the views no longer follow the cell type
            c.setOnAction(e -> w.cellViews().chosenByHand());
            views.getItems().add(c);
        }
        if (views.getItems().isEmpty()) {
            MenuItem none = new MenuItem(Messages.get("menu.view.views.none"));
            none.setDisable(true);
            views.getItems().add(none);
        }
        Menu layout = new Menu(Messages.get("menu.view.layout"));
        ToggleGroup lg = new ToggleGroup();
        RadioMenuItem tiles = new RadioMenuItem(Messages.get("menu.view.layout.tiles"));
        RadioMenuItem tabs = new RadioMenuItem(Messages.get("menu.view.layout.tabs"));
        tiles.setToggleGroup(lg);
        tabs.setToggleGroup(lg);
        tiles.setSelected(true);
        tiles.setOnAction(e -> w.viewsArea().tabbedProperty().set(false));
        tabs.setOnAction(e -> w.viewsArea().tabbedProperty().set(true));
        w.viewsArea().tabbedProperty().addListener((o, a, t) -> (t ? tabs : tiles).setSelected(true));
        layout.getItems().addAll(tiles, tabs);
        CheckMenuItem side = new CheckMenuItem(Messages.get("menu.view.sidePanel"));
        side.setId(Ids.of("menu.view.sidePanel"));
        side.setAccelerator(KeyCombination.keyCombination("Shortcut+B"));
        side.selectedProperty().bindBidirectional(w.sidePanelShownProperty());
        Menu m = new Menu(Messages.get("menu.view"));
        m.setId(Ids.of("menu.view"));
        MenuItem present = item("menu.view.presentation", "F5", () -> w.presentation().toggle());
        javafx.scene.control.CheckMenuItem notes = new javafx.scene.control.CheckMenuItem(Messages.get("menu.view.teacherNotes"));
        notes.setId(Ids.of("menu.view.teacherNotes"));
        notes.selectedProperty().bindBidirectional(w.lessons().teacherNotesProperty());
        m.getItems().addAll(theme, font, LanguageSwitch.menu(w), layout, side, present, notes);
        m.getItems().addAll(new LabMenus(w).viewItems());
        m.getItems().add(views);
        return m;
    }

    private void zoom(int dir) {
        double cur = w.theme().fontScale();
        int i = 0;
        while (i < Appearance.SCALES.length - 1 && Appearance.SCALES[i] < cur) {
            i++;
        }
        int j = Math.max(0, Math.min(Appearance.SCALES.length - 1, i + dir));
        w.theme().setFontScale(Appearance.SCALES[j]);
    }

    private Menu help() {
        MenuItem keys = item("menu.help.keys", "F1", this::showShortcuts);
        MenuItem about = item("menu.help.about", null, () -> rnnlab.ui.about.AboutDialog.show(w.stage()));
        MenuItem glossary = item("menu.help.glossary", null, () -> rnnlab.ui.lesson.GlossaryWindow.show(w));
        Menu m = new Menu(Messages.get("menu.help"));
        m.setId(Ids.of("menu.help"));
        m.getItems().addAll(keys, glossary, about);
        return m;
    }

    /** The F1 dialog: every shortcut with what it does, sized for the screen the main window is on. */
    void showShortcuts() {
        ShortcutsDialog.create(SHORTCUTS, w.scene(), w.theme().isDark(), w.stage(),
                rnnlab.ui.layout.ScreenFit.usableBounds(w.stage())).show();
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
