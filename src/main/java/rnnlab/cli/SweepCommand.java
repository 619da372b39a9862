package rnnlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import rnnlab.runs.RunRecord;
import rnnlab.runs.RunsFolder;
import rnnlab.runs.Sweep;
import rnnlab.runs.SweepRunner;
import rnnlab.training.TrainConfig;
import rnnlab.training.tasks.Task;

/**
 * {@code experiment --sweep NAME=V1,V2 [--sweep …]}: trains every point of the grid for every seed,
 * prints one line per run as it finishes (stderr) and a table (stdout), records each run in
 * {@code --runs DIR} and writes the table as CSV to {@code --out}.
 */
final class SweepCommand {
    private final TrainOptions opt;
    private final List<String> specs;
    private final int seeds;
    private final Path runs;
    private final int valEvery;
    private final int patience;
    private final Integer seq;
    private final Path out;

    SweepCommand(TrainOptions opt, List<String> specs, int seeds, Path runs, int valEvery, int patience, Integer seq,
                 Path out) {
        this.opt = opt;
        this.specs = specs;
        this.seeds = seeds;
        this.runs = runs;
        this.valEvery = valEvery;
        this.patience = patience;
        this.seq = seq;
        this.out = out;
    }

    Integer call() throws Exception {
        Sweep sweep = Sweep.parse(specs);
        if (seeds < 1 || valEvery < 0 || patience < 0 || (patience > 0 && valEvery == 0)) {
            throw new IllegalArgumentException("--seeds must be at least 1, --val-every and --early-stop at least 0, "
                    + "and --early-stop needs --val-every");
        }
        if (out != null) {
            rnnlab.io.AtomicFiles.checkWritable(out);
        }
        if (runs != null) {
            Files.createDirectories(runs);
        }
        Task task = opt.task(TrainOptions.length(seq));
        if (opt.seed == null) {
            opt.seed = 1L;
        }
        TrainConfig base = opt.config(task);
        RunsFolder folder = runs == null ? null : new RunsFolder(runs);
        SweepRunner runner = new SweepRunner(task, base, sweep, seeds, folder, valEvery, patience);
        for (TrainConfig c : runner.configs()) {
            TrainOptions.checkMemory(task, c);
        }
        List<Map<String, Double>> points = sweep.points();
        System.err.printf(Locale.ROOT, "%s: sweep of %d runs (%s × %d seeds)%n", task.name(), runner.total(),
                sweep.axes(), seeds);
        List<RunRecord> done = runner.run((i, total, point, r) -> System.err.printf(Locale.ROOT,
                "[%d/%d] %s  %s: %s  val_loss %s  (%.1f s)%n", i, total, describe(point),
                "seed " + (long) r.number("seed"), num(r.number("metric")), num(r.number("val_loss")), r.number("seconds")));
        String csv = RunsFolder.csv(done);
        if (out != null) {
            rnnlab.io.Formats.writeAtomically(out, o -> o.write(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        StringBuilder table = new StringBuilder();
        List<String> names = new ArrayList<>(sweep.axes().keySet());
        for (String n : names) {
            table.append(String.format(Locale.ROOT, "%-13s", n));
        }
        table.append(String.format(Locale.ROOT, "%-6s %-12s %-12s %-12s %s%n", "seed", "metric", "val_loss",
                "val_metric", "best_step"));
        for (int i = 0; i < done.size(); i++) {
            RunRecord r = done.get(i);
            for (String n : names) {
                table.append(String.format(Locale.ROOT, "%-13s", num(points.get(i / seeds).get(n))));
            }
            table.append(String.format(Locale.ROOT, "%-6d %-12s %-12s %-12s %s%n", (long) r.number("seed"),
                    num(r.number("metric")), num(r.number("val_loss")), num(r.number("val_metric")),
                    r.results().get("best_step")));
        }
        System.out.print(table);
        return 0;
    }

    private static String describe(Map<String, Double> p) {
        StringBuilder b = new StringBuilder();
        p.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(num(v)));
        return b.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "-";
    }
}
