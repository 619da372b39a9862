package rnnlab.runs;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import rnnlab.training.LrSchedule;
import rnnlab.training.Regularisation;
import rnnlab.training.Task;
import rnnlab.training.TrainConfig;

/**
 * Records one training run into a runs folder as it goes: run.json at the start (status running),
 * the curve and run.json again at most every {@link #FLUSH_NANOS} and at the end. Every write is
 * atomic (see {@link RunsFolder}).
 */
public final class RunRecorder {
    /** Rewrites the curve at most this often while training (so a killed run keeps most of its curve). */
    public static final long FLUSH_NANOS = 10_000_000_000L;
    private final RunsFolder folder;
    private RunRecord record;
    private final Curve curve = new Curve();
    private long lastFlush = System.nanoTime();

    private RunRecorder(RunsFolder folder, RunRecord record) {
        this.folder = folder;
        this.record = record;
    }

    /** Starts a run in {@code folder}: creates its sub-folder and run.json. */
    public static RunRecorder start(RunsFolder folder, Map<String, String> settings) throws IOException {
        String label = settings.getOrDefault("task", "run") + "-" + settings.getOrDefault("cell", "") + "-s"
                + settings.getOrDefault("seed", "");
        return new RunRecorder(folder, folder.create(label, settings));
    }

    /** The settings of a run, in the order the runs table shows them. */
    public static Map<String, String> settings(Task task, TrainConfig c, Regularisation reg, LrSchedule schedule,
                                               Integer valEvery, Integer earlyStop) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("task", task.name());
        s.put("seq", String.valueOf(task.length()));
        s.put("cell", c.cell().id());
        s.put("hidden", String.valueOf(c.hidden()));
        s.put("layers", String.valueOf(c.layers()));
        s.put("optimizer", reg.decoupled() ? "adamw" : c.optimizer());
        s.put("lr", fmt(c.lr()));
        s.put("schedule", schedule.describe());
        s.put("dropout", fmt(reg.dropout()));
        s.put("weight_decay", fmt(reg.weightDecay()));
        s.put("clip", c.clipMode().name().toLowerCase(Locale.ROOT) + (c.clip() > 0 ? " " + fmt(c.clip()) : ""));
        s.put("batch", String.valueOf(c.batch()));
        s.put("steps", String.valueOf(c.steps()));
        s.put("seed", String.valueOf(c.seed()));
        s.put("val_every", valEvery == null ? "" : String.valueOf(valEvery));
        s.put("early_stop", earlyStop == null ? "" : String.valueOf(earlyStop));
        return s;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+($|e)", "$1");
    }

    public void train(long step, double loss, double lr) throws IOException {
        curve.train(step, loss, lr);
        if (System.nanoTime() - lastFlush > FLUSH_NANOS) {
            flush();
        }
    }

    public void validation(long step, double loss, double metric) {
        curve.validation(step, loss, metric);
    }

    /** Writes the curve so far. */
    public void flush() throws IOException {
        lastFlush = System.nanoTime();
        folder.saveCurve(record.id(), curve);
    }

    /** Writes the curve and the final figures; {@code problem} null means the run completed. */
    public RunRecord finish(Map<String, Double> results, String problem) throws IOException {
        flush();
        record = record.withResults(problem == null ? RunRecord.DONE : RunRecord.STOPPED, results, problem);
        folder.save(record);
        return record;
    }

    public RunRecord record() {
        return record;
    }

    public Curve curve() {
        return curve;
    }
}
