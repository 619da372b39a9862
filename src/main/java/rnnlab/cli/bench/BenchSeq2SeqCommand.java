package rnnlab.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import rnnlab.engine.AttentionKind;
import rnnlab.engine.CellType;
import rnnlab.training.seq2seq.Seq2SeqTask;
import rnnlab.training.seq2seq.Seq2SeqTasks;
import rnnlab.training.seq2seq.Seq2SeqTrainer;

/**
 * {@code bench-seq2seq}: encoder–decoder training speed (pairs per second, float64, batch 1, Adam, clip 5)
 * of RNN Lab and of the reference PyTorch module ({@code src/main/python/bench_seq2seq.py}) in one run,
 * side by side. Without Python or PyTorch, the PyTorch line says why it is missing.
 */
@Command(name = "bench-seq2seq", mixinStandardHelpOptions = true,
        description = "Seq2seq training speed of RNN Lab and of the same model in PyTorch, side by side.")
public final class BenchSeq2SeqCommand implements Callable<Integer> {
    @Option(names = "--cell", defaultValue = "gru")
    String cell;
    @Option(names = "--attention", defaultValue = "none,additive", split = ",")
    List<String> attention;
    @Option(names = "--length", defaultValue = "8", description = "input length of the reverse task")
    int length;
    @Option(names = "--hidden", defaultValue = "32")
    int hidden;
    @Option(names = "--rounds", defaultValue = "3")
    int rounds;
    @Option(names = "--seconds", defaultValue = "1.0", description = "seconds per round")
    double seconds;
    @Option(names = "--python", defaultValue = "/usr/bin/python3")
    String python;
    @Option(names = "--script", defaultValue = "src/main/python/bench_seq2seq.py")
    Path script;

    @Override
    public Integer call() throws Exception {
        CellType c = rnnlab.cli.TrainOptions.cellType(cell);
        rnnlab.cli.TrainOptions.range("--length", length, 1, 100);
        rnnlab.cli.TrainOptions.range("--hidden", hidden, 1, 1024);
        rnnlab.cli.TrainOptions.range("--rounds", rounds, 1, 100);
        List<AttentionKind> kinds = rnnlab.cli.Seq2SeqCli.attentions(String.join(",", attention));
        System.out.printf(Locale.ROOT, "# seq2seq training, reverse T=%d, %s encoder and decoder, H=%d, E=16, float64, "
                + "batch 1, Adam, clip 5 (pairs per second: median, max of %d rounds)%n", length, c.id(), hidden, rounds);
        for (AttentionKind a : kinds) {
            double[] j = java(c, a);
            System.out.printf(Locale.ROOT, "rnnlab   %-4s %-9s T=%d H=%d  pairs/s %8.1f  max %8.1f%n", c.id(), a.id(),
                    length, hidden, j[0], j[1]);
            System.out.println(pytorch(c, a));
        }
        return 0;
    }

    double[] java(CellType c, AttentionKind a) {
        Seq2SeqTask task = Seq2SeqTasks.create("s2s-reverse", length);
        Seq2SeqTrainer tr = new Seq2SeqTrainer(task, new Seq2SeqTrainer.Settings(c, 16, hidden, 1, false, a,
                Integer.MAX_VALUE, 1, "adam", 0.01, 5.0, 1));
        long warm = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < warm) {
            tr.step();
        }
        List<Double> rates = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            int n = 0;
            while (System.nanoTime() - t0 < seconds * 1e9) {
                tr.step();
                n++;
            }
            rates.add(n / ((System.nanoTime() - t0) / 1e9));
        }
        List<Double> sorted = rates.stream().sorted().toList();
        return new double[] {sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1)};
    }

    String pytorch(CellType c, AttentionKind a) {
        if (!Files.isRegularFile(script)) {
            return "pytorch  not run: " + script + " not found (run from the project folder or give --script)";
        }
        String torchCell = switch (c) {
            case RNN_TANH, RNN_RELU -> "rnn";
            case LSTM -> "lstm";
            case GRU -> "gru";
        };
        if (c == CellType.RNN_RELU) {
            return "pytorch  not run: the reference module's plain RNN is tanh";
        }
        try {
            Process p = new ProcessBuilder(python, script.toString(), "--cell", torchCell, "--attention", a.id(),
                    "--length", String.valueOf(length), "--hidden", String.valueOf(hidden), "--rounds",
                    String.valueOf(rounds), "--seconds", String.valueOf(seconds)).redirectErrorStream(true).start();
            if (!p.waitFor((long) (60 + rounds * seconds * 4), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "pytorch  not run: the script took too long";
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String last = out.isEmpty() ? "" : out.substring(out.lastIndexOf('\n') + 1);
            if (p.exitValue() != 0 || !last.startsWith("pytorch ")) {
                return "pytorch  not run: " + python + " failed (is PyTorch installed?): "
                        + (last.length() > 200 ? last.substring(0, 200) : last);
            }
            String[] f = last.split("\\s+"); // pytorch cell att T= H= pairs/s median max torch v threads n
            return String.format(Locale.ROOT, "pytorch  %-4s %-9s T=%d H=%d  pairs/s %8.1f  max %8.1f  (torch %s)",
                    c.id(), a.id(), length, hidden, Double.parseDouble(f[6]), Double.parseDouble(f[7]), f[9]);
        } catch (IOException e) {
            return "pytorch  not run: cannot start " + python + " (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "pytorch  not run: interrupted";
        }
    }
}
