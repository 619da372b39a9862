package rnnlab.io;

/** The hostile model file, for tests in other packages. */
public final class ModelSizeLimitsTestAccess {
    private ModelSizeLimitsTestAccess() {
    }

    /** About 6 KB declaring input 100000, hidden 1024, 16 bidirectional LSTM layers, with a tiny state_dict. */
    public static String hugeDeclaredModel() {
        return ModelSizeLimitsTest.hugeDeclaredModel(100_000, 0);
    }
}
