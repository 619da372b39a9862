package rnnlab.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * One input sequence with its optional targets and initial states, as in a sequence file.
 *
 * <p>Exactly one of {@code inputs} (T × input_size) or {@code tokens} (T indices) is set. Targets are
 * class indices (cross-entropy) or vectors (MSE, BCE), one per target step; with {@code targetSteps}
 * null the sequence is forward-only. Arrays are held, not copied: a trainer may refill them between
 * windows without allocating.
 */
public final class Sequence {
    private final DMatrixRMaj inputs;
    private final int[] tokens;
    private final int[] classTargets;
    private final DMatrixRMaj vectorTargets;
    private final TargetSteps targetSteps;
    private final LossType loss;
    private final DMatrixRMaj h0;
    private final DMatrixRMaj c0;

    private Sequence(DMatrixRMaj inputs, int[] tokens, int[] classTargets, DMatrixRMaj vectorTargets,
                     TargetSteps targetSteps, LossType loss, DMatrixRMaj h0, DMatrixRMaj c0) {
        if ((inputs == null) == (tokens == null)) {
            throw new IllegalArgumentException("exactly one of inputs or tokens must be given");
        }
        if ((targetSteps == null) != (loss == null)) {
            throw new IllegalArgumentException("target_steps and loss go together");
        }
        if (loss != null && (classTargets == null) == (vectorTargets == null)) {
            throw new IllegalArgumentException("a loss needs either class targets or vector targets");
        }
        if (loss == LossType.CROSS_ENTROPY && classTargets == null) {
            throw new IllegalArgumentException("cross_entropy needs class index targets");
        }
        if ((loss == LossType.MSE || loss == LossType.BCE) && vectorTargets == null) {
            throw new IllegalArgumentException(loss.id() + " needs vector targets");
        }
        this.inputs = inputs;
        this.tokens = tokens;
        this.classTargets = classTargets;
        this.vectorTargets = vectorTargets;
        this.targetSteps = targetSteps;
        this.loss = loss;
        this.h0 = h0;
        this.c0 = c0;
        int expected = targetSteps == null ? 0 : targetSteps == TargetSteps.ALL ? length() : 1;
        if (targetCount() != expected) {
            throw new IllegalArgumentException("expected " + expected + " targets, got " + targetCount());
        }
    }

    public static Sequence ofTokens(int[] tokens, int[] classTargets, TargetSteps steps) {
        return new Sequence(null, tokens, classTargets, null, steps,
                steps == null ? null : LossType.CROSS_ENTROPY, null, null);
    }

    public static Sequence ofInputs(DMatrixRMaj inputs, DMatrixRMaj vectorTargets, TargetSteps steps, LossType loss) {
        return new Sequence(inputs, null, null, vectorTargets, steps, loss, null, null);
    }

    /** The general form; see the class comment for which combinations are allowed. */
    public static Sequence of(DMatrixRMaj inputs, int[] tokens, int[] classTargets, DMatrixRMaj vectorTargets,
                              TargetSteps steps, LossType loss, DMatrixRMaj h0, DMatrixRMaj c0) {
        return new Sequence(inputs, tokens, classTargets, vectorTargets, steps, loss, h0, c0);
    }

    /** The same inputs and targets with other initial states (e.g. carried from the previous window). */
    public Sequence withInitialState(DMatrixRMaj newH0, DMatrixRMaj newC0) {
        return new Sequence(inputs, tokens, classTargets, vectorTargets, targetSteps, loss, newH0, newC0);
    }

    public int length() {
        return tokens != null ? tokens.length : inputs.numRows;
    }

    public boolean hasTokens() {
        return tokens != null;
    }

    public DMatrixRMaj inputs() {
        return inputs;
    }

    public int[] tokens() {
        return tokens;
    }

    public int[] classTargets() {
        return classTargets;
    }

    public DMatrixRMaj vectorTargets() {
        return vectorTargets;
    }

    public TargetSteps targetSteps() {
        return targetSteps;
    }

    public LossType loss() {
        return loss;
    }

    public boolean hasLoss() {
        return loss != null;
    }

    public DMatrixRMaj h0() {
        return h0;
    }

    public DMatrixRMaj c0() {
        return c0;
    }

    public int targetCount() {
        if (classTargets != null) {
            return classTargets.length;
        }
        return vectorTargets == null ? 0 : vectorTargets.numRows;
    }

    /** Index into the targets for time step t, or −1 when t carries no target. */
    public int targetIndex(int t) {
        if (targetSteps == null) {
            return -1;
        }
        if (targetSteps == TargetSteps.ALL) {
            return t;
        }
        return t == length() - 1 ? 0 : -1;
    }
}
