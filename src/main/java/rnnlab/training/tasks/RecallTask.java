package rnnlab.training.tasks;

import rnnlab.training.Metric;
import rnnlab.training.TrainConfig;
import rnnlab.training.optim.Clipper;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;

/**
 * Read a few symbols, then write them back: as they were after a lag of blanks ({@link Kind#COPY},
 * delayed recall), or reversed straight away ({@link Kind#REVERSE}, a small encoder–decoder task).
 * Input: the symbols, then blanks, then a "go" marker, then blanks while the answer is written. The
 * target is "·" (nothing) while reading and the answer symbols after "go": many-to-many, asynchronous —
 * the first half of the sequence encodes, the second half decodes. Metric: recalled symbols correct.
 */
public final class RecallTask extends SequenceTask {
    /** Copy after a lag, or reverse. */
    public enum Kind { COPY, REVERSE }

    private static final int SYMBOLS = 6;
    private final Kind kind;
    private final int items;
    private final int lag;

    public RecallTask(Kind kind, int items, int lag) {
        this.kind = kind;
        this.items = require(items, 1, 100, "the number of symbols to recall");
        this.lag = require(lag, 0, 10_000, "the lag");
    }

    @Override
    public String name() {
        return kind == Kind.COPY ? "copy" : "reverse";
    }

    @Override
    public String teaches() {
        return kind == Kind.COPY
                ? "Holding several symbols in memory across a lag of blanks, then recalling them in order."
                : "Encoder–decoder: read a whole sequence into the hidden state, then write it out backwards.";
    }

    @Override
    public int length() {
        return kind == Kind.COPY ? lag : items;
    }

    /** Total steps: items, lag blanks, go, items − 1 blanks. */
    public int steps() {
        return items + lag + items;
    }

    static List<String> inputVocab() {
        List<String> v = new ArrayList<>();
        for (int i = 0; i < SYMBOLS; i++) {
            v.add(String.valueOf((char) ('A' + i)));
        }
        v.add("·");
        v.add("go");
        return v;
    }

    @Override
    public ModelConfig config(CellType cell, int hidden, int layers) {
        return new ModelConfig(cell, SYMBOLS + 2, hidden, layers, false, 0, SYMBOLS + 1, Activation.SOFTMAX,
                inputVocab());
    }

    @Override
    public TrainConfig defaults() {
        return new TrainConfig(CellType.GRU, 32, 1, 1000, "adam", 2e-2, Clipper.Mode.NORM, 5.0, 8, 1, null);
    }

    /** The example for given symbols (0..5). */
    public Sequence example(int[] symbols) {
        int n = steps();
        int blank = SYMBOLS;
        int[] x = new int[n];
        int[] y = new int[n];
        java.util.Arrays.fill(x, blank);
        java.util.Arrays.fill(y, blank);
        for (int i = 0; i < items; i++) {
            x[i] = symbols[i];
        }
        int go = items + lag;
        x[go] = SYMBOLS + 1;
        for (int i = 0; i < items; i++) {
            y[go + i] = kind == Kind.COPY ? symbols[i] : symbols[items - 1 - i];
        }
        return Sequence.ofTokens(x, y, TargetSteps.ALL);
    }

    @Override
    protected Sequence example(SplittableRandom rnd) {
        int[] s = new int[items];
        for (int i = 0; i < items; i++) {
            s[i] = rnd.nextInt(SYMBOLS);
        }
        return example(s);
    }

    @Override
    protected void score(Run run, Sequence s, double[] acc) {
        int go = items + lag;
        for (int i = 0; i < items; i++) {
            acc[0] += argmax(run, go + i) == s.classTargets()[go + i] ? 1 : 0;
            acc[1] += 1;
        }
    }

    @Override
    protected Metric metric(double mean) {
        return Metric.accuracy("symbols recalled", mean);
    }
}
