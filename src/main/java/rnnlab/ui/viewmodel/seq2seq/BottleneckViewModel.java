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

/**
 * The bottleneck experiment of the length-experiment window (issue 13): an encoder–decoder task trained
 * for every input length × attention kind × seed by {@link Seq2SeqExperiment} (the engine code the CLI's
 * {@code experiment --attention …} runs) on a background thread, with progress and cancel. Exact-sequence
 * accuracy on held-out pairs, per attention kind, against input length. Call every method on the FX thread.
 */
public final class BottleneckViewModel {
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
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final List<Seq2SeqExperiment.Row> rows = new ArrayList<>();
    private final ObservableList<Result> results = FXCollections.observableArrayList();
    private final ObservableList<Result> resultsView = FXCollections.unmodifiableObservableList(results);
    private volatile boolean cancelRequested;

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
        return rnnlab.ui.viewmodel.experiment.ExperimentViewModel.parseLengths(text, 1, 40, "bottleneck.error.length");
    }

    public void start() {
        if (running.get()) {
            return;
        }
        Seq2SeqExperiment e;
        try {
            List<AttentionKind> as = new ArrayList<>();
            kinds.forEach((id, on) -> {
                if (on.get()) {
                    as.add(AttentionKind.fromId(id));
                }
            });
            if (as.isEmpty()) {
                throw new IllegalArgumentException(Messages.get("bottleneck.error.kinds"));
            }
            e = new Seq2SeqExperiment(task.get(), parseLengths(lengths.get()), as, Math.max(1, seeds.get()),
                    settings(as.get(0)), Math.max(1, heldOut.get()));
        } catch (IllegalArgumentException ex) {
            error.set(ex.getMessage());
            return;
        }
        error.set(null);
        rows.clear();
        results.clear();
        progress.set(0);
        running.set(true);
        cancelRequested = false;
        int total = e.totalRuns();
        status.set(Messages.format("experiment.status.running", 0, total));
        Thread th = new Thread(() -> {
            try {
                e.run((done, all, row) -> Platform.runLater(() -> add(row, done, all)), () -> cancelRequested);
                Platform.runLater(() -> ended(cancelRequested, null));
            } catch (RuntimeException ex) {
                Platform.runLater(() -> ended(true, ex.toString()));
            }
        }, "rnnlab-bottleneck");
        th.setDaemon(true);
        th.start();
    }

    public void cancel() {
        if (running.get()) {
            cancelRequested = true;
        }
    }

    private void add(Seq2SeqExperiment.Row row, int done, int total) {
        rows.add(row);
        results.add(new Result(row.attention().id(), row.length(), row.seed(), row.sequenceAccuracy(), row.tokenAccuracy()));
        progress.set((double) done / total);
        status.set(Messages.format("experiment.status.running", done, total));
    }

    private void ended(boolean cancelled, String failure) {
        running.set(false);
        if (failure != null) {
            error.set(Messages.format("experiment.error.failed", failure));
        }
        status.set(Messages.format(cancelled ? "experiment.status.cancelled" : "experiment.status.done", results.size()));
    }

    /** Every run as CSV, the same columns as {@code experiment --attention … --out}. */
    public String csv() {
        return Seq2SeqExperiment.csv(rows);
    }

    public void exportCsv(Path file) {
        try {
            String text = csv();
            rnnlab.io.Formats.writeAtomically(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
            status.set(Messages.format("experiment.status.exported", rows.size(), file.getFileName().toString()));
        } catch (java.io.IOException | RuntimeException ex) {
            error.set(Messages.format("error.io", String.valueOf(ex.getMessage())));
        }
    }

    /** Exact-sequence accuracy per attention kind (in the order of {@link #KINDS}), lengths ascending. */
    public List<Curve> curves() {
        List<Curve> out = new ArrayList<>();
        for (String k : KINDS) {
            Map<Integer, List<Double>> by = new TreeMap<>();
            for (Result r : results) {
                if (r.attention().equals(k)) {
                    by.computeIfAbsent(r.length(), x -> new ArrayList<>()).add(r.sequenceAccuracy());
                }
            }
            if (by.isEmpty()) {
                continue;
            }
            int n = by.size();
            double[] len = new double[n];
            double[] mean = new double[n];
            double[] min = new double[n];
            double[] max = new double[n];
            int i = 0;
            for (var en : by.entrySet()) {
                len[i] = en.getKey();
                mean[i] = en.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                min[i] = en.getValue().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
                max[i] = en.getValue().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
                i++;
            }
            out.add(new Curve(k, len, mean, min, max));
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
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    /** The finished runs, in the order they ran. */
    public ObservableList<Result> results() { return resultsView; }
}
