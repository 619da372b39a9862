package rnnlab.ui.lesson;

import rnnlab.i18n.Bundles;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import rnnlab.i18n.Messages;
import rnnlab.ui.common.Ids;

/** The Lesson menu: the lesson list, stepping, and Unlock controls for the teacher. */
public final class LessonMenu {
    private final LessonHost w;

    public LessonMenu(LessonHost w) {
        this.w = w;
    }

    public Menu menu() {
        LessonPlayer p = w.lessons();
        MenuItem list = item("menu.lesson.list", "Shortcut+L", p::showList);
        MenuItem folder = item("menu.lesson.openFolder", null, p::chooseFolder);
        MenuItem next = item("menu.lesson.next", null, p::next);
        MenuItem previous = item("menu.lesson.previous", null, p::previous);
        MenuItem restart = item("menu.lesson.restart", null, p::restart);
        MenuItem close = item("menu.lesson.close", null, p::close);
        MenuItem answerKey = item("menu.lesson.answerKey", null, () -> AnswerKeyWindow.show(w));
        CheckMenuItem panel = new CheckMenuItem(Messages.get("menu.lesson.panel"));
        panel.setId(Ids.of("menu.lesson.panel"));
        panel.selectedProperty().bindBidirectional(p.panelShownProperty());
        for (MenuItem i : new MenuItem[] {next, previous, restart, close, panel, answerKey}) {
            i.disableProperty().bind(p.openProperty().not());
        }
        MenuItem unlock = item("menu.lesson.unlock", null, () -> w.locks().unlockAll());
        unlock.disableProperty().bind(w.locks().anyProperty().not());
        MenuItem poll = new MenuItem(rnnlab.i18n.Messages.get("poll.menu"));
        poll.setId(Ids.of("menu.lesson.poll"));
        poll.setOnAction(e -> w.showClassPoll());
        // the teacher's screen: narration, notes, next step, clock (opens by itself on a second screen)
        // F7 itself is caught on the window (Presentation, so a lesson's locks never swallow it); the menu shows it
        MenuItem presenter = item("menu.lesson.presenter", "F7", () -> w.presentation().presenter().toggle());
        // Shift+F7 is caught on the window and in the presenter view too (Presentation, PresenterView)
        MenuItem swap = item("menu.lesson.swapScreens", "Shift+F7", () -> w.presentation().swapScreens());
        Menu m = new Menu(Messages.get("menu.lesson"));
        m.setId(Ids.of("menu.lesson"));
        m.getItems().addAll(list, folder, new SeparatorMenuItem(), next, previous, restart, panel, close,
                new SeparatorMenuItem(), presenter, swap, answerKey, poll, unlock);
        return m;
    }

    static MenuItem item(String key, String accel, Runnable action) {
        MenuItem i = new MenuItem(Messages.get(key));
        i.setId(Ids.of(key));
        if (accel != null) {
            i.setAccelerator(KeyCombination.keyCombination(accel));
        }
        i.setOnAction(e -> action.run());
        return i;
    }
}
