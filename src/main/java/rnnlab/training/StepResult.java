package rnnlab.training;

/**
 * What one optimisation step measured.
 *
 * @param step       1-based number of the step
 * @param loss       mean loss per target step over the batch
 * @param gradNorm   global gradient norm before clipping
 * @param clipEvents how many clip events this step had (see {@link Clipper})
 * @param tokens     how many time steps were processed
 * @param problem    null, or why training must stop (NaN / infinity); the weights were not touched
 */
public record StepResult(long step, double loss, double gradNorm, int clipEvents, int tokens, String problem) {
    public boolean ok() {
        return problem == null;
    }
}
