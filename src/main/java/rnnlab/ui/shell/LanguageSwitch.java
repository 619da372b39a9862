package rnnlab.ui.shell;

import rnnlab.ui.common.Ids;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import rnnlab.ui.controls.AppLanguage;
import rnnlab.ui.viewmodel.LanguageSetting;
import rnnlab.i18n.Messages;
import rnnlab.ui.viewmodel.RunViewModel;

/**
 * View ▸ Language: English or 中文, saved for the next start and applied at once. The window is
 * rebuilt in the new language on the same stage and the scenario carries everything over: model,
 * weights, sequence, position, visible views, theme and selection (a training session is stopped;
 * its weights stay in the model).
 */
public final class LanguageSwitch {
    private LanguageSwitch() {
    }

    /** The Language menu: one radio item per language, named in its own language. */
    static Menu menu(MainWindow w) {
        Menu m = new Menu(Messages.get("menu.view.language"));
        m.setId(Ids.of("menu.view.language"));
        ToggleGroup g = new ToggleGroup();
        for (Locale l : new Locale[] {AppLanguage.ENGLISH, AppLanguage.CHINESE}) {
            RadioMenuItem r = new RadioMenuItem(Messages.get("menu.view.language." + l.getLanguage()));
            r.setId(Ids.of("menu.view.language." + l.getLanguage()));
            r.setToggleGroup(g);
            r.setSelected(l.equals(AppLanguage.locale()));
            r.setOnAction(e -> {
                if (!switchTo(w, l)) {
                    r.setSelected(false);
                    g.getToggles().stream().filter(t -> ((RadioMenuItem) t).getId()
                            .endsWith("." + AppLanguage.tag())).findFirst().ifPresent(t -> t.setSelected(true));
                }
            });
            m.getItems().add(r);
        }
        return m;
    }

    /**
     * Switches to {@code l}: saves the choice and rebuilds the window. False (with a message in the
     * banner) when Chinese is asked for and no CJK font is installed.
     */
    public static boolean switchTo(MainWindow w, Locale l) {
        if (l.equals(AppLanguage.locale())) {
            return true;
        }
        if (l.equals(AppLanguage.CHINESE) && !AppLanguage.canShowChinese()) {
            w.showNotice(LanguageSetting.fontMissing());
            return false;
        }
        String saveProblem = LanguageSetting.save(l);
        Path tmp;
        try {
            tmp = Files.createTempFile("rnnlab-language-", RunViewModel.SCENARIO_EXTENSION);
        } catch (IOException e) {
            w.viewModel().errorProperty().set(Messages.format("error.io", String.valueOf(e.getMessage())));
            return false;
        }
        w.viewModel().playingProperty().set(false);
        // an open lesson and presentation mode carry over (the lesson in the new language, at its step)
        String lesson = w.lessons().isOpen() ? w.lessons().lesson().id() : null;
        boolean presenting = w.presentation().isOn();
        w.saveScenario(tmp, () -> {
            LanguageSetting.apply(l);
            AppLanguage.applyToJavaFx();
            MainWindow next = w.rebuild();
            next.lessons().carryOver(w.lessons());
            next.viewModel().openScenario(tmp, ws -> {
                next.applyScenario(ws);
                if (lesson != null) {
                    next.lessons().open(lesson);
                }
                if (presenting) {
                    next.presentation().enter();
                }
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // a leftover temporary file is harmless
                }
                next.viewModel().statusProperty().set(Messages.get("lang.switched"));
                if (saveProblem != null) {
                    next.showNotice(saveProblem);
                }
            });
        });
        return true;
    }
}
