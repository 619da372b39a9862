package rnnlab.training.tasks;

import rnnlab.training.TrainConfig;
import rnnlab.training.optim.Clipper;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;

/**
 * Sentiment of short made-up reviews such as "the plot was not very good" (class 0 negative, 1
 * positive). "not" flips the adjective, so a bag of words cannot solve it: the order matters.
 * Reviews are left-padded to a fixed length so the verdict is read at the last step (many-to-one).
 */
public final class SentimentTask extends LastStepClassTask {
    static final List<String> VOCAB = List.of("·", "the", "film", "plot", "cast", "music", "ending", "was",
            "really", "very", "quite", "not", "good", "great", "fun", "clever", "bad", "dull", "boring", "awful");
    private static final int PAD = 0;
    private static final int NOT = 11;
    private static final int[] NOUNS = {2, 3, 4, 5, 6};
    private static final int[] ADVERBS = {8, 9, 10};
    private static final int[] POSITIVE = {12, 13, 14, 15};
    private static final int[] NEGATIVE = {16, 17, 18, 19};
    private final int length;

    public SentimentTask(int length) {
        this.length = require(length, 6, 1000, "the review length");
    }

    @Override
    public String name() {
        return "sentiment";
    }

    @Override
    public String teaches() {
        return "Word order matters: the net must remember a \"not\" until it sees the adjective it flips.";
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public ModelConfig config(CellType cell, int hidden, int layers) {
        return new ModelConfig(cell, VOCAB.size(), hidden, layers, false, 0, 2, Activation.SOFTMAX, VOCAB);
    }

    @Override
    public TrainConfig defaults() {
        return new TrainConfig(CellType.GRU, 16, 1, 250, "adam", 1e-2, Clipper.Mode.NORM, 5.0, 8, 1, null);
    }

    /** A review from words (must fit the length); label 1 = positive. */
    public Sequence review(List<String> words, boolean positive) {
        int[] tokens = new int[length];
        int off = length - words.size();
        if (off < 0) {
            throw new IllegalArgumentException("review longer than " + length + " words");
        }
        for (int i = 0; i < words.size(); i++) {
            int id = VOCAB.indexOf(words.get(i));
            if (id < 0) {
                throw new IllegalArgumentException("unknown word '" + words.get(i) + "'");
            }
            tokens[off + i] = id;
        }
        return Sequence.ofTokens(tokens, new int[] {positive ? 1 : 0}, TargetSteps.LAST);
    }

    @Override
    protected Sequence example(SplittableRandom rnd) {
        List<Integer> w = new ArrayList<>();
        w.add(1);
        w.add(NOUNS[rnd.nextInt(NOUNS.length)]);
        w.add(7);
        boolean negated = rnd.nextBoolean();
        if (negated) {
            w.add(NOT);
        }
        while (w.size() < length - 1 && rnd.nextInt(3) == 0) {
            w.add(ADVERBS[rnd.nextInt(ADVERBS.length)]);
        }
        boolean good = rnd.nextBoolean();
        w.add(good ? POSITIVE[rnd.nextInt(POSITIVE.length)] : NEGATIVE[rnd.nextInt(NEGATIVE.length)]);
        int[] tokens = new int[length];
        java.util.Arrays.fill(tokens, PAD);
        int off = length - w.size();
        for (int i = 0; i < w.size(); i++) {
            tokens[off + i] = w.get(i);
        }
        return Sequence.ofTokens(tokens, new int[] {good != negated ? 1 : 0}, TargetSteps.LAST);
    }
}
