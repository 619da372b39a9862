package rnnlab.ui.shell;

import rnnlab.ui.common.Ids;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.Observable;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import rnnlab.io.SessionMarker;
import rnnlab.ui.viewmodel.Autosave;
import rnnlab.i18n.Messages;

/**
 * The main window's safety net: autosaves the scenario a few seconds after every change (see
 * {@link Autosave}), marks the session as running, and — when the last session crashed or was killed —
 * offers the autosaved scenario in a banner (Restore / Discard; the Restore button takes the focus).
 * Only the app turns it on ({@link #start}); windows built by tests do not touch the user folder.
 */
final class SessionGuard {
    private final MainWindow w;
    private final Autosave autosave;
    private final HBox banner = new HBox(12);
    private final Label text = new Label();
    private final Button restore = new Button(Messages.get("restore.restore"));
    private boolean started;

    SessionGuard(MainWindow w) {
        this.w = w;
        autosave = new Autosave(w.viewModel(), w::visibleViews, w::settings);
        text.setId(Ids.of("restore.text"));
        text.setWrapText(true);
        restore.setId(Ids.of("restore.restore"));
        Button discard = new Button(Messages.get("restore.discard"));
        discard.setId(Ids.of("restore.discard"));
        restore.setOnAction(e -> {
            hide();
            w.openScenario(Autosave.file());
        });
        discard.setOnAction(e -> hide());
        // the message wraps; the buttons keep their words (at 1024 px in presentation size they read "…")
        restore.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        discard.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        banner.getChildren().addAll(text, restore, discard);
        HBox.setHgrow(text, Priority.ALWAYS);
        banner.getStyleClass().add("restore-banner");
        banner.setId(Ids.of("restore"));
        banner.setVisible(false);
        banner.managedProperty().bind(banner.visibleProperty());
    }

    Region banner() {
        return banner;
    }

    Autosave autosave() {
        return autosave;
    }

    /**
     * Starts the session: writes the marker, offers the autosave if the last session did not end
     * cleanly, and autosaves from now on. Call once the window is showing.
     */
    void start() {
        if (started) {
            return;
        }
        started = true;
        boolean crashed;
        try {
            crashed = SessionMarker.start();
        } catch (IOException e) {
            crashed = false;
            w.viewModel().statusProperty().set(Messages.format("autosave.failed", SessionMarker.file().toString(),
                    String.valueOf(e.getMessage())));
        }
        Observable[] watched = {w.viewModel().frameProperty(), w.viewModel().sequenceTextProperty(),
            w.viewModel().speedProperty(), w.context().selectedUnitProperty(), w.context().selectedLayerProperty(),
            w.context().selectedGateProperty(), w.context().darkThemeProperty(), w.theme().fontScaleProperty(),
            w.viewsArea().tabbedProperty(), w.sidePanelShownProperty()};
        for (Observable o : watched) {
            o.addListener(x -> autosave.changed());
        }
        for (String id : w.viewsArea().ids()) {
            w.viewsArea().visibleProperty(id).addListener(x -> autosave.changed());
        }
        autosave.setActive(true);
        if (crashed && Autosave.exists()) {
            offer();
        }
    }

    private void offer() {
        autosave.setSuspended(true);
        String when;
        try {
            LocalDateTime t = LocalDateTime.ofInstant(Files.getLastModifiedTime(Autosave.file()).toInstant(), ZoneId.systemDefault());
            // today: the time only (14:32); another day: the date too, as the language writes it
            when = t.toLocalDate().equals(LocalDate.now()) ? t.format(DateTimeFormatter.ofPattern("HH:mm"))
                    : t.format(DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.SHORT)
                            .withLocale(rnnlab.ui.controls.AppLanguage.locale()));
        } catch (IOException e) {
            when = "?";
        }
        text.setText(Messages.format("restore.text", when));
        restore.setAccessibleHelp(text.getText());
        banner.setVisible(true);
        restore.requestFocus();
    }

    /** Whether the restore offer is showing. */
    boolean offering() {
        return banner.isVisible();
    }

    private void hide() {
        banner.setVisible(false);
        autosave.setSuspended(false);
        w.viewsArea().requestFocus();
    }

    /** Clean exit: a last save and the marker removed. */
    void exit() {
        if (started) {
            autosave.exit(3000);
        }
    }
}
