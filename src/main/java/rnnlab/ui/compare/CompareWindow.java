package rnnlab.ui.compare;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.util.Duration;
import rnnlab.engine.CellType;
import rnnlab.session.Frame;
import rnnlab.i18n.Messages;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.viewmodel.CellSwap;
import rnnlab.ui.common.Icons;
import rnnlab.ui.common.Ids;
import rnnlab.ui.common.WhileShowing;
import rnnlab.ui.common.Converters;
import rnnlab.ui.views.LabView;
import rnnlab.ui.views.ViewCatalog;
import rnnlab.ui.views.ViewContext;

/**
 * Vanilla RNN, LSTM and GRU side by side: each column has its own view model and engine thread, all
 * built with the main window's sequence, seed, initialisation and hidden size. One set of buttons and
 * keys (→ ← Space Home End) drives every column; each column shows the same chosen view, its cell type
 * and its parameter count; a chart overlays the three gradient-decay curves. Closing the window stops
 * its engine threads and leaves the main window as it was.
 */
public final class CompareWindow {
    /** Cell types and their colours from the visual language. */
    static final String[] CELLS = {"rnn_tanh", "lstm", "gru"};
    static final Color[] COLORS = {rnnlab.ui.controls.Palette.ORANGE, rnnlab.ui.controls.Palette.BLUE, rnnlab.ui.controls.Palette.GREEN};
    /** The views a column can show; "cell" is the column's own cell diagram. */
    static final List<String> VIEWS = List.of("view.heatmap", "cell", "view.unrolled", "view.output", "view.formulas");
    private static final double PLAY_INTERVAL_MS = 800;

    private final CompareHost w;
    private final Stage stage = new Stage();
    private final List<Column> columns = new ArrayList<>();
    private final ChoiceBox<String> viewChoice = new ChoiceBox<>();
    private final DecayOverlay chart = new DecayOverlay();
    private final Timeline player = new Timeline();
    private final Label position = new Label();
    private final Button play = new Button();
    private boolean playing;

    public CompareWindow(CompareHost w) {
        this.w = w;
        RunViewModel main = w.viewModel();
        HBox row = new HBox(8);
        for (int i = 0; i < CELLS.length; i++) {
            Column c = new Column(CELLS[i], COLORS[i], main);
            columns.add(c);
            row.getChildren().add(c.box);
            HBox.setHgrow(c.box, Priority.ALWAYS);
        }
        VBox.setVgrow(row, Priority.ALWAYS);

        viewChoice.getItems().setAll(VIEWS);
        viewChoice.setConverter(Converters.of(CompareWindow::viewTitle));
        viewChoice.setValue(VIEWS.get(0));
        viewChoice.setId(Ids.of("compare.view"));
        viewChoice.setFocusTraversable(false);
        viewChoice.valueProperty().addListener((o, a, v) -> columns.forEach(c -> c.show(v)));

        Label title = new Label(Messages.get("compare.title"));
        title.getStyleClass().add("panel-title");
        Label intro = new Label(Messages.format("compare.intro", main.hiddenSizeProperty().get()));
        intro.getStyleClass().add("muted");
        VBox root = new VBox(8, new HBox(16, title, intro), bar(), row, chart);
        ((HBox) root.getChildren().get(0)).setAlignment(Pos.BASELINE_LEFT);
        root.getStyleClass().add("compare");
        root.setId(Ids.of("compare"));
        // sized to the screen the main window is on: at 1024×768 Run and the step buttons stay reachable
        javafx.geometry.Dimension2D size = rnnlab.ui.layout.ScreenFit.sceneSize(1280, 720, w.stage());
        Scene scene = new Scene(root, size.getWidth(), size.getHeight());
        PinGateWindow.styleLike(w, scene, stage);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        WhileShowing.follow(stage, () -> chart.setDark(w.darkThemeProperty().get()), w.darkThemeProperty());
        chart.setDark(w.darkThemeProperty().get());
        stage.setScene(scene);
        stage.setTitle(Messages.get("compare.title"));
        stage.setOnHidden(e -> shutdown());
        player.setCycleCount(Timeline.INDEFINITE);
        player.getKeyFrames().setAll(new KeyFrame(Duration.millis(PLAY_INTERVAL_MS), e -> {
            if (atEnd()) {
                setPlaying(false);
            } else {
                stepAll();
            }
        }));
        columns.forEach(c -> c.show(viewChoice.getValue()));
        columns.get(0).vm.positionProperty().addListener((o, a, p) -> updatePosition());
        columns.get(0).vm.timelineLengthProperty().addListener((o, a, p) -> updatePosition());
        updatePosition();
    }

    public void show() {
        stage.show();
    }

    public void close() {
        stage.close();
    }

    public Stage stage() {
        return stage;
    }

    /** The three columns' view models (rnn_tanh, lstm, gru). */
    public List<RunViewModel> viewModels() {
        return columns.stream().map(c -> c.vm).toList();
    }

    List<LabView> shownViews() {
        return columns.stream().map(c -> c.view).toList();
    }

    List<Label> parameterLabels() {
        return columns.stream().map(c -> c.params).toList();
    }

    DecayOverlay chart() {
        return chart;
    }

    ChoiceBox<String> viewChoice() {
        return viewChoice;
    }

    private Region bar() {
        Button reset = transport("timeline.reset", Icons.reset(), () -> {
            setPlaying(false);
            columns.forEach(c -> c.vm.seek(0));
        });
        Button back = transport("timeline.stepBack", Icons.stepBack(), () -> {
            setPlaying(false);
            columns.forEach(c -> c.vm.stepBack());
        });
        play.setGraphic(Icons.play());
        play.getStyleClass().add("transport");
        play.setId(Ids.of("compare.play"));
        play.setOnAction(e -> setPlaying(!playing));
        play.setFocusTraversable(false);
        Button fwd = transport("timeline.stepForward", Icons.stepForward(), () -> {
            setPlaying(false);
            stepAll();
        });
        fwd.setId(Ids.of("compare.stepForward"));
        position.setId(Ids.of("compare.position"));
        position.setMinWidth(Region.USE_PREF_SIZE);
        HBox cells = new HBox(12);
        cells.setAlignment(Pos.CENTER_LEFT);
        for (int i = 0; i < CELLS.length; i++) {
            Column c = columns.get(i);
            CheckBox box = new CheckBox(Messages.get("cell." + CELLS[i]));
            box.setSelected(true);
            box.setId(Ids.of("compare.show." + CELLS[i]));
            box.setFocusTraversable(false);
            c.box.visibleProperty().bind(box.selectedProperty());
            c.box.managedProperty().bind(box.selectedProperty());
            cells.getChildren().add(box);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label viewLabel = new Label(Messages.get("compare.view"));
        HBox bar = new HBox(8, reset, back, play, fwd, position, gap, cells, viewLabel, viewChoice);
        bar.getStyleClass().add("compare-bar");
        return bar;
    }

    private static Button transport(String key, javafx.scene.Node icon, Runnable action) {
        Button b = new Button(null, icon);
        b.getStyleClass().add("transport");
        b.setTooltip(new javafx.scene.control.Tooltip(Messages.get(key)));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** → step all, ← back, Space play/pause, Home start, End last step — the main window's keys. */
    private void key(KeyEvent e) {
        KeyCode k = e.getCode();
        if (k == KeyCode.RIGHT) {
            setPlaying(false);
            stepAll();
        } else if (k == KeyCode.LEFT) {
            setPlaying(false);
            columns.forEach(c -> c.vm.stepBack());
        } else if (k == KeyCode.SPACE) {
            setPlaying(!playing);
        } else if (k == KeyCode.HOME) {
            setPlaying(false);
            columns.forEach(c -> c.vm.seek(0));
        } else if (k == KeyCode.END) {
            setPlaying(false);
            columns.forEach(c -> c.vm.seek(c.vm.timelineLengthProperty().get()));
        } else {
            return;
        }
        e.consume();
    }

    /** One step in every column (each column stops at its own end). */
    void stepAll() {
        for (Column c : columns) {
            if (c.vm.positionProperty().get() < c.vm.timelineLengthProperty().get()) {
                c.vm.stepForward();
            }
        }
    }

    private boolean atEnd() {
        return columns.stream().allMatch(c -> c.vm.positionProperty().get() >= c.vm.timelineLengthProperty().get());
    }

    private void setPlaying(boolean p) {
        if (p && atEnd()) {
            columns.forEach(c -> c.vm.seek(0));
        }
        playing = p;
        play.setGraphic(p ? Icons.pause() : Icons.play());
        if (p) {
            player.playFromStart();
            stepAll();
        } else {
            player.stop();
        }
    }

    private void updatePosition() {
        RunViewModel vm = columns.get(0).vm;
        position.setText(Messages.format("compare.position", vm.positionProperty().get(), vm.timelineLengthProperty().get()));
    }

    private void shutdown() {
        player.stop();
        for (Column c : columns) {
            if (c.view != null) {
                c.view.unbind();
            }
            c.vm.shutdown();
        }
    }

    private void updateChart() {
        List<DecayOverlay.Series> s = new ArrayList<>();
        for (Column c : columns) {
            Frame f = c.vm.frameProperty().get();
            double[] norms = f == null || f.analysis() == null ? null : f.analysis().lastStepGradNorms().get(0);
            s.add(new DecayOverlay.Series(Messages.get("cell." + c.cell), c.color, norms));
        }
        chart.setSeries(s);
    }

    static String viewTitle(String id) {
        return "cell".equals(id) ? Messages.get("compare.view.cell") : ViewCatalog.title(create(id, "rnn_tanh"));
    }

    /** A fresh view for a column. */
    static LabView create(String id, String cell) {
        return switch (id) {
            case "view.unrolled", "view.output", "view.formulas" -> ViewCatalog.create(id);
            case "cell" -> ViewCatalog.create(CellType.fromId(cell).viewId());
            default -> ViewCatalog.create("view.heatmap");
        };
    }

    /** One cell type: its own view model and context, a heading, the parameter count and the chosen view. */
    private final class Column {
        final String cell;
        final Color color;
        final RunViewModel vm;
        final ViewContext context = new ViewContext();
        final Label params = new Label();
        final BorderPane box = new BorderPane();
        LabView view;

        Column(String cell, Color color, RunViewModel main) {
            this.cell = cell;
            this.color = color;
            // the same sequence, structure, seed and initialisation as the main window; only the cell differs
            vm = CellSwap.of(main, cell);
            context.frameProperty().bind(vm.frameProperty());
            context.previousFrameProperty().bind(vm.previousFrameProperty());
            context.stepProgressProperty().bind(vm.stepProgressProperty());
            context.darkThemeProperty().bind(w.context().darkThemeProperty());
            context.projectorThemeProperty().bind(w.context().projectorThemeProperty());
            Label name = new Label(Messages.get("cell." + cell));
            name.getStyleClass().add("compare-cell-name");
            name.setTextFill(color);
            name.setId(Ids.of("compare.cell." + cell));
            params.getStyleClass().add("compare-params");
            params.setId(Ids.of("compare.params." + cell));
            params.setWrapText(true);
            VBox head = new VBox(2, name, params);
            box.setTop(head);
            box.getStyleClass().add("compare-column");
            box.setId(Ids.of("compare.column." + cell));
            box.setMinSize(0, 0);
            box.setPrefWidth(400);
            vm.frameProperty().addListener((o, a, f) -> {
                params.setText(Messages.format("compare.params", vm.parameterCountProperty().get(), recurrentCount(f)));
                if (a == null || f.analysis() != a.analysis()) {
                    updateChart();
                }
            });
        }

        void show(String id) {
            if (view != null) {
                view.unbind();
            }
            view = create(id, cell);
            view.bind(context);
            javafx.scene.Node n = view.node();
            if (n instanceof Region r) {
                r.setMinSize(0, 0);
            }
            box.setCenter(n);
            BorderPane.setMargin(n, new javafx.geometry.Insets(6, 0, 0, 0));
        }
    }

    /** Weights of the recurrent layers alone (no embedding, no output head). */
    static long recurrentCount(Frame f) {
        if (f == null) {
            return 0;
        }
        long n = 0;
        for (var e : f.weights().entrySet()) {
            if (e.getKey().startsWith("rnn.")) {
                for (double[] row : e.getValue()) {
                    n += row.length;
                }
            }
        }
        return n;
    }
}
