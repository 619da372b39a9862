package rnnlab.training;

/**
 * A progress report of a training session (published at a bounded rate).
 *
 * @param step          steps done
 * @param totalSteps    steps planned
 * @param loss          mean loss per target step of the latest step
 * @param metric        the latest evaluation, or null if none yet
 * @param gradNorm      global gradient norm (before clipping) of the latest step
 * @param clipEvents    clip events of the latest step
 * @param clipTotal     clip events since the start
 * @param tokensPerSec  time steps processed per second of training (pauses excluded)
 * @param lossHistory   loss of every step since the previous report (oldest first), so a plot misses nothing
 * @param gradHistory   gradient norm (before clipping) of the same steps
 * @param clipHistory   clip events of the same steps
 * @param lrHistory     the learning rate each of the same steps used (the schedule's rate)
 * @param weightNorm    ‖θ‖ of all parameters after the latest step (NaN before the first)
 * @param dropout       the dropout masks of the latest step, or null without dropout
 * @param validations   held-out validations since the previous report (oldest first; empty without validation)
 */
public record Progress(long step, long totalSteps, double loss, Metric metric, double gradNorm, int clipEvents,
                       long clipTotal, double tokensPerSec, double[] lossHistory, double[] gradHistory,
                       int[] clipHistory, double[] lrHistory, double weightNorm, DropoutMask dropout,
                       Validation.Point[] validations) {
}
