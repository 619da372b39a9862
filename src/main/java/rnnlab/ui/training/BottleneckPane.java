package rnnlab.ui.training;

import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import rnnlab.i18n.Messages;
import rnnlab.ui.common.Ids;
import rnnlab.ui.controls.LiveChart;
import rnnlab.ui.controls.Palette;
import rnnlab.ui.viewmodel.seq2seq.BottleneckViewModel;

/**
 * The encoder–decoder mode of the length-experiment window: a seq2seq task and the attention kinds to
 * compare on the left; exact-sequence accuracy on held-out pairs against input length per attention kind
 * in the middle (mean line, band from the worst to the best seed); below it every seed's outcome.
 */
final class BottleneckPane extends BorderPane {
    private final BottleneckViewModel vm;
    private final LiveChart chart = new LiveChart();
    private final GridPane summary = new GridPane();

    BottleneckPane(BottleneckViewModel vm, javafx.beans.property.BooleanProperty dark) {
        this.vm = vm;
        setId(Ids.of("bottleneck"));
        chart.setId(Ids.of("bottleneck.chart"));
        chart.titleProperty().set(Messages.get("bottleneck.chart"));
        chart.xLabelProperty().set(Messages.get("bottleneck.chart.length"));
        chart.emptyTextProperty().set(Messages.get("bottleneck.chart.empty"));
        chart.yMinFloorProperty().set(0);
        chart.darkThemeProperty().bind(dark);
        chart.setMinSize(300, 200);
        vm.results().addListener((ListChangeListener<BottleneckViewModel.Result>) c -> redraw());
        summary.getStyleClass().add("experiment-summary");
        summary.setId(Ids.of("bottleneck.summary"));
        ScrollPane summaryScroll = new ScrollPane(summary);
        summaryScroll.setFitToWidth(true);
        summaryScroll.setPrefViewportHeight(150);
        VBox center = new VBox(8, chart, summaryScroll);
        VBox.setVgrow(chart, Priority.ALWAYS);
        center.getStyleClass().add("experiment-center");
        setCenter(center);
        setLeft(settings());
    }

    /** Okabe–Ito hues: no attention orange (the bottleneck), additive the attention purple, dot blue, general green. */
    static Color kindColor(String kind) {
        return switch (kind) {
            case "none" -> Palette.ORANGE;
            case "additive" -> Palette.ATTENTION;
            case "dot" -> Palette.BLUE;
            default -> Palette.GREEN;
        };
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    private void redraw() {
        chart.clearSeries();
        summary.getChildren().clear();
        List<BottleneckViewModel.Curve> curves = vm.curves();
        double xMax = Double.NEGATIVE_INFINITY;
        double xMin = Double.POSITIVE_INFINITY;
        int row = 0;
        if (!curves.isEmpty()) {
            summary.add(head("bottleneck.summary.kind"), 1, 0);
            summary.add(head("bottleneck.summary.length"), 2, 0);
            summary.add(head("bottleneck.summary.mean"), 3, 0);
            summary.add(head("bottleneck.summary.seeds"), 4, 0);
            row = 1;
        }
        for (BottleneckViewModel.Curve c : curves) {
            int s = chart.addSeries(Messages.get("s2s.attention." + c.attention()), kindColor(c.attention()));
            chart.setPoints(s, c.lengths(), c.mean(), c.min(), c.max());
            chart.setDots(s, true);
            chart.setLineWidth(s, 2.5);
            xMax = Math.max(xMax, c.lengths()[c.lengths().length - 1]);
            xMin = Math.min(xMin, c.lengths()[0]);
            for (int i = 0; i < c.lengths().length; i++) {
                int len = (int) c.lengths()[i];
                StringBuilder seeds = new StringBuilder();
                for (BottleneckViewModel.Result r : vm.results()) {
                    if (r.attention().equals(c.attention()) && r.length() == len) {
                        if (seeds.length() > 0) {
                            seeds.append("   ");
                        }
                        seeds.append(Messages.format("bottleneck.summary.seed", r.seed(), pct(r.sequenceAccuracy()),
                                pct(r.tokenAccuracy())));
                    }
                }
                Label kind = new Label(i == 0 ? Messages.get("s2s.attention." + c.attention()) : "");
                Label length = new Label(String.valueOf(len));
                Label mean = new Label(pct(c.mean()[i]));
                mean.setId(Ids.of("bottleneck.mean." + c.attention() + "." + len));
                Label perSeed = new Label(seeds.toString());
                perSeed.setId(Ids.of("bottleneck.seeds." + c.attention() + "." + len));
                summary.addRow(row++, i == 0 ? new Rectangle(14, 14, kindColor(c.attention())) : new Region(),
                        kind, length, mean, perSeed);
            }
        }
        double pad = curves.isEmpty() ? 0 : Math.max(0.5, 0.04 * (xMax - xMin));
        chart.xMinProperty().set(curves.isEmpty() ? 0 : Math.max(0, xMin - pad));
        chart.xMaxProperty().set(curves.isEmpty() ? Double.NaN : xMax + pad);
    }

    private static Label head(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("muted");
        return l;
    }

    private Region settings() {
        Label title = new Label(Messages.get("bottleneck.title"));
        title.getStyleClass().add("panel-title");
        ComboBox<String> task = new ComboBox<>(FXCollections.observableArrayList(BottleneckViewModel.tasks()));
        task.setId(Ids.of("bottleneck.task"));
        task.valueProperty().bindBidirectional(vm.taskProperty());
        task.setMaxWidth(Double.MAX_VALUE);
        Label teaches = new Label(Messages.get("bottleneck.teaches"));
        teaches.setWrapText(true);
        teaches.getStyleClass().add("teaches");
        teaches.setMinHeight(Region.USE_PREF_SIZE);
        Label kindsLabel = new Label(Messages.get("bottleneck.kinds"));
        FlowPane kinds = new FlowPane(10, 4);
        for (String k : BottleneckViewModel.KINDS) {
            CheckBox cb = new CheckBox(Messages.get("s2s.attention." + k));
            cb.setId(Ids.of("bottleneck.kind." + k));
            cb.selectedProperty().bindBidirectional(vm.kindProperty(k));
            kinds.getChildren().add(cb);
        }
        TextField lengths = new TextField();
        lengths.setId(Ids.of("bottleneck.lengths"));
        lengths.textProperty().bindBidirectional(vm.lengthsProperty());
        GridPane g = RunControls.settings(List.of(List.<Object>of("bottleneck.lengths", lengths),
                List.<Object>of("experiment.seeds", RunControls.spinner("bottleneck.seeds", vm.seedsProperty(), 1, 20, 1)),
                List.<Object>of("experiment.steps", RunControls.spinner("bottleneck.steps", vm.stepsProperty(), 1, 100_000, 100)),
                List.<Object>of("experiment.hidden", RunControls.spinner("bottleneck.hidden", vm.hiddenProperty(), 1, 256, 8)),
                List.<Object>of("bottleneck.heldOut", RunControls.spinner("bottleneck.heldOut", vm.heldOutProperty(), 1, 10_000, 50))), vm.runningProperty());
        task.disableProperty().bind(vm.runningProperty());
        kinds.disableProperty().bind(vm.runningProperty());

        List<javafx.scene.Node> runParts = RunControls.controls("bottleneck", vm::start, vm::cancel, this::export,
                vm.runningProperty(), vm.results(), vm.progressProperty(), vm.statusProperty(), vm.errorProperty());
        Label hint = new Label(Messages.get("bottleneck.hint"));
        hint.setId(Ids.of("bottleneck.hint"));
        return RunControls.form(List.of(title, task, teaches, kindsLabel, kinds, g), runParts, hint);
    }

    private void export() {
        RunControls.exportCsv(this, "bottleneck-" + vm.taskProperty().get(), vm::exportCsv);
    }

    LiveChart chart() {
        return chart;
    }
}
