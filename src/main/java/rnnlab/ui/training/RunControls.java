package rnnlab.ui.training;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import rnnlab.i18n.Messages;
import rnnlab.ui.common.Ids;

/**
 * The parts the two experiment forms share (the length experiment over cell types and the bottleneck
 * experiment over attention kinds): a grid of labelled settings locked while a run goes, and Run,
 * Cancel, Export CSV…, the progress bar, the status line and the error line, bound to a run's state;
 * the scrolling form that holds them, the CSV file chooser and an integer spinner bound both ways.
 * Ids are {@code prefix.run}, {@code prefix.cancel}, {@code prefix.export}, {@code prefix.progress},
 * {@code prefix.status} and {@code prefix.error}.
 */
final class RunControls {
    private RunControls() {
    }

    /** A settings grid: each row a message key for its label and its editor, disabled while running. */
    static GridPane settings(List<List<Object>> rows, ReadOnlyBooleanProperty running) {
        GridPane g = new GridPane();
        g.getStyleClass().add("training-grid");
        int r = 0;
        for (List<Object> pair : rows) {
            Label l = new Label(Messages.get((String) pair.get(0)));
            l.setMinWidth(Region.USE_PREF_SIZE);
            Region ed = (Region) pair.get(1);
            ed.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(ed, Priority.ALWAYS);
            g.addRow(r++, l, ed);
            ed.disableProperty().bind(running);
        }
        return g;
    }

    /** The buttons row, the progress bar, the status and the error line, in that order. */
    static List<Node> controls(String prefix, Runnable start, Runnable cancel, Runnable export,
            ReadOnlyBooleanProperty running, ObservableList<?> results, ReadOnlyDoubleProperty progress,
            ReadOnlyStringProperty statusText, ReadOnlyStringProperty errorText) {
        Button run = new Button(Messages.get("experiment.run"));
        run.setId(Ids.of(prefix + ".run"));
        run.getStyleClass().add("accent");
        run.setOnAction(e -> start.run());
        run.disableProperty().bind(running);
        Button stop = new Button(Messages.get("experiment.cancel"));
        stop.setId(Ids.of(prefix + ".cancel"));
        stop.setOnAction(e -> cancel.run());
        stop.disableProperty().bind(running.not());
        Button csv = new Button(Messages.get("experiment.export"));
        csv.setId(Ids.of(prefix + ".export"));
        csv.setOnAction(e -> export.run());
        csv.disableProperty().bind(Bindings.isEmpty(results).or(running));
        HBox buttons = new HBox(8, run, stop, csv);
        buttons.setAlignment(Pos.CENTER_LEFT);
        ProgressBar bar = new ProgressBar();
        bar.setId(Ids.of(prefix + ".progress"));
        bar.progressProperty().bind(progress);
        bar.setMaxWidth(Double.MAX_VALUE);
        Label status = new Label();
        status.setId(Ids.of(prefix + ".status"));
        status.textProperty().bind(statusText);
        status.setWrapText(true);
        Label error = new Label();
        error.setId(Ids.of(prefix + ".error"));
        error.textProperty().bind(errorText);
        error.setWrapText(true);
        error.getStyleClass().add("experiment-error");
        error.visibleProperty().bind(errorText.isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        return List.of(buttons, bar, status, error);
    }

    /**
     * The form's scrolling column: its own parts, then the run parts ({@link #controls}), then the muted
     * hint below them.
     */
    static ScrollPane form(List<? extends Node> parts, List<Node> runParts, Label hint) {
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        VBox box = new VBox(8);
        box.getChildren().addAll(parts);
        box.getChildren().addAll(runParts);
        box.getChildren().add(hint);
        box.getStyleClass().add("training-settings");
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sp.getStyleClass().add("experiment-settings-scroll");
        return sp;
    }

    /** Export CSV…: asks where ({@code stem.csv} proposed) and hands the chosen file to {@code write}. */
    static void exportCsv(Node owner, String stem, Consumer<Path> write) {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("experiment.export"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("experiment.filter.csv"), "*.csv"));
        fc.setInitialFileName(stem + ".csv");
        File f = fc.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        if (f != null) {
            write.accept(f.toPath());
        }
    }

    /** An editable integer spinner with id {@code id}, kept equal to {@code p} both ways. */
    static Spinner<Integer> spinner(String id, IntegerProperty p, int min, int max, int step) {
        Spinner<Integer> s = new Spinner<>(min, max, Math.max(min, Math.min(max, p.get())), step);
        s.setId(Ids.of(id));
        s.setEditable(true);
        s.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null && b != p.get()) {
                p.set(b);
            }
        });
        p.addListener((o, a, b) -> s.getValueFactory().setValue(b.intValue()));
        return s;
    }
}
