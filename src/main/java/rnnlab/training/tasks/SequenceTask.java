package rnnlab.training.tasks;

import rnnlab.training.Metric;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.Model;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;

/**
 * A task made of independent labelled sequences (full BPTT over each), generated one at a time from a
 * seeded generator. Subclasses say how to make one example and how to score the model's output on it.
 */
public abstract class SequenceTask implements Task {
    /** How many held-out examples {@link #evaluate} scores. */
    protected int evalExamples = 300;

    /** One labelled example. */
    protected abstract Sequence example(SplittableRandom rnd);

    /**
     * Adds this example's share to the score: {@code acc[0]} the numerator (correct answers or summed
     * squared error), {@code acc[1]} the count it is divided by.
     */
    protected abstract void score(Run run, Sequence s, double[] acc);

    /** The metric from the summed score. */
    protected abstract Metric metric(double mean);

    @Override
    public DataStream stream(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        return () -> example(rnd);
    }

    @Override
    public Metric evaluate(Model model, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        Map<Integer, Run> runs = new HashMap<>();
        double[] acc = new double[2];
        for (int i = 0; i < evalExamples; i++) {
            Sequence s = example(rnd);
            Run run = runs.computeIfAbsent(s.length(), n -> new Run(model, n));
            run.load(s);
            run.forward();
            score(run, s, acc);
        }
        return metric(acc[0] / acc[1]);
    }

    /** Index of the largest output at step t. */
    protected static int argmax(Run run, int t) {
        DMatrixRMaj y = run.outputs();
        int n = y.numCols;
        int best = 0;
        for (int j = 1; j < n; j++) {
            if (y.data[t * n + j] > y.data[t * n + best]) {
                best = j;
            }
        }
        return best;
    }

    /** Checks a length parameter. */
    protected static int require(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
