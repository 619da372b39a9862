package rnnlab.training.tasks;

import rnnlab.training.Metric;
import rnnlab.training.TrainConfig;
import rnnlab.training.optim.Clipper;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.LossType;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;

/**
 * Binary addition: at step t the input is bit t of a and bit t of b (least significant first), the
 * target is bit t of a + b (many-to-many, sigmoid + binary cross-entropy). There is one step more than
 * the operands have bits, for the final carry. Metric: the fraction of sums that are exactly right.
 */
public final class BinaryAdditionTask extends SequenceTask {
    private final int bits;

    public BinaryAdditionTask(int bits) {
        this.bits = require(bits, 1, 60, "the number of bits");
    }

    @Override
    public String name() {
        return "binary-addition";
    }

    @Override
    public String teaches() {
        return "A recurrent net can learn an algorithm with a one-bit memory: the carry.";
    }

    @Override
    public int length() {
        return bits + 1;
    }

    @Override
    public ModelConfig config(CellType cell, int hidden, int layers) {
        return new ModelConfig(cell, 2, hidden, layers, false, 0, 1, Activation.SIGMOID, null);
    }

    @Override
    public TrainConfig defaults() {
        return new TrainConfig(CellType.RNN_TANH, 16, 1, 300, "adam", 2e-2, Clipper.Mode.NORM, 5.0, 8, 1, null);
    }

    /** The example for two given numbers (for tests and lessons). */
    public Sequence example(long a, long b) {
        int t = bits + 1;
        DMatrixRMaj x = new DMatrixRMaj(t, 2);
        DMatrixRMaj y = new DMatrixRMaj(t, 1);
        long sum = a + b;
        for (int i = 0; i < t; i++) {
            x.data[2 * i] = (a >>> i) & 1;
            x.data[2 * i + 1] = (b >>> i) & 1;
            y.data[i] = (sum >>> i) & 1;
        }
        return Sequence.ofInputs(x, y, TargetSteps.ALL, LossType.BCE);
    }

    @Override
    protected Sequence example(SplittableRandom rnd) {
        long max = 1L << bits;
        return example(rnd.nextLong(max), rnd.nextLong(max));
    }

    @Override
    protected void score(Run run, Sequence s, double[] acc) {
        boolean exact = true;
        for (int t = 0; t <= bits; t++) {
            boolean one = run.outputs().data[t] > 0.5;
            exact &= one == (s.vectorTargets().data[t] > 0.5);
        }
        acc[0] += exact ? 1 : 0;
        acc[1] += 1;
    }

    @Override
    protected Metric metric(double mean) {
        return Metric.accuracy("exact sums", mean);
    }
}
