package rnnlab.engine;

/** Per-step losses; the sequence loss is their sum over the target steps. */
public enum LossType {
    /** −log softmax(z)[target]; needs a softmax output. */
    CROSS_ENTROPY("cross_entropy"),
    /** Σ ½(y − ŷ)² over the output components. */
    MSE("mse"),
    /** −Σ [ŷ log y + (1 − ŷ) log(1 − y)]. */
    BCE("bce");

    private final String id;

    LossType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static LossType fromId(String s) {
        for (LossType l : values()) {
            if (l.id.equals(s)) {
                return l;
            }
        }
        return null;
    }
}
