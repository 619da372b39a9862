package rnnlab.ui.training;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import rnnlab.ui.viewmodel.experiment.ExperimentViewModel;
import rnnlab.i18n.Messages;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.viewmodel.TrainingViewModel;
import rnnlab.ui.common.Ids;

/**
 * Training in the main window: the live-training panel docked below the views (shown on demand), its
 * Train menu with the shortcuts, and the experiment window. The views follow the model as it learns:
 * the training view model hands weight copies to {@link RunViewModel#showTrainedWeights}.
 */
public final class TrainingDock {
    private final TrainingViewModel vm = new TrainingViewModel();
    private final ExperimentViewModel experimentVm = new ExperimentViewModel();
    private final rnnlab.ui.viewmodel.seq2seq.BottleneckViewModel bottleneckVm = new rnnlab.ui.viewmodel.seq2seq.BottleneckViewModel();
    private final BooleanProperty shown = new SimpleBooleanProperty(false);
    private final Stage stage;
    private final BooleanProperty dark;
    private TrainingPanel panel;
    private Stage experimentStage;
    private final javafx.event.EventHandler<WindowEvent> onHidden = e -> close();
    private ExperimentPane experimentPane;

    public TrainingDock(RunViewModel run, Stage stage, BooleanProperty dark) {
        this.stage = stage;
        this.dark = dark;
        vm.setWeightSink(run::showTrainedWeights);
        // training trains the model the views show when it fits the task; else the shown one comes back at the end
        vm.setShownModel(run.trainingSource());
        // training leaves most of the CPU to the views while they animate a step or play
        Runnable busy = () -> vm.setViewsBusy(run.playingProperty().get() || run.stepProgressProperty().get() < 1);
        run.playingProperty().addListener((o, a, b) -> busy.run());
        run.frameProperty().addListener((o, a, b) -> {
            if (vm.stateProperty().get().active()) {
                vm.viewsRepainting();
            }
        });
        run.stepProgressProperty().addListener((o, a, b) -> {
            busy.run();
            vm.setViewsAnimating(b.doubleValue() < 1);
        });
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, onHidden);
        // while presenting the panel grows when training starts and shrinks when a new Start clears nothing yet
        vm.stateProperty().addListener((o, a, b) -> roomLater());
        trained.addListener((o, a, b) -> roomLater());
    }

    /** Stops training and the experiment and closes the experiment window (the main window goes away). */
    public void close() {
        // the stage outlives this dock when the window is rebuilt in another language
        stage.removeEventHandler(WindowEvent.WINDOW_HIDDEN, onHidden);
        vm.shutdown();
        experimentVm.cancel();
        if (experimentStage != null) {
            experimentStage.close();
        }
    }

    /** The training panel's share of the height under which it sits beside the views. */
    static final double SHARE = 0.45;
    /**
     * While presenting (issue 12): the views show one at a time in tabs, and the charts beside the lesson strip at
     * 1024×768 had about 70 px of plot at 45 %.
     */
    static final double PRESENTING_SHARE = 0.6;
    /**
     * While presenting, the views keep at least this height (px) above the training panel: at 1280×720 a
     * 60 % share left the views' tab 190 px, the text activation's letters cut off under its caption.
     */
    static final double PRESENTING_MIN_VIEWS = 250;

    /** The training panel's height under the views in a holder this high, presenting or not, with training under way. */
    static double height(double holder, boolean presenting) {
        if (!presenting) {
            return holder * SHARE;
        }
        return Math.max(holder * SHARE, Math.min(holder * PRESENTING_SHARE, holder - PRESENTING_MIN_VIEWS));
    }

    /**
     * The training panel's height in a holder this high: while presenting, from the panel's idle height ({@code room}
     * 0: nothing trained yet, the charts empty) to the presenting share ({@code room} 1: training runs or the charts
     * hold points). Issue 12: before Start, lesson 5's unrolled network kept 250 px of 510 at 1280×720 beside
     * empty charts.
     */
    static double height(double holder, boolean presenting, double idle, double room) {
        double full = height(holder, presenting);
        if (!presenting) {
            return full;
        }
        double low = Math.min(full, idle);
        return low + Math.max(0, Math.min(1, room)) * (full - low);
    }

    /** How long the panel takes to grow to the presenting share when training starts (and to shrink back). */
    static final javafx.util.Duration ROOM_MOTION = javafx.util.Duration.millis(350);
    private final BooleanProperty presenting = new SimpleBooleanProperty(false);
    /** While presenting: 0, the panel at its idle height; 1, at the presenting share; in between while it moves. */
    private final javafx.beans.property.DoubleProperty room = new javafx.beans.property.SimpleDoubleProperty(0);
    private javafx.animation.Timeline roomMotion;
    private double roomMotionTarget = -1;
    private boolean roomQueued;
    /** Steps trained in the last run (the charts hold its points until the next Start clears them). */
    private final javafx.beans.binding.BooleanBinding trained = vm.stepProperty().greaterThan(0);

    /** Whether the panel wants the presenting share: training runs, the charts hold points, or the settings show. */
    private boolean wantsRoom() {
        return vm.stateProperty().get().active() || trained.get()
                || (panel != null && panel.settingsToggle().isSelected());
    }

    /**
     * After the events of the moment (a Start clears the charts before the run's state says running): grows or
     * shrinks the panel once, not back and forth.
     */
    private void roomLater() {
        if (!roomQueued) {
            roomQueued = true;
            javafx.application.Platform.runLater(() -> {
                roomQueued = false;
                updateRoom(true);
            });
        }
    }

    private void updateRoom(boolean animate) {
        double target = wantsRoom() ? 1 : 0;
        if (roomMotion != null) {
            if (roomMotionTarget == target) {
                return;
            }
            roomMotion.stop();
            roomMotion = null;
        }
        if (room.get() == target) {
            return;
        }
        if (!animate || panel == null || panel.getScene() == null || !presenting.get()) {
            room.set(target);
            return;
        }
        javafx.animation.Timeline t = new javafx.animation.Timeline(new javafx.animation.KeyFrame(ROOM_MOTION,
                new javafx.animation.KeyValue(room, target, javafx.animation.Interpolator.EASE_BOTH)));
        t.setOnFinished(e -> {
            if (roomMotion == t) {
                roomMotion = null;
            }
        });
        roomMotion = t;
        roomMotionTarget = target;
        t.play();
    }

    /**
     * The side panel and the views with the training panel below them (45 % of the height; while presenting up to 60 %,
     * leaving the views 250 px, once training runs or the charts hold points, before that only its controls and
     * empty charts) when shown; the
     * lesson panel beside them keeps the whole height. Not a
     * SplitPane: a SplitPane clips its items, and clipped views repaint far more slowly on the
     * software pipeline (bench-ui: 57 → 50 fps).
     */
    public Node wrap(Node center) {
        javafx.scene.layout.BorderPane holder = new javafx.scene.layout.BorderPane(center);
        holder.setId(Ids.of("training.split"));
        // presentation mode marks the scene's root "presenting"
        javafx.collections.ListChangeListener<String> classes = c -> presenting.set(c.getList().contains("presenting"));
        holder.sceneProperty().addListener((o, a, sc) -> {
            if (a != null) {
                a.getRoot().getStyleClass().removeListener(classes);
            }
            presenting.set(sc != null && sc.getRoot().getStyleClass().contains("presenting"));
            if (sc != null) {
                sc.getRoot().getStyleClass().addListener(classes);
            }
        });
        // entering or leaving presentation mode changes the whole layout: the panel takes its height at once
        presenting.addListener((o, a, b) -> updateRoom(false));
        shown.addListener((o, a, show) -> {
            if (show) {
                if (panel == null) {
                    panel = new TrainingPanel(vm, dark);
                    panel.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                            () -> height(holder.getHeight(), presenting.get(), panel.idleHeight(), room.get()),
                            holder.heightProperty(), presenting, room, panel.widthProperty(), vm.bannerProperty(),
                            panel.settingsToggle().fontProperty(), panel.chartDeck().switchesAboveProperty()));
                    panel.settingsToggle().selectedProperty().addListener((ob, was, is) -> roomLater());
                    panel.setMinHeight(0);
                    // never wider than the window (at 1024×768 in presentation mode its controls pushed the
                    // lesson strip off the screen): what does not fit is cut at the window's edge
                    panel.setMinWidth(0);
                }
                updateRoom(false);
                holder.setBottom(panel);
            } else {
                holder.setBottom(null);
            }
        });
        return holder;
    }

    /** The Train menu: panel, start/pause/resume (F6), stop (Shift+F6), the experiment window (F5 stays free for presentation mode). */
    public Menu menu() {
        CheckMenuItem show = new CheckMenuItem(Messages.get("menu.train.panel"));
        show.setId(Ids.of("menu.train.panel"));
        show.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
        show.selectedProperty().bindBidirectional(shown);
        MenuItem start = new MenuItem(Messages.get("menu.train.start"));
        start.setId(Ids.of("menu.train.start"));
        start.setAccelerator(KeyCombination.keyCombination("F6"));
        start.setOnAction(e -> {
            shown.set(true);
            vm.startOrTogglePause();
        });
        MenuItem stop = new MenuItem(Messages.get("menu.train.stop"));
        stop.setId(Ids.of("menu.train.stop"));
        stop.setAccelerator(KeyCombination.keyCombination("Shift+F6"));
        stop.setOnAction(e -> vm.stop());
        MenuItem experiment = new MenuItem(Messages.get("menu.train.experiment"));
        experiment.setId(Ids.of("menu.train.experiment"));
        experiment.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+T"));
        experiment.setOnAction(e -> showExperiment());
        MenuItem runs = new MenuItem(Messages.get("menu.train.runs"));
        runs.setId(Ids.of("menu.train.runs"));
        runs.setOnAction(e -> showRuns());
        Menu m = new Menu(Messages.get("menu.train"));
        m.setId(Ids.of("menu.train"));
        m.getItems().addAll(show, start, stop, new SeparatorMenuItem(), experiment, runs);
        return m;
    }

    /** Opens the runs window on the panel's runs folder (read afresh each time). */
    public rnnlab.ui.runs.RunsPane showRuns() {
        rnnlab.ui.runs.RunsPane pane = runsPane();
        javafx.geometry.Dimension2D size = rnnlab.ui.layout.ScreenFit.sceneSize(1280, 760, stage);
        Scene sc = new Scene(pane, size.getWidth(), size.getHeight());
        Scene main = stage.getScene();
        if (main != null) {
            sc.getStylesheets().setAll(main.getStylesheets());
            sc.getRoot().setStyle(main.getRoot().getStyle());
            if (main.getRoot().getStyleClass().contains("dark")) {
                sc.getRoot().getStyleClass().add("dark");
            }
        }
        Stage s = new Stage();
        s.initOwner(stage);
        s.setTitle(Messages.get("runs.title"));
        s.setScene(sc);
        s.show();
        runsStage = s;
        return pane;
    }

    /** A runs pane on the panel's runs folder whose sweeps vary the panel's current settings. */
    public rnnlab.ui.runs.RunsPane runsPane() {
        return new rnnlab.ui.runs.RunsPane(vm.runsFolder(),
                () -> new rnnlab.ui.viewmodel.experiment.SweepViewModel.Base(vm.taskProperty().get(), vm.currentConfig()));
    }

    /** The last runs window opened (null before). */
    public Stage runsStage() {
        return runsStage;
    }

    private Stage runsStage;

    /** Opens (or brings to the front) the experiment window. */
    public void showExperiment() {
        if (experimentStage == null) {
            experimentPane = new ExperimentPane(experimentVm, bottleneckVm, dark);
            // sized to the screen the main window is on (1180×700 hung off a 1024×768 projector)
            javafx.geometry.Dimension2D size = rnnlab.ui.layout.ScreenFit.sceneSize(1180, 700, stage);
            Scene sc = new Scene(experimentPane, size.getWidth(), size.getHeight());
            Scene main = stage.getScene();
            if (main != null) {
                sc.getStylesheets().setAll(main.getStylesheets());
                sc.getRoot().setStyle(main.getRoot().getStyle());
                main.getRoot().styleProperty().addListener((o, a, s) -> sc.getRoot().setStyle(s));
                if (main.getRoot().getStyleClass().contains("dark")) {
                    sc.getRoot().getStyleClass().add("dark");
                }
            }
            dark.addListener((o, a, d) -> {
                if (d) {
                    sc.getRoot().getStyleClass().add("dark");
                } else {
                    sc.getRoot().getStyleClass().remove("dark");
                }
            });
            sc.getRoot().getStyleClass().add("root-experiment");
            experimentStage = new Stage();
            experimentStage.initOwner(stage);
            experimentStage.setTitle(Messages.get("experiment.window"));
            experimentStage.setScene(sc);
        }
        experimentStage.show();
        experimentStage.toFront();
    }

    public TrainingViewModel viewModel() {
        return vm;
    }

    public ExperimentViewModel experimentViewModel() {
        return experimentVm;
    }

    /** The encoder–decoder mode of the experiment window (the bottleneck experiment). */
    public rnnlab.ui.viewmodel.seq2seq.BottleneckViewModel bottleneckViewModel() {
        return bottleneckVm;
    }

    /** Whether the training panel is shown below the views. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    public TrainingPanel panel() {
        return panel;
    }

    ExperimentPane experimentPane() {
        return experimentPane;
    }

    public Stage experimentStage() {
        return experimentStage;
    }
}
