package rnnlab.ui.export;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import rnnlab.session.Frame;
import rnnlab.i18n.Messages;
import rnnlab.ui.common.Dialogs;
import rnnlab.ui.common.Ids;
import rnnlab.ui.views.LabView;
import rnnlab.ui.views.ViewCatalog;

/**
 * File ▸ Export pass as GIF…: asks for the view (the focused one, else the first visible), the pass
 * (forward or BPTT) and the size (1× or 2×), then where; shows the progress with a Cancel button.
 */
public final class GifExportDialog {
    private GifExportDialog() {
    }

    public static void show(ExportHost w) {
        List<LabView> shown = w.viewsArea().ids().stream().filter(w.visibleViews()::contains).map(w.viewsArea()::view).toList();
        Frame f = w.viewModel().frameProperty().get();
        if (shown.isEmpty() || f == null) {
            w.viewModel().errorProperty().set(Messages.get("export.view.none"));
            return;
        }
        LabView focused = w.valuesTables().focusedView();
        ChoiceBox<String> view = new ChoiceBox<>();
        view.setId(Ids.of("gif.view"));
        shown.forEach(v -> view.getItems().add(ViewCatalog.title(v)));
        view.getSelectionModel().select(focused != null && shown.contains(focused) ? shown.indexOf(focused) : 0);
        ToggleGroup passes = new ToggleGroup();
        RadioButton forward = new RadioButton(Messages.get("export.gif.forward"));
        RadioButton backward = new RadioButton(Messages.get("export.gif.backward"));
        forward.setId(Ids.of("gif.forward"));
        backward.setId(Ids.of("gif.backward"));
        forward.setToggleGroup(passes);
        backward.setToggleGroup(passes);
        backward.setDisable(!GifExport.hasPass(f, GifExport.Pass.BACKWARD));
        (f.phase() == Frame.Phase.BACKWARD && !backward.isDisable() ? backward : forward).setSelected(true);
        ChoiceBox<String> size = new ChoiceBox<>();
        size.setId(Ids.of("gif.scale"));
        size.getItems().addAll(Messages.format("export.gif.scale", 1), Messages.format("export.gif.scale", 2));
        size.getSelectionModel().select(0);
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(8);
        Label viewLabel = new Label(Messages.get("export.gif.view"));
        viewLabel.setLabelFor(view);
        Label sizeLabel = new Label(Messages.get("export.gif.size"));
        sizeLabel.setLabelFor(size);
        g.addRow(0, viewLabel, view);
        g.addRow(1, new Label(Messages.get("export.gif.pass")), new HBox(12, forward, backward));
        g.addRow(2, sizeLabel, size);
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(Messages.get("menu.file.exportGif"));
        d.setHeaderText(Messages.get("export.gif.header"));
        d.getDialogPane().setContent(g);
        ButtonType okButton = Dialogs.ok();
        d.getDialogPane().getButtonTypes().addAll(okButton, Dialogs.cancel());
        themed(w, d.getDialogPane());
        d.initOwner(w.stage());
        Optional<ButtonType> ok = d.showAndWait();
        if (ok.isEmpty() || ok.get() != okButton) {
            return;
        }
        LabView chosen = shown.get(Math.max(0, view.getSelectionModel().getSelectedIndex()));
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("menu.file.exportGif"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("file.filter.gif"), "*.gif"));
        fc.setInitialFileName(chosen.id().replace("view.", "") + (backward.isSelected() ? "-bptt" : "-forward") + ".gif");
        File file = fc.showSaveDialog(w.stage());
        if (file != null) {
            run(w, chosen, backward.isSelected() ? GifExport.Pass.BACKWARD : GifExport.Pass.FORWARD,
                    size.getSelectionModel().getSelectedIndex() + 1, ViewExport.withExtension(file.toPath(), ".gif"));
        }
    }

    /** Exports with a small progress window (Cancel focused); reports the result in the status or error bar. */
    public static GifExport.Job run(ExportHost w, LabView view, GifExport.Pass pass, double scale, Path file) {
        Stage progress = new Stage();
        progress.initOwner(w.stage());
        progress.initModality(Modality.WINDOW_MODAL);
        progress.setTitle(Messages.get("menu.file.exportGif"));
        ProgressBar bar = new ProgressBar();
        bar.setId(Ids.of("gif.progress"));
        bar.setPrefWidth(320);
        bar.setAccessibleText(Messages.get("export.gif.working"));
        Button cancel = new Button(Messages.get("export.gif.cancel"));
        cancel.setId(Ids.of("gif.cancel"));
        cancel.setCancelButton(true);
        VBox box = new VBox(10, new Label(Messages.format("export.gif.writing", file.getFileName().toString())), bar, cancel);
        box.setStyle("-fx-padding: 16;");
        progress.setScene(new javafx.scene.Scene(box));
        progress.getScene().getStylesheets().addAll(w.scene().getStylesheets());
        box.getStyleClass().add(w.darkTheme() ? "dark" : "light");
        GifExport.Job job = GifExport.start(w, view, pass, scale, file);
        bar.progressProperty().bind(job.progressProperty());
        cancel.setOnAction(e -> job.cancel());
        progress.setOnCloseRequest(e -> job.cancel());
        job.done.whenComplete((ok, err) -> {
            progress.close();
            if (err != null) {
                w.viewModel().errorProperty().set(Messages.format("export.error", file.toString(),
                        String.valueOf(err.getMessage())));
            } else {
                w.viewModel().statusProperty().set(Messages.format(ok ? "export.done" : "export.gif.cancelled",
                        file.getFileName().toString()));
            }
        });
        if (!job.done.isDone()) {
            progress.show();
            cancel.requestFocus();
        }
        return job;
    }

    private static void themed(ExportHost w, javafx.scene.control.DialogPane pane) {
        pane.getStylesheets().addAll(w.scene().getStylesheets());
        pane.getStyleClass().add(w.darkTheme() ? "dark" : "light");
        pane.setStyle(w.scene().getRoot().getStyle());
    }
}
