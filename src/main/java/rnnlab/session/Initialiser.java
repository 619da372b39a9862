package rnnlab.session;

import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.training.Init;

/**
 * The initialisations the model panel and scenarios offer by name: PyTorch's default (drawn by
 * {@link Init#PYTORCH}, the one implementation, which the training panel also uses with its other
 * schemes) and all zeros. The random stream is Java's, so the numbers differ from PyTorch's for the
 * same seed.
 */
public enum Initialiser {
    PYTORCH_DEFAULT("pytorch_default"),
    /** All zeros: every unit computes the same thing — shows why random initialisation matters. */
    ZEROS("zeros");

    public final String id;

    Initialiser(String id) {
        this.id = id;
    }

    public String titleKey() {
        return "init." + id;
    }

    public static Initialiser fromId(String id) {
        for (Initialiser i : values()) {
            if (i.id.equals(id)) {
                return i;
            }
        }
        return null;
    }

    /** A new model of this configuration with weights drawn from {@code seed}. */
    public Model create(ModelConfig cfg, long seed) {
        return this == ZEROS ? Model.zeros(cfg) : Init.PYTORCH.create(cfg, seed);
    }
}
