package rnnlab.runs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import rnnlab.training.TrainConfig;
import rnnlab.training.tasks.Task;

/**
 * Runs every point of a {@link Sweep} for every seed, one after the other on the caller's thread
 * (the app calls it on a background thread, the CLI on its own), recording each finished run in a
 * runs folder (when given) and handing it to a listener as it finishes. {@link #cancel} stops the
 * run in progress at its next step; a cancelled run is not recorded.
 */
public final class SweepRunner {
    /** Told after each finished run (on the sweep's thread). */
    public interface Listener {
        void finished(int done, int total, Map<String, Double> point, RunRecord run);

        /** The share of the whole sweep done so far, 0 to 1 (a few times a second at most). */
        default void progress(double share) {
        }
    }

    private final Task task;
    private final List<Map<String, Double>> points = new ArrayList<>();
    private final List<TrainConfig> configs = new ArrayList<>();
    private final RunsFolder folder;
    private final int valEvery;
    private final int patience;
    private volatile boolean cancelled;

    /**
     * The grid's points × {@code seeds} configurations: seed {@code s} of a point trains with the point's
     * seed plus s. Throws IllegalArgumentException when a point cannot be applied (e.g. hidden 2.5).
     */
    public SweepRunner(Task task, TrainConfig base, Sweep sweep, int seeds, RunsFolder folder, int valEvery, int patience) {
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be at least 1, got " + seeds);
        }
        this.task = task;
        this.folder = folder;
        this.valEvery = valEvery;
        this.patience = patience;
        for (Map<String, Double> p : sweep.points()) {
            for (int s = 0; s < seeds; s++) {
                TrainConfig c = Sweep.apply(base, p);
                points.add(p);
                configs.add(c.withSeed(c.seed() + s));
            }
        }
    }

    /** The configurations in the order they run. */
    public List<TrainConfig> configs() {
        return List.copyOf(configs);
    }

    public int total() {
        return configs.size();
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Trains every configuration until done or cancelled; returns the finished runs. */
    public List<RunRecord> run(Listener listener) throws IOException {
        List<RunRecord> done = new ArrayList<>();
        for (int i = 0; i < configs.size() && !cancelled; i++) {
            TrainConfig c = configs.get(i);
            Map<String, Object> settings = RunSettings.of(task.name(), task.length(), c);
            String id = folder == null ? "run-" + (i + 1) : folder.newId(settings);
            int index = i;
            long[] steps = {0, System.nanoTime()};
            RunRecord r = RecordedTraining.run(id, task, c, valEvery, patience, () -> {
                // asked once per step: count the steps for the progress
                steps[0]++;
                long now = System.nanoTime();
                if (now - steps[1] > 200_000_000L) {
                    steps[1] = now;
                    listener.progress((index + Math.min(1.0, (double) steps[0] / Math.max(1, c.steps()))) / configs.size());
                }
                return cancelled;
            });
            if (cancelled) {
                break; // the run was cut short: not recorded
            }
            if (folder != null) {
                folder.write(r);
            }
            done.add(r);
            listener.finished(done.size(), configs.size(), points.get(i), r);
        }
        return done;
    }
}
