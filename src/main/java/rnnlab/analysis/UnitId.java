package rnnlab.analysis;

/** One unit of a model: its layer, its index, and whether it is the hidden state h or the LSTM cell state c. */
public record UnitId(int layer, int unit, boolean cellState) {
    /** {@code h1.17} / {@code c0.3}: state, layer, unit. */
    public String key() {
        return (cellState ? "c" : "h") + layer + "." + unit;
    }

    /** "layer 1, hidden h" / "layer 0, cell state c". */
    public String where() {
        return "layer " + layer + ", " + (cellState ? "cell state c" : "hidden h");
    }
}
