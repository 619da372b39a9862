package rnnlab.ui.views;

import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import rnnlab.ui.viewmodel.RunViewModel;

/** The main window's playback keys, active wherever the focus is except in text and number fields. */
final class GlobalKeys {
    private GlobalKeys() {
    }

    /**
     * → step, ← back, Space play/pause, Home reset — unless a text field has the focus. Clicking the
     * views or pressing Esc leaves a text field, so the arrows step again.
     */
    static void install(Scene scene, ViewsArea viewsArea, RunViewModel vm) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && scene.getFocusOwner() instanceof TextInputControl) {
                viewsArea.requestFocus();
                e.consume();
                return;
            }
            if (scene.getFocusOwner() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            if (scene.getFocusOwner() != null && scene.getFocusOwner().getParent() instanceof javafx.scene.control.Spinner) {
                return;
            }
            KeyCode k = e.getCode();
            // Space on a focused button, check box or list presses it
            if (k == KeyCode.SPACE && (scene.getFocusOwner() instanceof javafx.scene.control.ButtonBase
                    || scene.getFocusOwner() instanceof javafx.scene.control.ComboBoxBase<?>
                    || scene.getFocusOwner() instanceof javafx.scene.control.ChoiceBox<?>)) {
                return;
            }
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
                return;
            }
            e.consume();
        });
    }

}
