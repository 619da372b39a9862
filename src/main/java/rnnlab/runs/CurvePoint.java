package rnnlab.runs;

/**
 * One row of a run's curve: after {@code step} steps, the training loss of that step, the learning
 * rate it used, and the validation loss and metric when the run validated at that step (NaN otherwise).
 */
public record CurvePoint(long step, double loss, double lr, double valLoss, double valMetric) {
}
