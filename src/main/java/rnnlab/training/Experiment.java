package rnnlab.training;

import rnnlab.training.tasks.Task;
import rnnlab.training.tasks.Tasks;

import rnnlab.io.Csv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import rnnlab.engine.CellType;

/**
 * Sweeps sequence length (or lag) × cell type × seeds for one task: trains a fresh model for each
 * combination and records the task's metric, so the classic comparisons come out as a table (e.g. the
 * adding problem at T = 10 … 100 for rnn_tanh, lstm and gru). Runs on the caller's thread; reports
 * progress after each run and can be cancelled from another thread (the current run stops at its next
 * step).
 */
public final class Experiment {
    /** One training run of the sweep. */
    public record Row(String task, CellType cell, int length, long seed, long parameters, Metric metric,
                      long steps, double seconds, String problem) {
    }

    /** Called after every run. */
    public interface Listener {
        void runDone(int done, int total, Row row);
    }

    private final String taskName;
    private final String text;
    private final List<CellType> cells;
    private final List<Integer> lengths;
    private final int seeds;
    private final TrainConfig base;
    private volatile boolean cancelled;

    /**
     * @param base the configuration every run starts from (its cell and seed are replaced per run)
     */
    public Experiment(String taskName, String text, List<CellType> cells, List<Integer> lengths, int seeds,
                      TrainConfig base) {
        if (cells.isEmpty() || lengths.isEmpty() || seeds < 1) {
            throw new IllegalArgumentException("an experiment needs at least one cell, one length and one seed");
        }
        Tasks.create(taskName, lengths.get(0), text, false);
        this.taskName = taskName;
        this.text = text;
        this.cells = List.copyOf(cells);
        this.lengths = List.copyOf(lengths);
        this.seeds = seeds;
        this.base = base;
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public int totalRuns() {
        return cells.size() * lengths.size() * seeds;
    }

    /** Runs every combination (lengths outermost); returns the rows done (fewer if cancelled). */
    public List<Row> run(Listener listener) {
        List<Row> rows = new ArrayList<>();
        int total = totalRuns();
        for (int length : lengths) {
            for (CellType cell : cells) {
                for (int s = 0; s < seeds && !cancelled; s++) {
                    Row row = runOne(cell, length, base.seed() + s);
                    rows.add(row);
                    if (listener != null) {
                        listener.runDone(rows.size(), total, row);
                    }
                }
            }
        }
        return rows;
    }

    private Row runOne(CellType cell, int length, long seed) {
        Task task = Tasks.create(taskName, length, text, false);
        TrainConfig c = base.withCell(cell).withSeed(seed);
        Trainer tr = new Trainer(task, c);
        long t0 = System.nanoTime();
        String problem = null;
        while (tr.steps() < c.steps() && !cancelled) {
            StepResult r = tr.step();
            if (!r.ok()) {
                problem = r.problem();
                break;
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        return new Row(task.name(), cell, length, seed, tr.model().config().parameterCount(), tr.evaluate(),
                tr.steps(), secs, problem);
    }

    /** One line per run. */
    public static String csv(List<Row> rows) {
        return Csv.table(List.of("task", "cell", "length", "seed", "parameters", "metric", "value", "solved", "steps",
                "seconds", "problem"), out -> {
                    for (Row r : rows) {
                        out.row(r.task(), r.cell().id(), r.length(), r.seed(), r.parameters(),
                                r.metric().name().replace(' ', '_'), String.format(Locale.ROOT, "%.6g", r.metric().value()),
                                Double.isNaN(r.metric().solvedBelow()) ? "" : String.valueOf(r.metric().solved()), r.steps(),
                                String.format(Locale.ROOT, "%.2f", r.seconds()), r.problem());
                    }
                });
    }

    /** The mean metric per cell (rows) and length (columns), with parameter counts and seeds solved. */
    public static String table(List<Row> rows) {
        if (rows.isEmpty()) {
            return "(no runs)\n";
        }
        Map<CellType, Map<Integer, List<Row>>> by = new LinkedHashMap<>();
        List<Integer> lens = new ArrayList<>();
        for (Row r : rows) {
            by.computeIfAbsent(r.cell(), k -> new LinkedHashMap<>()).computeIfAbsent(r.length(), k -> new ArrayList<>())
                    .add(r);
            if (!lens.contains(r.length())) {
                lens.add(r.length());
            }
        }
        Metric m0 = rows.get(0).metric();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: mean %s over seeds%s%n", rows.get(0).task(), m0.name(),
                Double.isNaN(m0.solvedBelow()) ? "" : String.format(Locale.ROOT,
                        " [seeds solved, %s < %.3g]", m0.name(), m0.solvedBelow())));
        sb.append(String.format(Locale.ROOT, "%-9s %10s", "cell", "params"));
        for (int l : lens) {
            sb.append(String.format(Locale.ROOT, " %16s", "T=" + l));
        }
        sb.append('\n');
        for (var e : by.entrySet()) {
            List<Row> any = e.getValue().values().iterator().next();
            sb.append(String.format(Locale.ROOT, "%-9s %10d", e.getKey().id(), any.get(0).parameters()));
            for (int l : lens) {
                List<Row> rs = e.getValue().get(l);
                if (rs == null) {
                    sb.append(String.format(Locale.ROOT, " %16s", "-"));
                    continue;
                }
                double sum = 0;
                int solved = 0;
                for (Row r : rs) {
                    sum += r.metric().value();
                    solved += r.metric().solved() ? 1 : 0;
                }
                double mean = sum / rs.size();
                String cell = m0.higherIsBetter() ? String.format(Locale.ROOT, "%.1f%%", 100 * mean)
                        : String.format(Locale.ROOT, "%.4f", mean);
                if (!Double.isNaN(m0.solvedBelow())) {
                    cell += String.format(Locale.ROOT, " [%d/%d]", solved, rs.size());
                }
                sb.append(String.format(Locale.ROOT, " %16s", cell));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
