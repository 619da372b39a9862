package rnnlab.ui.viewmodel;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import rnnlab.io.ModelIO;
import rnnlab.io.Scenario;
import rnnlab.io.ScenarioIO;
import rnnlab.io.SequenceIO;
import rnnlab.i18n.Messages;
import rnnlab.session.EngineSession;
import rnnlab.session.EngineThread;
import rnnlab.session.GatePin;
import rnnlab.session.Initialiser;
import rnnlab.session.SequenceText;

/**
 * Opening files and scenarios, saving scenarios: the part of {@link RunViewModel} that deals with files
 * holding a whole state. Scenarios keep the weights as loaded plus the W_hh factor and the pinned gates
 * as settings ({@value #SCALE_KEY}, {@value #PINS_KEY}).
 */
final class ScenarioCommands {
    /** Scenario setting: whether the vocabulary follows the typed text ("from_text") or the model ("from_model"). */
    static final String VOCABULARY_KEY = "vocabulary";
    static final String VOCAB_FROM_TEXT = "from_text";
    /** Scenario setting: the factor on every W_hh (1 = as saved). */
    static final String SCALE_KEY = "recurrent_scale";
    /** Scenario setting: pinned gates, see {@link GatePin#encode}. */
    static final String PINS_KEY = "gate_pins";

    private final EngineSide side;
    private final BooleanProperty playing;
    private final StringProperty status;

    ScenarioCommands(EngineSide side, BooleanProperty playing, StringProperty status) {
        this.side = side;
        this.playing = playing;
        this.status = status;
    }

    /** The last model file read from another program's format (the window shows what was imported). */
    final javafx.beans.property.ObjectProperty<ImportedFile> lastImport = new javafx.beans.property.SimpleObjectProperty<>();

    /** Takes a model file (the sequence stays when it fits). */
    void loadModel(Path file) {
        playing.set(false);
        side.engine().command(() -> adoptModel(file));
    }

    /** Engine thread. */
    private void adoptModel(Path file) throws Exception {
        rnnlab.io.imports.ImportedModel im = rnnlab.io.imports.ModelFiles.read(file);
        side.session().adoptModel(im.modelFor(side.session().sequence == null ? null : side.session().sequence.loss()));
        if (im.isForeign()) {
            Platform.runLater(() -> lastImport.set(new ImportedFile(file.getFileName().toString(), im)));
        }
        side.frames().publish(false, 0, true, Messages.format("status.modelLoaded", file.getFileName().toString()));
    }

    /** Asks for a .csv's target columns and loss; null: the reader's default (the last columns). */
    CsvTargetPicker csvPicker;

    /**
     * Takes a sequence file for the current model. A .csv first has its header read (engine thread), then
     * {@link #csvPicker} asks which columns are targets (FX thread), then it is read with that choice;
     * cancelling the question opens nothing.
     */
    void loadSequence(Path file) {
        playing.set(false);
        CsvTargetPicker picker = csvPicker;
        if (picker != null && rnnlab.io.SequenceFiles.isCsv(file)) {
            // a question to the user sits between reading the header and reading the file: two trips, on purpose
            side.engine().command(() -> {
                rnnlab.io.SequenceFiles.CsvColumns c = rnnlab.io.SequenceFiles.csvColumns(file, side.session().model.config());
                CsvTargetPicker.Columns cols = new CsvTargetPicker.Columns(c.header(), c.inputs(), c.outputWidth(),
                        c.defaultLoss().id(), c.defaultTargets());
                Platform.runLater(() -> picker.pick(file.getFileName().toString(), cols)
                        .ifPresent(choice -> side.engine().command(() -> adoptSequence(file,
                                new rnnlab.io.SequenceFiles.CsvOptions(choice.targets(),
                                        rnnlab.engine.LossType.fromId(choice.loss()))))));
            });
            return;
        }
        side.engine().command(() -> adoptSequence(file, rnnlab.io.SequenceFiles.CsvOptions.DEFAULT));
    }

    /** Whether opening {@code file} asks the user first (a .csv with a picker): then it cannot join an engine-side plan. */
    private boolean asks(Path file) {
        return csvPicker != null && rnnlab.io.SequenceFiles.isCsv(file);
    }

    /** Engine thread. */
    private void adoptSequence(Path file, rnnlab.io.SequenceFiles.CsvOptions options) throws Exception {
        rnnlab.io.SequenceFiles.Loaded loaded = rnnlab.io.SequenceFiles.load(file, side.session().model.config(), options);
        side.session().adoptSequence(loaded.sequence());
        String name = file.getFileName().toString();
        // without a picker a .csv's targets are a default (the last columns) the status line names
        side.frames().publish(false, 0, true, loaded.note() == null ? Messages.format("status.sequenceLoaded", name)
                : Messages.format("status.sequenceLoadedNote", name, loaded.note()));
    }

    /**
     * Opens dropped or chosen files by their {@code format}. Every file is checked first: if one cannot
     * be read or is not a model, sequence or scenario, nothing is opened and one message names it.
     * Otherwise a scenario opens first (it replaces everything), then models, then sequences (read
     * against the model just opened), whatever order the files came in. All of it is one trip to the
     * engine thread: the check and every file, each reported as its own command.
     */
    void openFiles(List<Path> files, Consumer<WindowState> whenScenario) {
        if (files.isEmpty()) {
            return;
        }
        List<Path> copy = List.copyOf(files);
        playing.set(false);
        side.engine().plan(() -> {
            Map<Path, String> formats = new LinkedHashMap<>();
            for (Path file : copy) {
                String format = rnnlab.io.imports.ModelFiles.isForeign(file) ? ModelIO.FORMAT
                        : rnnlab.io.SequenceFiles.isText(file) || rnnlab.io.SequenceFiles.isCsv(file) ? SequenceIO.FORMAT
                        : ScenarioIO.formatOf(file);
                if (rank(format) < 0) {
                    throw new SequenceText.Problem("error.unknownFormat", file.getFileName().toString(), format);
                }
                formats.put(file, format);
            }
            List<Path> ordered = copy.stream().sorted(java.util.Comparator.comparingInt(f -> rank(formats.get(f)))).toList();
            return ordered.stream().<EngineThread.Task>map(file -> switch (formats.get(file)) {
                case ScenarioIO.FORMAT -> () -> installScenario(file, whenScenario);
                case ModelIO.FORMAT -> () -> adoptModel(file);
                default -> asks(file) ? () -> Platform.runLater(() -> loadSequence(file))
                        : () -> adoptSequence(file, rnnlab.io.SequenceFiles.CsvOptions.DEFAULT);
            }).toList();
        });
    }

    /** Opening order of a file format; −1: not a format RNN Lab opens. */
    private static int rank(String format) {
        return switch (format) {
            case ScenarioIO.FORMAT -> 0;
            case ModelIO.FORMAT -> 1;
            case SequenceIO.FORMAT -> 2;
            default -> -1;
        };
    }

    /** Opens a scenario; {@code whenOpened} then applies the window's part (views, settings) on the FX thread. */
    void openScenario(Path file, Consumer<WindowState> whenOpened) {
        playing.set(false);
        side.engine().command(() -> installScenario(file, whenOpened));
    }

    /** Engine thread. */
    private void installScenario(Path file, Consumer<WindowState> whenOpened) throws Exception {
        Scenario sc = ScenarioIO.read(file);
        EngineSession session = side.session();
        SequenceText.Mode mode = SequenceText.modeFor(sc.model().config(), sc.sequence());
        String text = sc.sequenceText() != null ? sc.sequenceText()
                : SequenceText.format(sc.sequence(), mode, sc.model().config());
        session.install(sc.model(), sc.sequence(), text, mode);
        var cfg = sc.model().config();
        session.preset = sc.preset();
        // a character model built from typed text follows the text; a model file keeps its vocabulary
        session.vocabFixed = !VOCAB_FROM_TEXT.equals(sc.settings().get(VOCABULARY_KEY))
                || mode != SequenceText.Mode.CHARS;
        Initialiser init = sc.init() == null || Initialiser.fromId(sc.init()) == null
                ? Initialiser.PYTORCH_DEFAULT : Initialiser.fromId(sc.init());
        session.shape = new EngineSession.Shape(cfg.cell(), cfg.hiddenSize(), cfg.numLayers(), cfg.bidirectional(),
                init, sc.seed());
        applyTweaks(session, sc.settings());
        session.run.seek(Math.min(sc.position(), session.run.timelineLength()));
        side.frames().publish(false, 0, true, Messages.format("status.scenarioOpened", file.getFileName().toString()));
        WindowState ws = new WindowState(sc.visibleViews(), sc.settings());
        Platform.runLater(() -> whenOpened.accept(ws));
    }

    /** The saved W_hh factor and pins; a factor that is not a number ≥ 0, or a pin that does not fit, is ignored. */
    private static void applyTweaks(EngineSession session, Map<String, String> settings) {
        String s = settings.get(SCALE_KEY);
        if (s != null) {
            try {
                double k = Double.parseDouble(s);
                if (Double.isFinite(k) && k >= 0 && k <= RunViewModel.MAX_RECURRENT_SCALE) {
                    session.tweaks.setScale(k);
                }
            } catch (NumberFormatException e) {
                // ignored: advisory setting
            }
        }
        List<GatePin> pins = GatePin.decode(settings.get(PINS_KEY));
        if (!pins.isEmpty()) {
            try {
                session.tweaks.setPins(pins, session.run);
            } catch (IllegalArgumentException e) {
                session.tweaks.setPins(List.of(), session.run);
            }
        }
    }

    /** The whole state with the window's part, as a scenario (engine thread only). */
    Scenario snapshot(List<String> visibleViews, Map<String, String> settings) {
        EngineSession session = side.session();
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put(VOCABULARY_KEY, session.vocabFixed ? "from_model" : VOCAB_FROM_TEXT);
        all.put(SCALE_KEY, String.valueOf(session.tweaks.scale()));
        all.put(PINS_KEY, GatePin.encode(session.tweaks.pins()));
        return new Scenario(session.tweaks.unscaledCopy(), session.sequence, session.text, session.preset,
                session.shape.seed(), session.shape.init().id, session.run.position(), visibleViews, all);
    }

    /** Saves the whole state with the window's part (visible views, settings); {@code done} runs on the FX thread. */
    void saveScenario(Path file, List<String> visibleViews, Map<String, String> settings, Runnable done) {
        side.engine().command(() -> {
            ScenarioIO.write(snapshot(visibleViews, settings), file);
            String msg = Messages.format("status.scenarioSaved", file.getFileName().toString());
            Platform.runLater(() -> {
                status.set(msg);
                done.run();
            });
        });
    }
}
