package rnnlab.io;

/** Sizes past which a file is refused rather than loaded (a typo or a hostile file, not a model). */
public final class Limits {
    private Limits() {
    }

    public static final long MAX_FILE_BYTES = 200L * 1024 * 1024;
    public static final int MAX_HIDDEN = 4096;
    public static final int MAX_INPUT = 100_000;
    public static final int MAX_OUTPUT = 100_000;
    public static final int MAX_LAYERS = 16;
    public static final int MAX_VOCAB = 1_000_000;
    public static final int MAX_STEPS = 100_000;
    /** Sequences per training step (each runs one after the other: more is hours, not more learning). */
    public static final int MAX_BATCH = 10_000;
}
