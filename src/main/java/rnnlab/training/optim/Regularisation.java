package rnnlab.training.optim;

/**
 * The remedies against overfitting a trainer applies besides the optimiser's own settings: dropout
 * (see {@link rnnlab.engine.Run#setDropout}) and weight decay (see {@link Optimizer#setWeightDecay}).
 *
 * @param dropout     probability p of zeroing a unit's output between stacked layers (and, with
 *                    {@code outputDropout}, before the output head); 0 = off
 * @param outputDropout whether the last layer's output is dropped too (before the head)
 * @param weightDecay λ; 0 = off
 * @param decoupled   AdamW's decoupled decay instead of L2 (adam only)
 */
public record Regularisation(double dropout, boolean outputDropout, double weightDecay, boolean decoupled) {
    public static final Regularisation NONE = new Regularisation(0, false, 0, false);

    public Regularisation {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be a finite number ≥ 0, got " + weightDecay);
        }
    }
}
