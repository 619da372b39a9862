package rnnlab.ui.diagrams;

import javafx.scene.control.Skin;

/**
 * The LSTM cell: c_{t−1} → ×f → +(i⊙c̃) → c_t along the top, h_{t−1} and x_t into the σ, σ, tanh, σ
 * gates, o⊙tanh(c_t) → h_t. Vector names: x, h_prev, c_prev, i, f, g, o, c, h.
 */
public class LstmCellDiagram extends CellDiagram {
    public LstmCellDiagram() {
        super("lstm-cell-diagram", "view.lstm");
    }

    @Override
    public String partPrefix() {
        return "lstm";
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new LstmCellDiagramSkin(this);
    }
}
