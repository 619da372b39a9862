package rnnlab.ui.common;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import rnnlab.i18n.Messages;

/**
 * Dialog buttons in the app's language. JavaFX's own {@link ButtonType#OK} etc. take their text from
 * the JVM's default locale when JavaFX loads, not from the language chosen in RNN Lab.
 */
public final class Dialogs {
    private Dialogs() {
    }

    public static ButtonType ok() {
        return new ButtonType(Messages.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
    }

    public static ButtonType cancel() {
        return new ButtonType(Messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    public static ButtonType close() {
        return new ButtonType(Messages.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }
}
