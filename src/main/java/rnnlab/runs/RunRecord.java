package rnnlab.runs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run as the runs folder holds it.
 *
 * @param id       the folder name (unique in the runs folder)
 * @param name     a label the user may change (the id until renamed)
 * @param created  ISO-8601 UTC time the run started
 * @param status   {@code running} (or killed while running), {@code done}, {@code stopped} (diverged,
 *                 stopped early or cancelled; {@code problem} says which)
 * @param settings the hyperparameters in a fixed order (task, cell, hidden, …, seed), as text
 * @param results  final figures (final_loss, metric, val_loss, val_metric, best_step, steps, seconds …);
 *                 NaN where a figure does not exist
 * @param problem  why the run stopped, or null
 */
public record RunRecord(String id, String name, String created, String status, Map<String, String> settings,
                        Map<String, Double> results, String problem) {
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String STOPPED = "stopped";

    public RunRecord {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }

    /** A result figure, NaN when absent. */
    public double result(String key) {
        Double v = results.get(key);
        return v == null ? Double.NaN : v;
    }

    /** A setting, "" when absent. */
    public String setting(String key) {
        String v = settings.get(key);
        return v == null ? "" : v;
    }

    public RunRecord withResults(String newStatus, Map<String, Double> newResults, String why) {
        return new RunRecord(id, name, created, newStatus, settings, newResults, why);
    }

    public RunRecord withName(String newName) {
        return new RunRecord(id, newName, created, status, settings, results, problem);
    }
}
