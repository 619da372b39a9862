package rnnlab.ui.seq2seq;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import rnnlab.catalog.ViewRegistry;
import rnnlab.io.InputException;
import rnnlab.ui.viewmodel.seq2seq.Seq2SeqPlayback;
import rnnlab.ui.viewmodel.seq2seq.Seq2SeqStepper;
import rnnlab.i18n.Messages;

/**
 * The encoder–decoder window: a {@code .s2s.json} model (File ▸ Open, a drop on the main window, or one
 * just trained in its Train tab), a source text decoded greedily, and its playback one step at a time in
 * three views: the unrolled encoder–decoder ({@code view.seq2seq}), the attention matrix
 * ({@code view.attention}) and the current step's equations and values. It follows the main window's
 * theme (light, dark, projector) and font size.
 */
public final class Seq2SeqWindow {
    /** The main window's look: dark, projector (wins over dark) and font scale. */
    public record Look(javafx.beans.property.BooleanProperty dark, javafx.beans.property.BooleanProperty projector,
                       javafx.beans.property.DoubleProperty fontScale) {
    }

    private static Seq2SeqWindow open;

    private final Stage stage = new Stage();
    private final EncoderDecoderView unrolled = new EncoderDecoderView();
    private final AttentionMatrixView matrix = new AttentionMatrixView();
    private final AttentionStepView stepPane = new AttentionStepView();
    private final Seq2SeqTrainPane trainPane = new Seq2SeqTrainPane(this::adoptTrained);
    private final TextField input = new TextField();
    private final TextField target = new TextField();
    private final Label modelLabel = new Label(Messages.get("s2s.noModel"));
    private final Label position = new Label();
    private final Label output = new Label();
    private final Label message = new Label();
    private final ToggleButton play = new ToggleButton(Messages.get("s2s.play"));
    private final Timeline timer = new Timeline(new KeyFrame(Duration.millis(600), e -> stepBy(1)));
    private final TabPane tabs = new TabPane();
    /** Decoding: greedy (the default, what the cursor steps through) or a beam search with a width. */
    private final javafx.scene.control.RadioButton greedy = new javafx.scene.control.RadioButton(Messages.get("s2s.beam.greedy"));
    private final javafx.scene.control.RadioButton beamOn = new javafx.scene.control.RadioButton(Messages.get("s2s.beam.beam"));
    private final javafx.scene.control.Spinner<Integer> beamWidth = new javafx.scene.control.Spinner<>(
            Seq2SeqStepper.MIN_BEAM, Seq2SeqStepper.MAX_BEAM, 3);
    private final Label beamCaption = new Label();
    private final javafx.scene.control.ListView<Seq2SeqStepper.Candidate> candidates = new javafx.scene.control.ListView<>();
    /** The input of the last decode asked for (the beam searches the same text). */
    private String decodedText;
    private double fontPx = 14;
    /** Decodes and steps the cursor on its worker; the views show what it publishes. */
    private final Seq2SeqStepper stepper = new Seq2SeqStepper();
    /** The model open (not decoded): vocabularies, tokens, shape, saving. */
    private Seq2SeqPlayback base;
    /** The decoded pair shown (from the stepper), null until the first decode arrives. */
    private Seq2SeqPlayback playback;
    private Seq2SeqPlayback.Snapshot snap;
    private long shownLoad;
    /** The position asked for last (the snapshot shown catches up with it). */
    private int cursor;
    private Path file;
    /** The last reason the window could not open a file or decode, null when the last attempt worked. */
    private String problem;
    /** The main window's look this window follows, and its listener on it (removed on close). */
    private final Look mainLook;
    private final javafx.beans.InvalidationListener lookListener;

    private Seq2SeqWindow(Window owner, Scene look, Look theme) {
        stage.setTitle(Messages.get("s2s.title"));
        if (owner != null) {
            stage.initOwner(owner);
        }
        input.setId("s2s.input");
        input.setPromptText(Messages.get("s2s.input.prompt"));
        input.setOnAction(e -> decode());
        HBox.setHgrow(input, Priority.ALWAYS);
        target.setId("s2s.target");
        target.setPromptText(Messages.get("s2s.target.prompt"));
        target.setOnAction(e -> decode());
        HBox.setHgrow(target, Priority.ALWAYS);
        Button bptt = button("s2s.bptt", this::startBackward);
        Button decode = button("s2s.decode", this::decode);
        Button openB = button("s2s.open", this::chooseFile);
        Button save = button("s2s.save", this::saveAs);
        Button first = button("s2s.first", () -> go(0));
        Button back = button("s2s.back", () -> stepBy(-1));
        Button fwd = button("s2s.forward", () -> stepBy(1));
        Button last = button("s2s.last", () -> go(Integer.MAX_VALUE));
        play.setId("s2s.play");
        timer.setCycleCount(Timeline.INDEFINITE);
        play.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                if (playback != null && cursor >= playback.totalSteps()) {
                    go(0);
                }
                timer.play();
            } else {
                timer.stop();
            }
        });
        modelLabel.setId("s2s.model");
        // the model line and the output are as long as the file name and the output: they wrap, never "…"
        for (Label l : new Label[] {modelLabel, position, output}) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        position.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(modelLabel, Priority.ALWAYS);
        HBox.setHgrow(output, Priority.ALWAYS);
        position.setId("s2s.position");
        output.setId("s2s.output");
        output.setStyle("-fx-font-weight: bold;");
        message.setId("s2s.message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setStyle("-fx-text-fill: -rl-vermillion;");
        openB.setMinWidth(Region.USE_PREF_SIZE);
        save.setMinWidth(Region.USE_PREF_SIZE);
        decode.setMinWidth(Region.USE_PREF_SIZE);
        HBox row1 = new HBox(8, openB, save, modelLabel);
        row1.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label inputLabel = new Label(Messages.get("s2s.input"));
        Label targetLabel = new Label(Messages.get("s2s.target"));
        inputLabel.setMinWidth(Region.USE_PREF_SIZE);
        targetLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox row2 = new HBox(8, inputLabel, input, targetLabel, target, decode);
        row2.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox row3 = new HBox(8, first, back, play, fwd, last, bptt);
        row3.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        for (var n : row3.getChildren()) {
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE); // never "◀◀ …" at 1024 px in Chinese
        }
        // where the cursor is and the output, on a line of their own: beside the buttons they were cut at 1024 px
        HBox row4 = new HBox(12, position, output);
        row4.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox beamBox = beamControls();
        VBox top = new VBox(6, row1, row2, beamBox, row3, row4, message);
        top.setPadding(new Insets(8));

        SplitPane lower = new SplitPane(matrix, new javafx.scene.control.ScrollPane(stepPane));
        ((javafx.scene.control.ScrollPane) lower.getItems().get(1)).setFitToWidth(true);
        ((javafx.scene.control.ScrollPane) lower.getItems().get(1)).setFitToHeight(true);
        lower.setDividerPositions(0.5);
        SplitPane views = new SplitPane(unrolled, lower);
        views.setOrientation(Orientation.VERTICAL);
        views.setDividerPositions(0.45);
        BorderPane viewTab = new BorderPane(views, top, null, null, null);
        Tab see = new Tab(Messages.get("s2s.tab.views"), viewTab);
        Tab trainTab = new Tab(Messages.get("s2s.tab.train"), pad(trainPane));
        see.setClosable(false);
        trainTab.setClosable(false);
        see.setId("s2s.tab.views");
        trainTab.setId("s2s.tab.train");
        tabs.getTabs().addAll(see, trainTab);
        tabs.setId("s2s.window");
        Scene scene = new Scene(tabs, 1100, 760);
        if (look != null) {
            scene.getStylesheets().setAll(look.getStylesheets());
        }
        stage.setScene(scene);
        this.mainLook = theme;
        if (theme != null) {
            lookListener = o -> applyTheme(theme.dark().get(), theme.projector().get(),
                    look == null ? null : look.getRoot().getStyle());
            theme.dark().addListener(lookListener);
            theme.projector().addListener(lookListener);
            theme.fontScale().addListener(lookListener);
            lookListener.invalidated(null);
        } else {
            lookListener = null;
            applyTheme(false, false, look == null ? null : look.getRoot().getStyle());
        }
        var size = rnnlab.ui.layout.ScreenFit.sceneSize(1100, 760, owner);
        stage.setWidth(size.getWidth());
        stage.setHeight(size.getHeight());
        stepper.shownProperty().addListener((o, a, now) -> {
            if (now != null) {
                apply(now);
            }
        });
        stepper.problemProperty().addListener((o, a, m) -> {
            if (m != null) {
                fail(m);
            }
        });
        stepper.beamProperty().addListener((o, a, b) -> candidates.getItems().setAll(b == null ? List.of() : b.candidates()));
        show(null);
    }

    /**
     * Greedy or beam: the beam's width (2–8) and, with beam chosen, its candidates for the input decoded last,
     * best first, the chosen one marked. The cursor and the views keep following greedy decoding.
     */
    private VBox beamControls() {
        javafx.scene.control.ToggleGroup g = new javafx.scene.control.ToggleGroup();
        greedy.setToggleGroup(g);
        beamOn.setToggleGroup(g);
        greedy.setSelected(true);
        greedy.setId("s2s.beam.greedy");
        beamOn.setId("s2s.beam.beam");
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip(Messages.get("s2s.beam.cursorNote"));
        greedy.setTooltip(tip);
        beamOn.setTooltip(tip);
        beamWidth.setId("s2s.beam.width");
        beamWidth.setEditable(true);
        beamWidth.setPrefWidth(80);
        beamWidth.disableProperty().bind(greedy.selectedProperty());
        // text that is not a width 2–8 is said once and the spinner keeps its last good width
        beamWidth.getValueFactory().setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : Integer.toString(v);
            }

            @Override
            public Integer fromString(String t) {
                Integer old = beamWidth.getValue();
                try {
                    int v = Integer.parseInt(t.strip());
                    if (v >= Seq2SeqStepper.MIN_BEAM && v <= Seq2SeqStepper.MAX_BEAM) {
                        return v;
                    }
                } catch (NumberFormatException e) {
                    // said below
                }
                message.setText(Messages.format("s2s.beam.badWidth", t.strip(), Seq2SeqStepper.MIN_BEAM,
                        Seq2SeqStepper.MAX_BEAM, old));
                beamWidth.getEditor().setText(Integer.toString(old));
                return old;
            }
        });
        Label widthLabel = new Label(Messages.get("s2s.beam.width"));
        Label decoding = new Label(Messages.get("s2s.beam.decoding"));
        for (Region r : new Region[] {decoding, greedy, beamOn, widthLabel, beamWidth}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox row = new HBox(8, decoding, greedy, beamOn, widthLabel, beamWidth);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        beamCaption.setId("s2s.beam.caption");
        beamCaption.setWrapText(true);
        beamCaption.setMinHeight(Region.USE_PREF_SIZE);
        candidates.setId("s2s.beam.candidates");
        candidates.setFocusTraversable(false);
        candidates.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Seq2SeqStepper.Candidate c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : candidateText(c, getIndex() + 1));
                setStyle(c != null && c.chosen() ? "-fx-font-weight: bold;" : "");
            }
        });
        VBox box = new VBox(4, row, beamCaption, candidates);
        for (Region r : new Region[] {beamCaption, candidates}) {
            r.visibleProperty().bind(beamOn.selectedProperty());
            r.managedProperty().bind(beamOn.selectedProperty());
        }
        beamOn.selectedProperty().addListener((o, a, on) -> searchBeam());
        beamWidth.valueProperty().addListener((o, a, w) -> searchBeam());
        return box;
    }

    /** One line of the candidates list: rank, output, Σ log p and p, the chosen one marked. */
    static String candidateText(Seq2SeqStepper.Candidate c, int rank) {
        String s = Messages.format("s2s.beam.candidate", rank, c.text().isEmpty() ? Messages.get("s2s.endToken") : c.text(),
                rnnlab.ui.controls.NumberText.sci(c.logProb()), rnnlab.ui.controls.NumberText.sci(Math.exp(c.logProb())));
        if (!c.finished()) {
            s += "   " + Messages.get("s2s.beam.unfinished");
        }
        return c.chosen() ? s + "   " + Messages.get("s2s.beam.chosen") : s;
    }

    /** Room for up to four candidates (more scroll), whatever the font size. */
    private void sizeCandidates() {
        Integer w = beamWidth.getValue();
        int rows = Math.min(4, w == null ? 3 : w);
        // fixed rows, tall enough for the CJK fonts' line height
        double cell = Math.ceil(fontPx * 2.1);
        candidates.setFixedCellSize(cell);
        candidates.setPrefHeight(cell * rows + 4);
        candidates.setMinHeight(Region.USE_PREF_SIZE);
    }

    /** With beam chosen, asks the worker for the candidates of the input decoded last; greedy clears them. */
    private void searchBeam() {
        Integer w = beamWidth.getValue();
        if (!beamOn.isSelected() || base == null || decodedText == null || w == null) {
            stepper.clearBeam();
            beamCaption.setText("");
            return;
        }
        beamCaption.setText(Messages.format("s2s.beam.caption", w, decodedText.strip()));
        sizeCandidates();
        stepper.beam(base, decodedText, w);
    }

    private static Region pad(Region r) {
        VBox b = new VBox(r);
        VBox.setVgrow(r, Priority.ALWAYS);
        b.setPadding(new Insets(10));
        return b;
    }

    private Button button(String key, Runnable action) {
        Button b = new Button(Messages.get(key));
        b.setId(key);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Light, dark or projector (projector wins), with the main window's root style (font size, CJK font). */
    void applyTheme(boolean dark, boolean projector, String rootStyle) {
        var root = stage.getScene().getRoot();
        root.getStyleClass().removeAll("dark", "projector");
        if (projector) {
            root.getStyleClass().add("projector");
        } else if (dark) {
            root.getStyleClass().add("dark");
        }
        if (rootStyle != null) {
            root.setStyle(rootStyle);
        }
        double px = rootFontPx(rootStyle);
        fontPx = Math.max(12, px);
        sizeCandidates();
        for (S2sView c : new S2sView[] {unrolled, matrix}) {
            c.projectorThemeProperty().set(projector);
            c.setDarkTheme(dark);
            c.setFontSize(Math.max(12, px));
        }
    }

    private static double rootFontPx(String style) {
        if (style != null) {
            var m = java.util.regex.Pattern.compile("-fx-font-size:\\s*([0-9.]+)px").matcher(style);
            if (m.find()) {
                return Double.parseDouble(m.group(1));
            }
        }
        return 14;
    }

    /** Opens (or brings forward) the window; {@code look} and {@code theme} are the main window's. */
    public static Seq2SeqWindow show(Window owner, Scene look, Look theme) {
        if (open == null || !open.stage.isShowing()) {
            if (open != null) {
                open.close();
            }
            open = new Seq2SeqWindow(owner, look, theme);
        }
        open.stage.show();
        open.stage.toFront();
        return open;
    }

    /** The window last opened, or null. */
    public static Seq2SeqWindow current() {
        return open;
    }

    /** Whether a path names an encoder–decoder model file ({@code *.s2s.json}). */
    public static boolean isSeq2SeqFile(Path p) {
        return p != null && p.getFileName() != null
                && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".s2s.json");
    }

    public Stage stage() {
        return stage;
    }

    /** Closes the window and lets go of the main window's look (no listener of this window stays on it). */
    public void close() {
        trainPane.cancel();
        timer.stop();
        stepper.shutdown();
        if (mainLook != null) {
            mainLook.dark().removeListener(lookListener);
            mainLook.projector().removeListener(lookListener);
            mainLook.fontScale().removeListener(lookListener);
        }
        stage.close();
    }

    /** Reads a model file off the FX thread, then shows it with a first input; a bad file gets one message. */
    public void openFile(Path f) {
        openFile(f, null);
    }

    /** Opens a model and decodes {@code text} (null: keep the input if the model reads it, else an example). */
    public void openFile(Path f, String text) {
        if (text != null) {
            input.setText(text);
        }
        message.setText(Messages.format("s2s.reading", f.getFileName()));
        problem = null;
        Thread t = new Thread(() -> {
            try {
                Seq2SeqPlayback l = Seq2SeqPlayback.read(f);
                Platform.runLater(() -> adopt(l, f.getFileName().toString(), f));
            } catch (InputException e) {
                Platform.runLater(() -> fail(e.getMessage()));
            } catch (RuntimeException e) {
                Platform.runLater(() -> fail(Messages.format("s2s.error.read", f.getFileName(), e.getMessage())));
            }
        }, "rnnlab-seq2seq-open");
        t.setDaemon(true);
        t.start();
    }

    private void adoptTrained(Seq2SeqTrainPane.Trained t) {
        adopt(t.playback(), Messages.format("s2s.trainedName", t.task(), Messages.get("s2s.attention." + t.attention())), null);
    }

    private void fail(String m) {
        problem = m;
        message.setText(m);
    }

    /** Shows a model with an example input of its own vocabulary. */
    void adopt(Seq2SeqPlayback p, String name, Path from) {
        base = p;
        playback = null;
        show(null);
        file = from;
        Object[] sh = p.shape();
        modelLabel.setText(Messages.format("s2s.modelInfo", name, sh[0], sh[1], sh[2], sh[3],
                Messages.get("s2s.attention." + p.attentionId())));
        message.setText("");
        if (input.getText().isBlank() || !tryTokens(input.getText())) {
            input.setText(example(base));
        }
        tabs.getSelectionModel().select(0);
        decode();
    }

    private boolean tryTokens(String s) {
        try {
            base.tokens(s);
            return true;
        } catch (Seq2SeqPlayback.Problem e) {
            return false;
        }
    }

    /** An input made of the vocabulary's first symbols (words joined by spaces). */
    static String example(Seq2SeqPlayback p) {
        List<String> syms = p.sourceSymbols();
        StringBuilder sb = new StringBuilder();
        int n = Math.min(6, syms.size());
        for (int i = 0; i < n; i++) {
            String s = syms.get((i * 7 + 3) % syms.size());
            if (p.words() && sb.length() > 0) {
                sb.append(' ');
            }
            if (s.isBlank() && !p.words()) {
                continue;
            }
            sb.append(s);
        }
        return sb.toString();
    }

    /**
     * Decodes the input text (on the stepper's worker) and puts the cursor at the start. A symbol the model
     * does not know is said at once; the decoded pair arrives a moment later ({@link #apply}).
     */
    public void decode() {
        if (base == null) {
            message.setText(Messages.get("s2s.error.noModel"));
            return;
        }
        try {
            // cheap checks here, so the message comes at once; the decoding itself runs on the worker
            base.tokens(input.getText());
            if (!target.getText().isBlank()) {
                base.targetTokens(target.getText());
            }
        } catch (Seq2SeqPlayback.Problem e) {
            fail(Messages.format(e.key(), e.args()));
            return;
        }
        cursor = 0;
        decodedText = input.getText();
        stepper.load(base, input.getText(), target.getText());
        searchBeam();
    }

    /** A result of the stepper: a newly decoded pair, or the numbers at a cursor position. */
    private void apply(Seq2SeqStepper.Shown s) {
        if (s.load() != shownLoad) {
            shownLoad = s.load();
            problem = null;
            message.setText("");
            output.setText(Messages.format(s.playback().teacherForced() ? "s2s.outputForced" : "s2s.outputIs", s.output()));
        }
        playback = s.playback();
        show(s.snapshot());
    }

    public void setInput(String s) {
        input.setText(s);
    }

    /** The teacher-forced target (blank: greedy decoding, no BPTT). */
    public void setTarget(String s) {
        target.setText(s);
    }

    /** Jumps to the first BPTT step (after the whole forward pass); without a target, says how to get one. */
    void startBackward() {
        if (playback == null || !playback.loaded()) {
            return;
        }
        if (!playback.teacherForced()) {
            message.setText(Messages.get("s2s.bptt.needTarget"));
            return;
        }
        go(playback.steps() + 1);
    }

    void stepBy(int d) {
        if (playback == null || !playback.loaded()) {
            return;
        }
        if (d > 0 && cursor >= playback.totalSteps()) {
            play.setSelected(false);
            return;
        }
        go(cursor + d);
    }

    void go(int p) {
        if (playback == null || !playback.loaded()) {
            return;
        }
        cursor = Math.max(0, Math.min(p, playback.totalSteps()));
        stepper.seek(cursor);
    }

    private void show(Seq2SeqPlayback.Snapshot s) {
        snap = s;
        Seq2SeqFrame frame = playback == null || s == null ? null : Seq2SeqFrame.of(playback, s);
        unrolled.setFrame(frame);
        matrix.setFrame(frame);
        stepPane.setFrame(frame);
        position.setText(playback == null || s == null ? ""
                : s.backward() ? Messages.format("s2s.position.bptt", s.grad().step(), playback.backwardSteps())
                : s.encoding() ? Messages.format("s2s.position.encoder", s.encoderDone(), playback.encoderSteps())
                : Messages.format("s2s.position.decoder", s.decoderStep() + 1, playback.outputLength()));
    }

    private void chooseFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("s2s.open"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("s2s.filter"), "*.s2s.json"));
        java.io.File f = fc.showOpenDialog(stage);
        if (f != null) {
            openFile(f.toPath());
        }
    }

    private void saveAs() {
        if (base == null) {
            message.setText(Messages.get("s2s.error.noModel"));
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("s2s.save"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("s2s.filter"), "*.s2s.json"));
        fc.setInitialFileName(file == null ? "model.s2s.json" : file.getFileName().toString());
        java.io.File f = fc.showSaveDialog(stage);
        if (f != null) {
            save(f.toPath());
        }
    }

    /** Writes the model on screen (atomically) with its vocabularies. */
    void save(Path to) {
        try {
            base.save(to);
            message.setText(Messages.format("s2s.saved", to.getFileName()));
        } catch (java.io.IOException e) {
            message.setText(Messages.format("s2s.error.write", to.getFileName(), e.getMessage()));
        }
    }


    // ---- for bench-ui --seq2seq (rnnlab.app.UiBenchmark) --------------------------------------

    /** Whether a model is open and its input decoded, so the cursor can move. */
    public boolean ready() {
        return playback != null && playback.loaded();
    }

    /** One step forward as the ▶ button does (through encoder, decoder and BPTT), from the start again after the last. */
    public void stepOrRestart() {
        if (!ready()) {
            return;
        }
        go(cursor >= playback.totalSteps() ? 0 : cursor + 1);
    }

    /** The cursor's position and the number of steps (encoder, decoder and BPTT), or null without a model. */
    public int[] cursorAndTotal() {
        return ready() ? new int[] {cursor, playback.totalSteps()} : null;
    }

    /** Why the window could not open its model or decode its input, or null (bench-ui fails at once then). */
    public String problem() {
        return problem;
    }

    /** bench-ui: told on the FX thread when a step's numbers are shown (request time, worker compute time). */
    public void setOnStepShown(Seq2SeqStepper.Applied a) {
        stepper.setOnApplied(a);
    }

    /** The window's scene (for measuring its pulses). */
    public Scene scene() {
        return stage.getScene();
    }

    // ---- for tests and lessons ----------------------------------------------------------------

    Seq2SeqPlayback playback() {
        return playback;
    }

    Seq2SeqPlayback.Snapshot snapshot() {
        return snap;
    }

    /** Whether the numbers shown are those of the last decode and the last position asked for. */
    boolean settled() {
        return snap != null && shownLoad == stepper.lastLoad() && snap.position() == cursor;
    }

    int cursor() {
        return cursor;
    }

    String message() {
        return message.getText();
    }

    String outputText() {
        return output.getText();
    }

    EncoderDecoderView unrolledView() {
        return unrolled;
    }

    AttentionMatrixView matrixView() {
        return matrix;
    }

    AttentionStepView stepView() {
        return stepPane;
    }

    /** The unrolled view's skin, painted up to date (tests read what it drew). */
    EncoderDecoderSkin unrolledSkin() {
        EncoderDecoderSkin k = (EncoderDecoderSkin) unrolled.getSkin();
        k.redrawNow();
        return k;
    }

    /** The attention matrix's skin, painted up to date. */
    AttentionMatrixSkin matrixSkin() {
        AttentionMatrixSkin k = (AttentionMatrixSkin) matrix.getSkin();
        k.redrawNow();
        return k;
    }

    AttentionStepSkin stepSkin() {
        return (AttentionStepSkin) stepPane.getSkin();
    }

    /** Chooses greedy decoding (0 or 1) or a beam of {@code width}, as the radio buttons and spinner do. */
    void chooseBeam(int width) {
        if (width <= 1) {
            greedy.setSelected(true);
        } else {
            beamWidth.getValueFactory().setValue(width);
            beamOn.setSelected(true);
        }
    }

    /** The candidates the list shows, best first (empty with greedy decoding or before the search is done). */
    List<Seq2SeqStepper.Candidate> candidates() {
        return List.copyOf(candidates.getItems());
    }

    /** The candidates' list as shown (for tests reading its lines). */
    javafx.scene.control.ListView<Seq2SeqStepper.Candidate> candidatesView() {
        return candidates;
    }

    javafx.scene.control.Spinner<Integer> beamWidthSpinner() {
        return beamWidth;
    }

    String beamCaption() {
        return beamCaption.getText();
    }

    Seq2SeqTrainPane trainView() {
        return trainPane;
    }

    TabPane tabs() {
        return tabs;
    }

    /** The ids of the views this window draws, as the registry declares them. */
    static List<String> viewIds() {
        return List.of(ViewRegistry.PREFIX + "seq2seq", ViewRegistry.PREFIX + "attention");
    }
}
