package rnnlab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which a forward pass computes its cell steps, grouped into the steps a user takes.
 *
 * <p>One direction: group t runs every layer at time t, bottom to top, then the output at t.
 * Bidirectional: for each layer, group k runs the forward direction at t = k and the reverse
 * direction at t = T−1−k; then one group per time step computes the outputs (they need both
 * directions). BPTT runs the groups in reverse order, each group's operations in reverse.
 */
public final class Schedule {
    /** What an operation computes. */
    public enum Kind { CELL, OUTPUT }

    /** One operation: a cell step of (layer, direction) at time t, or the output and loss at t. */
    public record Op(Kind kind, int layer, int direction, int t) {
    }

    private final List<List<Op>> groups;

    Schedule(ModelConfig cfg, int length) {
        List<List<Op>> g = new ArrayList<>();
        int layers = cfg.numLayers();
        if (!cfg.bidirectional()) {
            for (int t = 0; t < length; t++) {
                List<Op> ops = new ArrayList<>();
                for (int l = 0; l < layers; l++) {
                    ops.add(new Op(Kind.CELL, l, 0, t));
                }
                ops.add(new Op(Kind.OUTPUT, -1, -1, t));
                g.add(List.copyOf(ops));
            }
        } else {
            for (int l = 0; l < layers; l++) {
                for (int k = 0; k < length; k++) {
                    g.add(List.of(new Op(Kind.CELL, l, 0, k), new Op(Kind.CELL, l, 1, length - 1 - k)));
                }
            }
            for (int t = 0; t < length; t++) {
                g.add(List.of(new Op(Kind.OUTPUT, -1, -1, t)));
            }
        }
        this.groups = List.copyOf(g);
    }

    /** Number of forward steps (groups). */
    public int size() {
        return groups.size();
    }

    public List<Op> group(int k) {
        return groups.get(k);
    }
}
