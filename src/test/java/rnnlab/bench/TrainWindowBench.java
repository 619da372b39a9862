package rnnlab.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import rnnlab.engine.CellType;
import rnnlab.training.tasks.CharLmTask;
import rnnlab.training.optim.Clipper;
import rnnlab.training.TrainConfig;
import rnnlab.training.Trainer;

/**
 * One char-LM training window as torch_train_bench.py defines it (one-hot input, vocab ≤ 65, T = 25,
 * softmax + cross-entropy summed over the window, full BPTT, Adam, batch 1, state carried), float64.
 * Run with {@code -prof gc}: gc.alloc.rate.norm is the bytes allocated per window (expected 0).
 *
 * <pre>mvn -B test-compile exec:exec -Djmh.args="TrainWindowBench -prof gc -f 1 -wi 3 -i 5"</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TrainWindowBench {
    @Param({"lstm", "gru"})
    public String cell;
    @Param({"32", "128"})
    public int hidden;

    private Trainer trainer;

    @Setup(Level.Trial)
    public void setUp() {
        CharLmTask task = new CharLmTask(CharLmTask.defaultText(), 25, false);
        TrainConfig cfg = new TrainConfig(CellType.fromId(cell), hidden, 1, Integer.MAX_VALUE, "adam", 2e-3,
                Clipper.Mode.NONE, 0, 1, 0, null);
        trainer = new Trainer(task, cfg);
    }

    /** One window: forward 25 steps, BPTT, gradient norm, Adam update. */
    @Benchmark
    public double window() {
        if (!trainer.advance()) {
            throw new IllegalStateException(trainer.lastProblem());
        }
        return trainer.lastLoss();
    }
}
