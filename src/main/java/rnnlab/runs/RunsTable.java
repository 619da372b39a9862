package rnnlab.runs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the runs window computes from a list of runs, headless: the group a run belongs to when the
 * runs are grouped by a hyperparameter, the groups in order (numbers ascending, then text), and the
 * points of a scatter of a result against a hyperparameter.
 */
public final class RunsTable {
    /** The numeric hyperparameters a scatter can put on its x axis. */
    public static final List<String> NUMERIC_SETTINGS = List.of("dropout", "weight_decay", "hidden", "layers", "lr",
            "steps", "batch", "warmup", "seed", "seq", "clip", "val_every", "early_stop");
    /** The results a scatter can put on its y axis. */
    public static final List<String> RESULTS = List.of("val_loss", "val_metric", "best_val_metric", "final_loss",
            "metric", "best_step", "seconds");

    /** One point of a scatter: a run, its x and y, and its group's label ("" when not grouped). */
    public record ScatterPoint(String id, double x, double y, String group) {
    }

    private RunsTable() {
    }

    /** A setting or result as the table shows it: whole numbers without decimals, others to 4 digits. */
    public static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                return "";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return String.valueOf((long) d);
            }
            String t = String.format(Locale.ROOT, "%.4g", d);
            if (t.contains(".") && !t.contains("e")) {
                t = t.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return t;
        }
        return String.valueOf(v);
    }

    /** The value of {@code key} (a setting, else a result) of a run, null when absent. */
    public static Object value(RunRecord r, String key) {
        return r.settings().containsKey(key) ? r.settings().get(key) : r.results().get(key);
    }

    /** The label of the group a run falls in when grouped by {@code key} ("" when key is null). */
    public static String group(RunRecord r, String key) {
        return key == null ? "" : format(value(r, key));
    }

    /** The distinct groups of the runs: numbers ascending first, then the rest alphabetically. */
    public static List<String> groups(List<RunRecord> runs, String key) {
        Map<String, Double> seen = new LinkedHashMap<>();
        for (RunRecord r : runs) {
            Object v = key == null ? null : value(r, key);
            seen.putIfAbsent(group(r, key), v instanceof Number n ? n.doubleValue() : Double.NaN);
        }
        List<String> out = new ArrayList<>(seen.keySet());
        out.sort(Comparator.<String, Boolean>comparing(g -> Double.isNaN(seen.get(g)))
                .thenComparing(g -> Double.isNaN(seen.get(g)) ? 0 : seen.get(g))
                .thenComparing(Comparator.naturalOrder()));
        return out;
    }

    /** Orders two runs by their group when grouped by {@code key} (the order of {@link #groups}). */
    public static Comparator<RunRecord> byGroup(List<RunRecord> runs, String key) {
        List<String> order = groups(runs, key);
        return Comparator.comparingInt(r -> order.indexOf(group(r, key)));
    }

    /**
     * The scatter of result {@code y} against hyperparameter {@code x}: one point per run where both are
     * finite numbers, labelled with its group under {@code groupKey} (null: not grouped).
     */
    public static List<ScatterPoint> scatter(List<RunRecord> runs, String x, String y, String groupKey) {
        List<ScatterPoint> out = new ArrayList<>();
        for (RunRecord r : runs) {
            double xv = number(value(r, x));
            double yv = number(value(r, y));
            if (Double.isFinite(xv) && Double.isFinite(yv)) {
                out.add(new ScatterPoint(r.id(), xv, yv, group(r, groupKey)));
            }
        }
        return out;
    }

    private static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : v instanceof Boolean b ? (b ? 1 : 0) : Double.NaN;
    }
}
