package rnnlab.ui.textlab;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import rnnlab.analysis.Activations;
import rnnlab.analysis.CharText;
import rnnlab.analysis.Connectivity;
import rnnlab.analysis.TextPattern;
import rnnlab.analysis.UnitSearch;
import rnnlab.i18n.Messages;
import rnnlab.io.MemoryBudget;
import rnnlab.ui.viewmodel.CharModel;
import rnnlab.training.tasks.CharLmTask;
import rnnlab.ui.common.Ids;

/**
 * View ▸ What did the network learn?: a trained character model over a long text. The text is shaded by a
 * followed unit (h or the LSTM cell state c); unit search ranks the units that follow a pattern or a
 * selected stretch of text and shows each as a row under the text (click one to follow it); connectivity
 * shades every earlier character by how much it moves the prediction at a clicked position; the Sample tab
 * lets the model write while its gates and belt are shown. All model work runs off the FX thread with a
 * progress bar and a Cancel button.
 */
public final class TextLabWindow {
    /** The pattern choices; "selection" and "regex" need the selected text or the regex field. */
    static final List<String> PATTERNS = List.of("selection", "inside-quotes", "inside-comment", "bracket-depth",
            "line-position", "after-space", "regex");
    private static TextLabWindow open;

    private final Stage stage = new Stage();
    private final ComboBox<Path> models = new ComboBox<>();
    private final ComboBox<Path> texts = new ComboBox<>();
    private final ComboBox<String> pattern = new ComboBox<>();
    private final TextField regex = new TextField();
    private final TextField search = new TextField();
    private final ToggleButton connectivity = new ToggleButton(Messages.get("textlab.connectivity"));
    private final Button findUnits = new Button(Messages.get("textlab.findUnits"));
    private final Button cancel = new Button(Messages.get("textlab.cancel"));
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final Label shading = new Label();
    private final LongTextView text = new LongTextView();
    private final UnitRows rows = new UnitRows();
    private final SamplePane sample;
    private final IntegerProperty followInMain;
    private CharModel model;
    private Path modelPath;
    private CharText charText;
    private Activations acts;
    private Task<?> running;
    private int searchFrom;
    private String loadedMessage = "";

    private TextLabWindow(Window owner, Scene look, IntegerProperty followInMain) {
        this.followInMain = followInMain;
        this.sample = new SamplePane(this::runTask, status::setText);
        stage.initOwner(owner);
        stage.setTitle(Messages.get("textlab.title"));
        models.setId(Ids.of("textlab.model"));
        texts.setId(Ids.of("textlab.text"));
        pattern.setId(Ids.of("textlab.pattern"));
        regex.setId(Ids.of("textlab.regex"));
        search.setId(Ids.of("textlab.search"));
        connectivity.setId(Ids.of("textlab.connectivity"));
        findUnits.setId(Ids.of("textlab.findUnits"));
        cancel.setId(Ids.of("textlab.cancel"));
        progress.setId(Ids.of("textlab.progress"));
        status.setId(Ids.of("textlab.status"));
        text.setId(Ids.of("textlab.longText"));
        models.setConverter(Paths.converter());
        texts.setConverter(Paths.converter());
        models.getItems().setAll(list(Path.of("assets", "models"), ".model.json"));
        texts.getItems().setAll(list(Path.of("assets", "corpora"), ".txt"));
        pattern.getItems().setAll(PATTERNS);
        pattern.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? "" : Messages.get("textlab.pattern." + s);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        pattern.setValue("inside-quotes");
        regex.setPromptText(Messages.get("textlab.regex.prompt"));
        regex.disableProperty().bind(pattern.valueProperty().isNotEqualTo("regex"));
        search.setPromptText(Messages.get("textlab.search.prompt"));
        search.setOnAction(e -> findNext());
        Button openModel = new Button(Messages.get("textlab.openModel"));
        openModel.setId(Ids.of("textlab.openModel"));
        openModel.setOnAction(e -> choose(models, "*.model.json"));
        Button openText = new Button(Messages.get("textlab.openText"));
        openText.setId(Ids.of("textlab.openText"));
        openText.setOnAction(e -> choose(texts, "*.txt"));
        models.valueProperty().addListener((o, a, b) -> load());
        texts.valueProperty().addListener((o, a, b) -> load());
        findUnits.setOnAction(e -> findUnits());
        cancel.setOnAction(e -> {
            if (running != null) {
                running.cancel();
            }
        });
        cancel.setDisable(true);
        text.setOnCharClicked(this::clicked);
        text.setOnSelection(() -> {
            if (!connectivity.isSelected()) {
                pattern.setValue("selection");
            }
        });
        text.setOnScrolled(() -> rows.setWindow(text.firstVisibleChar(), text.endVisibleChar()));
        rows.setOnFollow(this::follow);
        HBox bar1 = new HBox(8, new Label(Messages.get("textlab.model.label")), models, openModel,
                new Label(Messages.get("textlab.text.label")), texts, openText);
        HBox bar2 = new HBox(8, new Label(Messages.get("textlab.pattern.label")), pattern, regex, findUnits,
                connectivity, new Label(Messages.get("textlab.search.label")), search);
        HBox bottom = new HBox(8, progress, cancel, status);
        HBox.setHgrow(status, Priority.ALWAYS);
        regex.setPrefColumnCount(10);
        search.setPrefColumnCount(12);
        for (HBox b : List.of(bar1, bar2, bottom)) {
            for (javafx.scene.Node n : b.getChildren()) {
                if (n instanceof javafx.scene.control.Labeled l && l != status) {
                    l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                }
            }
            b.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            b.setPadding(new Insets(4, 8, 4, 8));
        }
        ScrollPane rowsScroll = new ScrollPane(rows);
        rowsScroll.setFitToWidth(true);
        VBox textSide = new VBox(shading, text);
        VBox.setVgrow(text, Priority.ALWAYS);
        shading.setPadding(new Insets(2, 8, 2, 8));
        shading.setId(Ids.of("textlab.shading"));
        SplitPane split = new SplitPane(textSide, rowsScroll);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        Tab t1 = new Tab(Messages.get("textlab.tab.text"), new BorderPane(split, bar2, null, null, null));
        Tab t2 = new Tab(Messages.get("textlab.tab.sample"), sample);
        t1.setClosable(false);
        t2.setClosable(false);
        TabPane tabs = new TabPane(t1, t2);
        tabs.setId(Ids.of("textlab.tabs"));
        BorderPane root = new BorderPane(tabs, bar1, null, bottom, null);
        root.setId(Ids.of("textlab"));
        Scene scene = new Scene(root, 1100, 720);
        if (look != null) {
            scene.getStylesheets().setAll(look.getStylesheets());
            root.getStyleClass().addAll(look.getRoot().getStyleClass().filtered(c -> !c.equals("root")));
            root.setStyle(look.getRoot().getStyle());
            boolean dark = look.getRoot().getStyleClass().contains("dark");
            text.setDark(dark);
            sample.setDark(dark);
            if (look.getRoot().getStyleClass().contains("projector")) {
                text.setFontSize(22);
            }
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            if (running != null) {
                running.cancel();
            }
            if (open == this) {
                open = null;
            }
        });
        shading.setText(Messages.get("textlab.shading.none"));
        if (!models.getItems().isEmpty()) {
            models.getItems().stream().filter(p -> p.getFileName().toString().startsWith("code-lstm")).findFirst()
                    .ifPresentOrElse(models::setValue, () -> models.setValue(models.getItems().get(0)));
        }
        texts.getItems().stream().filter(p -> p.getFileName().toString().startsWith("rnnlab-java")).findFirst()
                .ifPresent(texts::setValue);
    }

    /** Opens the window (or brings the open one forward); {@code followInMain} (may be null) follows the clicked unit. */
    public static TextLabWindow show(Window owner, Scene look, IntegerProperty followInMain) {
        if (open == null) {
            open = new TextLabWindow(owner, look, followInMain);
        }
        open.stage.show();
        open.stage.toFront();
        return open;
    }

    static List<Path> list(Path dir, String suffix) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    private void choose(ComboBox<Path> box, String glob) {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(glob, glob));
        java.io.File f = fc.showOpenDialog(stage);
        if (f != null) {
            Path p = f.toPath();
            if (!box.getItems().contains(p)) {
                box.getItems().add(p);
            }
            box.setValue(p);
        }
    }

    /** Loads the chosen model and text and runs the model over the text (off the FX thread). */
    public void load() {
        Path mp = models.getValue();
        Path tp = texts.getValue();
        if (mp == null || tp == null) {
            return;
        }
        runTask(Messages.get("textlab.running"), job -> {
            CharModel m = mp.equals(modelPath) && model != null ? model : CharModel.read(mp);
            String s = tail(CharLmTask.readText(tp));
            CharText ct;
            try {
                ct = m.encode(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(mp.getFileName() + " with " + tp.getFileName() + ": " + e.getMessage());
            }
            String problem = MemoryBudget.check(m.activationBytes(ct.length()),
                    Messages.format("textlab.memory", tp, ct.length()));
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            Activations a = m.activations(ct, job::isCancelled, k -> job.progress(k, ct.length()));
            return new Loaded(mp, m, ct, a);
        }, r -> {
            Loaded l = (Loaded) r;
            model = l.model;
            modelPath = l.path;
            charText = l.text;
            acts = l.acts;
            text.setText(charText.codePoints());
            rows.show(acts, List.of());
            sample.setModel(model);
            shading.setText(Messages.get("textlab.shading.none"));
            status.setText(Messages.format("textlab.loaded", charText.length(), acts.units().size()));
            loadedMessage = status.getText();
            findUnits();
        });
    }

    /** The longest text the window reads; a longer one (a whole training corpus) is cut to its end, the held-out part. */
    static final int MAX_TEXT = 50_000;

    static String tail(String s) {
        int n = s.codePointCount(0, s.length());
        if (n <= MAX_TEXT) {
            return s;
        }
        return s.substring(s.offsetByCodePoints(0, n - MAX_TEXT));
    }

    private record Loaded(Path path, CharModel model, CharText text, Activations acts) {
    }

    /** Ranks the units by the chosen pattern (or the selection) and shows the best as rows. */
    public void findUnits() {
        if (acts == null) {
            return;
        }
        TextPattern p;
        try {
            String choice = pattern.getValue();
            if ("selection".equals(choice)) {
                if (text.selectionTo() - text.selectionFrom() < 1) {
                    status.setText(Messages.get("textlab.needSelection"));
                    return;
                }
                p = TextPattern.range(text.selectionFrom(), text.selectionTo());
            } else if ("regex".equals(choice)) {
                p = TextPattern.parse("regex:" + regex.getText());
            } else {
                p = TextPattern.parse(choice);
            }
        } catch (IllegalArgumentException e) {
            status.setText(Messages.format("textlab.badPattern", e.getMessage()));
            return;
        }
        Activations a = acts;
        TextPattern fp = p;
        runTask(Messages.get("textlab.searching"), job -> {
            long t0 = System.nanoTime();
            List<UnitSearch.Hit> hits = UnitSearch.rank(a, fp.signal(a.text().codePoints()), 10);
            return new Found(hits, (System.nanoTime() - t0) / 1e9);
        }, r -> {
            Found f = (Found) r;
            rows.show(a, f.hits);
            rows.setWindow(text.firstVisibleChar(), text.endVisibleChar());
            status.setText(Messages.format("textlab.found", f.hits.size(), fp.name(),
                    String.format(Locale.ROOT, "%.2f", f.secs)));
            if (!f.hits.isEmpty()) {
                rows.follow(f.hits.get(0));
            }
        });
    }

    private record Found(List<UnitSearch.Hit> hits, double secs) {
    }

    private void follow(UnitSearch.Hit h) {
        text.setMarked(-1);
        text.setValues(acts.trace(h.index()), true);
        shading.setText(Messages.format("textlab.shading.unit", h.unit().unit(), h.unit().key(),
                String.format(Locale.ROOT, "%.2f", h.corr())));
        sample.follow(h.unit());
        if (followInMain != null && !h.unit().cellState()) {
            followInMain.set(h.unit().unit());
        }
    }

    private void clicked(int i) {
        if (!connectivity.isSelected() || model == null) {
            return;
        }
        CharModel m = model;
        CharText ct = charText;
        int window = Math.min(Connectivity.MAX_WINDOW, Math.min(400, i + 1));
        runTask(Messages.get("textlab.connecting"), job -> m.connectivity(ct, i, window), r -> {
            Connectivity.Result c = (Connectivity.Result) r;
            float[] v = new float[ct.length()];
            for (int k = c.from(); k <= c.position(); k++) {
                v[k] = (float) c.at(k);
            }
            text.setValues(v, false);
            text.setMarked(i);
            shading.setText(Messages.format("textlab.shading.connectivity", i,
                    String.format(Locale.ROOT, "%.3f", c.logProb()), window));
            status.setText(shading.getText());
        });
    }

    private void findNext() {
        String q = search.getText();
        if (charText == null || q.isEmpty()) {
            return;
        }
        String s = charText.text();
        int k = s.indexOf(q, searchFrom);
        if (k < 0) {
            k = s.indexOf(q);
        }
        if (k < 0) {
            status.setText(Messages.format("textlab.notFound", q));
            text.showMatch(-1, -1);
            return;
        }
        int from = s.codePointCount(0, k);
        int to = from + q.codePointCount(0, q.length());
        text.showMatch(from, to);
        searchFrom = k + 1;
        status.setText(Messages.format("textlab.foundAt", from));
    }

    /** Runs {@code work} off the FX thread with the progress bar and Cancel; {@code done} gets its result on the FX thread. */
    void runTask(String what, Work work, Consumer<Object> done) {
        if (running != null) {
            running.cancel();
        }
        Job t = new Job(work);
        running = t;
        progress.progressProperty().bind(t.progressProperty());
        cancel.setDisable(false);
        status.setText(what);
        t.setOnSucceeded(e -> {
            finish(t);
            done.accept(t.getValue());
        });
        t.setOnFailed(e -> {
            finish(t);
            Throwable x = t.getException();
            status.setText(Messages.format("textlab.failed", x.getMessage() == null ? x.toString() : x.getMessage()));
        });
        t.setOnCancelled(e -> {
            finish(t);
            status.setText(Messages.get("textlab.cancelled"));
        });
        Thread th = new Thread(t, "text-lab");
        th.setDaemon(true);
        th.start();
    }

    private void finish(Task<?> t) {
        if (running == t) {
            running = null;
            cancel.setDisable(true);
            progress.progressProperty().unbind();
            progress.setProgress(0);
        }
    }

    // for tests and lessons
    public Stage stage() {
        return stage;
    }

    public LongTextView text() {
        return text;
    }

    public UnitRows rows() {
        return rows;
    }

    public Activations activations() {
        return acts;
    }

    public boolean busy() {
        return running != null;
    }

    public String status() {
        return status.getText();
    }

    public void choose(Path modelFile, Path textFile) {
        if (!models.getItems().contains(modelFile)) {
            models.getItems().add(modelFile);
        }
        if (!texts.getItems().contains(textFile)) {
            texts.getItems().add(textFile);
        }
        models.setValue(modelFile);
        texts.setValue(textFile);
    }

    public void setPattern(String p) {
        pattern.setValue(p);
    }

    public void setConnectivityMode(boolean on) {
        connectivity.setSelected(on);
    }

    public void clickChar(int i) {
        clicked(i);
    }

    public void search(String q) {
        search.setText(q);
        findNext();
    }

    public SamplePane samplePane() {
        return sample;
    }

    public TabPane tabs() {
        return (TabPane) ((BorderPane) stage.getScene().getRoot()).getCenter();
    }

    /** Model work run off the FX thread; it may report progress and should stop when cancelled. */
    interface Work {
        Object run(Job job) throws Exception;
    }

    /** A background task whose work can report progress. */
    static final class Job extends Task<Object> {
        private final Work work;

        Job(Work work) {
            this.work = work;
        }

        @Override
        protected Object call() throws Exception {
            return work.run(this);
        }

        void progress(long done, long total) {
            updateProgress(done, total);
        }
    }

    /** A file name for a path in a combo box. */
    static final class Paths {
        private Paths() {
        }

        static javafx.util.StringConverter<Path> converter() {
            return new javafx.util.StringConverter<>() {
                @Override
                public String toString(Path p) {
                    return p == null ? "" : p.getFileName().toString();
                }

                @Override
                public Path fromString(String s) {
                    return null;
                }
            };
        }
    }
}
