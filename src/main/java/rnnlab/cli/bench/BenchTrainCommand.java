package rnnlab.cli.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import rnnlab.engine.CellType;
import rnnlab.training.tasks.CharLmTask;
import rnnlab.training.optim.Clipper;
import rnnlab.training.optim.Regularisation;
import rnnlab.training.TrainConfig;
import rnnlab.training.Trainer;

/**
 * {@code bench-train}: char-LM training throughput measured the way
 * {@code /work/shared/bench/torch_train_bench.py} measures PyTorch (one-hot input, vocab 65, softmax +
 * cross-entropy summed over the window, full BPTT over the window, Adam lr 2e-3, batch 1, state carried;
 * rounds over a shuffled order of configurations; one timed block of ≥ min-time per config and round
 * after a short warm-up; the median over rounds is reported).
 */
@Command(name = "bench-train", mixinStandardHelpOptions = true,
        description = "Char-LM training throughput (windows/s), comparable with torch_train_bench.py.")
public final class BenchTrainCommand implements Callable<Integer> {
    @Option(names = "--text", defaultValue = "/usr/share/common-licenses/GPL-3")
    Path text;
    @Option(names = "--cells", defaultValue = "lstm,gru", split = ",")
    List<String> cells;
    @Option(names = "--H", defaultValue = "32,128,512", split = ",")
    List<Integer> hs;
    @Option(names = "--T", defaultValue = "25", split = ",")
    List<Integer> ts;
    @Option(names = "--rounds", defaultValue = "3")
    int rounds;
    @Option(names = "--min-time", defaultValue = "0.4")
    double minTime;
    @Option(names = "--warm-time", defaultValue = "0.15")
    double warmTime;
    @Option(names = "--input", defaultValue = "onehot")
    String input;
    @Option(names = "--clock", defaultValue = "wall",
            description = "wall (as the PyTorch script) or cpu (this thread's CPU time: steadier on a busy machine)")
    String clock;
    @Option(names = "--dropout", defaultValue = "0",
            description = "with --dropout or --weight-decay, every configuration is also run plain, side by side")
    double dropout;
    @Option(names = "--weight-decay", defaultValue = "0", description = "L2 weight decay λ (see --dropout)")
    double weightDecay;
    private final java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();

    private long now() {
        return "cpu".equals(clock) ? mx.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** One benchmarked configuration; {@code remedies}: with the --dropout / --weight-decay given. */
    record Config(CellType cell, int h, int t, boolean remedies) {
    }

    @Override
    public Integer call() throws Exception {
        String txt = CharLmTask.readText(text);
        List<Config> configs = new ArrayList<>();
        for (String c : cells) {
            for (int h : hs) {
                for (int t : ts) {
                    configs.add(new Config(rnnlab.cli.TrainOptions.cellType(c.trim()), h, t, false));
                    if (dropout > 0 || weightDecay > 0) {
                        configs.add(new Config(rnnlab.cli.TrainOptions.cellType(c.trim()), h, t, true));
                    }
                }
            }
        }
        Map<Config, Trainer> trainers = new HashMap<>();
        Map<Config, List<Double>> rates = new HashMap<>();
        Random order = new Random(0);
        boolean emb = "embedding".equals(input);
        System.err.printf(Locale.ROOT, "# rnnlab java %s text=%s input=%s float64 batch 1%n",
                System.getProperty("java.version"), text, input);
        for (int r = 0; r < rounds; r++) {
            List<Config> o = new ArrayList<>(configs);
            Collections.shuffle(o, order);
            for (Config c : o) {
                Trainer tr = trainers.computeIfAbsent(c, k -> new Trainer(new CharLmTask(txt, k.t(), emb),
                        new TrainConfig(k.cell(), k.h(), 1, Integer.MAX_VALUE, "adam", 2e-3, Clipper.Mode.NONE, 0, 1,
                                0, null).withRegularisation(k.remedies()
                                ? new Regularisation(dropout, dropout > 0, weightDecay, false) : null)));
                double rate = timedBlock(tr);
                rates.computeIfAbsent(c, k -> new ArrayList<>()).add(rate);
                System.err.printf(Locale.ROOT, "round %d %-8s H=%4d T=%4d %s %9.1f win/s%n", r, c.cell().id(), c.h(),
                        c.t(), label(c), rate);
            }
        }
        Map<Config, Double> medians = new HashMap<>();
        for (Config c : configs) {
            List<Double> v = new ArrayList<>(rates.get(c));
            Collections.sort(v);
            double med = v.size() % 2 == 1 ? v.get(v.size() / 2) : (v.get(v.size() / 2 - 1) + v.get(v.size() / 2)) / 2;
            medians.put(c, med);
            String cost = "";
            if (c.remedies()) {
                double plain = medians.get(new Config(c.cell(), c.h(), c.t(), false));
                cost = String.format(Locale.ROOT, "  throughput %+.1f %% against plain", 100 * (med / plain - 1));
            }
            System.out.printf(Locale.ROOT, "rnnlab     %-8s H=%4d T=%4d float64  thr=1 %s median %9.1f win/s  max %9.1f  "
                    + "(%9.0f tok/s)  n=%d%s%n", c.cell().id(), c.h(), c.t(), label(c), med, v.get(v.size() - 1),
                    med * c.t(), v.size(), cost);
        }
        return 0;
    }

    /** "plain", or the remedies of the configuration, e.g. "dropout=0.3 wd=0.0001". */
    private String label(Config c) {
        if (!c.remedies()) {
            return dropout > 0 || weightDecay > 0 ? "plain" : "";
        }
        return String.format(Locale.ROOT, "dropout=%.2g wd=%.2g", dropout, weightDecay);
    }

    private double timedBlock(Trainer tr) {
        long t0 = now();
        int k = 0;
        while (k < 1 || now() - t0 < warmTime * 1e9) {
            check(tr);
            k++;
        }
        double per = (now() - t0) / 1e9 / k;
        int inner = Math.max(1, (int) (minTime / per + 0.5));
        t0 = now();
        for (int i = 0; i < inner; i++) {
            check(tr);
        }
        return inner / ((now() - t0) / 1e9);
    }

    private static void check(Trainer tr) {
        var r = tr.step();
        if (!r.ok()) {
            throw new IllegalStateException(r.problem());
        }
    }
}
