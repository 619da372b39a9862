package rnnlab.training.tasks;

import rnnlab.training.Metric;
import rnnlab.training.TrainConfig;
import rnnlab.training.optim.Clipper;

import java.util.List;
import java.util.SplittableRandom;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;

/**
 * The temporal order problem (Hochreiter & Schmidhuber 1997): a sequence of random distractors
 * a–d between start and end markers hides two symbols, each X or Y, one early and one in the middle;
 * at the end the model names their order: XX, XY, YX or YY (four classes, many-to-one). The length
 * is the lag.
 */
public final class TemporalOrderTask extends SequenceTask {
    static final List<String> VOCAB = List.of("B", "E", "a", "b", "c", "d", "X", "Y");
    private final int length;

    public TemporalOrderTask(int length) {
        this.length = require(length, 8, 10_000, "the temporal-order length");
    }

    @Override
    public String name() {
        return "temporal-order";
    }

    @Override
    public String teaches() {
        return "Remembering which of two events came first, across a lag full of distractors.";
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public ModelConfig config(CellType cell, int hidden, int layers) {
        return new ModelConfig(cell, VOCAB.size(), hidden, layers, false, 0, 4, Activation.SOFTMAX, VOCAB);
    }

    @Override
    public TrainConfig defaults() {
        return new TrainConfig(CellType.LSTM, 24, 1, 400, "adam", 1e-2, Clipper.Mode.NORM, 5.0, 8, 1, null);
    }

    @Override
    protected Sequence example(SplittableRandom rnd) {
        int[] tokens = new int[length];
        tokens[0] = 0;
        tokens[length - 1] = 1;
        for (int t = 1; t < length - 1; t++) {
            tokens[t] = 2 + rnd.nextInt(4);
        }
        int span = Math.max(1, length / 10);
        int t1 = 1 + rnd.nextInt(span);
        int t2 = length / 2 + rnd.nextInt(span);
        boolean y1 = rnd.nextBoolean();
        boolean y2 = rnd.nextBoolean();
        tokens[t1] = y1 ? 7 : 6;
        tokens[t2] = y2 ? 7 : 6;
        return Sequence.ofTokens(tokens, new int[] {(y1 ? 2 : 0) + (y2 ? 1 : 0)}, TargetSteps.LAST);
    }

    @Override
    protected void score(Run run, Sequence s, double[] acc) {
        acc[0] += argmax(run, length - 1) == s.classTargets()[0] ? 1 : 0;
        acc[1] += 1;
    }

    @Override
    protected Metric metric(double mean) {
        return Metric.accuracy("accuracy", mean);
    }
}
