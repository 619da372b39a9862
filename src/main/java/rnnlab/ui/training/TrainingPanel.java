package rnnlab.ui.training;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import rnnlab.ui.common.Converters;
import rnnlab.ui.controls.LiveChart;
import rnnlab.ui.controls.Palette;
import rnnlab.i18n.Messages;
import rnnlab.ui.viewmodel.TrainingViewModel;
import rnnlab.ui.viewmodel.TrainingViewModel.State;
import rnnlab.ui.common.Ids;

/**
 * Live training: the settings on the left (task with its one-sentence lesson, cell, size, optimiser,
 * learning rate, clipping, steps, seed, remedies and schedule), the controls and figures on top, live
 * charts (loss with the held-out validation loss, metric, gradient norm with clip events, and, one at a time by its toggle, the learning
 * rate with its schedule previewed before Start, or the weight norm ‖θ‖ that weight decay shrinks) and, for the character model, its latest samples. Binds to
 * a {@link TrainingViewModel}; charts take the points it hands over, at most once per hand-over.
 */
public final class TrainingPanel extends BorderPane {
    private final TrainingViewModel vm;
    private final LiveChart lossChart = new LiveChart();
    private final LiveChart metricChart = new LiveChart();
    private final LiveChart gradChart = new LiveChart();
    private final LiveChart lrChart = new LiveChart();
    private final LiveChart normChart = new LiveChart();
    private final int lrPlanned;
    private final int lrUsed;
    private final int normLine;
    private final int lossRaw;
    private final int lossSmooth;
    private final int lossVal;
    private final int metricLine;
    private final int gradLine;
    /**
     * Compact form (presentation mode, or a panel under {@link #COMPACT_EM} em wide): the settings column
     * gives its width to the charts and shows on demand, in the charts' place, by this toggle (issue 12:
     * at 1024×768 and 1280×720 in presentation mode the controls ran into the samples and the figures and
     * the chart switches were cut with an ellipsis).
     */
    private final javafx.scene.control.ToggleButton settingsToggle = new javafx.scene.control.ToggleButton();
    private final javafx.beans.property.ReadOnlyBooleanWrapper compact = new javafx.beans.property.ReadOnlyBooleanWrapper(this, "compact", false);
    private Region settingsPane;
    private Region chartsPane;
    private VBox center;
    private Region controlsBox;
    /** The controls' rows, the row of the figures, and the metric in it (normal form) or on its own row (compact). */
    private VBox controlsRows;
    private HBox figuresRow;
    private Label metricLabel;
    private Region bannerBox;
    private ChartDeck deck;
    /** The scene root whose style class {@code presenting} this panel follows (null: none yet). */
    private javafx.scene.Parent watchedRoot;
    private final javafx.collections.ListChangeListener<String> rootClasses = c -> updateCompact();
    /** Narrower than this many em (of the panel's font), the panel takes its compact form. */
    static final double COMPACT_EM = 60;
    private static final javafx.css.PseudoClass COMPACT = javafx.css.PseudoClass.getPseudoClass("compact");

    TrainingPanel(TrainingViewModel vm, javafx.beans.property.BooleanProperty dark) {
        this.vm = vm;
        setId(Ids.of("training"));
        getStyleClass().add("training-panel");
        getStylesheets().add(TrainingPanel.class.getResource("/rnnlab/ui/theme/training.css").toExternalForm());

        lossChart.setId(Ids.of("training.chart.loss"));
        lossChart.titleProperty().set(Messages.get("training.chart.loss"));
        lossRaw = lossChart.addSeries(Messages.get("training.chart.loss.step"), Palette.BLUE.deriveColor(0, 0.6, 1.25, 0.55));
        lossSmooth = lossChart.addSeries(Messages.get("training.chart.loss.smooth"), Palette.BLUE);
        lossChart.setLineWidth(lossRaw, 1);
        lossChart.setLineWidth(lossSmooth, 2.5);
        // the held-out validation loss (every validationInterval steps), dashed as in the runs window
        lossVal = lossChart.addSeries(Messages.get("training.chart.loss.val"), Palette.VERMILLION);
        lossChart.setLineWidth(lossVal, 2);
        lossChart.setDashed(lossVal, true);
        lossChart.setDots(lossVal, true);
        lossChart.yMinFloorProperty().set(0);
        metricChart.setId(Ids.of("training.chart.metric"));
        metricChart.titleProperty().bind(Bindings.createStringBinding(() -> vm.metricNameProperty().get().isEmpty()
                ? Messages.get("training.chart.metric") : Messages.format("training.chart.metricNamed",
                vm.metricNameProperty().get()), vm.metricNameProperty()));
        metricLine = metricChart.addSeries(null, Palette.GREEN);
        metricChart.setDots(metricLine, true);
        metricChart.yMinFloorProperty().set(0); // accuracies, errors and bits are never negative
        metricChart.emptyTextProperty().set(Messages.get("training.chart.metric.empty"));
        metricChart.referenceProperty().bind(vm.solvedBelowProperty());
        metricChart.referenceLabelProperty().bind(Bindings.createStringBinding(() -> Double.isNaN(vm.solvedBelowProperty().get())
                ? "" : Messages.format("training.chart.solved", vm.solvedBelowProperty().get()), vm.solvedBelowProperty()));
        gradChart.setId(Ids.of("training.chart.grad"));
        gradChart.titleProperty().set(Messages.get("training.chart.grad"));
        gradLine = gradChart.addSeries(null, Palette.PURPLE);
        gradChart.setLineWidth(gradLine, 1.5);
        gradChart.markerLabelProperty().set(Messages.get("training.chart.clipped"));
        gradChart.referenceProperty().bind(Bindings.createDoubleBinding(() -> vm.clipProperty().get() > 0
                ? vm.clipProperty().get() : Double.NaN, vm.clipProperty()));
        gradChart.referenceLabelProperty().bind(Bindings.createStringBinding(() -> vm.clipProperty().get() > 0
                ? Messages.format("training.chart.clipAt", vm.clipProperty().get()) : "", vm.clipProperty()));
        // the schedule: the rate every step will use (a preview before Start), and the rate each step did use
        lrChart.setId(Ids.of("training.chart.lr"));
        lrChart.titleProperty().set(Messages.get("training.chart.lr"));
        lrPlanned = lrChart.addSeries(Messages.get("training.chart.lr.planned"), Palette.ORANGE.deriveColor(0, 0.6, 1.2, 0.55));
        // (only the faint line is named: a narrow chart's legend shows only its last named series)
        lrUsed = lrChart.addSeries(null, Palette.ORANGE);
        lrChart.setLineWidth(lrPlanned, 1.5);
        lrChart.setLineWidth(lrUsed, 2.5);
        lrChart.yMinFloorProperty().set(0);
        vm.lrPreviewProperty().addListener((o, a, c) -> showPreview(c));
        // weight decay shrinks the weights: their norm over training shows it
        normChart.setId(Ids.of("training.chart.weightNorm"));
        normChart.titleProperty().set(Messages.get("training.chart.weightNorm"));
        normLine = normChart.addSeries(null, Palette.SKY);
        normChart.setLineWidth(normLine, 2);
        normChart.yMinFloorProperty().set(0);
        for (LiveChart c : new LiveChart[] {lossChart, metricChart, gradChart, lrChart, normChart}) {
            c.xMaxProperty().bind(vm.stepsProperty());
            c.xLabelProperty().set(Messages.get("training.chart.step"));
            c.emptyTextProperty().set(Messages.get("training.chart.empty"));
            c.darkThemeProperty().bind(dark);
        }
        metricChart.emptyTextProperty().set(Messages.get("training.chart.metric.empty"));
        normChart.emptyTextProperty().set(Messages.get("training.chart.weightNorm.empty"));
        showPreview(vm.lrPreviewProperty().get());
        vm.updateProperty().addListener((o, a, u) -> apply(u));

        settingsPane = settings();
        setLeft(settingsPane);
        chartsPane = charts();
        controlsBox = controls();
        bannerBox = banner();
        center = new VBox(6, controlsBox, bannerBox, chartsPane);
        center.getStyleClass().add("training-center");
        VBox.setVgrow(chartsPane, Priority.ALWAYS);
        setCenter(center);
        setRight(samples());

        settingsToggle.setText(Messages.get("training.settings.show"));
        settingsToggle.setId(Ids.of("training.settingsToggle"));
        settingsToggle.setTooltip(new Tooltip(Messages.get("training.settings.tip")));
        settingsToggle.setMinWidth(Region.USE_PREF_SIZE);
        settingsToggle.selectedProperty().addListener((o, a, b) -> applyCompact(compact.get()));
        // once training runs, the class wants the curves, not the settings
        vm.stateProperty().addListener((o, a, st) -> {
            if (st == State.RUNNING && compact.get()) {
                settingsToggle.setSelected(false);
            }
        });
        applyCompact(false);
        widthProperty().addListener((o, a, b) -> updateCompact());
        sceneProperty().addListener((o, a, s) -> watchRoot(s));
        watchRoot(getScene());
    }

    /** Follows the style classes of the scene's root (presentation mode adds {@code presenting}). */
    private void watchRoot(javafx.scene.Scene s) {
        javafx.scene.Parent root = s == null ? null : s.getRoot();
        if (root == watchedRoot) {
            updateCompact();
            return;
        }
        if (watchedRoot != null) {
            watchedRoot.getStyleClass().removeListener(rootClasses);
        }
        watchedRoot = root;
        if (root != null) {
            root.getStyleClass().addListener(rootClasses);
        }
        updateCompact();
    }

    private void updateCompact() {
        boolean presenting = watchedRoot != null && watchedRoot.getStyleClass().contains("presenting");
        double em = settingsToggle.getFont().getSize();
        boolean narrow = getWidth() > 0 && getWidth() < COMPACT_EM * em;
        boolean c = presenting || narrow;
        if (c != compact.get()) {
            compact.set(c);
            if (!c) {
                settingsToggle.setSelected(false);
            }
            applyCompact(c);
        }
    }

    /**
     * Normal: settings left, charts in the centre. Compact: the charts, or the settings in their place (the whole
     * width under the controls, not a narrow column beside empty space).
     */
    private void applyCompact(boolean c) {
        pseudoClassStateChanged(COMPACT, c);
        placeMetric();
        settingsToggle.setVisible(c);
        settingsToggle.setManaged(c);
        boolean settingsInCentre = c && settingsToggle.isSelected();
        if (c && getLeft() != null) {
            setLeft(null);
        }
        var centre = center.getChildren();
        Region wanted = settingsInCentre ? settingsPane : chartsPane;
        Region other = settingsInCentre ? chartsPane : settingsPane;
        centre.remove(other);
        if (!centre.contains(wanted)) {
            centre.add(wanted);
        }
        VBox.setVgrow(wanted, Priority.ALWAYS);
        if (!c && getLeft() != settingsPane) {
            setLeft(settingsPane);
        }
    }

    /**
     * The charts' height in the panel's idle height (px): their least (the deck's minimum), enough for their titles
     * and the "Press Start (F6) to train" under them.
     */
    static final double IDLE_CHARTS = 120;

    /**
     * The height the panel needs while nothing has been trained (presenting, issue 12): its padding, the controls,
     * a banner if one shows, and the empty charts at {@value #IDLE_CHARTS} px (and the chart switches' row when it
     * sits above them: at 1024x768 it left the empty charts 25 px, their "Press Start" over the axis).
     */
    double idleHeight() {
        double w = center.getWidth() > 0 ? center.getWidth() - center.snappedLeftInset() - center.snappedRightInset() : -1;
        double h = snappedTopInset() + snappedBottomInset() + center.snappedTopInset() + center.snappedBottomInset()
                + controlsBox.prefHeight(w) + center.getSpacing() + IDLE_CHARTS + deck.switchesAboveProperty().get();
        if (bannerBox.isManaged()) {
            h += bannerBox.prefHeight(w) + center.getSpacing();
        }
        return Math.ceil(h);
    }

    /**
     * Compact form: the metric on a row of its own under the figures when the row is too narrow for both. Beside
     * them in the narrow centre (presenting at 1024x768 beside the lesson strip) both wrapped, the figures onto five
     * lines, and after a run the loss chart kept 94 px of the presenting share.
     */
    private void placeMetric() {
        boolean own = false;
        if (compact.get() && !metricLabel.getText().isEmpty() && controlsRows.getWidth() > 0) {
            double need = 0;
            for (javafx.scene.Node n : figuresRow.getChildren()) {
                need += n.isManaged() && n != metricLabel ? n.prefWidth(-1) : 0;
            }
            need += metricLabel.prefWidth(-1) + figuresRow.getSpacing() * 3 + figuresRow.snappedLeftInset()
                    + figuresRow.snappedRightInset();
            own = need > controlsRows.getWidth() - controlsRows.snappedLeftInset() - controlsRows.snappedRightInset();
        }
        if (own && metricLabel.getParent() == figuresRow) {
            figuresRow.getChildren().remove(metricLabel);
            controlsRows.getChildren().add(2, metricLabel);
        } else if (!own && metricLabel.getParent() != figuresRow) {
            controlsRows.getChildren().remove(metricLabel);
            figuresRow.getChildren().add(1, metricLabel);
        }
    }

    /** True while the panel shows its compact form (presentation mode or narrow). */
    javafx.beans.property.ReadOnlyBooleanProperty compactProperty() {
        return compact.getReadOnlyProperty();
    }

    javafx.scene.control.ToggleButton settingsToggle() {
        return settingsToggle;
    }

    private void apply(TrainingViewModel.Update u) {
        if (u == null) {
            return;
        }
        if (u.reset()) {
            lossChart.clearData();
            metricChart.clearData();
            gradChart.clearData();
            normChart.clearData();
            lrChart.clearData();
            showPreview(vm.lrPreviewProperty().get());
            return;
        }
        lrChart.append(lrUsed, u.steps(), u.lr());
        normChart.append(normLine, u.normSteps(), u.weightNorm());
        lossChart.append(lossRaw, u.steps(), u.loss());
        lossChart.append(lossSmooth, u.steps(), u.smoothLoss());
        lossChart.append(lossVal, u.valSteps(), u.valLoss());
        gradChart.append(gradLine, u.steps(), u.gradNorm());
        for (double s : u.clipSteps()) {
            gradChart.addMarker(s);
        }
        metricChart.append(metricLine, u.metricSteps(), u.metric());
    }

    /** The schedule's planned rates (replaces the previous preview; the rates used stay). */
    private void showPreview(TrainingViewModel.Curve c) {
        lrChart.setPoints(lrPlanned, c.steps(), c.values(), null, null);
    }

    private Region settings() {
        ComboBox<String> task = new ComboBox<>(FXCollections.observableArrayList(TrainingViewModel.TASKS));
        task.setId(Ids.of("training.task"));
        task.setConverter(Converters.of(t -> Messages.get("training.task." + t)));
        task.valueProperty().bindBidirectional(vm.taskProperty());
        task.setMaxWidth(Double.MAX_VALUE);
        // the character model's text: one of the shipped corpora (a class can train its own code or poem model)
        ComboBox<String> corpus = new ComboBox<>(FXCollections.observableArrayList(TrainingViewModel.CORPORA));
        corpus.setId(Ids.of("training.corpus"));
        corpus.setConverter(Converters.of(c -> Messages.get("training.corpus." + c)));
        corpus.valueProperty().bindBidirectional(vm.corpusProperty());
        corpus.setMaxWidth(Double.MAX_VALUE);
        corpus.setTooltip(new Tooltip(Messages.get("training.corpus.tip")));
        // the chosen text's name wraps onto a second line in a narrow settings column rather than being cut
        // with an ellipsis ("Essay: On Sequences and Mem…" at 1024 and 1280 wide)
        corpus.setButtonCell(new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                setMinHeight(Region.USE_PREF_SIZE);
                // the combo box has no content bias: its column asks its height for no width (-1), and the
                // combo asks its cell with its own width, the arrow included; either way the cell would be given
                // one line and cut the second with an ellipsis. Its height is the one its own width needs.
                widthProperty().addListener((o, a, b) -> corpus.requestLayout());
            }

            @Override
            protected double computePrefHeight(double width) {
                return super.computePrefHeight(getWidth() > 0 ? getWidth() : width);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Messages.get("training.corpus." + item));
            }
        });
        Label corpusLabel = new Label(Messages.get("training.corpus"));
        corpusLabel.setLabelFor(corpus);
        for (javafx.scene.Node n : new javafx.scene.Node[] {corpus, corpusLabel}) {
            n.visibleProperty().bind(vm.samplesAvailableProperty());
            n.managedProperty().bind(vm.samplesAvailableProperty());
        }
        Label teaches = new Label();
        teaches.setId(Ids.of("training.teaches"));
        teaches.textProperty().bind(vm.teachesProperty());
        teaches.setWrapText(true);
        teaches.getStyleClass().add("teaches");
        teaches.setMinHeight(Region.USE_PREF_SIZE);

        ComboBox<String> cell = new ComboBox<>(FXCollections.observableArrayList(TrainingViewModel.CELLS));
        cell.setId(Ids.of("training.cell"));
        cell.setConverter(Converters.of(c -> Messages.get("cell." + c)));
        cell.valueProperty().bindBidirectional(vm.cellProperty());
        ComboBox<String> opt = new ComboBox<>(FXCollections.observableArrayList(TrainingViewModel.OPTIMIZERS));
        opt.setId(Ids.of("training.optimizer"));
        opt.setConverter(Converters.of(o -> Messages.get("training.optimizer." + o)));
        opt.valueProperty().bindBidirectional(vm.optimizerProperty());
        Spinner<Integer> hidden = intSpinner("training.hidden", vm.hiddenProperty(), 1, 512, 8);
        Spinner<Integer> steps = intSpinner("training.steps", vm.stepsProperty(), 1, 1_000_000, 100);
        Spinner<Integer> seed = intSpinner("training.seed", vm.seedProperty(), 0, 999_999, 1);
        TextField lr = numberField("training.lr", vm.learningRateProperty());
        TextField clip = numberField("training.clip", vm.clipProperty());
        clip.setTooltip(new Tooltip(Messages.get("training.clip.tip")));
        TextField temp = numberField("training.temperature", vm.temperatureProperty());
        TextField dropout = numberField("training.dropout", vm.dropoutProperty());
        dropout.setTooltip(new Tooltip(Messages.get("training.dropout.tip")));
        TextField decay = numberField("training.weightDecay", vm.weightDecayProperty());
        decay.setTooltip(new Tooltip(Messages.get("training.weightDecay.tip")));
        CheckBox adamw = new CheckBox(Messages.get("training.adamw"));
        adamw.setId(Ids.of("training.adamw"));
        adamw.setTooltip(new Tooltip(Messages.get("training.adamw.tip")));
        adamw.selectedProperty().bindBidirectional(vm.adamwProperty());
        CheckBox residual = new CheckBox(Messages.get("training.residual"));
        residual.setId(Ids.of("training.residual"));
        residual.setTooltip(new Tooltip(Messages.get("training.residual.tip")));
        residual.selectedProperty().bindBidirectional(vm.residualProperty());
        CheckBox layerNorm = new CheckBox(Messages.get("training.layerNorm"));
        layerNorm.setId(Ids.of("training.layerNorm"));
        layerNorm.setTooltip(new Tooltip(Messages.get("training.layerNorm.tip")));
        layerNorm.selectedProperty().bindBidirectional(vm.layerNormProperty());
        ComboBox<String> schedule = new ComboBox<>(FXCollections.observableArrayList(TrainingViewModel.SCHEDULES));
        schedule.setId(Ids.of("training.schedule"));
        schedule.setConverter(Converters.of(k -> Messages.get("training.schedule." + k)));
        schedule.valueProperty().bindBidirectional(vm.scheduleProperty());
        Spinner<Integer> warmup = intSpinner("training.warmup", vm.warmupProperty(), 0, 1_000_000, 10);
        // held-out validation and early stopping (issue 17): text fields, so that a bad value gets one message below
        // them instead of silently reverting
        TextField valEvery = new TextField();
        valEvery.setId(Ids.of("training.valEvery"));
        valEvery.textProperty().bindBidirectional(vm.validateEveryProperty());
        valEvery.promptTextProperty().bind(Bindings.createStringBinding(() -> Messages.format("training.valEvery.auto",
                TrainingViewModel.validationInterval(vm.stepsProperty().get())), vm.stepsProperty()));
        valEvery.setTooltip(new Tooltip(Messages.get("training.valEvery.tip")));
        CheckBox earlyStop = new CheckBox(Messages.get("training.earlyStop"));
        earlyStop.setId(Ids.of("training.earlyStop"));
        earlyStop.setWrapText(true);
        earlyStop.setTooltip(new Tooltip(Messages.get("training.earlyStop.tip")));
        earlyStop.selectedProperty().bindBidirectional(vm.earlyStopProperty());
        TextField patience = new TextField();
        patience.setId(Ids.of("training.patience"));
        patience.textProperty().bindBidirectional(vm.patienceProperty());
        patience.setTooltip(new Tooltip(Messages.get("training.earlyStop.tip")));
        Label problem = new Label();
        problem.setId(Ids.of("training.validationProblem"));
        problem.textProperty().bind(vm.validationProblemProperty());
        problem.setWrapText(true);
        problem.getStyleClass().add("training-problem");
        problem.visibleProperty().bind(vm.validationProblemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.setMinHeight(Region.USE_PREF_SIZE);

        GridPane g = new GridPane();
        g.getStyleClass().add("training-grid");
        int r = 0;
        row(g, r++, "training.cell", cell);
        row(g, r++, "training.hidden", hidden);
        r = wideRow(g, r, "training.optimizer", opt);
        row(g, r++, "training.lr", lr);
        row(g, r++, "training.clip", clip);
        row(g, r++, "training.steps", steps);
        row(g, r++, "training.seed", seed);
        row(g, r++, "training.dropout", dropout);
        row(g, r++, "training.weightDecay", decay);
        // the check boxes take the label column too: their text is their label, and it was cut ("Resi…") in the field column
        g.add(adamw, 0, r++, 2, 1);
        g.add(residual, 0, r++, 2, 1);
        g.add(layerNorm, 0, r++, 2, 1);
        r = wideRow(g, r, "training.schedule", schedule);
        row(g, r++, "training.warmup", warmup);
        r = wideRow(g, r, "training.valEvery", valEvery);
        g.add(earlyStop, 0, r++, 2, 1);
        // the patience's label is a sentence ("Stop after N validations without improvement"): it wraps over both columns
        Label patienceLabel = new Label(Messages.get("training.patience"));
        patienceLabel.setLabelFor(patience);
        patienceLabel.setWrapText(true);
        patienceLabel.setMinHeight(Region.USE_PREF_SIZE);
        patienceLabel.disableProperty().bind(earlyStop.selectedProperty().not());
        g.add(patienceLabel, 0, r++, 2, 1);
        g.add(patience, 0, r++, 2, 1);
        g.add(problem, 0, r++, 2, 1);
        Label tl = row(g, r, "training.temperature", temp);
        tl.visibleProperty().bind(vm.samplesAvailableProperty());
        temp.visibleProperty().bind(vm.samplesAvailableProperty());
        for (var n : new javafx.scene.Node[] {cell, hidden, opt, lr, clip, steps, seed, temp, dropout, decay,
            adamw, residual, layerNorm, schedule, warmup, valEvery, earlyStop}) {
            n.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.stateProperty().get().active(),
                    vm.stateProperty()));
            ((Region) n).setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(n, Priority.ALWAYS);
        }
        task.disableProperty().bind(cell.disableProperty());
        patience.disableProperty().bind(cell.disableProperty().or(earlyStop.selectedProperty().not()));
        patience.setMaxWidth(Double.MAX_VALUE);
        corpus.disableProperty().bind(cell.disableProperty());
        Label title = new Label(Messages.get("training.title"));
        title.getStyleClass().add("panel-title");
        VBox box = new VBox(6, title, task, corpusLabel, corpus, teaches, g);
        box.getStyleClass().add("training-settings");
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        sp.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sp.getStyleClass().add("training-settings-scroll");
        return sp;
    }

    private Region controls() {
        Button start = new Button();
        start.setId(Ids.of("training.start"));
        start.textProperty().bind(Bindings.createStringBinding(() -> switch (vm.stateProperty().get()) {
            case RUNNING -> Messages.get("training.pause");
            case PAUSED -> Messages.get("training.resume");
            default -> Messages.get("training.start");
        }, vm.stateProperty()));
        start.setTooltip(new Tooltip(Messages.get("training.start.tip")));
        start.setOnAction(e -> vm.startOrTogglePause());
        start.getStyleClass().add("accent");
        Button stop = new Button(Messages.get("training.stop"));
        stop.setId(Ids.of("training.stop"));
        stop.setTooltip(new Tooltip(Messages.get("training.stop.tip")));
        stop.setOnAction(e -> vm.stop());
        stop.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.stateProperty().get().active(),
                vm.stateProperty()));
        ProgressBar bar = new ProgressBar();
        bar.setId(Ids.of("training.progress"));
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setPrefWidth(160);
        HBox.setHgrow(bar, Priority.SOMETIMES);
        Label stepLabel = new Label();
        stepLabel.setId(Ids.of("training.stepLabel"));
        stepLabel.textProperty().bind(Bindings.createStringBinding(() -> Messages.format("training.stepOf",
                vm.stepProperty().get(), vm.stepsProperty().get()), vm.stepProperty(), vm.stepsProperty()));
        stepLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label figures = new Label();
        figures.setId(Ids.of("training.figures"));
        figures.textProperty().bind(Bindings.createStringBinding(() -> Messages.format("training.figures",
                lossText(vm.lossProperty().get(), vm.stepProperty().get()), vm.tokensPerSecondProperty().get(),
                vm.clipTotalProperty().get()), vm.lossProperty(), vm.tokensPerSecondProperty(), vm.clipTotalProperty(),
                vm.stepProperty()));
        Label metric = new Label();
        metric.setId(Ids.of("training.metric"));
        metric.textProperty().bind(vm.metricTextProperty());
        metric.getStyleClass().add("metric");
        // no empty row for it before a run (compact form: on a row of its own)
        metric.managedProperty().bind(metric.textProperty().isNotEmpty());
        metric.visibleProperty().bind(metric.managedProperty());
        CheckBox logScale = new CheckBox(Messages.get("training.logScale"));
        logScale.setId(Ids.of("training.logScale"));
        lossChart.logScaleProperty().bind(logScale.selectedProperty());
        gradChart.logScaleProperty().bind(logScale.selectedProperty());
        // an explosion spans hundreds of orders of magnitude: only a log axis shows it
        vm.stateProperty().addListener((o, a, st) -> {
            if (st == State.DIVERGED) {
                logScale.setSelected(true);
            }
        });
        Label status = new Label();
        status.setId(Ids.of("training.status"));
        status.textProperty().bind(vm.statusProperty());
        status.getStyleClass().add("muted");
        // no empty line under the figures while there is no status: the charts want the height (issue 12)
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        status.visibleProperty().bind(status.managedProperty());
        start.setMinWidth(Region.USE_PREF_SIZE);
        stop.setMinWidth(Region.USE_PREF_SIZE);
        logScale.setMinWidth(Region.USE_PREF_SIZE);
        // the figures and the metric wrap onto a second line rather than being cut with an ellipsis
        for (Label l : new Label[] {figures, metric}) {
            l.setWrapText(true);
            l.setMinWidth(0);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(10, settingsToggle, start, stop, bar, stepLabel);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("training-controls");
        HBox second = new HBox(14, figures, metric, gap, logScale);
        second.setAlignment(Pos.CENTER_LEFT);
        second.getStyleClass().add("training-controls");
        VBox box = new VBox(3, top, second, status);
        figuresRow = second;
        metricLabel = metric;
        controlsRows = box;
        box.widthProperty().addListener((o, a, b) -> placeMetric());
        metric.textProperty().addListener((o, a, b) -> placeMetric());
        figures.textProperty().addListener((o, a, b) -> placeMetric());
        return box;
    }

    private Region banner() {
        Label text = new Label();
        text.setId(Ids.of("training.banner.text"));
        text.textProperty().bind(vm.bannerProperty());
        text.setWrapText(true);
        Label detail = new Label();
        detail.textProperty().bind(vm.bannerDetailProperty());
        detail.setWrapText(true);
        detail.getStyleClass().add("detail");
        Label sign = new Label("\u26a0");
        sign.getStyleClass().add("sign");
        Button close = new Button(Messages.get("error.dismiss"));
        close.setOnAction(e -> vm.dismissBanner());
        VBox words = new VBox(2, text, detail);
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox b = new HBox(10, sign, words, close);
        b.setAlignment(Pos.CENTER_LEFT);
        b.setId(Ids.of("training.banner"));
        b.getStyleClass().add("training-banner");
        b.visibleProperty().bind(vm.bannerProperty().isNotNull());
        b.managedProperty().bind(b.visibleProperty());
        return b;
    }

    private Region charts() {
        // as many charts as fit at a readable width; the last place shows the chart chosen by its switch (issue 12:
        // beside the lesson strip at 1024×768 the four charts were 60–90 px wide)
        String[] keys = {"loss", "metric", "grad", "lr", "weightNorm"};
        List<javafx.scene.control.ToggleButton> switches = new java.util.ArrayList<>();
        for (String k : keys) {
            javafx.scene.control.ToggleButton b = new javafx.scene.control.ToggleButton(Messages.get("training.chart.switch." + k));
            b.setId(Ids.of("training.chart.switch." + k));
            b.setTooltip(new Tooltip(Messages.get("training.chart.switch." + k + ".tip")));
            switches.add(b);
        }
        deck = new ChartDeck(List.of(lossChart, metricChart, gradChart, lrChart, normChart), switches);
        deck.setMinHeight(120);
        return deck;
    }

    /** The charts' places (tests: which charts show, and how wide). */
    ChartDeck chartDeck() {
        return deck;
    }

    private Region samples() {
        Label title = new Label(Messages.get("training.samples"));
        title.getStyleClass().add("panel-title");
        TextArea text = new TextArea();
        text.setId(Ids.of("training.samples"));
        text.setEditable(false);
        text.setWrapText(true);
        text.textProperty().bind(vm.samplesProperty());
        text.setPromptText(Messages.get("training.samples.empty"));
        VBox.setVgrow(text, Priority.ALWAYS);
        VBox box = new VBox(6, title, text);
        box.getStyleClass().add("training-samples");
        box.visibleProperty().bind(vm.samplesAvailableProperty());
        box.managedProperty().bind(box.visibleProperty());
        // a fifth of the panel at most: at 1024 wide the charts need the rest
        box.prefWidthProperty().bind(Bindings.min(widthProperty().multiply(0.2), 300));
        return box;
    }

    private static String lossText(double v, long step) {
        if (step == 0) {
            return "\u2013";
        }
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : "\u221e";
        }
        return Math.abs(v) >= 1e5 ? String.format(Locale.ROOT, "%.3g", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    private static Label row(GridPane g, int r, String key, javafx.scene.Node editor) {
        Label l = new Label(Messages.get(key));
        l.setLabelFor(editor);
        l.setMinWidth(Region.USE_PREF_SIZE);
        g.add(l, 0, r);
        g.add(editor, 1, r);
        return l;
    }

    /**
     * A label on its own row and its editor under it across both columns: for the combo boxes whose
     * choices are long ("SGD with momentum", "Step (halve every quarter)"), which the field column beside
     * a long label cut with an ellipsis at 1024 px (issue 12). Returns the next free row.
     */
    private static int wideRow(GridPane g, int r, String key, javafx.scene.Node editor) {
        Label l = new Label(Messages.get(key));
        l.setLabelFor(editor);
        l.setMinWidth(Region.USE_PREF_SIZE);
        g.add(l, 0, r, 2, 1);
        g.add(editor, 0, r + 1, 2, 1);
        return r + 2;
    }

    private static Spinner<Integer> intSpinner(String key, javafx.beans.property.IntegerProperty p, int min, int max,
                                               int step) {
        Spinner<Integer> s = RunControls.spinner(key, p, min, max, step);
        s.setPrefWidth(120);
        return s;
    }

    /** A text field for a positive number; text that is not one reverts to the last good value. */
    private static TextField numberField(String key, javafx.beans.property.DoubleProperty p) {
        TextField f = new TextField();
        f.setId(Ids.of(key));
        StringConverter<Double> conv = new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : String.format(Locale.ROOT, "%.4g", v).replaceFirst("\\.?0+(e|$)", "$1");
            }

            @Override
            public Double fromString(String s) {
                try {
                    double v = Double.parseDouble(s.trim());
                    return Double.isFinite(v) && v >= 0 ? v : p.get();
                } catch (NumberFormatException e) {
                    return p.get();
                }
            }
        };
        TextFormatter<Double> tf = new TextFormatter<>(conv, p.get());
        f.setTextFormatter(tf);
        tf.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != p.get()) {
                p.set(b);
            }
        });
        p.addListener((o, a, b) -> tf.setValue(b.doubleValue()));
        f.setPrefColumnCount(7);
        return f;
    }

    LiveChart lossChart() {
        return lossChart;
    }

    LiveChart metricChart() {
        return metricChart;
    }

    LiveChart gradChart() {
        return gradChart;
    }

    LiveChart lrChart() {
        return lrChart;
    }

    LiveChart normChart() {
        return normChart;
    }

    TrainingViewModel viewModel() {
        return vm;
    }

    static boolean active(State s) {
        return s.active();
    }
}
