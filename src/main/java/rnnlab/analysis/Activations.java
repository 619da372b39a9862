package rnnlab.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.LayerState;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;

/**
 * Every unit's activation at every character of a text: h of every layer and, for an LSTM, the cell
 * state c. The forward pass runs in chunks whose final state starts the next chunk, so the memory of
 * the run is bounded by the chunk and the result is float[units][characters]. A plain LSTM runs through
 * {@link FastLstm} (single precision, the input projection batched over each chunk), any other model
 * through the engine's {@code Run}.
 */
public final class Activations {
    /** Characters per forward chunk: the engine's workspaces are allocated per chunk, not per text. */
    public static final int CHUNK = 512;
    /** The longest text analysed (2 M characters: about 2 GB at 1024 units would be too much anyway). */
    public static final int MAX_CHARS = 2_000_000;

    private final CharText text;
    private final List<UnitId> units;
    private final float[][] values;

    private Activations(CharText text, List<UnitId> units, float[][] values) {
        this.text = text;
        this.units = units;
        this.values = values;
    }

    /** The bytes {@link #of} needs for a text of {@code chars} characters with {@code cfg}. */
    public static long bytesNeeded(ModelConfig cfg, int chars) {
        return (long) unitCount(cfg) * chars * Float.BYTES;
    }

    static int unitCount(ModelConfig cfg) {
        return cfg.numLayers() * cfg.hiddenSize() * (cfg.cell().hasCellState() ? 2 : 1);
    }

    public static Activations of(Model model, CharText text) {
        return of(model, text, () -> false, k -> { });
    }

    /**
     * Runs {@code model} over {@code text}; {@code cancelled} is polled between chunks (a cancelled run
     * throws {@link java.util.concurrent.CancellationException}) and {@code progress} receives the
     * characters done.
     */
    public static Activations of(Model model, CharText text, BooleanSupplier cancelled, IntConsumer progress) {
        return of(model, text, cancelled, progress, FastLstm.applies(model.config()));
    }

    /** As above; {@code fast}: the plain LSTM's own forward pass ({@link FastLstm}), else the engine's {@code Run}. */
    static Activations of(Model model, CharText text, BooleanSupplier cancelled, IntConsumer progress, boolean fast) {
        ModelConfig cfg = model.config();
        CharText.requireCharModel(cfg);
        int n = text.length();
        if (n < 1 || n > MAX_CHARS) {
            throw new IllegalArgumentException("the text has " + n + " characters; unit search reads 1 to "
                    + MAX_CHARS);
        }
        List<UnitId> units = new ArrayList<>();
        boolean lstm = cfg.cell().hasCellState();
        for (int l = 0; l < cfg.numLayers(); l++) {
            for (int u = 0; u < cfg.hiddenSize(); u++) {
                units.add(new UnitId(l, u, false));
            }
            if (lstm) {
                for (int u = 0; u < cfg.hiddenSize(); u++) {
                    units.add(new UnitId(l, u, true));
                }
            }
        }
        float[][] v = new float[units.size()][n];
        int[] tokens = text.tokensShared();
        if (fast) {
            new FastLstm(model).run(tokens, v, FastLstm.CHUNK, cancelled, progress);
            return new Activations(text, Collections.unmodifiableList(units), v);
        }
        int rows = cfg.numLayers();
        DMatrixRMaj h = new DMatrixRMaj(rows, cfg.hiddenSize());
        DMatrixRMaj c = lstm ? new DMatrixRMaj(rows, cfg.hiddenSize()) : null;
        Run run = null;
        int H = cfg.hiddenSize();
        for (int start = 0; start < n; start += CHUNK) {
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("unit search cancelled");
            }
            int len = Math.min(CHUNK, n - start);
            if (run == null || run.length() != len) {
                run = new Run(model, len);
            }
            int[] chunk = java.util.Arrays.copyOfRange(tokens, start, start + len);
            Sequence s = Sequence.ofTokens(chunk, null, null);
            if (start > 0) {
                s = s.withInitialState(h.copy(), c == null ? null : c.copy());
            }
            run.load(s);
            run.forward();
            for (int l = 0; l < rows; l++) {
                LayerState st = run.layer(l, 0);
                DMatrixRMaj hm = st.hiddenMatrix();
                int base = l * H * (lstm ? 2 : 1);
                int off = st.hiddenOffset();
                for (int t = 0; t < len; t++) {
                    int ro = t * hm.numCols + off;
                    for (int u = 0; u < H; u++) {
                        v[base + u][start + t] = (float) hm.data[ro + u];
                    }
                }
                if (lstm) {
                    DMatrixRMaj cm = st.cellMatrix();
                    for (int t = 0; t < len; t++) {
                        int ro = t * cm.numCols;
                        for (int u = 0; u < H; u++) {
                            v[base + H + u][start + t] = (float) cm.data[ro + u];
                        }
                    }
                }
            }
            run.finalState(h, c);
            progress.accept(start + len);
        }
        return new Activations(text, Collections.unmodifiableList(units), v);
    }

    public CharText text() {
        return text;
    }

    public List<UnitId> units() {
        return units;
    }

    /** The activation of unit number {@code i} (an index into {@link #units()}) at every character (shared: do not change it). */
    public float[] trace(int i) {
        return values[i];
    }

    /** The index of {@code id} in {@link #units()}, or −1. */
    public int indexOf(UnitId id) {
        return units.indexOf(id);
    }
}
