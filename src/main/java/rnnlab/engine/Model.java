package rnnlab.engine;

import org.ejml.data.DMatrixRMaj;

/** An architecture and its weights. */
public final class Model {
    private final ModelConfig config;
    private final Parameters params;

    public Model(ModelConfig config, Parameters params) {
        this.config = config;
        this.params = params;
    }

    /** A model whose weights are all zero (fill them with an initialiser or from a file). */
    public static Model zeros(ModelConfig config) {
        return new Model(config, Parameters.zeros(config));
    }

    public ModelConfig config() {
        return config;
    }

    public Parameters params() {
        return params;
    }

    public DMatrixRMaj param(String name) {
        return params.get(name);
    }

    public Model copy() {
        return new Model(config, params.copy());
    }
}
