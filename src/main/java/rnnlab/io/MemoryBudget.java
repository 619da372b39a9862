package rnnlab.io;

import java.util.Locale;
import rnnlab.engine.CellType;
import rnnlab.engine.ModelConfig;

/**
 * How much memory a model needs to be held, run forward, run through BPTT and trained, estimated from
 * its sizes alone, so work that cannot fit in the Java heap is refused at once (with the estimate and
 * the limit in the message) instead of running out of memory minutes later.
 *
 * <p>The estimate counts what the engine allocates, in doubles: the weights; per layer and direction
 * of a run, T rows of gates (activations, pre-activations and their deltas), of hidden-sized values
 * (h, c, tanh c, dL/dc …) and of the layer's input gradient; the stacked hidden states and their
 * gradients; the output head's rows; one set of gradients. Training adds the last good weights, the
 * averaged batch gradients and the optimiser's moments. With layer normalisation each layer and direction
 * also keeps, per step, the normalised W_ih x and W_hh h and their deltas (4 rows of G·H) and their
 * 1/σ, for the LSTM N(c_t) and dL/dĉ_t (2 rows of H) and its 1/σ, and the cell's three G·H scratch rows. The limit is {@link #SHARE} of the heap
 * ({@link Runtime#maxMemory()}), leaving room for the rest of the program.
 */
public final class MemoryBudget {
    /** The part of the heap one piece of work may take. */
    public static final double SHARE = 0.8;

    private MemoryBudget() {
    }

    /** Bytes of the weights. */
    public static long weights(ModelConfig cfg) {
        return 8 * cfg.parameterCount();
    }

    /** Bytes of a run over {@code steps} time steps (forward and BPTT workspaces, one set of gradients), weights excluded. */
    public static long run(ModelConfig cfg, int steps) {
        long t = steps;
        long h = cfg.hiddenSize();
        long gh = (long) cfg.cell().blocks() * h;
        int hiddenRows = cfg.cell() == CellType.LSTM ? 5 : cfg.cell() == CellType.GRU ? 3 : 1;
        long doubles = 0;
        for (int l = 0; l < cfg.numLayers(); l++) {
            long perDirection = t * (3 * gh + hiddenRows * h + cfg.layerInputSize(l));
            doubles += cfg.directions() * perDirection;
            doubles += 2 * t * h * cfg.directions(); // the layer's stacked h and dL/dh
            doubles += cfg.directions() * layerNorm(cfg, t);
        }
        doubles += t * cfg.inputSize();                                        // the inputs, one-hot or embedded
        doubles += t * (3L * cfg.outputWidth() + h * cfg.directions());         // logits, outputs, their gradients
        doubles += cfg.parameterCount();                                       // the gradients
        return 8 * doubles;
    }

    /** Doubles of one layer and direction's layer-normalisation buffers over {@code t} steps (0 without it). */
    static long layerNorm(ModelConfig cfg, long t) {
        if (!cfg.layerNorm()) {
            return 0;
        }
        long h = cfg.hiddenSize();
        long gh = (long) cfg.cell().blocks() * h;
        long n = t * (4 * gh + 2) + 3 * gh;                 // N(W_ih x), N(W_hh h), their deltas, 1/σ; scratch
        if (cfg.cell() == CellType.LSTM) {
            n += t * (2 * h + 1);                           // N(c_t), dL/dĉ_t, 1/σ
        }
        return n;
    }

    /** Bytes needed to hold the model and run it forward and through BPTT over {@code steps} steps. */
    public static long forwardBackward(ModelConfig cfg, int steps) {
        return weights(cfg) + run(cfg, steps);
    }

    /**
     * Bytes needed to train: a run, the weights, the last good weights, the averaged gradients of a
     * batch and the optimiser's state (Adam two moments, momentum and Adagrad one, SGD none).
     */
    public static long training(ModelConfig cfg, int steps, int batch, String optimizer) {
        long p = 8 * cfg.parameterCount();
        String o = optimizer == null ? "" : optimizer.toLowerCase(Locale.ROOT);
        int moments = switch (o) {
            case "adam" -> 2;
            case "momentum", "adagrad" -> 1;
            default -> 0;
        };
        return forwardBackward(cfg, steps) + p * (1 + (batch > 1 ? 1 : 0) + moments);
    }

    /** The largest estimate accepted: {@link #SHARE} of the maximum heap. */
    public static long limit() {
        return (long) (Runtime.getRuntime().maxMemory() * SHARE);
    }

    /**
     * Null when {@code bytes} fits, else the refusal: what needs how much, and the limit. {@code what}
     * names the work, e.g. "the forward pass and BPTT over 100000 steps".
     */
    public static String check(long bytes, String what) {
        long limit = limit();
        if (bytes <= limit && bytes >= 0) {
            return null;
        }
        return what + " needs about " + size(bytes) + " of memory, more than the limit of " + size(limit)
                + " (" + Math.round(SHARE * 100) + "% of the Java heap, " + size(Runtime.getRuntime().maxMemory())
                + "); choose smaller sizes, or give Java more memory (java -Xmx…)";
    }

    /** Throws an {@link InputException} naming the file and place when {@code bytes} does not fit. */
    static void require(JsonNav at, long bytes, String what) throws InputException {
        String problem = check(bytes, what);
        if (problem != null) {
            throw at.error(problem);
        }
    }

    /** Bytes as "512 KB", "3.4 MB", "9.6 GB", "1.2 TB". */
    public static String size(long bytes) {
        if (bytes < 0) {
            return "more than 8 EB";
        }
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " bytes" : String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }
}
