package rnnlab.ui.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import rnnlab.i18n.Messages;
import rnnlab.runs.CurvePoint;
import rnnlab.runs.RunRecord;
import rnnlab.runs.RunsFolder;
import rnnlab.ui.common.Ids;
import rnnlab.ui.controls.LiveChart;
import rnnlab.ui.controls.Palette;

/**
 * The runs window (issue 17): a sortable table of the recorded runs of a runs folder with their
 * hyperparameters and results; ticked runs overlay their training-loss curves in the chart below.
 * Reading the folder and deleting runs happen off the FX thread.
 */
public final class RunsPane extends BorderPane {
    /** A run in the table and whether its curve is shown. */
    public static final class Row {
        final RunRecord run;
        final SimpleBooleanProperty shown = new SimpleBooleanProperty();

        Row(RunRecord run) {
            this.run = run;
        }

        public RunRecord run() {
            return run;
        }

        public SimpleBooleanProperty shownProperty() {
            return shown;
        }
    }

    /** The columns: settings, then results (keys of the run files). */
    public static final List<String> SETTINGS = List.of("task", "cell", "hidden", "layers", "optimizer", "lr", "dropout",
            "weight_decay", "adamw", "schedule", "seed", "steps");
    public static final List<String> RESULTS = List.of("final_loss", "val_loss", "val_metric", "metric", "best_step");
    private static final Color[] COLOURS = {Palette.BLUE, Palette.ORANGE, Palette.GREEN, Palette.VERMILLION,
        Palette.PURPLE, Palette.SKY};

    private final RunsFolder folder;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final TableView<Row> table = new TableView<>(rows);
    private final LiveChart chart = new LiveChart();
    private final Label status = new Label();

    public RunsPane(Path dir) {
        this.folder = new RunsFolder(dir);
        getStyleClass().add("runs-pane");
        table.setId(Ids.of("runs.table"));
        table.setEditable(true);
        TableColumn<Row, Boolean> show = new TableColumn<>(Messages.get("runs.show"));
        show.setCellValueFactory(c -> c.getValue().shown);
        show.setCellFactory(CheckBoxTableCell.forTableColumn(show));
        show.setEditable(true);
        table.getColumns().add(show);
        TableColumn<Row, String> id = new TableColumn<>(Messages.get("runs.name"));
        id.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().run.id()));
        table.getColumns().add(id);
        for (String k : SETTINGS) {
            table.getColumns().add(column(k, true));
        }
        for (String k : RESULTS) {
            table.getColumns().add(column(k, false));
        }
        chart.setId(Ids.of("runs.chart"));
        chart.titleProperty().set(Messages.get("runs.chart"));
        chart.xLabelProperty().set(Messages.get("training.chart.step"));
        chart.emptyTextProperty().set(Messages.get("runs.chart.empty"));
        chart.setMinHeight(180);

        Button refresh = new Button(Messages.get("runs.refresh"));
        refresh.setId(Ids.of("runs.refresh"));
        refresh.setOnAction(e -> reload());
        Button delete = new Button(Messages.get("runs.delete"));
        delete.setId(Ids.of("runs.delete"));
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> deleteSelected());
        CheckBox log = new CheckBox(Messages.get("training.logScale"));
        log.selectedProperty().bindBidirectional(chart.logScaleProperty());
        status.setId(Ids.of("runs.status"));
        Label where = new Label(Messages.format("runs.folder", dir.toString()));
        where.getStyleClass().add("muted");
        HBox bar = new HBox(8, refresh, delete, log, status);
        bar.getStyleClass().add("training-controls");
        SplitPane split = new SplitPane(table, chart);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setTop(bar);
        setCenter(split);
        setBottom(where);
        reload();
    }

    private TableColumn<Row, Object> column(String key, boolean setting) {
        TableColumn<Row, Object> c = new TableColumn<>(Messages.get("runs.col." + key));
        c.setCellValueFactory(r -> {
            Object v = setting ? r.getValue().run.settings().get(key) : r.getValue().run.results().get(key);
            return new SimpleObjectProperty<>(v instanceof Number n ? (Object) new Num(n.doubleValue()) : v);
        });
        return c;
    }

    /** A number that sorts as a number and shows 4 significant digits. */
    record Num(double v) implements Comparable<Num> {
        @Override
        public int compareTo(Num o) {
            return Double.compare(v, o.v);
        }

        @Override
        public String toString() {
            return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.4g", v);
        }
    }

    /** Reads the folder again (off the FX thread). */
    public void reload() {
        status.setText(Messages.get("runs.loading"));
        Thread t = new Thread(() -> {
            List<String> problems = new ArrayList<>();
            List<RunRecord> runs = folder.list(problems);
            Platform.runLater(() -> {
                rows.forEach(r -> r.shown.set(false));
                rows.setAll(runs.stream().map(Row::new).toList());
                rows.forEach(r -> r.shown.addListener((o, a, b) -> redraw()));
                status.setText(problems.isEmpty() ? Messages.format("runs.count", runs.size())
                        : Messages.format("runs.problems", runs.size(), String.join("; ", problems)));
                redraw();
            });
        }, "rnnlab-runs-reader");
        t.setDaemon(true);
        t.start();
    }

    private void deleteSelected() {
        Row r = table.getSelectionModel().getSelectedItem();
        if (r == null) {
            return;
        }
        try {
            folder.delete(r.run.id());
        } catch (java.io.IOException | RuntimeException e) {
            status.setText(Messages.format("runs.error.delete", r.run.id(), String.valueOf(e.getMessage())));
            return;
        }
        rows.remove(r);
        redraw();
    }

    private void redraw() {
        chart.clearSeries();
        int k = 0;
        for (Row r : rows) {
            if (!r.shown.get()) {
                continue;
            }
            int s = chart.addSeries(r.run.id(), COLOURS[k++ % COLOURS.length]);
            List<CurvePoint> c = r.run.curve();
            int n = Math.min(c.size(), LiveChart.MAX_POINTS);
            int stride = Math.max(1, c.size() / Math.max(1, n));
            double[] x = new double[(c.size() + stride - 1) / stride];
            double[] y = new double[x.length];
            for (int i = 0, j = 0; i < c.size() && j < x.length; i += stride, j++) {
                x[j] = c.get(i).step();
                y[j] = c.get(i).loss();
            }
            chart.append(s, x, y);
        }
    }

    public TableView<Row> table() {
        return table;
    }

    public LiveChart chart() {
        return chart;
    }

    public ObservableList<Row> rows() {
        return rows;
    }
}
