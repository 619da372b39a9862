package rnnlab.ui.shell;

import rnnlab.ui.lesson.LessonSteps;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import rnnlab.ui.viewmodel.RunViewModel;

/**
 * The window's keys, unless a text field has the focus (Esc or a click on the views leaves it):
 * → step, ← back, Space play/pause, Home reset, End to the end, with or without a lesson open. While a
 * lesson is open, PageDown and PageUp go to the next and previous lesson step (what presentation
 * clickers send; even while a text field has the focus). Esc
 * leaves presentation mode. A locked timeline ignores its keys.
 */
public final class WindowKeys {
    private final MainWindow w;

    WindowKeys(MainWindow w) {
        this.w = w;
    }

    void install(Scene scene, Node views) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Node focus = scene.getFocusOwner();
            if (e.getCode() == KeyCode.ESCAPE) {
                if (focus instanceof TextInputControl) {
                    views.requestFocus();
                    e.consume();
                } else if (w.presentation().isOn()) {
                    w.presentation().leave();
                    e.consume();
                }
                return;
            }
            // a clicker's PageDown / PageUp steps an open lesson even from a text field (e.g. the number just checked)
            LessonSteps lesson = w.lessonSteps();
            if (lesson != null && lesson.isOpen() && !e.isShortcutDown() && !e.isAltDown()
                    && (e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.PAGE_UP)) {
                if (e.getCode() == KeyCode.PAGE_DOWN) {
                    lesson.next();
                } else {
                    lesson.previous();
                }
                e.consume();
                return;
            }
            if (focus instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            if (focus != null && focus.getParent() instanceof Spinner) {
                return;
            }
            if (handle(e, focus)) {
                e.consume();
            }
        });
    }

    private boolean handle(KeyEvent e, Node focus) {
        KeyCode k = e.getCode();
        LessonSteps lesson = w.lessonSteps();
        if (lesson != null && lesson.isOpen()) {
            // → and ← keep stepping the timeline (as the lessons' words say); the lesson's steps are
            // PageDown / PageUp (what presentation clickers send) and the lesson buttons
            if (k == KeyCode.PAGE_DOWN) {
                lesson.next();
                return true;
            }
            if (k == KeyCode.PAGE_UP) {
                lesson.previous();
                return true;
            }
        }
        // Space on a focused button, check box or list presses it
        if (k == KeyCode.SPACE && (focus instanceof ButtonBase || focus instanceof javafx.scene.control.ComboBoxBase<?>
                || focus instanceof javafx.scene.control.ChoiceBox<?>)) {
            return false;
        }
        if (!w.locks().timelineFree()) {
            return false;
        }
        RunViewModel vm = w.viewModel();
        if (k == KeyCode.RIGHT) {
            vm.playingProperty().set(false);
            vm.stepForward();
        } else if (k == KeyCode.LEFT) {
            vm.stepBack();
        } else if (k == KeyCode.SPACE) {
            vm.togglePlay();
        } else if (k == KeyCode.HOME) {
            vm.reset();
        } else if (k == KeyCode.END) {
            vm.playingProperty().set(false);
            vm.seek(vm.timelineLengthProperty().get());
        } else {
            return false;
        }
        return true;
    }
}
