package rnnlab.ui.views;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import rnnlab.ui.viewmodel.Messages;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.viewmodel.WindowState;

/**
 * The main window: menus, the model panel and sequence editor on the left, the views in the middle,
 * the timeline at the bottom. It only composes and binds; every command goes to the {@link RunViewModel}.
 */
public final class MainWindow {
    private final Stage stage;
    private final RunViewModel vm = new RunViewModel();
    private final ViewContext context = new ViewContext();
    private final ViewsArea viewsArea;
    private final CellViewDefaults cellViews;
    private PinGateWindow pinGate;
    private CompareWindow comparison;
    private final Theme theme;
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private javafx.scene.Node highlighted;
    private final TrainingDock training;
    private final javafx.beans.property.BooleanProperty sidePanelShown = new javafx.beans.property.SimpleBooleanProperty(true);

    public MainWindow(Stage stage, List<LabView> catalog) {
        this.stage = stage;
        context.frameProperty().bind(vm.frameProperty());
        context.previousFrameProperty().bind(vm.previousFrameProperty());
        context.stepProgressProperty().bind(vm.stepProgressProperty());
        context.recurrentScaleProperty().bindBidirectional(vm.recurrentScaleProperty());
        viewsArea = new ViewsArea(catalog, context);
        cellViews = new CellViewDefaults(viewsArea, vm.cellTypeProperty());
        root.setId(Ids.of("main"));
        root.getStyleClass().add("main-window");

        VBox side = new VBox(12, new ModelPanel(vm), new SequenceEditor(vm));
        side.getStyleClass().add("side");
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sideScroll.getStyleClass().add("side-scroll");
        sideScroll.setId(Ids.of("side"));
        // A BorderPane, not a SplitPane: a SplitPane clips its items, and the clipped views cost
        // noticeably more to repaint on the software pipeline (bench-ui lost frames).
        BorderPane split = new BorderPane(viewsArea);
        split.setLeft(sideScroll);
        sidePanelShown.addListener((o, a, show) -> split.setLeft(show ? sideScroll : null));
        training = new TrainingDock(vm, stage, context.darkThemeProperty());
        root.setCenter(training.wrap(split));

        scene = new Scene(root, 1280, 720);
        theme = new Theme(scene, context.darkThemeProperty());
        scene.getStylesheets().add(PinGateWindow.STYLESHEET);
        MainMenu menu = new MainMenu(this);
        root.setTop(new VBox(menu.bar(), errorBanner()));
        root.setBottom(new VBox(new TimelineBar(vm), statusBar()));
        installKeys();
        installDragAndDrop();
        context.highlightProperty().addListener((o, a, h) -> applyHighlight(h));
        stage.setScene(scene);
        stage.setTitle(Messages.get("app.title"));
        stage.setOnHidden(e -> {
            if (comparison != null) {
                comparison.close();
            }
            vm.shutdown();
        });
        // Start with the focus on the views, so → and Space step and play at once.
        stage.setOnShown(e -> viewsArea.requestFocus());
    }

    public Scene scene() {
        return scene;
    }

    public RunViewModel viewModel() {
        return vm;
    }

    public ViewContext context() {
        return context;
    }

    /** Live training and the experiment window. */
    public TrainingDock training() {
        return training;
    }

    /** Shows exactly these views (by id, in catalog order); unknown ids are ignored. */
    public void showViews(List<String> ids) {
        viewsArea.showOnly(ids);
    }

    /** The ids of the views shown now. */
    public List<String> visibleViews() {
        return viewsArea.visibleIds();
    }

    Stage stage() {
        return stage;
    }

    /** Whether the model and sequence panels are shown (hidden: the views take the whole width). */
    javafx.beans.property.BooleanProperty sidePanelShownProperty() {
        return sidePanelShown;
    }

    Theme theme() {
        return theme;
    }

    ViewsArea viewsArea() {
        return viewsArea;
    }

    /** Shows exactly these views and keeps them when the cell type changes (as if chosen by hand). */
    public void showViewsByHand(java.util.List<String> ids) {
        cellViews().chosenByHand();
        showViews(ids);
    }

    CellViewDefaults cellViews() {
        return cellViews;
    }

    /** The unrolled view among the catalog's views, or null. */
    UnrolledView unrolledView() {
        return viewsArea.views().stream().filter(UnrolledView.class::isInstance).map(UnrolledView.class::cast)
                .findFirst().orElse(null);
    }

    /** The "Pin a gate" window (one, reused). */
    PinGateWindow showPinGate() {
        if (pinGate == null) {
            pinGate = new PinGateWindow(this);
        }
        pinGate.show();
        return pinGate;
    }

    /** The comparison window: vanilla RNN, LSTM and GRU side by side on this window's sequence and seed. */
    CompareWindow showComparison() {
        if (comparison != null) {
            comparison.close();
        }
        comparison = new CompareWindow(this);
        comparison.show();
        return comparison;
    }

    private Region errorBanner() {
        Label text = new Label();
        text.setId(Ids.of("error.text"));
        text.setWrapText(true);
        text.textProperty().bind(vm.errorProperty());
        Button close = new Button(Messages.get("error.dismiss"));
        close.setId(Ids.of("error.dismiss"));
        close.setOnAction(e -> vm.errorProperty().set(null));
        HBox banner = new HBox(12, text, close);
        HBox.setHgrow(text, Priority.ALWAYS);
        banner.getStyleClass().add("error-banner");
        banner.setId(Ids.of("error"));
        banner.visibleProperty().bind(vm.errorProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private Region statusBar() {
        Label status = new Label();
        status.setId(Ids.of("status"));
        status.textProperty().bind(vm.statusProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId(Ids.of("busy"));
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.busyProperty());
        Label keys = new Label(Messages.get("status.keys"));
        keys.getStyleClass().add("muted");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // a reminder while W_hh is scaled or gates are pinned
        TweaksChip tweaks = new TweaksChip(vm, this::showPinGate);
        HBox bar = new HBox(8, busy, status, tweaks, gap, keys);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /**
     * → step, ← back, Space play/pause, Home reset — unless a text field has the focus. Clicking the
     * views or pressing Esc leaves a text field, so the arrows step again.
     */
    private void installKeys() {
        viewsArea.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> viewsArea.requestFocus());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && scene.getFocusOwner() instanceof TextInputControl) {
                viewsArea.requestFocus();
                e.consume();
                return;
            }
            if (scene.getFocusOwner() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            if (scene.getFocusOwner() != null && scene.getFocusOwner().getParent() instanceof javafx.scene.control.Spinner) {
                return;
            }
            KeyCode k = e.getCode();
            if (k == KeyCode.RIGHT) {
                vm.playingProperty().set(false);
                vm.stepForward();
            } else if (k == KeyCode.LEFT) {
                vm.stepBack();
            } else if (k == KeyCode.SPACE) {
                vm.togglePlay();
            } else if (k == KeyCode.HOME) {
                vm.reset();
            } else if (k == KeyCode.END) {
                vm.playingProperty().set(false);
                vm.seek(vm.timelineLengthProperty().get());
            } else {
                return;
            }
            e.consume();
        });
    }

    private void installDragAndDrop() {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                openDropped(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /**
     * A lesson's spotlight: a view id lights its tile and dims the others; any other id that names a
     * node of the window (e.g. {@code timeline.play}) lights that node. Views dim their own parts.
     */
    private void applyHighlight(String h) {
        if (highlighted != null) {
            highlighted.getStyleClass().remove("highlighted");
            highlighted = null;
        }
        viewsArea.setHighlight(h);
        if (h != null && !h.isBlank()) {
            javafx.scene.Node n = scene.lookup("#" + Ids.of(h));
            if (n != null) {
                n.getStyleClass().add("highlighted");
                highlighted = n;
            }
        }
    }

    /** Opens a model, sequence or scenario file (recognised by its content). */
    public void openFile(Path file) {
        vm.openFile(file, this::applyScenario);
    }

    /** What a drop of files onto the window does (tests call it with a list of files). */
    public void openDropped(List<Path> files) {
        vm.openFiles(files, this::applyScenario);
    }

    public void openScenario(Path file) {
        vm.openScenario(file, this::applyScenario);
    }

    public void saveScenario(Path file, Runnable done) {
        vm.saveScenario(file, viewsArea.visibleIds(), settings(), done);
    }

    /** The window's part of a scenario: theme, font scale, speed, selection and highlight. */
    Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("theme", theme.isDark() ? "dark" : "light");
        s.put("font_scale", String.valueOf(theme.fontScale()));
        s.put("speed", String.valueOf(vm.speedProperty().get()));
        s.put("layout", viewsArea.tabbedProperty().get() ? "tabs" : "tiles");
        s.put("side_panel", String.valueOf(sidePanelShown.get()));
        s.put("selected_layer", String.valueOf(context.selectedLayerProperty().get()));
        s.put("selected_direction", String.valueOf(context.selectedDirectionProperty().get()));
        s.put("selected_unit", String.valueOf(context.selectedUnitProperty().get()));
        s.put("selected_gate", String.valueOf(context.selectedGateProperty().get()));
        s.put(CellViewDefaults.SETTING, cellViews.setting());
        if (context.highlightProperty().get() != null) {
            s.put("highlight", context.highlightProperty().get());
        }
        return s;
    }

    private void applyScenario(WindowState sc) {
        cellViews.restore(sc.settings().get(CellViewDefaults.SETTING));
        if (!viewsArea.views().isEmpty()) {
            viewsArea.showOnly(sc.visibleViews());
        }
        Map<String, String> s = sc.settings();
        theme.setDark("dark".equals(s.get("theme")));
        viewsArea.tabbedProperty().set("tabs".equals(s.get("layout")));
        sidePanelShown.set(!"false".equals(s.get("side_panel")));
        theme.setFontScale(number(s.get("font_scale"), theme.fontScale(), 0.5, 3));
        vm.speedProperty().set(number(s.get("speed"), vm.speedProperty().get(), 0.25, 4));
        context.selectedLayerProperty().set((int) number(s.get("selected_layer"), 0, 0, 64));
        context.selectedDirectionProperty().set((int) number(s.get("selected_direction"), 0, 0, 1));
        context.selectedUnitProperty().set((int) number(s.get("selected_unit"), 0, 0, 4096));
        if (s.containsKey("selected_gate")) {
            context.selectedGateProperty().set(s.get("selected_gate"));
        }
        context.highlightProperty().set(s.get("highlight"));
    }

    private static double number(String text, double fallback, double min, double max) {
        if (text == null) {
            return fallback;
        }
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? Math.max(min, Math.min(max, v)) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A file chooser for one kind of file; remembers nothing but the filters. */
    File choose(String titleKey, String filterKey, String pattern, boolean save) {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get(titleKey));
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(Messages.get(filterKey), pattern),
                new FileChooser.ExtensionFilter(Messages.get("file.filter.json"), "*.json"));
        return save ? fc.showSaveDialog(stage) : fc.showOpenDialog(stage);
    }

    void saveScenarioAs() {
        File f = choose("menu.file.saveScenario", "file.filter.scenario", "*" + RunViewModel.SCENARIO_EXTENSION, true);
        if (f != null) {
            String name = f.getName().toLowerCase(Locale.ROOT);
            Path p = name.endsWith(RunViewModel.SCENARIO_EXTENSION) ? f.toPath()
                    : f.toPath().resolveSibling(f.getName().replaceFirst("\\.json$", "") + RunViewModel.SCENARIO_EXTENSION);
            saveScenario(p, () -> { });
        }
    }

    void quit() {
        vm.shutdown();
        Platform.exit();
    }
}
