package rnnlab.ui.viewmodel.seq2seq;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.application.Platform;
import javafx.beans.property.*;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import rnnlab.catalog.TaskRegistry;
import rnnlab.engine.AttentionKind;
import rnnlab.i18n.Messages;
import rnnlab.training.seq2seq.Seq2SeqExperiment;
import rnnlab.training.seq2seq.Seq2SeqTasks;
import rnnlab.training.seq2seq.Seq2SeqTrainer;
import rnnlab.ui.viewmodel.experiment.BackgroundRuns;
import rnnlab.ui.viewmodel.experiment.ExperimentViewModel;

/**
 * The bottleneck experiment of the length-experiment window (issue 13): an encoder–decoder task trained
 * for every input length × attention kind × seed by {@link Seq2SeqExperiment} (the engine code the CLI's
 * {@code experiment --attention …} runs) on a background thread, with progress and cancel. Exact-sequence
 * accuracy on held-out pairs, per attention kind, against input length. Call every method on the FX thread.
 */
public final class BottleneckViewModel
        extends BackgroundRuns<Seq2SeqExperiment.Row, BottleneckViewModel.Result> {
    /** Exact-sequence accuracy against length for one attention kind: mean, min, max over seeds. */
    public record Curve(String attention, double[] lengths, double[] mean, double[] min, double[] max) {
    }

    /** One finished run in plain values for the views: exact-sequence and token accuracy on held-out pairs. */
    public record Result(String attention, int length, long seed, double sequenceAccuracy, double tokenAccuracy) {
    }

    public static final List<String> KINDS = List.of("none", "additive", "dot", "general");
    /**
     * Small defaults: 3 lengths × 2 kinds (none, additive) × 2 seeds × 600 steps, 100 held-out pairs: 80 s
     * on the busy 2-core build machine (the CLI's {@code experiment --task s2s-reverse --lengths 4,8,12
     * --attention none,additive --seeds 2 --steps 600 --held-out 100}).
     */
    public static final String DEFAULT_LENGTHS = "4, 8, 12";
    public static final int DEFAULT_STEPS = 600;
    public static final int DEFAULT_SEEDS = 2;
    public static final int DEFAULT_HELD_OUT = 100;

    private final StringProperty task = new SimpleStringProperty(this, "task", "s2s-reverse");
    private final Map<String, BooleanProperty> kinds = new LinkedHashMap<>();
    private final StringProperty lengths = new SimpleStringProperty(this, "lengths", DEFAULT_LENGTHS);
    private final IntegerProperty seeds = new SimpleIntegerProperty(this, "seeds", DEFAULT_SEEDS);
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", DEFAULT_STEPS);
    private final IntegerProperty hidden = new SimpleIntegerProperty(this, "hidden",
            Seq2SeqTrainer.Settings.defaults(AttentionKind.NONE, 1).hidden());
    private final IntegerProperty heldOut = new SimpleIntegerProperty(this, "heldOut", DEFAULT_HELD_OUT);

    public BottleneckViewModel() {
        for (String k : KINDS) {
            kinds.put(k, new SimpleBooleanProperty(this, k, k.equals("none") || k.equals("additive")));
        }
    }

    /** The settings the runs use (the CLI's defaults for everything the window does not set). */
    public Seq2SeqTrainer.Settings settings(AttentionKind first) {
        Seq2SeqTrainer.Settings d = Seq2SeqTrainer.Settings.defaults(first, 1);
        return new Seq2SeqTrainer.Settings(d.cell(), d.embedding(), Math.max(1, hidden.get()), 1, false, first,
                Math.max(1, steps.get()), d.batch(), d.optimizer(), d.lr(), d.clip(), 1, d.cell());
    }

    /** "4, 8" → [4, 8], from 1 to 40; an IllegalArgumentException with a readable message otherwise. */
    static List<Integer> parseLengths(String text) {
        return ExperimentViewModel.parseLengths(text, 1, 40, "bottleneck.error.length");
    }

    @Override
    protected Job<Seq2SeqExperiment.Row> job() {
        List<AttentionKind> as = new ArrayList<>();
        kinds.forEach((id, on) -> {
            if (on.get()) {
                as.add(AttentionKind.fromId(id));
            }
        });
        if (as.isEmpty()) {
            throw new IllegalArgumentException(Messages.get("bottleneck.error.kinds"));
        }
        Seq2SeqExperiment e = new Seq2SeqExperiment(task.get(), parseLengths(lengths.get()), as,
                Math.max(1, seeds.get()), settings(as.get(0)), Math.max(1, heldOut.get()));
        return new Job<>() {
            private volatile boolean cancelRequested;

            @Override
            public void run(Sink<Seq2SeqExperiment.Row> sink) {
                e.run(sink::done, () -> cancelRequested);
            }

            @Override
            public void cancel() {
                cancelRequested = true;
            }

            @Override
            public boolean cancelled() {
                return cancelRequested;
            }

            @Override
            public int totalRuns() {
                return e.totalRuns();
            }
        };
    }

    @Override
    protected Result result(Seq2SeqExperiment.Row row) {
        return new Result(row.attention().id(), row.length(), row.seed(), row.sequenceAccuracy(), row.tokenAccuracy());
    }

    /** Every run as CSV, the same columns as {@code experiment --attention … --out}. */
    @Override
    protected String csv(List<Seq2SeqExperiment.Row> rows) {
        return Seq2SeqExperiment.csv(rows);
    }

    /** Exact-sequence accuracy per attention kind (in the order of {@link #KINDS}), lengths ascending. */
    public List<Curve> curves() {
        List<Curve> out = new ArrayList<>();
        for (String k : KINDS) {
            TreeMap<Integer, List<Double>> by = new TreeMap<>();
            for (Result r : results()) {
                if (r.attention().equals(k)) {
                    by.computeIfAbsent(r.length(), x -> new ArrayList<>()).add(r.sequenceAccuracy());
                }
            }
            if (by.isEmpty()) {
                continue;
            }
            Spread sp = Spread.of(by);
            out.add(new Curve(k, sp.lengths(), sp.mean(), sp.min(), sp.max()));
        }
        return out;
    }

    /** The encoder–decoder tasks whose input length can be chosen (dates and numbers have their own). */
    public static List<String> tasks() {
        return TaskRegistry.SEQ2SEQ_NAMES.stream()
                .filter(n -> Seq2SeqTasks.create(n, 5).length() == 5 && Seq2SeqTasks.create(n, 6).length() == 6).toList();
    }

    public StringProperty taskProperty() { return task; }
    public BooleanProperty kindProperty(String id) { return kinds.get(id); }
    public StringProperty lengthsProperty() { return lengths; }
    public IntegerProperty seedsProperty() { return seeds; }
    public IntegerProperty stepsProperty() { return steps; }
    public IntegerProperty hiddenProperty() { return hidden; }
    public IntegerProperty heldOutProperty() { return heldOut; }
}
