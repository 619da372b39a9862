package rnnlab.ui.views;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import rnnlab.ui.viewmodel.Messages;

/** The Lesson menu: the lesson list, stepping, and Unlock controls for the teacher. */
final class LessonMenu {
    private final MainWindow w;

    LessonMenu(MainWindow w) {
        this.w = w;
    }

    Menu menu() {
        MenuItem unlock = item("menu.lesson.unlock", null, () -> w.locks().unlockAll());
        Menu m = new Menu(Messages.get("menu.lesson"));
        m.setId(Ids.of("menu.lesson"));
        m.getItems().addAll(unlock);
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
