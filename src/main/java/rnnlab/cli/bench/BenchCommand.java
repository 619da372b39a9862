package rnnlab.cli.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import rnnlab.engine.CellType;

/** {@code bench}: how long one training window takes, and how much it allocates. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times one training window of the engine (forward pass + BPTT).",
            "",
            "A window is the forward pass and BPTT over --steps one-hot tokens (vocabulary --vocab) with a "
                + "softmax head and cross-entropy at every step, on random seeded weights. After a warm-up, "
                + "prints the mean and median time per window in microseconds and the bytes the measuring "
                + "thread allocated per window (0 means the engine reuses its workspaces)."},
        footer = {"", "Example:", "  java -jar rnnlab.jar bench --cell gru --hidden 64 --windows 5000"})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--cell", paramLabel = "CELL", defaultValue = "lstm",
            description = "rnn_tanh, rnn_relu, lstm or gru (default: ${DEFAULT-VALUE})")
    String cell;

    @Option(names = "--hidden", paramLabel = "H", defaultValue = "128", description = "hidden size (default: ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--steps", paramLabel = "T", defaultValue = "25", description = "time steps per window (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--vocab", paramLabel = "V", defaultValue = "65", description = "one-hot vocabulary size (default: ${DEFAULT-VALUE})")
    int vocab;

    @Option(names = "--windows", paramLabel = "N", defaultValue = "2000", description = "measured windows (default: ${DEFAULT-VALUE})")
    int windows;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1000",
            description = "windows run first, unmeasured, so the JIT compiles the engine (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "seed for weights and tokens (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        CellType type = CellType.fromId(cell);
        if (type == null) {
            throw new ParameterException(spec.commandLine(),
                    "--cell: unknown cell \"" + cell + "\"; expected rnn_tanh, rnn_relu, lstm or gru");
        }
        positive("--hidden", hidden, rnnlab.io.Limits.MAX_HIDDEN);
        positive("--steps", steps, rnnlab.io.Limits.MAX_STEPS);
        positive("--vocab", vocab, 100_000);
        positive("--windows", windows, Integer.MAX_VALUE);
        if (warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--warmup must not be negative, found " + warmup);
        }
        BenchWindow w = new BenchWindow(type, hidden, steps, vocab, seed);
        double sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += w.runOnce();
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long[] nanos = new long[windows];
        long bytes0 = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < windows; i++) {
            long t0 = System.nanoTime();
            sink += w.runOnce();
            nanos[i] = System.nanoTime() - t0;
        }
        long bytes = mx.getThreadAllocatedBytes(tid) - bytes0;
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e3;
        double median = (windows % 2 == 1 ? nanos[windows / 2] : (nanos[windows / 2 - 1] + nanos[windows / 2]) / 2.0) / 1e3;
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s H=%d T=%d vocab=%d, softmax + cross-entropy, %d windows after %d warm-up%n",
                type.id(), hidden, steps, vocab, windows, warmup);
        out.printf(Locale.ROOT, "time per window (forward + BPTT): mean %.1f us, median %.1f us%n", mean, median);
        out.printf(Locale.ROOT, "allocated per window: %.1f bytes (measuring thread)%n", bytes / (double) windows);
        if (!Double.isFinite(sink)) {
            out.println("warning: the loss was not finite");
        }
        return rnnlab.cli.Main.OK;
    }

    private void positive(String name, int v, int max) {
        if (v < 1 || v > max) {
            throw new ParameterException(spec.commandLine(), name + " must be from 1 to " + max + ", found " + v);
        }
    }
}
