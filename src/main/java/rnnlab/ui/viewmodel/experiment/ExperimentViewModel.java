package rnnlab.ui.viewmodel.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.*;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import rnnlab.engine.CellType;
import rnnlab.training.Experiment;
import rnnlab.training.LengthExperiment;
import rnnlab.training.tasks.Task;
import rnnlab.training.tasks.Tasks;
import rnnlab.training.TrainConfig;
import rnnlab.i18n.Messages;
import rnnlab.ui.viewmodel.MetricText;
import rnnlab.ui.viewmodel.RunViewModel;

/**
 * The length sweep of the experiment view: a task (the adding problem by default) trained for every
 * sequence length × cell type × seed on a background thread, with progress and cancel. Results arrive
 * on the FX thread one run at a time; {@link #curves()} summarises them per cell type (mean, min and
 * max over seeds at each length) for the plot, and {@link #exportCsv} writes every run.
 *
 * <p>Call every method on the FX thread.
 */
public final class ExperimentViewModel {
    /** One finished run, in plain values for the views. */
    public record Result(String cell, int length, long seed, long parameters, double value, String problem,
                         boolean solved) {
    }

    /**
     * The metric against length for one cell type: mean, min and max over the seeds, and per length how
     * many seeds solved the task out of how many ran ({@code solved} is all zero when the task has no
     * "solved" threshold).
     */
    public record Curve(String cell, long parameters, double[] lengths, double[] mean, double[] min, double[] max,
                        int[] solved, int[] runs) {
    }

    public static final List<String> SWEEP_CELLS = List.of("rnn_tanh", "lstm", "gru");

    private final StringProperty task = new SimpleStringProperty(this, "task", "adding");
    private final Map<String, BooleanProperty> cells = new LinkedHashMap<>();
    private final StringProperty lengths = new SimpleStringProperty(this, "lengths",
            String.join(", ", LengthExperiment.LENGTHS.stream().map(String::valueOf).toList()));
    private final IntegerProperty seeds = new SimpleIntegerProperty(this, "seeds", LengthExperiment.SEEDS);
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", 300);
    private final IntegerProperty hidden = new SimpleIntegerProperty(this, "hidden", 32);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper metricName = new ReadOnlyStringWrapper(this, "metricName", "");
    private final ReadOnlyDoubleWrapper solvedBelow = new ReadOnlyDoubleWrapper(this, "solvedBelow", Double.NaN);
    private final ReadOnlyBooleanWrapper higherIsBetter = new ReadOnlyBooleanWrapper(this, "higherIsBetter");
    private final ReadOnlyStringWrapper teaches = new ReadOnlyStringWrapper(this, "teaches", "");
    private final ObservableList<Result> results = FXCollections.observableArrayList();
    private final ObservableList<Result> resultsView = FXCollections.unmodifiableObservableList(results);
    private final List<Experiment.Row> rows = new ArrayList<>();
    private volatile Experiment experiment;

    public ExperimentViewModel() {
        for (String c : RunViewModel.CELL_TYPES) {
            cells.put(c, new SimpleBooleanProperty(this, c, SWEEP_CELLS.contains(c)));
        }
        task.addListener((o, a, t) -> applyTaskDefaults());
        applyTaskDefaults();
    }

    private void applyTaskDefaults() {
        Task t = Tasks.create(task.get(), 0);
        hidden.set(t.defaults().hidden());
        steps.set(t.windowSteps());
        teaches.set(MetricText.teaches(t));
    }

    /** "10, 20, 50" → [10, 20, 50]; an IllegalArgumentException with a readable message otherwise. */
    static List<Integer> parseLengths(String text) {
        return parseLengths(text, 2, 1000, "experiment.error.length");
    }

    /**
     * A list of sequence lengths typed in a field ("10, 20 50"): sorted, without repeats, each from
     * {@code min} to {@code max}; otherwise an IllegalArgumentException whose message is
     * {@code messageKey} formatted with the offending part (also the bottleneck experiment's lengths).
     */
    public static List<Integer> parseLengths(String text, int min, int max, String messageKey) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.trim().split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            int v;
            try {
                v = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(Messages.format(messageKey, part));
            }
            if (v < min || v > max) {
                throw new IllegalArgumentException(Messages.format(messageKey, part));
            }
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(Messages.format(messageKey, text));
        }
        out.sort(null);
        return out;
    }

    public void start() {
        if (running.get()) {
            return;
        }
        Experiment e;
        try {
            List<CellType> cs = new ArrayList<>();
            cells.forEach((id, on) -> {
                if (on.get()) {
                    cs.add(CellType.fromId(id));
                }
            });
            if (cs.isEmpty()) {
                throw new IllegalArgumentException(Messages.get("experiment.error.cells"));
            }
            TrainConfig base = LengthExperiment.base(task.get()).withSteps(Math.max(1, steps.get()))
                    .withHidden(Math.max(1, hidden.get()));
            e = new Experiment(task.get(), null, cs, parseLengths(lengths.get()), Math.max(1, seeds.get()), base);
        } catch (IllegalArgumentException ex) {
            error.set(ex.getMessage());
            return;
        }
        error.set(null);
        results.clear();
        rows.clear();
        metricName.set("");
        solvedBelow.set(Double.NaN);
        progress.set(0);
        running.set(true);
        experiment = e;
        int total = e.totalRuns();
        status.set(Messages.format("experiment.status.running", 0, total));
        Thread th = new Thread(() -> {
            try {
                e.run((done, all, row) -> Platform.runLater(() -> add(row, done, all)));
                Platform.runLater(() -> ended(e.isCancelled(), null));
            } catch (RuntimeException ex) {
                Platform.runLater(() -> ended(true, ex.toString()));
            }
        }, "rnnlab-experiment");
        th.setDaemon(true);
        th.start();
    }

    public void cancel() {
        Experiment e = experiment;
        if (e != null) {
            e.cancel();
        }
    }

    private void add(Experiment.Row row, int done, int total) {
        rows.add(row);
        metricName.set(MetricText.name(row.metric()));
        solvedBelow.set(row.metric().solvedBelow());
        higherIsBetter.set(row.metric().higherIsBetter());
        results.add(new Result(row.cell().id(), row.length(), row.seed(), row.parameters(), row.metric().value(),
                row.problem(), row.metric().solved()));
        progress.set((double) done / total);
        status.set(Messages.format("experiment.status.running", done, total));
    }

    private void ended(boolean cancelled, String failure) {
        running.set(false);
        experiment = null;
        if (failure != null) {
            error.set(Messages.format("experiment.error.failed", failure));
        }
        status.set(Messages.format(cancelled ? "experiment.status.cancelled" : "experiment.status.done", results.size()));
    }

    /** Every run as CSV (header + one line per run). */
    public String csv() {
        return Experiment.csv(rows);
    }

    /** Writes the CSV atomically (a temporary file beside it, then moved into place). */
    public void exportCsv(Path file) {
        try {
            String text = csv();
            rnnlab.io.Formats.writeAtomically(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
            status.set(Messages.format("experiment.status.exported", rows.size(), file.getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            error.set(Messages.format("error.io", String.valueOf(e.getMessage())));
        }
    }

    /** The results per cell type (in the order of {@link RunViewModel#CELL_TYPES}), lengths ascending. */
    public List<Curve> curves() {
        List<Curve> out = new ArrayList<>();
        for (String c : RunViewModel.CELL_TYPES) {
            Map<Integer, List<Double>> by = new java.util.TreeMap<>();
            Map<Integer, Integer> solvedBy = new java.util.HashMap<>();
            long params = 0;
            for (Result r : results) {
                if (r.cell().equals(c)) {
                    by.computeIfAbsent(r.length(), k -> new ArrayList<>()).add(r.value());
                    solvedBy.merge(r.length(), r.solved() ? 1 : 0, Integer::sum);
                    params = r.parameters();
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
            int[] solved = new int[n];
            int[] runs = new int[n];
            int i = 0;
            for (var e : by.entrySet()) {
                len[i] = e.getKey();
                mean[i] = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                min[i] = e.getValue().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
                max[i] = e.getValue().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
                solved[i] = solvedBy.getOrDefault(e.getKey(), 0);
                runs[i] = e.getValue().size();
                i++;
            }
            out.add(new Curve(c, params, len, mean, min, max, solved, runs));
        }
        return out;
    }

    public StringProperty taskProperty() { return task; }
    /** Whether a cell type (by id) takes part. */
    public BooleanProperty cellProperty(String id) { return cells.get(id); }
    public StringProperty lengthsProperty() { return lengths; }
    public IntegerProperty seedsProperty() { return seeds; }
    public IntegerProperty stepsProperty() { return steps; }
    public IntegerProperty hiddenProperty() { return hidden; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyStringProperty metricNameProperty() { return metricName.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty solvedBelowProperty() { return solvedBelow.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty higherIsBetterProperty() { return higherIsBetter.getReadOnlyProperty(); }
    public ReadOnlyStringProperty teachesProperty() { return teaches.getReadOnlyProperty(); }
    public ObservableList<Result> results() { return resultsView; }
}
