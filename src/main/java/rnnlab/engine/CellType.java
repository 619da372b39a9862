package rnnlab.engine;

import java.util.List;
import java.util.Locale;

/**
 * The recurrent cells RNN Lab runs, with PyTorch's names and gate blocks (rows of the weights). This
 * is the one place a cell is described: its id, its gates (name, colour key, formula key, range), the
 * id of the view that draws its inside and the key of its hue. The UI maps the colour keys to colours
 * ({@code ui.controls.Palette.named}) and the formula keys to text; it never compares cell names.
 */
public enum CellType {
    RNN_TANH("rnn_tanh", "orange", "view.rnn"),
    RNN_RELU("rnn_relu", "purple", "view.rnn"),
    /** Gate blocks in PyTorch order: input, forget, candidate (g), output. */
    LSTM("lstm", "blue", "view.lstm",
            new Gate("i", "green", true), new Gate("f", "vermillion", true),
            new Gate("g", "yellow", false), new Gate("o", "blue", true)),
    /** Gate blocks in PyTorch order: reset, update, candidate (n). */
    GRU("gru", "green", "view.gru",
            new Gate("r", "purple", true), new Gate("z", "sky", true), new Gate("n", "yellow", false));

    /**
     * One gate block.
     *
     * @param name      PyTorch's short name (i, f, g, o / r, z, n), used in traces, lessons and formulas
     * @param colourKey the hue's key ({@code ui.controls.Palette.named})
     * @param sigmoid   values in [0, 1] (σ gates) rather than [−1, 1] (tanh candidates)
     */
    public record Gate(String name, String colourKey, boolean sigmoid) {
        /** The i18n key of the gate's formula line ("formula.f"). */
        public String formulaKey() {
            return "formula." + name;
        }
    }

    private final String id;
    private final String colourKey;
    private final String viewId;
    private final List<Gate> gates;

    CellType(String id, String colourKey, String viewId, Gate... gates) {
        this.id = id;
        this.colourKey = colourKey;
        this.viewId = viewId;
        this.gates = List.of(gates);
    }

    /** The name used in model files: {@code rnn_tanh}, {@code rnn_relu}, {@code lstm}, {@code gru}. */
    public String id() {
        return id;
    }

    /** Number of row blocks in weight_ih / weight_hh: 1, 4 or 3. */
    public int blocks() {
        return gates.isEmpty() ? 1 : gates.size();
    }

    /** The gates in block order (empty for the vanilla cells). */
    public List<Gate> gates() {
        return gates;
    }

    /** Names of the gates recorded in a trace (empty for the vanilla cells). */
    public String[] gateNames() {
        String[] out = new String[gates.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = gates.get(k).name();
        }
        return out;
    }

    /** Block index of a gate name, or −1. */
    public int gateIndex(String name) {
        for (int k = 0; k < gates.size(); k++) {
            if (gates.get(k).name().equals(name)) {
                return k;
            }
        }
        return -1;
    }

    /** LSTM or GRU: a gate path, not ρ(W_hh), decides how gradients carry back. */
    public boolean gated() {
        return !gates.isEmpty();
    }

    public boolean hasCellState() {
        return this == LSTM;
    }

    /** The vanilla cell with max(0, ·) instead of tanh. */
    public boolean relu() {
        return this == RNN_RELU;
    }

    /** Key of the cell's hue in charts (Okabe–Ito: rnn orange, LSTM blue, GRU bluish green). */
    public String colourKey() {
        return colourKey;
    }

    /** Id of the view that draws the cell's inside (see rnnlab.catalog.ViewRegistry). */
    public String viewId() {
        return viewId;
    }

    /** A gate of any cell by its short name, or null (names are unique across cells but g/n's range). */
    public static Gate gate(String name) {
        for (CellType c : values()) {
            int k = c.gateIndex(name);
            if (k >= 0) {
                return c.gates.get(k);
            }
        }
        return null;
    }

    /** Every cell's gate names, in declaration order (i, f, g, o, r, z, n). */
    public static List<String> allGateNames() {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (CellType c : values()) {
            c.gates.forEach(g -> out.add(g.name()));
        }
        return List.copyOf(out);
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
