package rnnlab.cli.bench;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;

/**
 * The benchmark's unit of work: one training window, i.e. the forward pass and BPTT over T one-hot
 * tokens with a softmax head and cross-entropy at every step. Weights are random (seeded, uniform in
 * ±1/√H like PyTorch's default); shared by the {@code bench} command and the JMH benchmark.
 */
public final class BenchWindow {
    private final Run run;
    private final Sequence seq;

    public BenchWindow(CellType cell, int hidden, int steps, int vocab, long seed) {
        ModelConfig cfg = ModelConfig.simple(cell, vocab, hidden, vocab, Activation.SOFTMAX);
        Model model = randomModel(cfg, seed);
        Random rnd = new Random(seed + 1);
        int[] tokens = new int[steps];
        int[] targets = new int[steps];
        for (int t = 0; t < steps; t++) {
            tokens[t] = rnd.nextInt(vocab);
            targets[t] = rnd.nextInt(vocab);
        }
        seq = Sequence.ofTokens(tokens, targets, TargetSteps.ALL);
        run = new Run(model, steps);
    }

    /** A model of the given shape with every weight uniform in ±1/√H (seeded). */
    public static Model randomModel(ModelConfig cfg, long seed) {
        Model model = Model.zeros(cfg);
        Random rnd = new Random(seed);
        double k = 1.0 / Math.sqrt(cfg.hiddenSize());
        for (String name : model.params().names()) {
            DMatrixRMaj m = model.param(name);
            for (int i = 0; i < m.data.length; i++) {
                m.data[i] = (2 * rnd.nextDouble() - 1) * k;
            }
        }
        return model;
    }

    /** One window: reset the cursors, forward, BPTT. Returns the loss. */
    public double runOnce() {
        run.load(seq);
        return run.forwardBackward();
    }
}
