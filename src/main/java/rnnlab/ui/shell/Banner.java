package rnnlab.ui.shell;

import rnnlab.ui.common.Ids;

import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import rnnlab.i18n.Messages;

/** The strip below the menus that shows an error or a notice until it is dismissed. */
final class Banner {
    private Banner() {
    }

    /** A banner showing {@code text} while it is not null, with a Dismiss button that clears it. */
    static Region of(StringProperty source, String id) {
        Label text = new Label();
        text.setId(Ids.of(id + ".text"));
        text.setWrapText(true);
        text.textProperty().bind(source);
        Button close = new Button(Messages.get("error.dismiss"));
        close.setId(Ids.of(id + ".dismiss"));
        close.setOnAction(e -> source.set(null));
        // a long (wrapped) text must not squeeze the button to "…"
        close.setMinWidth(Region.USE_PREF_SIZE);
        HBox banner = new HBox(12, text, close);
        HBox.setHgrow(text, Priority.ALWAYS);
        banner.getStyleClass().add("error-banner");
        banner.setId(Ids.of(id));
        banner.visibleProperty().bind(source.isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}
