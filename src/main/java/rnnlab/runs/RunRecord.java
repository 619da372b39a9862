package rnnlab.runs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A finished training run as stored in a runs folder: its id (the folder's name), its settings (task,
 * cell, sizes, optimiser, remedies, seed …), its final figures (losses, metric, validation, best step,
 * seconds) and its curve. Settings and results hold strings, numbers and booleans only.
 */
public record RunRecord(String id, Map<String, Object> settings, Map<String, Object> results, List<CurvePoint> curve) {
    public RunRecord {
        Objects.requireNonNull(id, "id");
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        results = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
        curve = List.copyOf(curve);
    }

    /** A setting or result as a number (NaN when absent or not a number). */
    public double number(String key) {
        Object v = settings.containsKey(key) ? settings.get(key) : results.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** The same run under another id (a rename). */
    public RunRecord withId(String newId) {
        return new RunRecord(newId, settings, results, curve);
    }
}
