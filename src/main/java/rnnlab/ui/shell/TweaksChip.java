package rnnlab.ui.shell;

import rnnlab.ui.common.Ids;

import javafx.beans.InvalidationListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import rnnlab.i18n.Messages;
import rnnlab.ui.viewmodel.RunViewModel;

/**
 * A reminder in the status bar while the run is not the plain model: "W_hh × 2 · 1 gate pinned".
 * Hidden otherwise; a click opens "Pin a gate".
 */
final class TweaksChip extends Label {
    TweaksChip(RunViewModel vm, Runnable open) {
        getStyleClass().add("tweaks-chip");
        setId(Ids.of("status.tweaks"));
        // the status message beside it gives way first: the chip is short and says how the run differs
        setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        setTooltip(new Tooltip(Messages.get("menu.view.pinGate")));
        InvalidationListener update = o -> {
            double k = vm.recurrentScaleProperty().get();
            int n = vm.pins().size();
            String scale = k == 1 ? "" : Messages.format("tweaks.scale", k);
            String pins = n == 0 ? "" : Messages.format("tweaks.pins", n);
            setText(scale.isEmpty() || pins.isEmpty() ? scale + pins : Messages.format("tweaks.both", scale, pins));
            setVisible(!getText().isEmpty());
            setManaged(isVisible());
        };
        vm.recurrentScaleProperty().addListener(update);
        vm.pins().addListener(update);
        update.invalidated(null);
        setOnMouseClicked(e -> open.run());
    }
}
