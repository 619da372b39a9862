package rnnlab.ui.viewmodel.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import rnnlab.i18n.Messages;
import rnnlab.runs.RunRecord;
import rnnlab.runs.RunsFolder;
import rnnlab.runs.Sweep;
import rnnlab.runs.SweepRunner;
import rnnlab.training.TrainConfig;
import rnnlab.training.tasks.Task;
import rnnlab.training.tasks.Tasks;

/**
 * A hyperparameter sweep of the runs window (issue 17): one or two hyperparameters and their values
 * (a grid), a number of seeds and of steps, on top of a base configuration (the training panel's).
 * The form is checked before anything runs: a bad value gives one message naming the field and what
 * it expects. The runs train one after the other on a background thread, with progress and cancel;
 * each finished run is written to the runs folder and handed to {@code onRun} on the FX thread.
 *
 * <p>Call every method on the FX thread.
 */
public final class SweepViewModel {
    /** What the sweep varies around: a task name and the configuration of every other setting. */
    public record Base(String task, TrainConfig config) {
    }

    /** The hyperparameters the form offers, with their ranges (whole: whole numbers only). */
    record Range(double min, double max, boolean whole) {
    }

    static final java.util.Map<String, Range> RANGES = new java.util.LinkedHashMap<>();

    static {
        RANGES.put("dropout", new Range(0, 0.95, false));
        RANGES.put("weight_decay", new Range(0, 1, false));
        RANGES.put("hidden", new Range(1, 512, true));
        RANGES.put("layers", new Range(1, 4, true));
        RANGES.put("lr", new Range(1e-6, 10, false));
        RANGES.put("batch", new Range(1, 256, true));
        RANGES.put("warmup", new Range(0, 100_000, true));
        RANGES.put("seed", new Range(0, 1_000_000_000, true));
    }

    /** The hyperparameters a sweep in the window can vary. */
    public static final List<String> PARAMETERS = List.copyOf(RANGES.keySet());
    /** "No second hyperparameter". */
    public static final String NONE = "";
    public static final int MAX_SEEDS = 20;
    public static final int MAX_STEPS = 100_000;
    /** At most this many runs from the window (the CLI allows more). */
    public static final int MAX_RUNS = 200;

    private final StringProperty first = new SimpleStringProperty(this, "first", "dropout");
    private final StringProperty firstValues = new SimpleStringProperty(this, "firstValues", "0, 0.2, 0.5");
    private final StringProperty second = new SimpleStringProperty(this, "second", NONE);
    private final StringProperty secondValues = new SimpleStringProperty(this, "secondValues", "");
    private final StringProperty seeds = new SimpleStringProperty(this, "seeds", "1");
    private final StringProperty steps = new SimpleStringProperty(this, "steps", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final Supplier<Base> base;
    private final Path folder;
    private final Consumer<RunRecord> onRun;
    private volatile SweepRunner runner;
    private int finished;

    /**
     * @param base  the configuration the sweep varies (read when a sweep starts)
     * @param folder the runs folder every finished run is written to
     * @param onRun told of each finished run, on the FX thread
     */
    public SweepViewModel(Supplier<Base> base, Path folder, Consumer<RunRecord> onRun) {
        this.base = base;
        this.folder = folder;
        this.onRun = onRun;
        try {
            steps.set(String.valueOf(Math.min(base.get().config().steps(), 2000)));
        } catch (RuntimeException e) {
            steps.set("300");
        }
    }

    /** The settings as checked: the sweep's grid, seeds and steps; IllegalArgumentException with the message. */
    Sweep sweep() {
        String a = first.get();
        String b = second.get() == null ? NONE : second.get();
        if (a == null || !RANGES.containsKey(a)) {
            throw new IllegalArgumentException(Messages.format("runs.sweep.error.parameter", fieldLabel("first")));
        }
        if (!b.isEmpty() && !RANGES.containsKey(b)) {
            throw new IllegalArgumentException(Messages.format("runs.sweep.error.parameter", fieldLabel("second")));
        }
        if (a.equals(b)) {
            throw new IllegalArgumentException(Messages.format("runs.sweep.error.same", fieldLabel("second"),
                    parameterLabel(a)));
        }
        List<String> specs = new ArrayList<>();
        specs.add(a + "=" + String.join(",", values(a, firstValues.get())));
        if (!b.isEmpty()) {
            specs.add(b + "=" + String.join(",", values(b, secondValues.get())));
        }
        return Sweep.parse(specs);
    }

    /** The values typed for a hyperparameter, each checked against its range; normalised to plain numbers. */
    static List<String> values(String name, String text) {
        Range r = RANGES.get(name);
        String field = Messages.format("runs.sweep.field.values", parameterLabel(name));
        String expect = Messages.format(r.whole ? "runs.sweep.expect.whole" : "runs.sweep.expect.number",
                num(r.min), num(r.max));
        List<String> out = new ArrayList<>();
        for (String part : (text == null ? "" : text).trim().split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            double v;
            try {
                v = Double.parseDouble(part);
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            if (!(v >= r.min && v <= r.max) || (r.whole && v != Math.rint(v))) {
                throw new IllegalArgumentException(Messages.format("runs.sweep.error.value", field, part, expect));
            }
            String s = num(v);
            if (out.contains(s)) {
                throw new IllegalArgumentException(Messages.format("runs.sweep.error.repeat", field, part));
            }
            out.add(s);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(Messages.format("runs.sweep.error.empty", field, expect));
        }
        if (out.size() > 20) {
            throw new IllegalArgumentException(Messages.format("runs.sweep.error.many", field, 20));
        }
        return out;
    }

    private static int whole(String field, String text, int min, int max) {
        int v;
        try {
            v = Integer.parseInt(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            v = Integer.MIN_VALUE;
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(Messages.format("runs.sweep.error.value", Messages.get(field),
                    text == null ? "" : text.trim(), Messages.format("runs.sweep.expect.whole", min, max)));
        }
        return v;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    /** A hyperparameter's name as the table's column shows it. */
    public static String parameterLabel(String key) {
        return key == null || key.isEmpty() ? Messages.get("runs.sweep.none") : Messages.get("runs.col." + key);
    }

    private static String fieldLabel(String which) {
        return Messages.get("runs.sweep." + which);
    }

    /** Checks the form and starts the sweep; a bad field sets {@link #errorProperty()} and nothing runs. */
    public void start() {
        if (running.get()) {
            return;
        }
        SweepRunner r;
        Base b;
        try {
            Sweep sw = sweep();
            int nSeeds = whole("runs.sweep.seeds", seeds.get(), 1, MAX_SEEDS);
            int nSteps = whole("runs.sweep.steps", steps.get(), 1, MAX_STEPS);
            int total = sw.points().size() * nSeeds;
            if (total > MAX_RUNS) {
                throw new IllegalArgumentException(Messages.format("runs.sweep.error.total", total, MAX_RUNS));
            }
            try {
                b = base.get();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(Messages.format("runs.sweep.error.base", String.valueOf(e.getMessage())));
            }
            Task task = Tasks.create(b.task(), 0);
            TrainConfig cfg = b.config().withSteps(nSteps);
            if (cfg.schedule().warmup() > nSteps && !sw.axes().containsKey("warmup")) {
                cfg = cfg.withSchedule(new rnnlab.training.optim.LrSchedule(cfg.schedule().kind(), 0,
                        cfg.schedule().stepSize(), cfg.schedule().gamma(), cfg.schedule().minLr()));
            }
            int valEvery = Math.max(1, nSteps / 20);
            r = new SweepRunner(task, cfg, sw, nSeeds, new RunsFolder(folder), valEvery, 0);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return;
        }
        error.set(null);
        progress.set(0);
        finished = 0;
        running.set(true);
        runner = r;
        status.set(Messages.format("runs.sweep.status.running", 0, r.total()));
        SweepRunner run = r;
        Thread th = new Thread(() -> {
            String failure = null;
            try {
                Files.createDirectories(folder);
                run.run(new SweepRunner.Listener() {
                    @Override
                    public void finished(int done, int total, java.util.Map<String, Double> point, RunRecord rec) {
                        Platform.runLater(() -> {
                            finished = done;
                            progress.set((double) done / total);
                            status.set(Messages.format("runs.sweep.status.running", done, total));
                            onRun.accept(rec);
                        });
                    }

                    @Override
                    public void progress(double share) {
                        Platform.runLater(() -> progress.set(Math.max(progress.get(), share)));
                    }
                });
            } catch (java.io.IOException | RuntimeException e) {
                failure = folder + ": " + e.getMessage();
            }
            String f = failure;
            Platform.runLater(() -> ended(run, f));
        }, "rnnlab-sweep");
        th.setDaemon(true);
        th.start();
    }

    public void cancel() {
        SweepRunner r = runner;
        if (r != null) {
            r.cancel();
            status.set(Messages.get("runs.sweep.status.cancelling"));
        }
    }

    private void ended(SweepRunner r, String failure) {
        running.set(false);
        runner = null;
        if (failure != null) {
            error.set(Messages.format("runs.sweep.error.failed", failure));
        }
        status.set(r.isCancelled() ? Messages.format("runs.sweep.status.cancelled", finished, r.total())
                : Messages.format("runs.sweep.status.done", finished));
        if (!r.isCancelled() && failure == null) {
            progress.set(1);
        }
    }

    public StringProperty firstProperty() { return first; }
    public StringProperty firstValuesProperty() { return firstValues; }
    public StringProperty secondProperty() { return second; }
    public StringProperty secondValuesProperty() { return secondValues; }
    public StringProperty seedsProperty() { return seeds; }
    public StringProperty stepsProperty() { return steps; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    /** The base of a sweep when nothing else is given: the task's default configuration. */
    public static Base defaults(String task) {
        return new Base(task, Tasks.create(task, 0).defaults());
    }
}
