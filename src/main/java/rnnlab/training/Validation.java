package rnnlab.training;

import rnnlab.training.tasks.DataStream;
import rnnlab.training.tasks.Task;

import java.util.HashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.Model;
import rnnlab.engine.Parameters;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;

/**
 * Held-out validation during training: a fixed set of sequences generated from the run's seed on a
 * stream of their own (neither the training stream nor the test data of {@link Trainer#evaluate}),
 * scored for the mean loss per target and the task's metric. Keeps the best point by the metric (ties
 * and tasks without a metric direction go by loss) together with a copy of the weights at that point.
 *
 * <p>Tasks that draw from one fixed text (charlm) validate on a part of the text kept out of training
 * ({@link Task#validationStream}, {@link Task#validationMetric}); the loss is then nats per character.
 */
public final class Validation {
    /** One validation: after {@code step} training steps. */
    public record Point(long step, double loss, Metric metric) {
    }

    /** Sequences the validation loss is averaged over. */
    public static final int EXAMPLES = 64;

    private final Task task;
    private final long seed;
    private final Map<Integer, Run> runs = new HashMap<>();
    private Point best;
    private Parameters bestWeights;
    private int sinceBest;

    public Validation(Task task, long trainSeed) {
        this.task = task;
        // its own stream: the trainer uses seed·φ + 1, the test set seed + 7919
        this.seed = trainSeed * 0x632BE59BD9B4E019L + 104_729;
    }

    /** Scores {@code model} now (after {@code step} steps) and remembers it if it is the best so far. */
    public Point validate(Model model, long step) {
        DataStream ds = task.validationStream(seed);
        int rows = model.config().numLayers() * model.config().directions();
        DMatrixRMaj h = new DMatrixRMaj(rows, model.config().hiddenSize());
        DMatrixRMaj c = new DMatrixRMaj(rows, model.config().hiddenSize());
        ds.bindState(h, c);
        double loss = 0;
        long targets = 0;
        for (int i = 0; i < EXAMPLES; i++) {
            Sequence s = ds.next();
            Run run = runs.computeIfAbsent(s.length(), n -> new Run(model, n));
            run.load(s);
            run.forward();
            loss += run.loss();
            targets += s.targetCount();
            if (ds.carriesState()) {
                run.finalState(h, c);
            }
        }
        runs.clear(); // the runs hold the model; a later call may validate another model
        Point p = new Point(step, loss / Math.max(1, targets), task.validationMetric(model, seed));
        if (best == null || better(p, best)) {
            best = p;
            bestWeights = model.params().copy();
            sinceBest = 0;
        } else {
            sinceBest++;
        }
        return p;
    }

    /** Whether {@code a} is better than {@code b}: by the metric, ties and metrics without a direction by loss. */
    public static boolean better(Point a, Point b) {
        double x = a.metric().value();
        double y = b.metric().value();
        if (Double.isFinite(x) && Double.isFinite(y) && x != y) {
            return a.metric().higherIsBetter() ? x > y : x < y;
        }
        return a.loss() < b.loss();
    }

    /** Validations since the best one (0 right after a new best, and before the first validation). */
    public int sinceBest() {
        return sinceBest;
    }

    /**
     * Early stopping: whether {@code patience} validations in a row have not beaten the best one
     * ({@code patience} ≤ 0: never). The one rule of {@code train --early-stop}, {@code RecordedTraining}
     * and the training panel; the caller then restores {@link #bestWeights()}.
     */
    public boolean patienceRunOut(int patience) {
        return patience > 0 && best != null && sinceBest >= patience;
    }

    /** The best point so far (null before the first validation). */
    public Point best() {
        return best;
    }

    /** A copy of the weights at the best point (null before the first validation). */
    public Parameters bestWeights() {
        return bestWeights;
    }
}
