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
 * @param residual    the remedy against vanishing gradients in depth: residual connections between
 *                    stacked layers in the model a trainer builds ({@link rnnlab.engine.ModelConfig#residual()})
 * @param layerNorm   layer normalisation inside the cells of the model a trainer builds
 *                    ({@link rnnlab.engine.ModelConfig#layerNorm()})
 */
public record Regularisation(double dropout, boolean outputDropout, double weightDecay, boolean decoupled,
                             boolean residual, boolean layerNorm) {
    public static final Regularisation NONE = new Regularisation(0, false, 0, false);

    /** Dropout and weight decay only (no architectural option). */
    public Regularisation(double dropout, boolean outputDropout, double weightDecay, boolean decoupled) {
        this(dropout, outputDropout, weightDecay, decoupled, false, false);
    }

    /** The same with residual connections and/or layer normalisation. */
    public Regularisation withArchitecture(boolean residualOn, boolean layerNormOn) {
        return new Regularisation(dropout, outputDropout, weightDecay, decoupled, residualOn, layerNormOn);
    }

    /** The model config a trainer builds: the task's, with this one's residual / layer-norm options. */
    public rnnlab.engine.ModelConfig shape(rnnlab.engine.ModelConfig c) {
        return residual || layerNorm ? c.withOptions(residual, layerNorm) : c;
    }

    public Regularisation {
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be a finite number ≥ 0, got " + weightDecay);
        }
    }
}
