package rnnlab.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import rnnlab.cli.bench.BenchWindow;
import rnnlab.engine.CellType;

/**
 * One training window (forward + BPTT) of an LSTM, H=128, T=25, one-hot vocabulary 65, softmax +
 * cross-entropy at every step: the same work as {@code rnnlab bench}. Run with
 * {@code mvn -B test-compile exec:exec -Djmh.args="ForwardBackwardBench -prof gc -f 1 -wi 3 -i 5"};
 * {@code gc.alloc.rate.norm} is the bytes allocated per window.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ForwardBackwardBench {
    @Param({"lstm"})
    public String cell;

    @Param({"128"})
    public int hidden;

    @Param({"25"})
    public int steps;

    @Param({"65"})
    public int vocab;

    private BenchWindow window;

    @Setup
    public void setUp() {
        window = new BenchWindow(CellType.fromId(cell), hidden, steps, vocab, 42);
    }

    @Benchmark
    public double forwardBackward() {
        return window.runOnce();
    }
}
