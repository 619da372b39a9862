package rnnlab.ui.training;

import rnnlab.ui.common.Converters;
import rnnlab.engine.CellType;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import rnnlab.ui.controls.LiveChart;
import rnnlab.ui.controls.Palette;
import rnnlab.ui.viewmodel.seq2seq.BottleneckViewModel;
import rnnlab.ui.viewmodel.experiment.ExperimentViewModel;
import rnnlab.training.LengthExperiment;
import rnnlab.i18n.Messages;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.viewmodel.TrainingViewModel;
import rnnlab.ui.common.Ids;

/**
 * The length experiment: which cells, lengths, seeds and steps on the left; the metric against
 * sequence length per cell type (mean line, min–max band over seeds, the task's "solved" line) in the
 * middle; below it each cell type with its parameter count and how many runs solved the task.
 */
final class ExperimentPane extends BorderPane {
    private final ExperimentViewModel vm;
    private final LiveChart chart = new LiveChart();
    private final GridPane summary = new GridPane();

    private final BottleneckViewModel bottleneckVm;
    private BottleneckPane bottleneck;

    ExperimentPane(ExperimentViewModel vm, javafx.beans.property.BooleanProperty dark) {
        this(vm, new BottleneckViewModel(), dark);
    }

    ExperimentPane(ExperimentViewModel vm, BottleneckViewModel bottleneckVm, javafx.beans.property.BooleanProperty dark) {
        this.vm = vm;
        this.bottleneckVm = bottleneckVm;
        setId(Ids.of("experiment"));
        getStyleClass().add("experiment-pane");
        getStylesheets().add(ExperimentPane.class.getResource("/rnnlab/ui/theme/training.css").toExternalForm());
        chart.setId(Ids.of("experiment.chart"));
        chart.titleProperty().bind(Bindings.createStringBinding(() -> vm.metricNameProperty().get().isEmpty()
                ? Messages.get("experiment.chart") : Messages.format("experiment.chart.named", vm.metricNameProperty().get()),
                vm.metricNameProperty()));
        chart.xLabelProperty().set(Messages.get("experiment.chart.length"));
        chart.emptyTextProperty().set(Messages.get("experiment.chart.empty"));
        chart.yMinFloorProperty().set(0);
        chart.referenceProperty().bind(vm.solvedBelowProperty());
        chart.referenceLabelProperty().bind(Bindings.createStringBinding(() -> Double.isNaN(vm.solvedBelowProperty().get())
                ? "" : Messages.format("training.chart.solved", vm.solvedBelowProperty().get()), vm.solvedBelowProperty()));
        chart.darkThemeProperty().bind(dark);
        chart.setMinSize(300, 200);
        vm.results().addListener((ListChangeListener<ExperimentViewModel.Result>) c -> redraw());
        summary.getStyleClass().add("experiment-summary");
        summary.setId(Ids.of("experiment.summary"));
        VBox center = new VBox(8, chart, summary);
        VBox.setVgrow(chart, Priority.ALWAYS);
        center.getStyleClass().add("experiment-center");
        setCenter(center);
        Region cellSettings = settings();
        setLeft(cellSettings);
        setTop(modeBar(center, cellSettings, dark));
    }

    /**
     * Cell types (the length sweep above) or encoder–decoder (the bottleneck experiment: attention kinds
     * against input length); the second pane is built when first chosen.
     */
    private Region modeBar(Region cellCenter, Region cellSettings, javafx.beans.property.BooleanProperty dark) {
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.ToggleButton cellsMode = new javafx.scene.control.ToggleButton(Messages.get("experiment.mode.cells"));
        cellsMode.setId(Ids.of("experiment.mode.cells"));
        javafx.scene.control.ToggleButton s2sMode = new javafx.scene.control.ToggleButton(Messages.get("experiment.mode.seq2seq"));
        s2sMode.setId(Ids.of("experiment.mode.seq2seq"));
        cellsMode.setToggleGroup(group);
        s2sMode.setToggleGroup(group);
        cellsMode.setSelected(true);
        // keep one selected: clicking the chosen mode again does nothing
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                group.selectToggle(a);
                return;
            }
            if (b == s2sMode) {
                if (bottleneck == null) {
                    bottleneck = new BottleneckPane(bottleneckVm, dark);
                }
                setLeft(null);
                setCenter(bottleneck);
            } else {
                setCenter(cellCenter);
                setLeft(cellSettings);
            }
        });
        cellsMode.disableProperty().bind(bottleneckVm.runningProperty());
        s2sMode.disableProperty().bind(vm.runningProperty());
        HBox bar = new HBox(0, cellsMode, s2sMode);
        bar.setId(Ids.of("experiment.mode"));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("experiment-mode");
        return bar;
    }

    /** The encoder–decoder pane (null until that mode was first chosen). */
    BottleneckPane bottleneckPane() {
        return bottleneck;
    }

    /** Okabe–Ito hues of the visual language: vanilla RNN orange, LSTM blue, GRU bluish green. */
    static Color cellColor(String cell) {
        CellType c = CellType.fromId(cell);
        return c == null ? Palette.PURPLE : Palette.named(c.colourKey());
    }

    private void redraw() {
        chart.clearSeries();
        summary.getChildren().clear();
        List<ExperimentViewModel.Curve> curves = vm.curves();
        double xMax = Double.NEGATIVE_INFINITY;
        double xMin = Double.POSITIVE_INFINITY;
        int row = 0;
        if (!curves.isEmpty()) {
            summary.add(head("experiment.summary.cell"), 1, 0);
            summary.add(head("experiment.summary.params"), 2, 0);
            summary.add(head("experiment.summary.result"), 3, 0);
            row = 1;
        }
        for (ExperimentViewModel.Curve c : curves) {
            String name = Messages.get("cell." + c.cell());
            int s = chart.addSeries(name, cellColor(c.cell()));
            chart.setPoints(s, c.lengths(), c.mean(), c.min(), c.max());
            chart.setDots(s, true);
            chart.setLineWidth(s, 2.5);
            xMax = Math.max(xMax, c.lengths()[c.lengths().length - 1]);
            xMin = Math.min(xMin, c.lengths()[0]);
            Rectangle sw = new Rectangle(14, 14, cellColor(c.cell()));
            Label cell = new Label(Messages.get("cell." + c.cell()));
            cell.setId(Ids.of("experiment.summary." + c.cell()));
            Label params = new Label(Messages.format("experiment.params", c.parameters()));
            params.setId(Ids.of("experiment.params." + c.cell()));
            Label result = new Label(resultText(c));
            summary.addRow(row++, sw, cell, params, result);
        }
        // a little room either side, so the first and last dots are whole
        double pad = curves.isEmpty() ? 0 : Math.max(0.5, 0.04 * (xMax - xMin));
        chart.xMinProperty().set(curves.isEmpty() ? 0 : Math.max(0, xMin - pad));
        chart.xMaxProperty().set(curves.isEmpty() ? Double.NaN : xMax + pad);
    }

    private String resultText(ExperimentViewModel.Curve c) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.lengths().length; i++) {
            if (i > 0) {
                sb.append("   ");
            }
            double v = c.mean()[i];
            String value = vm.higherIsBetterProperty().get() ? String.format(Locale.ROOT, "%.1f%%", 100 * v)
                    : String.format(Locale.ROOT, "%.4f", v);
            sb.append(Messages.format("experiment.summary.at", (int) c.lengths()[i], value));
            if (!Double.isNaN(vm.solvedBelowProperty().get())) {
                sb.append(' ').append(Messages.format("experiment.summary.solved", c.solved()[i], c.runs()[i]));
            }
        }
        return sb.toString();
    }

    private static Label head(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("muted");
        return l;
    }

    private Region settings() {
        Label title = new Label(Messages.get("experiment.title"));
        title.getStyleClass().add("panel-title");
        ComboBox<String> task = new ComboBox<>(FXCollections.observableArrayList(TrainingViewModel.TASKS));
        task.setId(Ids.of("experiment.task"));
        task.setConverter(Converters.of(t -> Messages.get("training.task." + t)));
        task.valueProperty().bindBidirectional(vm.taskProperty());
        task.setMaxWidth(Double.MAX_VALUE);
        Label teaches = new Label();
        teaches.textProperty().bind(vm.teachesProperty());
        teaches.setWrapText(true);
        teaches.getStyleClass().add("teaches");
        teaches.setMinHeight(Region.USE_PREF_SIZE);
        HBox cells = new HBox(10);
        for (String c : RunViewModel.CELL_TYPES) {
            CheckBox cb = new CheckBox(Messages.get("cell." + c));
            cb.setId(Ids.of("experiment.cell." + c));
            cb.selectedProperty().bindBidirectional(vm.cellProperty(c));
            cells.getChildren().add(cb);
        }
        javafx.scene.layout.FlowPane cellFlow = new javafx.scene.layout.FlowPane(10, 4);
        cellFlow.getChildren().addAll(cells.getChildren());
        TextField lengths = new TextField();
        lengths.setId(Ids.of("experiment.lengths"));
        lengths.textProperty().bindBidirectional(vm.lengthsProperty());
        Spinner<Integer> seeds = RunControls.spinner("experiment.seeds", vm.seedsProperty(), 1, 20, 1);
        Spinner<Integer> steps = RunControls.spinner("experiment.steps", vm.stepsProperty(), 1, 100_000, 100);
        Spinner<Integer> hidden = RunControls.spinner("experiment.hidden", vm.hiddenProperty(), 1, 256, 8);
        GridPane g = RunControls.settings(List.of(List.<Object>of("experiment.lengths", lengths), List.<Object>of("experiment.seeds", seeds),
                List.<Object>of("experiment.steps", steps), List.<Object>of("experiment.hidden", hidden)), vm.runningProperty());
        task.disableProperty().bind(vm.runningProperty());
        cellFlow.disableProperty().bind(vm.runningProperty());

        List<javafx.scene.Node> runParts = RunControls.controls("experiment", vm::start, vm::cancel, this::export,
                vm.runningProperty(), vm.results(), vm.progressProperty(), vm.statusProperty(), vm.errorProperty());
        Label hint = new Label(Messages.format("experiment.hint", LengthExperiment.ADDING_MINUTES));
        return RunControls.form(List.of(title, task, teaches, cellFlow, g), runParts, hint);
    }

    private void export() {
        RunControls.exportCsv(this, "experiment-" + vm.taskProperty().get(), vm::exportCsv);
    }

    LiveChart chart() {
        return chart;
    }

    ExperimentViewModel viewModel() {
        return vm;
    }
}
