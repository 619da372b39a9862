package rnnlab.ui.shell;

import rnnlab.ui.common.Ids;

import rnnlab.ui.lesson.PollLink;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import rnnlab.i18n.Messages;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.viewmodel.WindowState;
import rnnlab.ui.compare.CompareWindow;
import rnnlab.ui.compare.PinGateWindow;
import rnnlab.ui.export.ValuesTables;
import rnnlab.ui.lesson.ControlLocks;
import rnnlab.ui.lesson.LessonPlayer;
import rnnlab.ui.lesson.Presentation;
import rnnlab.ui.training.TrainingDock;
import rnnlab.ui.views.CellViewDefaults;
import rnnlab.ui.views.LabView;
import rnnlab.ui.views.UnrolledView;
import rnnlab.ui.views.ViewCatalog;
import rnnlab.ui.views.ViewContext;
import rnnlab.ui.views.ViewSlot;
import rnnlab.ui.views.ViewsArea;

/**
 * The main window: menus, the model panel and sequence editor on the left, the views in the middle,
 * the timeline at the bottom. It only composes and binds; every command goes to the {@link RunViewModel}.
 */
public final class MainWindow implements rnnlab.ui.export.ExportHost, rnnlab.ui.compare.CompareHost,
        rnnlab.ui.gradcheck.GradientCheckHost, rnnlab.ui.lesson.LessonHost {
    private final Stage stage;
    /** Whether the views are created when first shown (the app) or were all given created (tests, tools). */
    private final boolean lazyViews;
    private final RunViewModel vm = new RunViewModel();
    private final ViewContext context = new ViewContext();
    private final ViewsArea viewsArea;
    private final CellViewDefaults cellViews;
    private PinGateWindow pinGate;
    private CompareWindow comparison;
    private final Appearance theme;
    private final BorderPane root = new BorderPane();
    private final Scene scene;
    private javafx.scene.Node highlighted;
    private final TrainingDock training;
    private final SessionGuard session;
    private final ValuesTables valuesTables;
    private final javafx.beans.property.StringProperty notice = new javafx.beans.property.SimpleStringProperty();
    private final javafx.beans.property.BooleanProperty sidePanelShown = new javafx.beans.property.SimpleBooleanProperty(true);
    private final ScrollPane sideScroll;
    private final ControlLocks locks;
    private final Presentation presentation;
    private rnnlab.ui.lesson.LessonSteps lessonSteps;
    private final BorderPane lessonsSplit;
    private LessonPlayer lessons;
    private PollLink poll;

    /** A window hosting these views, all created already. */
    public MainWindow(Stage stage, List<LabView> catalog) {
        this(stage, catalog.stream().map(ViewSlot::of).toList(), false);
    }

    /**
     * The app's window: the catalog's views, each created when first shown or asked for (issue 18: the
     * views the first window does not show are not built at start).
     */
    public static MainWindow withLazyViews(Stage stage) {
        return new MainWindow(stage, ViewCatalog.slots(), true);
    }

    private MainWindow(Stage stage, List<ViewSlot> catalog, boolean lazyViews) {
        // every secondary window is repaired as it is shown (a lost size, a title bar off the screen, a dialog
        // taller than the screen) under a real window manager
        rnnlab.ui.layout.ScreenFit.install(stage);
        this.stage = stage;
        this.lazyViews = lazyViews;
        context.bindMasked(vm.frameProperty(), vm.previousFrameProperty());
        context.stepProgressProperty().bind(vm.stepProgressProperty());
        context.recurrentScaleProperty().bindBidirectional(vm.recurrentScaleProperty());
        viewsArea = new ViewsArea(catalog, context, lazyViews);
        catalog.forEach(v -> rnnlab.catalog.ViewRegistry.register(new rnnlab.catalog.ViewRegistry.View(v.id(), v.id(), v.titleKey()))); // scenarios may name these views
        cellViews = new CellViewDefaults(viewsArea, vm.cellTypeProperty());
        root.setId(Ids.of("main"));
        root.getStyleClass().add("main-window");

        VBox side = new VBox(12, new ModelPanel(vm), new SequenceEditor(vm));
        side.getStyleClass().add("side");
        sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sideScroll.getStyleClass().add("side-scroll");
        sideScroll.setId(Ids.of("side"));
        rnnlab.ui.common.UncachedViewport.of(sideScroll);
        training = new TrainingDock(vm, stage, context.darkThemeProperty());
        // the heatmap crosses out the units the training step dropped
        context.trainingDropoutProperty().bind(training.viewModel().dropoutMaskProperty());
        context.trainingNormsProperty().bind(training.viewModel().normHistoryProperty());
        // A BorderPane, not a SplitPane: a SplitPane clips its items, and the clipped views cost
        // noticeably more to repaint on the software pipeline (bench-ui lost frames).
        // side panel first, then the views: the Tab order follows the children's order
        BorderPane split = new BorderPane();
        split.setLeft(sideScroll);
        split.setCenter(viewsArea);
        sidePanelShown.addListener((o, a, show) -> {
            split.setCenter(null);
            split.setLeft(show ? sideScroll : null);
            split.setCenter(viewsArea);
        });
        // The training panel sits under the side panel and the views only: the lesson panel (or the
        // presentation strip) on the right keeps the whole height of the work area, so a lesson step that
        // opens the training panel still shows its checkpoint whole (issue 12: with the training panel
        // under everything the lesson panel was 310-380 px tall at 1024x768 and the checkpoint's options
        // scrolled). Not under the views alone: beside the side panel and the lesson panel they are about
        // 280 px wide at 1024x768, too narrow for the training panel's controls and charts.
        BorderPane withLesson = new BorderPane(training.wrap(split));
        lessonsSplit = withLesson;
        root.setCenter(withLesson);

        scene = new Scene(root, 1280, 720);
        theme = new Appearance(scene, context.darkThemeProperty(), context.projectorThemeProperty());
        valuesTables = new ValuesTables(viewsArea, scene);
        scene.getStylesheets().add(PinGateWindow.STYLESHEET);
        locks = new ControlLocks(this);
        lessons = new LessonPlayer(this);
        lessonsSplit.setRight(lessons.panel());
        lessonSteps = lessons;
        poll = new PollLink(this);
        MainMenu menu = new MainMenu(this);
        session = new SessionGuard(this);
        root.setTop(new VBox(menu.bar(), Banner.of(notice, "notice"), errorBanner(), session.banner()));
        root.setBottom(new VBox(new TimelineBar(vm), statusBar()));
        presentation = new Presentation(this);
        new WindowKeys(this).install(scene, viewsArea);
        installDragAndDrop();
        context.highlightProperty().addListener((o, a, h) -> applyHighlight(h));
        String settingsProblem = rnnlab.io.UserFiles.settingsProblem();
        if (settingsProblem != null) {
            showNotice(Messages.format("notice.settingsUnreadable", settingsProblem));
        }
        stage.setScene(scene);
        stage.setTitle(Messages.get("app.title"));
        stage.setOnHidden(e -> {
            release();
            poll.shutdown();
            if (comparison != null) {
                comparison.close();
            }
            session.exit();
            vm.shutdown();
        });
        // Start with the focus on the views, so → and Space step and play at once.
        stage.setOnShown(e -> viewsArea.requestFocus());
    }

    /**
     * Turns on the autosave and crash recovery (the app does; tests of other things leave it off): marks
     * the session as running, offers the last autosave if the previous session crashed, autosaves from
     * now on. Call after the stage is shown.
     */
    public void startSession() {
        session.start();
    }

    SessionGuard session() {
        return session;
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

    /** The views' values tables (show, hide, toggle; which view has the focus). */
    public ValuesTables valuesTables() {
        return valuesTables;
    }

    public Stage stage() {
        return stage;
    }

    /** What a lesson locked or hid (Lesson ▸ Unlock controls releases it). */
    public ControlLocks locks() {
        return locks;
    }

    /** Presentation mode (F5). */
    public Presentation presentation() {
        return presentation;
    }

    /** The side panel (model and sequence), in the scene or not. */
    public javafx.scene.Node sideNode() {
        return sideScroll;
    }

    rnnlab.ui.lesson.LessonSteps lessonSteps() {
        return lessonSteps;
    }

    /** The lesson player (Lesson menu, the panel beside the views). */
    /** The class poll (Lesson ▸ Class poll…): off until started from its window. */
    public rnnlab.ui.poll.ClassPoll classPoll() {
        return poll.poll();
    }

    /** Opens the class poll's window (the class screen). */
    public rnnlab.ui.poll.ClassPollWindow showClassPoll() {
        return poll.show();
    }

    public LessonPlayer lessons() {
        return lessons;
    }

    /** Whether the model and sequence panels are shown (hidden: the views take the whole width). */
    public javafx.beans.property.BooleanProperty sidePanelShownProperty() {
        return sidePanelShown;
    }

    @Override
    public boolean darkTheme() {
        return theme().isDark();
    }

    @Override
    public javafx.beans.value.ObservableBooleanValue darkThemeProperty() {
        return theme().darkProperty();
    }

    @Override
    public javafx.beans.value.ObservableDoubleValue fontScaleProperty() {
        return theme().fontScaleProperty();
    }

    public Appearance theme() {
        return theme;
    }

    public ViewsArea viewsArea() {
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

    /** The unrolled view among the catalog's views (created if it was not yet), or null. */
    public UnrolledView unrolledView() {
        for (String id : viewsArea.ids()) {
            // only the unrolled view's own id can be one before it is created; a created view is checked as it is
            if ((viewsArea.created(id) || id.equals("view.unrolled")) && viewsArea.view(id) instanceof UnrolledView u) {
                return u;
            }
        }
        return null;
    }

    /** The "Pin a gate" window (one, reused). */
    public PinGateWindow showPinGate() {
        if (pinGate == null) {
            pinGate = new PinGateWindow(this);
        }
        pinGate.show();
        return pinGate;
    }

    /** The comparison window: vanilla RNN, LSTM and GRU side by side on this window's sequence and seed. */
    public CompareWindow showComparison() {
        if (comparison != null) {
            comparison.close();
        }
        comparison = new CompareWindow(this);
        comparison.show();
        return comparison;
    }

    private Region errorBanner() {
        return Banner.of(vm.errorProperty(), "error");
    }

    /**
     * A notice that stays until dismissed, independent of the errors of commands (which clear their
     * banner when the next command succeeds): e.g. that Chinese needs a CJK font.
     */
    @Override
    public void showGateMap(String fileName, rnnlab.io.imports.ImportedModel im) {
        GateMapDialog.show(this, fileName, im);
    }

    public void showNotice(String text) {
        notice.set(text);
    }

    private Region statusBar() {
        Label status = new Label();
        status.setId(Ids.of("status"));
        status.textProperty().bind(vm.statusProperty());
        vm.lastImportProperty().addListener((o, before, now) -> GateMapDialog.show(this, now.fileName(), now.model()));
        vm.setCsvTargetPicker(new CsvTargetDialog(this));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId(Ids.of("busy"));
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.busyProperty());
        Label keys = new Label();
        // with a lesson open the arrows step the lesson: the reminder says so
        keys.textProperty().bind(javafx.beans.binding.Bindings.when(lessons.openProperty())
                .then(Messages.get("status.keys.lesson")).otherwise(Messages.get("status.keys")));
        keys.getStyleClass().add("muted");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // a reminder while W_hh is scaled or gates are pinned
        TweaksChip tweaks = new TweaksChip(vm, this::showPinGate);
        // a lesson locked or hid controls: say so, and how to get them back
        Label locked = new Label(Messages.get("lesson.locked.hint"));
        locked.setId(Ids.of("lesson.locked.hint"));
        locked.getStyleClass().add("locked-hint");
        locked.visibleProperty().bind(locks.anyProperty());
        locked.managedProperty().bind(locked.visibleProperty());
        // at 1024 px in presentation size these two wrap rather than end in "…" (issue 12)
        for (Label l : new Label[] {locked, keys}) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, busy, status, tweaks, locked, gap, keys);
        bar.getStyleClass().add("status-bar");
        return bar;
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
        openDropped(List.of(file));
    }

    /** What a drop of files onto the window does (tests call it with a list of files). */
    public void openDropped(List<Path> files) {
        // encoder–decoder models open in their own window; everything else as before
        List<Path> s2s = files.stream().filter(rnnlab.ui.seq2seq.Seq2SeqWindow::isSeq2SeqFile).toList();
        s2s.forEach(f -> showSeq2Seq().openFile(f));
        if (s2s.size() < files.size()) {
            vm.openFiles(files.stream().filter(f -> !s2s.contains(f)).toList(), this::applyScenario);
        }
    }

    /** The encoder–decoder window (View ▸ Encoder–decoder and attention…), in this window's theme. */
    public rnnlab.ui.seq2seq.Seq2SeqWindow showSeq2Seq() {
        return rnnlab.ui.seq2seq.Seq2SeqWindow.show(stage, scene, new rnnlab.ui.seq2seq.Seq2SeqWindow.Look(
                theme.darkProperty(), theme.projectorProperty(), theme.fontScaleProperty()));
    }

    public void openScenario(Path file) {
        vm.openScenario(file, this::applyScenario);
    }

    public void saveScenario(Path file, Runnable done) {
        vm.saveScenario(file, viewsArea.visibleIds(), settings(), done);
    }

    /** The window's part of a scenario: theme, font scale, speed, selection and highlight. */
    Map<String, String> settings() {
        return new WindowSettings(this).settings();
    }

    /**
     * A new window in the current language on the same stage, replacing this one (whose engine,
     * training and secondary windows are stopped). The caller carries the scenario over.
     */
    MainWindow rebuild() {
        release();
        poll.shutdown();
        training.close();
        if (comparison != null) {
            comparison.close();
        }
        if (pinGate != null) {
            pinGate.close();
        }
        vm.shutdown();
        MainWindow next = lazyViews ? withLazyViews(stage) : new MainWindow(stage, ViewCatalog.createAll());
        next.stage.setTitle(Messages.get("app.title"));
        return next;
    }

    /**
     * Takes this window's listeners and handlers off the stage, which outlives it (a language switch builds
     * the next window on it; tests build many): whatever stays registered there keeps the whole window, its
     * scene and its canvases' pixels reachable. The training dock lets go in {@link TrainingDock#close()}.
     */
    private void release() {
        presentation.release();
        lessons.release();
    }

    void applyScenario(WindowState sc) {
        new WindowSettings(this).apply(sc);
    }

    /** A file chooser for one kind of file; remembers nothing but the filters. */
    File choose(String titleKey, String filterKey, String pattern, boolean save) {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get(titleKey));
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(Messages.get(filterKey), pattern.split(";")),
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
        session.exit();
        vm.shutdown();
        Platform.exit();
    }
}
