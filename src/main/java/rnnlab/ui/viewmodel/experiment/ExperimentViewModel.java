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
public final class ExperimentViewModel extends BackgroundRuns<Experiment.Row, ExperimentViewModel.Result> {
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
    private final ReadOnlyStringWrapper metricName = new ReadOnlyStringWrapper(this, "metricName", "");
    private final ReadOnlyDoubleWrapper solvedBelow = new ReadOnlyDoubleWrapper(this, "solvedBelow", Double.NaN);
    private final ReadOnlyBooleanWrapper higherIsBetter = new ReadOnlyBooleanWrapper(this, "higherIsBetter");
    private final ReadOnlyStringWrapper teaches = new ReadOnlyStringWrapper(this, "teaches", "");

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

    @Override
    protected Job<Experiment.Row> job() {
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
        Experiment e = new Experiment(task.get(), null, cs, parseLengths(lengths.get()), Math.max(1, seeds.get()), base);
        return new Job<>() {
            @Override
            public void run(Sink<Experiment.Row> sink) {
                e.run(sink::done);
            }

            @Override
            public void cancel() {
                e.cancel();
            }

            @Override
            public boolean cancelled() {
                return e.isCancelled();
            }

            @Override
            public int totalRuns() {
                return e.totalRuns();
            }
        };
    }

    @Override
    protected void clear() {
        metricName.set("");
        solvedBelow.set(Double.NaN);
    }

    @Override
    protected Result result(Experiment.Row row) {
        metricName.set(MetricText.name(row.metric()));
        solvedBelow.set(row.metric().solvedBelow());
        higherIsBetter.set(row.metric().higherIsBetter());
        return new Result(row.cell().id(), row.length(), row.seed(), row.parameters(), row.metric().value(),
                row.problem(), row.metric().solved());
    }

    @Override
    protected String csv(List<Experiment.Row> rows) {
        return Experiment.csv(rows);
    }

    /** The results per cell type (in the order of {@link RunViewModel#CELL_TYPES}), lengths ascending. */
    public List<Curve> curves() {
        List<Curve> out = new ArrayList<>();
        for (String c : RunViewModel.CELL_TYPES) {
            java.util.TreeMap<Integer, List<Double>> by = new java.util.TreeMap<>();
            Map<Integer, Integer> solvedBy = new java.util.HashMap<>();
            long params = 0;
            for (Result r : results()) {
                if (r.cell().equals(c)) {
                    by.computeIfAbsent(r.length(), k -> new ArrayList<>()).add(r.value());
                    solvedBy.merge(r.length(), r.solved() ? 1 : 0, Integer::sum);
                    params = r.parameters();
                }
            }
            if (by.isEmpty()) {
                continue;
            }
            Spread sp = Spread.of(by);
            int[] solved = new int[sp.lengths().length];
            for (int i = 0; i < solved.length; i++) {
                solved[i] = solvedBy.getOrDefault((int) sp.lengths()[i], 0);
            }
            out.add(new Curve(c, params, sp.lengths(), sp.mean(), sp.min(), sp.max(), solved, sp.runs()));
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
    public ReadOnlyStringProperty metricNameProperty() { return metricName.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty solvedBelowProperty() { return solvedBelow.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty higherIsBetterProperty() { return higherIsBetter.getReadOnlyProperty(); }
    public ReadOnlyStringProperty teachesProperty() { return teaches.getReadOnlyProperty(); }
}
