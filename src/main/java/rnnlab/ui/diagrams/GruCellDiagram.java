package rnnlab.ui.diagrams;

import javafx.scene.control.Skin;

/**
 * The GRU cell: reset r and update z gates, candidate n = tanh(W_in x + b_in + r⊙(W_hn h + b_hn)),
 * h_t = (1−z)⊙n + z⊙h_{t−1}. Vector names: x, h_prev, r, z, n, h.
 */
public class GruCellDiagram extends CellDiagram {
    public GruCellDiagram() {
        super("gru-cell-diagram", "view.gru");
    }

    @Override
    public String partPrefix() {
        return "gru";
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new GruCellDiagramSkin(this);
    }
}
