package rnnlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import rnnlab.engine.CellType;
import rnnlab.training.Experiment;
import rnnlab.training.tasks.Task;
import rnnlab.training.tasks.Tasks;
import rnnlab.training.TrainConfig;

/** {@code experiment}: sweeps lengths × cells × seeds and prints the table of the task's metric. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Train every combination of cell, length and seed; print the metric table (and write CSV).")
final class ExperimentCommand implements Callable<Integer> {
    @Mixin
    TrainOptions opt = new TrainOptions();
    @Option(names = "--cells", defaultValue = "rnn_tanh,lstm,gru", split = ",")
    List<String> cells;
    @Option(names = "--lengths", split = ",", description = "sequence lengths (or lags); required without --sweep")
    List<Integer> lengths;
    @Option(names = "--sweep", description = "a hyperparameter and its values, e.g. dropout=0,0.2,0.5 (repeat for a "
            + "grid: --sweep hidden=32,128); names: dropout, weight_decay, hidden, layers, lr, steps, batch, warmup, seed")
    List<String> sweep;
    @Option(names = "--runs", description = "with --sweep: record every run in this runs folder")
    Path runs;
    @Option(names = "--val-every", defaultValue = "0", description = "with --sweep: validate every N steps (and at the end)")
    int valEvery;
    @Option(names = "--early-stop", defaultValue = "0", description = "with --sweep: patience in validations (0: none)")
    int earlyStop;
    @Option(names = "--seq", description = "with --sweep: the sequence length")
    Integer seq;
    @Option(names = "--seeds", defaultValue = "3", description = "seeds per combination (1, 2, …)")
    int seeds;
    @Option(names = "--out", description = "write one CSV line per run here")
    Path out;

    @Option(names = "--held-out", defaultValue = "200", description = "encoder–decoder tasks: held-out pairs per run")
    int heldOut;

    @Override
    public Integer call() throws Exception {
        if (Seq2SeqCli.handles(opt)) {
            return Seq2SeqCli.experiment(opt, lengths, seeds, out, heldOut);
        }
        if (sweep != null) {
            return new SweepCommand(opt, sweep, seeds, runs, valEvery, earlyStop, seq, out).call();
        }
        if (lengths == null || lengths.isEmpty()) {
            throw new IllegalArgumentException("experiment needs --lengths (or --sweep NAME=V1,V2 for a hyperparameter sweep)");
        }
        if (out != null) {
            rnnlab.io.AtomicFiles.checkWritable(out); // before hours of training, not after
        }
        List<CellType> cs = new ArrayList<>();
        for (String c : cells) {
            cs.add(TrainOptions.cellType(c.trim()));
        }
        opt.checkRanges();
        for (int length : lengths) {
            TrainOptions.length(length);
        }
        Task first = opt.task(lengths.get(0));
        if (opt.seed == null) {
            opt.seed = 1L;
        }
        if (opt.steps == null) {
            opt.steps = first.experimentSteps();
        }
        TrainConfig base = opt.config(first);
        for (int length : lengths.subList(1, lengths.size())) {
            TrainOptions.checkMemory(opt.task(length), base);
        }
        Experiment ex = new Experiment(opt.task, opt.readText(), cs, lengths, seeds, base);
        System.err.printf(Locale.ROOT, "%s: %d runs of %d steps (H=%d, %s lr %.3g, batch %d)%n", first.name(),
                ex.totalRuns(), base.steps(), base.hidden(), base.optimizer(), base.lr(), base.batch());
        List<Experiment.Row> rows = ex.run((done, total, r) -> System.err.printf(Locale.ROOT,
                "[%d/%d] %-8s T=%-4d seed %d: %s  (%.1f s)%s%n", done, total, r.cell().id(), r.length(), r.seed(),
                r.metric().display(), r.seconds(), r.problem() == null ? "" : "  stopped: " + r.problem()));
        if (out != null) {
            String csv = Experiment.csv(rows);
            rnnlab.io.Formats.writeAtomically(out, o -> o.write(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        System.out.print(Experiment.table(rows));
        return 0;
    }
}
