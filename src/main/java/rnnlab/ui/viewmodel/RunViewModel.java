package rnnlab.ui.viewmodel;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.*;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.io.Preset;
import rnnlab.io.ScenarioIO;
import rnnlab.i18n.Messages;
import rnnlab.session.EngineSession;
import rnnlab.session.EngineThread;
import rnnlab.session.Frame;
import rnnlab.session.FrameFactory;
import rnnlab.session.GatePin;
import rnnlab.session.Initialiser;
import rnnlab.session.SequenceText;

/**
 * The app's state as JavaFX properties, and every command on it. The model, sequence and run live on
 * one engine thread; after each engine step a {@link Frame} is built there and published to the FX
 * thread. If steps come faster than frames, stale frames are skipped. Call every method on the FX thread.
 */
public final class RunViewModel {
    public static final String DEFAULT_TEXT = EngineSession.DEFAULT_TEXT;
    /** How scenario files end. */
    public static final String SCENARIO_EXTENSION = ScenarioIO.EXTENSION;
    /** The largest factor on W_hh the app accepts. */
    public static final double MAX_RECURRENT_SCALE = 10;
    /** Animation of one step at speed 1 (the visual-language limit). */
    public static final double STEP_MS = 400;
    static final double PLAY_INTERVAL_MS = 800;

    // model settings
    /** The cell types by id (rnn_tanh, rnn_relu, lstm, gru), so the views need no engine types. */
    public static final List<String> CELL_TYPES = java.util.Arrays.stream(CellType.values()).map(CellType::id).toList();
    private final StringProperty cellType = new SimpleStringProperty(this, "cellType", CellType.RNN_TANH.id());
    private final IntegerProperty hiddenSize = new SimpleIntegerProperty(this, "hiddenSize", 3);
    private final IntegerProperty layers = new SimpleIntegerProperty(this, "layers", 1);
    private final BooleanProperty bidirectional = new SimpleBooleanProperty(this, "bidirectional", false);
    private final ObjectProperty<Initialiser> initialiser = new SimpleObjectProperty<>(this, "init", Initialiser.PYTORCH_DEFAULT);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);
    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(this, "preset", Preset.TINY_RNN);
    // sequence
    private final StringProperty sequenceText = new SimpleStringProperty(this, "sequenceText", DEFAULT_TEXT);
    private final ObjectProperty<SequenceText.Mode> editorMode = new SimpleObjectProperty<>(this, "mode", SequenceText.Mode.CHARS);
    private final ObservableList<String> vocab = FXCollections.observableArrayList();
    /** One wrapper, kept: listeners on a throw-away unmodifiable wrapper would be lost with it. */
    private final ObservableList<String> vocabView = FXCollections.unmodifiableObservableList(vocab);
    private final ReadOnlyLongWrapper parameterCount = new ReadOnlyLongWrapper(this, "parameterCount");
    // timeline
    private final ReadOnlyIntegerWrapper position = new ReadOnlyIntegerWrapper(this, "position");
    private final ReadOnlyIntegerWrapper timelineLength = new ReadOnlyIntegerWrapper(this, "timelineLength");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);
    private final FramePresenter presenter = new FramePresenter();
    /** Builds the frames (engine thread only). */
    private final FrameFactory frames = new FrameFactory();
    // feedback
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty error = new SimpleStringProperty(this, "error");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    // what-if changes: W_hh factor (1 = as loaded) and pinned gates, mirrored from the engine side
    private final DoubleProperty recurrentScale = new SimpleDoubleProperty(this, "recurrentScale", 1.0);
    private final ObservableList<GatePin> pins = FXCollections.observableArrayList();
    private final ObservableList<GatePin> pinsView = FXCollections.unmodifiableObservableList(pins);

    private final EngineThread engine = new EngineThread(Platform::runLater, error::set, busy::set);
    private final EngineSession session = new EngineSession();
    /** All the helpers below get of this class: the engine thread, its session, the frame publisher. */
    private final EngineSide side = new EngineSide(engine, session, this::publish);
    private final ScenarioCommands scenarios = new ScenarioCommands(side, playing, status);
    private final ExportCommands exports = new ExportCommands(side, status);
    private final TweakCommands tweaks = new TweakCommands(side, playing, pins, presenter.frameProperty(), error);
    private final TrainedWeights trained = new TrainedWeights(side, frames);
    private final Playback playback = new Playback(side, playing, speed, position.getReadOnlyProperty(),
            timelineLength.getReadOnlyProperty());
    private final AtomicReference<Published> pending = new AtomicReference<>();
    /** The newest typed text not yet taken by the engine, with its edit number. */
    private final AtomicReference<TypedText> textTarget = new AtomicReference<>();
    /** Edits typed so far (FX thread); an answer that has not seen them all must not re-set the field. */
    private long typedEdits;
    /** The number of the last typed edit the engine has taken (engine thread). */
    private long editsTaken;

    private record TypedText(String text, long edit) {
    }
    private boolean syncing;
    private FrameListener onFrameApplied = (c, b) -> { };

    /** What the engine thread hands to the FX thread after a command. */
    private record Published(Frame frame, boolean animate, long commandNanos, long buildNanos, Info info) {
    }

    /** Told on the FX thread when a frame caused by a command is shown (for latency measurements). */
    public interface FrameListener {
        /**
         * @param commandNanos {@link System#nanoTime()} when the command was given
         * @param buildNanos   how long building the frame took on the engine thread
         */
        void applied(long commandNanos, long buildNanos);
    }

    /** Model and sequence facts for the panels, sent when they change. */
    private record Info(EngineSession.Shape shape, String preset, String text, SequenceText.Mode mode, List<String> vocab,
                        long params, String source, double scale, List<GatePin> pins, long editsTaken) {
    }

    public RunViewModel() {
        Runnable rebuild = () -> {
            if (!syncing) {
                preset.set(null);
                rebuild();
            }
        };
        cellType.addListener((o, a, b) -> rebuild.run());
        hiddenSize.addListener((o, a, b) -> rebuild.run());
        layers.addListener((o, a, b) -> rebuild.run());
        bidirectional.addListener((o, a, b) -> rebuild.run());
        // initialisation and seed change the weights, not the shape: the preset stays
        initialiser.addListener((o, a, b) -> {
            if (!syncing) {
                rebuild();
            }
        });
        seed.addListener((o, a, b) -> {
            if (!syncing) {
                rebuild();
            }
        });
        preset.addListener((o, a, p) -> {
            if (!syncing && p != null) {
                applyPreset(p);
            }
        });
        recurrentScale.addListener((o, a, k) -> {
            if (!syncing) {
                tweaks.rescale(k.doubleValue());
            }
        });
        sequenceText.addListener((o, a, t) -> {
            if (!syncing) {
                editText(t);
            }
        });
        String text = sequenceText.get();
        EngineSession.Shape shape = shape();
        engine.command(() -> {
            session.preset = Preset.TINY_RNN.id;
            session.buildForText(shape, text);
            publish(false, 0, true);
        });
    }

    // ---- commands ---------------------------------------------------------------------------------

    /** One step along the timeline (forward, then BPTT); animated. */
    public void stepForward() {
        playback.stepForward();
    }

    /** One step back (instant: the views jump). */
    public void stepBack() {
        playback.stepBack();
    }

    /** Jumps to a timeline position (scrubbing: only the latest request is computed). */
    public void seek(int pos) {
        playback.seek(pos);
    }

    /** Back to the start of the timeline. */
    public void reset() {
        playback.reset();
    }

    public void togglePlay() {
        playback.togglePlay();
    }

    /** New random weights from the seed for the chosen shape. */
    public void rebuild() {
        EngineSession.Shape s = shape();
        String p = preset.get() == null ? null : preset.get().id;
        playing.set(false);
        engine.command(() -> {
            session.rebuild(s);
            session.preset = p;
            publish(false, 0, true, Messages.format("status.rebuilt", Messages.get("cell." + s.cell().id()), s.hidden(),
                    s.seed()));
        });
    }

    /** Rolls a new seed (new weights). */
    public void newSeed() {
        seed.set(seed.get() + 1);
    }

    public void applyPreset(Preset p) {
        syncing = true;
        try {
            preset.set(p);
            cellType.set(p.cell.id());
            hiddenSize.set(p.hidden);
            layers.set(p.layers);
            bidirectional.set(p.bidirectional);
        } finally {
            syncing = false;
        }
        rebuild();
    }

    private void editText(String text) {
        if (textTarget.getAndSet(new TypedText(text, ++typedEdits)) != null) {
            return;
        }
        engine.quick(() -> {
            TypedText typed = textTarget.getAndSet(null);
            String t = typed.text();
            editsTaken = typed.edit();
            try {
                session.editText(t);
                publish(false, 0, true);
                engine.report(null);
            } catch (SequenceText.Problem e) {
                engine.report(Messages.format(e.key, e.args));
            }
        });
    }

    public void loadModel(Path file) {
        scenarios.loadModel(file);
    }

    public void loadSequence(Path file) {
        scenarios.loadSequence(file);
    }

    /** The engine side for the helpers made outside this class ({@link LessonCommands}, {@link Autosave}). */
    EngineSide engineSide() {
        return side;
    }

    /** The whole state with the window's part, as a scenario (engine thread only; for {@link Autosave}). */
    rnnlab.io.Scenario snapshot(List<String> visibleViews, Map<String, String> settings) {
        return scenarios.snapshot(visibleViews, settings);
    }

    /** Who asks which columns of a .csv sequence are targets (the window's dialog; null: the last columns). */
    public void setCsvTargetPicker(CsvTargetPicker picker) {
        scenarios.csvPicker = picker;
    }

    /** Opens a chosen file by its {@code format}: a model, a sequence or a scenario. */
    public void openFile(Path file, Consumer<WindowState> whenScenario) {
        scenarios.openFiles(List.of(file), whenScenario);
    }

    /** Opens dropped files; see {@link ScenarioCommands#openFiles}. */
    public void openFiles(List<Path> files, Consumer<WindowState> whenScenario) {
        scenarios.openFiles(files, whenScenario);
    }

    /** Opens a scenario; {@code whenOpened} then applies the window's part (views, settings) on the FX thread. */
    public void openScenario(Path file, Consumer<WindowState> whenOpened) {
        scenarios.openScenario(file, whenOpened);
    }

    /** Saves the whole state with the window's part (visible views, settings); {@code done} runs on the FX thread. */
    public void saveScenario(Path file, List<String> visibleViews, Map<String, String> settings, Runnable done) {
        scenarios.saveScenario(file, visibleViews, settings, done);
    }

    /** Writes the trace of the current model and sequence (pins and W_hh factor included) as JSON. */
    public void exportTraceJson(Path file, Runnable done) {
        exports.traceJson(file, done);
    }

    /** Writes the trace as CSV, one row per layer, direction, step and unit. */
    public void exportTraceCsv(Path file, Runnable done) {
        exports.traceCsv(file, done);
    }

    /** Saves the current model as .pt or .safetensors (by the name's ending), off the FX thread. */
    public void exportModel(Path file, Runnable done) {
        exports.model(file, done);
    }

    /** Pins a gate, or refuses with one message (returned and shown in the error banner); see {@link TweakCommands}. */
    public String addPin(GatePin pin) {
        return tweaks.addPin(pin);
    }

    public void removePin(GatePin pin) {
        tweaks.removePin(pin);
    }

    /** Shows a model being trained ({@code snapshot}: a copy given away); see {@link TrainedWeights}. Any thread. */
    public void showTrainedWeights(Model snapshot, boolean last) {
        trained.show(snapshot, last);
    }

    /** Engine thread: the model and sequence shown when training started (null: nothing to restore). */
    private ModelBeforeTraining beforeTraining;

    /**
     * Training is about to start: remembers the model and sequence shown and hands a copy of the model to
     * {@code then} on the FX thread (training trains it when it fits the task). Any thread.
     */
    public void modelForTraining(Consumer<Model> then) {
        engine.quick(() -> {
            beforeTraining = ModelBeforeTraining.of(session);
            Model copy = session.model.copy();
            Platform.runLater(() -> then.accept(copy));
        });
    }

    /**
     * Training has ended: with {@code restore} (it trained a model of its own) the model and sequence shown
     * before come back, and trained weights not yet shown are dropped. Any thread.
     */
    public void trainingEnded(boolean restore) {
        if (restore) {
            trained.discardPending(); // training's last weights, still on the weights thread, must not come after
        }
        engine.quick(() -> {
            ModelBeforeTraining b = beforeTraining;
            beforeTraining = null;
            if (restore && b != null) {
                b.restore(session);
                publish(false, 0, true, Messages.get("training.status.restored"));
            }
        });
    }

    /** This window's model as training's source ({@link TrainingViewModel#setShownModel}). */
    public TrainingViewModel.ShownModel trainingSource() {
        return new TrainingViewModel.ShownModel() {
            @Override
            public void fetch(Consumer<Model> then) {
                modelForTraining(then);
            }

            @Override
            public void ended(boolean restore) {
                trainingEnded(restore);
            }
        };
    }

    /** Stops the engine thread (the window is closing). */
    public void shutdown() {
        playback.stop();
        presenter.stop();
        trained.shutdown();
        engine.shutdown();
    }

    /** Called on the FX thread after a frame caused by a step or seek command is applied. */
    public void setOnFrameApplied(FrameListener l) {
        onFrameApplied = l == null ? (c, b) -> { } : l;
    }

    // ---- engine side ------------------------------------------------------------------------------

    private void publish(boolean animate, long t0, boolean withInfo) {
        publish(animate, t0, withInfo, null);
    }

    /** Builds the frame here (engine thread) and hands it over; frames not yet shown are replaced. */
    private void publish(boolean animate, long t0, boolean withInfo, String statusText) {
        long b0 = System.nanoTime();
        Frame f = frames.build(session.run, null);
        long build = System.nanoTime() - b0;
        Info info = null;
        if (withInfo) {
            var cfg = session.model.config();
            info = new Info(session.shape, session.preset, session.text, session.mode,
                    cfg.vocab() == null ? List.of() : cfg.vocab(), cfg.parameterCount(),
                    statusText == null ? "" : statusText, session.tweaks.scale(), session.tweaks.pins(), editsTaken);
        }
        Info fresh = info;
        Published prev = pending.getAndUpdate(old -> new Published(f, animate, t0, build,
                fresh == null && old != null ? old.info : fresh));
        if (prev == null) {
            Platform.runLater(this::drain);
        }
    }

    // ---- FX side ----------------------------------------------------------------------------------

    private void drain() {
        Published p = pending.getAndSet(null);
        if (p == null) {
            return;
        }
        if (p.info != null) {
            applyInfo(p.info);
        }
        presenter.show(p.frame, p.animate, playback.stepMillis());
        timelineLength.set(p.frame.timelineLength());
        position.set(p.frame.position());
        if (p.commandNanos != 0) {
            onFrameApplied.applied(p.commandNanos, p.buildNanos);
        }
    }

    private void applyInfo(Info i) {
        syncing = true;
        try {
            cellType.set(i.shape.cell().id());
            hiddenSize.set(i.shape.hidden());
            layers.set(i.shape.layers());
            bidirectional.set(i.shape.bidirectional());
            initialiser.set(i.shape.init());
            seed.set(i.shape.seed());
            preset.set(i.preset == null ? null : Preset.fromId(i.preset));
            editorMode.set(i.mode);
            // keys typed after the engine took its text stay: re-setting the field from an older answer
            // lost or scrambled them when typing fast
            if (i.editsTaken == typedEdits && !i.text.equals(sequenceText.get())) {
                sequenceText.set(i.text);
            }
            if (!vocab.equals(i.vocab)) {
                vocab.setAll(i.vocab);
            }
            parameterCount.set(i.params);
            recurrentScale.set(i.scale);
            if (!pins.equals(i.pins)) {
                pins.setAll(i.pins);
            }
            if (!i.source.isEmpty()) {
                status.set(i.source);
            }
        } finally {
            syncing = false;
        }
    }

    /** Animation length of one step: 400 ms at speed 1, scaled by the speed, always within the play interval. */
    public double stepMillis() {
        return playback.stepMillis();
    }

    private EngineSession.Shape shape() {
        CellType cell = CellType.fromId(cellType.get());
        return new EngineSession.Shape(cell == null ? CellType.RNN_TANH : cell, hiddenSize.get(), layers.get(), bidirectional.get(),
                initialiser.get(), seed.get());
    }

    // ---- properties -------------------------------------------------------------------------------

    /** The cell type's id, one of {@link #CELL_TYPES}. */
    public StringProperty cellTypeProperty() { return cellType; }
    public IntegerProperty hiddenSizeProperty() { return hiddenSize; }
    public IntegerProperty layersProperty() { return layers; }
    public BooleanProperty bidirectionalProperty() { return bidirectional; }
    public ObjectProperty<Initialiser> initialiserProperty() { return initialiser; }
    public LongProperty seedProperty() { return seed; }
    public ObjectProperty<Preset> presetProperty() { return preset; }
    public StringProperty sequenceTextProperty() { return sequenceText; }
    public ReadOnlyObjectProperty<SequenceText.Mode> editorModeProperty() { return editorMode; }
    public ObservableList<String> vocab() { return vocabView; }
    public ReadOnlyLongProperty parameterCountProperty() { return parameterCount.getReadOnlyProperty(); }
    /** Factor on every W_hh relative to the weights as loaded or initialised (1 = as loaded); a new model resets it. */
    public DoubleProperty recurrentScaleProperty() { return recurrentScale; }
    /** The pinned gates in force (change them with {@link #addPin} and {@link #removePin}). */
    public ObservableList<GatePin> pins() { return pinsView; }
    public ReadOnlyIntegerProperty positionProperty() { return position.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty timelineLengthProperty() { return timelineLength.getReadOnlyProperty(); }
    public BooleanProperty playingProperty() { return playing; }

    /** Set on the FX thread each time a foreign model (.pt, .safetensors, .onnx) opens. */
    public javafx.beans.value.ObservableValue<ImportedFile> lastImportProperty() {
        return scenarios.lastImport;
    }
    public DoubleProperty speedProperty() { return speed; }
    public ReadOnlyObjectProperty<Frame> frameProperty() { return presenter.frameProperty(); }
    public ReadOnlyObjectProperty<Frame> previousFrameProperty() { return presenter.previousFrame.getReadOnlyProperty(); }
    /** 0 → 1 while a step animates (≤ 400 ms at speed 1); 1 when idle or after a jump. */
    public ReadOnlyDoubleProperty stepProgressProperty() { return presenter.stepProgress; }
    public StringProperty statusProperty() { return status; }
    public StringProperty errorProperty() { return error; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
}
