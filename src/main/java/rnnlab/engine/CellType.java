package rnnlab.engine;

import java.util.Locale;

/** The recurrent cells RNN Lab runs, with PyTorch's names and gate blocks (rows of the weights). */
public enum CellType {
    RNN_TANH("rnn_tanh", new String[0]),
    RNN_RELU("rnn_relu", new String[0]),
    /** Gate blocks in PyTorch order: input, forget, candidate (g), output. */
    LSTM("lstm", new String[] {"i", "f", "g", "o"}),
    /** Gate blocks in PyTorch order: reset, update, candidate (n). */
    GRU("gru", new String[] {"r", "z", "n"});

    private final String id;
    private final String[] gates;

    CellType(String id, String[] gates) {
        this.id = id;
        this.gates = gates;
    }

    /** The name used in model files: {@code rnn_tanh}, {@code rnn_relu}, {@code lstm}, {@code gru}. */
    public String id() {
        return id;
    }

    /** Number of row blocks in weight_ih / weight_hh: 1, 4 or 3. */
    public int blocks() {
        return gates.length == 0 ? 1 : gates.length;
    }

    /** Names of the gates recorded in a trace (empty for the vanilla cells). */
    public String[] gateNames() {
        return gates.clone();
    }

    public boolean hasCellState() {
        return this == LSTM;
    }

    /** Parses a model file's cell name; null if unknown. */
    public static CellType fromId(String s) {
        if (s == null) {
            return null;
        }
        String k = s.toLowerCase(Locale.ROOT);
        for (CellType c : values()) {
            if (c.id.equals(k)) {
                return c;
            }
        }
        return null;
    }
}
