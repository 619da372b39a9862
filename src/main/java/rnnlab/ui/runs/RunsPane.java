package rnnlab.ui.runs;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import rnnlab.i18n.Messages;
import rnnlab.runs.CurvePoint;
import rnnlab.runs.RunRecord;
import rnnlab.runs.RunsFolder;
import rnnlab.runs.RunsTable;
import rnnlab.ui.common.Ids;
import rnnlab.ui.controls.LiveChart;
import rnnlab.ui.controls.Palette;
import rnnlab.ui.viewmodel.experiment.SweepViewModel;

/**
 * The runs window (issue 17): a sortable table of the recorded runs of a runs folder with their
 * hyperparameters and results. Ticked runs overlay their training (solid) and validation (dashed)
 * curves; the runs can be grouped by a hyperparameter (rows ordered by group, curves and points coloured
 * by group); a scatter shows a chosen result against a chosen hyperparameter for every run. Runs can be
 * renamed and deleted, the table exported as CSV and the charts as PNG. On the left, a sweep form runs a
 * grid of one or two hyperparameters × seeds in the background; each run joins the table as it finishes.
 * Reading the folder happens off the FX thread.
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

    /** Which curves the ticked runs show. */
    public enum Curves { TRAINING, VALIDATION, BOTH }

    /** The columns: settings, then results (keys of the run files). */
    public static final List<String> SETTINGS = List.of("task", "cell", "hidden", "layers", "optimizer", "lr", "dropout",
            "weight_decay", "adamw", "schedule", "seed", "steps");
    public static final List<String> RESULTS = List.of("final_loss", "val_loss", "val_metric", "metric", "best_step");
    /** The hyperparameters the rows can be grouped by. */
    public static final List<String> GROUP_BY = List.of("dropout", "weight_decay", "hidden", "layers", "lr", "cell",
            "optimizer", "schedule", "adamw", "seed", "task", "early_stop", "val_every");
    private static final Color[] COLOURS = {Palette.BLUE, Palette.ORANGE, Palette.GREEN, Palette.VERMILLION,
        Palette.PURPLE, Palette.SKY};

    private final RunsFolder folder;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final TableView<Row> table = new TableView<>(rows);
    private final TableColumn<Row, GroupKey> groupColumn = new TableColumn<>(Messages.get("runs.group"));
    private final LiveChart chart = new LiveChart();
    private final LiveChart scatter = new LiveChart();
    private final HBox charts = new HBox(8, chart, scatter);
    private final Label status = new Label();
    private final ComboBox<String> groupBy = new ComboBox<>();
    private final ComboBox<Curves> curves = new ComboBox<>();
    private final ComboBox<String> scatterY = new ComboBox<>();
    private final ComboBox<String> scatterX = new ComboBox<>();
    private final TextField newName = new TextField();
    private final SweepViewModel sweep;

    /** A runs window on {@code dir}; sweeps vary the task defaults of the adding problem. */
    public RunsPane(Path dir) {
        this(dir, () -> SweepViewModel.defaults("adding"));
    }

    /** A runs window on {@code dir}; sweeps vary {@code base} (the training panel's settings). */
    public RunsPane(Path dir, Supplier<SweepViewModel.Base> base) {
        this.folder = new RunsFolder(dir);
        this.sweep = new SweepViewModel(base, dir, this::added);
        getStyleClass().add("runs-pane");
        getStylesheets().add(rnnlab.ui.controls.Theme.STYLESHEET); // the colours training.css names
        getStylesheets().add(RunsPane.class.getResource("/rnnlab/ui/theme/training.css").toExternalForm());
        table.setId(Ids.of("runs.table"));
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<Row, Boolean> show = new TableColumn<>(Messages.get("runs.show"));
        show.setCellValueFactory(c -> c.getValue().shown);
        show.setCellFactory(CheckBoxTableCell.forTableColumn(show));
        show.setEditable(true);
        table.getColumns().add(show);
        groupColumn.setCellValueFactory(c -> new SimpleObjectProperty<>(groupKey(c.getValue().run)));
        groupColumn.setVisible(false);
        table.getColumns().add(groupColumn);
        TableColumn<Row, String> id = new TableColumn<>(Messages.get("runs.name"));
        id.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().run.id()));
        id.setPrefWidth(170);
        table.getColumns().add(id);
        for (String k : SETTINGS) {
            table.getColumns().add(column(k, true));
        }
        for (String k : RESULTS) {
            table.getColumns().add(column(k, false));
        }
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> newName.setText(r == null ? "" : r.run.id()));

        chart.setId(Ids.of("runs.chart"));
        chart.xLabelProperty().set(Messages.get("training.chart.step"));
        chart.emptyTextProperty().set(Messages.get("runs.chart.empty"));
        scatter.setId(Ids.of("runs.scatter"));
        scatter.emptyTextProperty().set(Messages.get("runs.scatter.empty"));
        for (LiveChart c : new LiveChart[] {chart, scatter}) {
            c.setMinHeight(180);
            c.setMinWidth(160);
            c.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(c, Priority.ALWAYS);
        }
        chart.setPrefWidth(540);
        scatter.setPrefWidth(460);
        charts.setId(Ids.of("runs.charts"));
        charts.getStyleClass().add("runs-charts");

        setTop(new VBox(4, actionsBar(), viewBar()));
        SplitPane right = new SplitPane(table, charts);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.5);
        ScrollPane form = new ScrollPane(sweepForm());
        form.setFitToWidth(true);
        form.setMinWidth(200);
        form.setPrefWidth(250);
        form.getStyleClass().add("experiment-settings-scroll");
        SplitPane main = new SplitPane(form, right);
        main.setDividerPositions(0.24);
        SplitPane.setResizableWithParent(form, false);
        setCenter(main);
        Label where = new Label(Messages.format("runs.folder", dir.toString()));
        where.getStyleClass().add("muted");
        setBottom(where);
        reload();
    }

    private Node actionsBar() {
        Button refresh = new Button(Messages.get("runs.refresh"));
        refresh.setId(Ids.of("runs.refresh"));
        refresh.setOnAction(e -> reload());
        Button delete = new Button(Messages.get("runs.delete"));
        delete.setId(Ids.of("runs.delete"));
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> deleteSelected());
        newName.setId(Ids.of("runs.newName"));
        newName.setPromptText(Messages.get("runs.rename.prompt"));
        newName.setPrefColumnCount(14);
        newName.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button rename = new Button(Messages.get("runs.rename"));
        rename.setId(Ids.of("runs.rename"));
        rename.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        rename.setOnAction(e -> renameSelected(newName.getText()));
        newName.setOnAction(e -> renameSelected(newName.getText()));
        Button csv = new Button(Messages.get("experiment.export"));
        csv.setId(Ids.of("runs.exportCsv"));
        csv.disableProperty().bind(Bindings.isEmpty(rows));
        csv.setOnAction(e -> choose("runs.csv", Messages.get("experiment.filter.csv"), "*.csv", "runs.csv", this::exportCsv));
        Button png = new Button(Messages.get("runs.exportPng"));
        png.setId(Ids.of("runs.exportPng"));
        png.setOnAction(e -> choose("runs.png", Messages.get("file.filter.png"), "*.png", "runs.png", this::exportPng));
        status.setId(Ids.of("runs.status"));
        status.setMinWidth(0);
        HBox bar = new HBox(8, refresh, delete, newName, rename, csv, png, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("training-controls");
        return bar;
    }

    private Node viewBar() {
        groupBy.setId(Ids.of("runs.groupBy"));
        groupBy.getItems().add("");
        groupBy.getItems().addAll(GROUP_BY);
        groupBy.setConverter(labels());
        groupBy.setValue("");
        groupBy.valueProperty().addListener((o, a, b) -> regroup());
        curves.setId(Ids.of("runs.curves"));
        curves.getItems().addAll(Curves.values());
        curves.setConverter(new StringConverter<>() {
            @Override
            public String toString(Curves c) {
                return c == null ? "" : Messages.get("runs.curves." + c.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public Curves fromString(String s) {
                return null;
            }
        });
        curves.setValue(Curves.BOTH);
        curves.valueProperty().addListener((o, a, b) -> redraw());
        CheckBox log = new CheckBox(Messages.get("training.logScale"));
        log.setId(Ids.of("runs.log"));
        log.selectedProperty().bindBidirectional(chart.logScaleProperty());
        log.selectedProperty().addListener((o, a, b) -> redraw());
        scatterY.setId(Ids.of("runs.scatterY"));
        scatterY.getItems().addAll(RunsTable.RESULTS);
        scatterY.setConverter(labels());
        scatterY.setValue("val_loss");
        scatterX.setId(Ids.of("runs.scatterX"));
        scatterX.getItems().addAll(RunsTable.NUMERIC_SETTINGS);
        scatterX.setConverter(labels());
        scatterX.setValue("dropout");
        scatterY.valueProperty().addListener((o, a, b) -> redrawScatter());
        scatterX.valueProperty().addListener((o, a, b) -> redrawScatter());
        FlowPane bar = new FlowPane(8, 4, new Label(Messages.get("runs.groupBy")), groupBy,
                new Label(Messages.get("runs.curves")), curves, log, spacer(),
                new Label(Messages.get("runs.scatter")), scatterY, new Label(Messages.get("runs.scatter.against")), scatterX);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("training-controls");
        return bar;
    }

    private static Region spacer() {
        Region r = new Region();
        r.setMinWidth(12);
        return r;
    }

    private static StringConverter<String> labels() {
        return new StringConverter<>() {
            @Override
            public String toString(String k) {
                return k == null || k.isEmpty() ? Messages.get("runs.sweep.none") : Messages.get("runs.col." + k);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        };
    }

    private Node sweepForm() {
        Label title = new Label(Messages.get("runs.sweep.title"));
        title.getStyleClass().add("section-title");
        Label about = new Label(Messages.get("runs.sweep.about"));
        about.setWrapText(true);
        about.getStyleClass().add("muted");
        ComboBox<String> first = new ComboBox<>(FXCollections.observableArrayList(SweepViewModel.PARAMETERS));
        first.setId(Ids.of("runs.sweep.first"));
        first.setConverter(labels());
        first.valueProperty().bindBidirectional(sweep.firstProperty());
        TextField firstValues = new TextField();
        firstValues.setId(Ids.of("runs.sweep.firstValues"));
        firstValues.textProperty().bindBidirectional(sweep.firstValuesProperty());
        ComboBox<String> second = new ComboBox<>();
        second.getItems().add(SweepViewModel.NONE);
        second.getItems().addAll(SweepViewModel.PARAMETERS);
        second.setId(Ids.of("runs.sweep.second"));
        second.setConverter(labels());
        second.valueProperty().bindBidirectional(sweep.secondProperty());
        TextField secondValues = new TextField();
        secondValues.setId(Ids.of("runs.sweep.secondValues"));
        secondValues.textProperty().bindBidirectional(sweep.secondValuesProperty());
        secondValues.disableProperty().bind(sweep.secondProperty().isEmpty().or(sweep.runningProperty()));
        TextField seeds = new TextField();
        seeds.setId(Ids.of("runs.sweep.seeds"));
        seeds.textProperty().bindBidirectional(sweep.seedsProperty());
        TextField steps = new TextField();
        steps.setId(Ids.of("runs.sweep.steps"));
        steps.textProperty().bindBidirectional(sweep.stepsProperty());
        // each label above its field: the form is narrow
        VBox fields = new VBox(2);
        Object[][] grid = {{"runs.sweep.first", first}, {"runs.sweep.values", firstValues}, {"runs.sweep.second", second},
            {"runs.sweep.values", secondValues}, {"runs.sweep.seeds", seeds}, {"runs.sweep.steps", steps}};
        for (Object[] row : grid) {
            Label l = new Label(Messages.get((String) row[0]));
            Region ed = (Region) row[1];
            ed.setMaxWidth(Double.MAX_VALUE);
            l.setLabelFor(ed);
            fields.getChildren().addAll(l, ed);
            VBox.setMargin(ed, new javafx.geometry.Insets(0, 0, 6, 0));
            if (ed != secondValues) {
                ed.disableProperty().bind(sweep.runningProperty());
            }
        }
        Button run = new Button(Messages.get("runs.sweep.run"));
        run.setId(Ids.of("runs.sweep.run"));
        run.getStyleClass().add("accent");
        run.setOnAction(e -> sweep.start());
        run.disableProperty().bind(sweep.runningProperty());
        Button cancel = new Button(Messages.get("experiment.cancel"));
        cancel.setId(Ids.of("runs.sweep.cancel"));
        cancel.setOnAction(e -> sweep.cancel());
        cancel.disableProperty().bind(sweep.runningProperty().not());
        HBox buttons = new HBox(8, run, cancel);
        ProgressBar bar = new ProgressBar();
        bar.setId(Ids.of("runs.sweep.progress"));
        bar.progressProperty().bind(sweep.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label st = new Label();
        st.setId(Ids.of("runs.sweep.status"));
        st.textProperty().bind(sweep.statusProperty());
        st.setWrapText(true);
        Label error = new Label();
        error.setId(Ids.of("runs.sweep.error"));
        error.textProperty().bind(sweep.errorProperty());
        error.setWrapText(true);
        error.getStyleClass().add("experiment-error");
        error.visibleProperty().bind(sweep.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        VBox box = new VBox(8, title, about, fields, buttons, bar, st, error);
        box.getStyleClass().add("runs-sweep");
        box.setFillWidth(true);
        box.setStyle("-fx-padding: 0.5em;");
        return box;
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
            return RunsTable.format(v);
        }
    }

    /** A group's label, sorting in the order of {@link RunsTable#groups}. */
    record GroupKey(int order, String label) implements Comparable<GroupKey> {
        @Override
        public int compareTo(GroupKey o) {
            return Integer.compare(order, o.order);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private List<String> groupOrder = List.of();

    private GroupKey groupKey(RunRecord r) {
        String label = RunsTable.group(r, groupKey());
        return new GroupKey(groupOrder.indexOf(label), label);
    }

    /** The hyperparameter the rows are grouped by, null when not grouped. */
    private String groupKey() {
        String g = groupBy.getValue();
        return g == null || g.isEmpty() ? null : g;
    }

    private List<RunRecord> runs() {
        return rows.stream().map(r -> r.run).toList();
    }

    /** Orders the rows by group (when grouped) and recolours the curves and the scatter. */
    private void regroup() {
        String key = groupKey();
        groupOrder = RunsTable.groups(runs(), key);
        groupColumn.setVisible(key != null);
        groupColumn.setText(key == null ? Messages.get("runs.group") : Messages.get("runs.col." + key));
        if (key != null) {
            groupColumn.setSortType(TableColumn.SortType.ASCENDING);
            List<TableColumn<Row, ?>> order = new ArrayList<>(table.getSortOrder());
            order.remove(groupColumn);
            order.add(0, groupColumn);
            table.getSortOrder().setAll(order);
        } else {
            table.getSortOrder().remove(groupColumn);
        }
        table.sort();
        table.refresh();
        redraw();
    }

    /** Reads the folder again (off the FX thread). */
    public void reload() {
        status.setText(Messages.get("runs.loading"));
        Thread t = new Thread(() -> {
            List<String> problems = new ArrayList<>();
            List<RunRecord> runs = folder.list(problems);
            Platform.runLater(() -> {
                rows.forEach(r -> r.shown.set(false));
                rows.setAll(runs.stream().map(this::row).toList());
                status.setText(problems.isEmpty() ? Messages.format("runs.count", runs.size())
                        : Messages.format("runs.problems", runs.size(), String.join("; ", problems)));
                regroup();
            });
        }, "rnnlab-runs-reader");
        t.setDaemon(true);
        t.start();
    }

    private Row row(RunRecord r) {
        Row row = new Row(r);
        row.shown.addListener((o, a, b) -> redraw());
        return row;
    }

    /** A run a sweep finished: it joins the table, ticked. */
    private void added(RunRecord r) {
        Row row = row(r);
        row.shown.set(true);
        rows.add(row);
        status.setText(Messages.format("runs.count", rows.size()));
        regroup();
    }

    private void deleteSelected() {
        Row r = table.getSelectionModel().getSelectedItem();
        if (r == null) {
            return;
        }
        try {
            folder.delete(r.run.id());
        } catch (IOException | RuntimeException e) {
            status.setText(Messages.format("runs.error.delete", r.run.id(), String.valueOf(e.getMessage())));
            return;
        }
        rows.remove(r);
        status.setText(Messages.format("runs.count", rows.size()));
        regroup();
    }

    /** Renames the selected run (its folder); a bad or taken name leaves it and says why. */
    public void renameSelected(String name) {
        Row r = table.getSelectionModel().getSelectedItem();
        String n = name == null ? "" : name.trim();
        if (r == null || n.equals(r.run.id())) {
            return;
        }
        if (!RunsFolder.validId(n)) {
            status.setText(Messages.format("runs.error.name", n));
            return;
        }
        if (rows.stream().anyMatch(x -> x.run.id().equals(n))) {
            status.setText(Messages.format("runs.error.taken", n));
            return;
        }
        RunRecord renamed;
        try {
            renamed = folder.rename(r.run, n);
        } catch (IOException | RuntimeException e) {
            status.setText(Messages.format("runs.error.rename", r.run.id(), String.valueOf(e.getMessage())));
            return;
        }
        Row nr = row(renamed);
        nr.shown.set(r.shown.get());
        int i = rows.indexOf(r);
        rows.set(i, nr);
        table.getSelectionModel().select(nr);
        status.setText(Messages.format("runs.renamed", r.run.id(), n));
        regroup();
    }

    /** Writes the table (its rows in their order, every setting and result) as CSV. */
    public void exportCsv(Path file) {
        try {
            String text = RunsFolder.csv(table.getItems().stream().map(r -> r.run).toList());
            rnnlab.io.Formats.writeAtomically(file, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
            status.setText(Messages.format("runs.exported", file.getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            status.setText(Messages.format("runs.error.export", file.toString(), String.valueOf(e.getMessage())));
        }
    }

    /** Writes the two charts (curves and scatter) as a PNG of their size on screen. */
    public void exportPng(Path file) {
        try {
            WritableImage img = charts.snapshot(null, null);
            java.awt.image.BufferedImage bi = javafx.embed.swing.SwingFXUtils.fromFXImage(img, null);
            rnnlab.io.Formats.writeAtomically(file, o -> javax.imageio.ImageIO.write(bi, "png", o));
            status.setText(Messages.format("runs.exported", file.getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            status.setText(Messages.format("runs.error.export", file.toString(), String.valueOf(e.getMessage())));
        }
    }

    private void choose(String titleKey, String filter, String pattern, String initial, java.util.function.Consumer<Path> then) {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get(titleKey.equals("runs.csv") ? "experiment.export" : "runs.exportPng"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(filter, pattern));
        fc.setInitialFileName(initial);
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            then.accept(f.toPath());
        }
    }

    private Color colour(int k) {
        return COLOURS[Math.floorMod(k, COLOURS.length)];
    }

    /** The colour of a run: its group's when grouped, otherwise its place among the ticked runs. */
    private Map<Row, Color> colours() {
        Map<Row, Color> out = new LinkedHashMap<>();
        String key = groupKey();
        int k = 0;
        for (Row r : table.getItems()) {
            if (key != null) {
                out.put(r, colour(groupOrder.indexOf(RunsTable.group(r.run, key))));
            } else if (r.shown.get()) {
                out.put(r, colour(k++));
            }
        }
        return out;
    }

    private void redraw() {
        redrawCurves();
        redrawScatter();
    }

    private void redrawCurves() {
        chart.clearSeries();
        chart.resetScale();
        Curves which = curves.getValue() == null ? Curves.BOTH : curves.getValue();
        chart.titleProperty().set(Messages.get("runs.chart." + which.name().toLowerCase(java.util.Locale.ROOT)));
        String key = groupKey();
        Map<Row, Color> colours = colours();
        java.util.Set<String> named = new java.util.HashSet<>();
        for (Row r : table.getItems()) {
            if (!r.shown.get()) {
                continue;
            }
            Color col = colours.get(r);
            String name;
            if (key == null) {
                name = r.run.id();
            } else {
                String g = RunsTable.group(r.run, key);
                name = named.add(g) ? g : null; // the group's value: the group-by box names the hyperparameter
            }
            List<CurvePoint> c = r.run.curve();
            if (which != Curves.VALIDATION) {
                int s = chart.addSeries(name, col);
                int stride = Math.max(1, (c.size() + LiveChart.MAX_POINTS - 1) / LiveChart.MAX_POINTS);
                double[] x = new double[(c.size() + stride - 1) / stride];
                double[] y = new double[x.length];
                for (int i = 0, j = 0; i < c.size() && j < x.length; i += stride, j++) {
                    x[j] = c.get(i).step();
                    y[j] = c.get(i).loss();
                }
                chart.append(s, x, y);
            }
            if (which != Curves.TRAINING) {
                List<CurvePoint> v = c.stream().filter(p -> Double.isFinite(p.valLoss())).toList();
                if (!v.isEmpty()) {
                    int s = chart.addSeries(which == Curves.VALIDATION ? name : null, col);
                    chart.setDashed(s, true);
                    chart.setDots(s, v.size() <= 60);
                    double[] x = v.stream().mapToDouble(CurvePoint::step).toArray();
                    double[] y = v.stream().mapToDouble(CurvePoint::valLoss).toArray();
                    chart.append(s, x, y);
                }
            }
        }
    }

    private void redrawScatter() {
        scatter.clearSeries();
        scatter.resetScale();
        String y = scatterY.getValue();
        String x = scatterX.getValue();
        if (x == null || y == null) {
            return;
        }
        scatter.titleProperty().set(Messages.format("runs.scatter.title", Messages.get("runs.col." + y),
                Messages.get("runs.col." + x)));
        scatter.xLabelProperty().set(Messages.get("runs.col." + x));
        String key = groupKey();
        List<RunsTable.ScatterPoint> pts = RunsTable.scatter(table.getItems().stream().map(r -> r.run).toList(), x, y, key);
        // a margin on both sides so the dots at the ends are whole
        double lo = pts.stream().mapToDouble(RunsTable.ScatterPoint::x).min().orElse(0);
        double hi = pts.stream().mapToDouble(RunsTable.ScatterPoint::x).max().orElse(1);
        double pad = 0.08 * (hi > lo ? hi - lo : Math.max(Math.abs(hi), 1));
        scatter.xMinProperty().set(lo - pad);
        scatter.xMaxProperty().set(hi + pad);
        for (String g : groupOrder) {
            List<RunsTable.ScatterPoint> in = pts.stream().filter(p -> p.group().equals(g)).toList();
            if (in.isEmpty()) {
                continue;
            }
            int s = scatter.addSeries(key == null ? null : g,
                    colour(groupOrder.indexOf(g)));
            scatter.setPointsOnly(s);
            scatter.append(s, in.stream().mapToDouble(RunsTable.ScatterPoint::x).toArray(),
                    in.stream().mapToDouble(RunsTable.ScatterPoint::y).toArray());
        }
    }

    public TableView<Row> table() {
        return table;
    }

    public LiveChart chart() {
        return chart;
    }

    public LiveChart scatter() {
        return scatter;
    }

    /** The two charts side by side (what Export PNG writes). */
    public Region charts() {
        return charts;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ComboBox<String> groupBy() {
        return groupBy;
    }

    public ComboBox<Curves> curves() {
        return curves;
    }

    public ComboBox<String> scatterY() {
        return scatterY;
    }

    public ComboBox<String> scatterX() {
        return scatterX;
    }

    public SweepViewModel sweep() {
        return sweep;
    }

    public Label status() {
        return status;
    }
}
