package rnnlab.engine;

/**
 * Pins one gate of an LSTM or GRU to a fixed value, e.g. f_t = 0 at step 5 ("what if this cell forgot
 * everything here?"). The forward pass uses the pinned value; BPTT treats it as a constant, so no
 * gradient flows through that gate's weights at that step.
 *
 * @param layer     layer index
 * @param direction 0 forward, 1 reverse
 * @param t         time step (0-based)
 * @param gate      gate name: i, f, g, o (lstm) or r, z, n (gru)
 * @param unit      the hidden unit, or −1 for every unit
 * @param value     the pinned value (0..1 for σ gates, −1..1 for the candidate)
 */
public record GateOverride(int layer, int direction, int t, String gate, int unit, double value) {

    /** The block index of {@link #gate} in PyTorch order, or −1 if the cell has no such gate. */
    public int block(CellType cell) {
        String[] names = cell.gateNames();
        for (int b = 0; b < names.length; b++) {
            if (names[b].equals(gate)) {
                return b;
            }
        }
        return -1;
    }

    /** Writes the pins into the layer states' masks (replacing earlier pins), checking every field. */
    static void apply(java.util.List<GateOverride> overrides, ModelConfig cfg, LayerState[] states, int length) {
        for (LayerState s : states) {
            s.pinned = null;
            s.pinValue = null;
        }
        for (GateOverride o : overrides) {
            int block = o.block(cfg.cell());
            if (block < 0) {
                throw new IllegalArgumentException("a " + cfg.cell().id() + " cell has no gate \"" + o.gate() + "\"");
            }
            if (o.layer() < 0 || o.layer() >= cfg.numLayers() || o.direction() < 0 || o.direction() >= cfg.directions()) {
                throw new IllegalArgumentException("no layer " + o.layer() + " direction " + o.direction());
            }
            if (o.t() < 0 || o.t() >= length || o.unit() < -1 || o.unit() >= cfg.hiddenSize()) {
                throw new IllegalArgumentException("step " + o.t() + " unit " + o.unit() + " is outside the run");
            }
            if (!Double.isFinite(o.value())) {
                throw new IllegalArgumentException("a pinned gate value must be a finite number");
            }
            LayerState s = states[o.layer() * cfg.directions() + o.direction()];
            if (s.pinned == null) {
                s.pinned = new boolean[length * s.gateWidth];
                s.pinValue = new double[length * s.gateWidth];
            }
            int from = o.unit() < 0 ? 0 : o.unit();
            int to = o.unit() < 0 ? cfg.hiddenSize() : o.unit() + 1;
            for (int u = from; u < to; u++) {
                int k = o.t() * s.gateWidth + block * cfg.hiddenSize() + u;
                s.pinned[k] = true;
                s.pinValue[k] = o.value();
            }
        }
    }
}
