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
 * Subject–verb agreement: "the cat(s) , which chased the dog(s) … ," and then, at the last step, the
 * model says whether the verb is "was" (class 0) or "were" (class 1). The clause in between has
 * {@code distance} words and contains nouns of either number (attractors). Many-to-one; the metric is
 * accuracy, and {@link #accuracyByDistance} shows how it falls off with the length of the clause.
 */
public final class AgreementTask extends LastStepClassTask {
    /** Token ids: one-hot positions of the vocabulary. */
    static final List<String> VOCAB = List.of("the", ",", "which", "cat", "cats", "dog", "dogs", "bird", "birds",
            "chased", "saw", "liked", "near", "and", "quietly");
    private static final int THE = 0;
    private static final int COMMA = 1;
    private static final int WHICH = 2;
    private static final int[] VERBS = {9, 10, 11};
    private final int distance;

    public AgreementTask(int distance) {
        this.distance = require(distance, 0, 1000, "the distractor clause length");
    }

    @Override
    public String name() {
        return "agreement";
    }

    @Override
    public String teaches() {
        return "Carrying a grammatical fact (singular or plural) across a distracting clause: accuracy "
                + "falls with distance, more slowly for gated cells.";
    }

    @Override
    public int length() {
        return distance;
    }

    @Override
    public ModelConfig config(CellType cell, int hidden, int layers) {
        return new ModelConfig(cell, VOCAB.size(), hidden, layers, false, 0, 2, Activation.SOFTMAX, VOCAB);
    }

    @Override
    public TrainConfig defaults() {
        return new TrainConfig(CellType.LSTM, 24, 1, 300, "adam", 1e-2, Clipper.Mode.NORM, 5.0, 8, 1, null);
    }

    /** "the N , which w1 … wd ," with the subject's number as class 0 (singular) or 1 (plural). */
    Sequence example(SplittableRandom rnd, int d) {
        List<Integer> words = new ArrayList<>();
        boolean plural = rnd.nextBoolean();
        words.add(THE);
        words.add(noun(rnd, plural));
        words.add(COMMA);
        words.add(WHICH);
        // the clause: verb the noun [and|near] verb the noun …, cut to d words
        int k = 0;
        while (k < distance) {
            int phase = k % 4;
            int w = switch (phase) {
                case 0 -> VERBS[rnd.nextInt(VERBS.length)];
                case 1 -> rnd.nextInt(4) == 0 ? 14 : THE;
                case 2 -> noun(rnd, rnd.nextBoolean());
                default -> rnd.nextBoolean() ? 13 : 12;
            };
            words.add(w);
            k++;
        }
        words.add(COMMA);
        int[] tokens = words.stream().mapToInt(Integer::intValue).toArray();
        return Sequence.ofTokens(tokens, new int[] {plural ? 1 : 0}, TargetSteps.LAST);
    }

    private static int noun(SplittableRandom rnd, boolean plural) {
        return 3 + 2 * rnd.nextInt(3) + (plural ? 1 : 0);
    }

    @Override
    protected Sequence example(SplittableRandom rnd) {
        return example(rnd, distance);
    }

    /** Accuracy of {@code model} for each clause length in {@code distances}. */
    public double[] accuracyByDistance(rnnlab.engine.Model model, int[] distances, long seed) {
        double[] out = new double[distances.length];
        for (int i = 0; i < distances.length; i++) {
            out[i] = new AgreementTask(distances[i]).evaluate(model, seed).value();
        }
        return out;
    }
}
