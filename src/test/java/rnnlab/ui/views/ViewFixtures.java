package rnnlab.ui.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;
import rnnlab.session.Frame;
import rnnlab.session.FrameBuilder;

/** Real runs for view tests: a small character model with random weights, stepped forward. */
public final class ViewFixtures {
    static final String TEXT = "hello world!";

    private ViewFixtures() {
    }

    /** A character model over {@link #TEXT} (next-character targets), stepped {@code steps} times. */
    public static Run run(CellType cell, int hidden, int steps, double forgetBias, long seed) {
        return run(cell, hidden, TEXT, steps, forgetBias, seed);
    }

    public static Run run(CellType cell, int hidden, String text, int steps, double forgetBias, long seed) {
        List<String> vocab = new ArrayList<>();
        for (char ch : text.toCharArray()) {
            if (!vocab.contains(String.valueOf(ch))) {
                vocab.add(String.valueOf(ch));
            }
        }
        ModelConfig cfg = new ModelConfig(cell, vocab.size(), hidden, 1, false, 0, vocab.size(), Activation.SOFTMAX, vocab);
        Model model = Model.zeros(cfg);
        Random rng = new Random(seed);
        for (DMatrixRMaj m : model.params().asMap().values()) {
            for (int k = 0; k < m.data.length; k++) {
                m.data[k] = rng.nextGaussian() * 0.7;
            }
        }
        if (cell == CellType.LSTM && forgetBias != 0) {
            DMatrixRMaj b = model.param(ModelConfig.biasHh(0, 0));
            for (int u = 0; u < hidden; u++) {
                b.data[hidden + u] += forgetBias;
            }
        }
        int len = text.length();
        int[] tokens = new int[len];
        int[] targets = new int[len];
        for (int t = 0; t < len; t++) {
            tokens[t] = vocab.indexOf(String.valueOf(text.charAt(t)));
            targets[t] = vocab.indexOf(String.valueOf(text.charAt((t + 1) % len)));
        }
        Run run = new Run(model, len);
        run.load(Sequence.ofTokens(tokens, targets, TargetSteps.ALL));
        for (int k = 0; k < steps; k++) {
            run.stepForward();
        }
        return run;
    }

    /** The full forward pass, then {@code bptt} backward steps; with the gradient-flow analysis. */
    public static Frame backward(CellType cell, int hidden, int bptt, double forgetBias) {
        Run run = run(cell, hidden, TEXT.length(), forgetBias, 7);
        for (int k = 0; k < bptt; k++) {
            run.stepBackward();
        }
        return FrameBuilder.build(run, new rnnlab.session.GradientAnalysis().of(run));
    }

    /** LSTM, H = 8, T = 12, stepped to the middle (t = 6 on screen). */
    public static Frame lstmMiddle() {
        return FrameBuilder.build(run(CellType.LSTM, 8, 6, 0, 7));
    }
}
