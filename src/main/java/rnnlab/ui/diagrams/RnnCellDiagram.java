package rnnlab.ui.diagrams;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Skin;

/**
 * The vanilla RNN cell: the two matrix–vector products W_xh·x_t + b and W_hh·h_{t−1} + b add to a_t,
 * then tanh (or ReLU) gives h_t. Vector names: x, h_prev, wxh, whh, a, h.
 */
public class RnnCellDiagram extends CellDiagram {
    private final BooleanProperty relu = new SimpleBooleanProperty(this, "relu");

    public RnnCellDiagram() {
        super("rnn-cell-diagram", "view.rnn");
        relu.addListener(o -> setVectors(getVectors()));
    }

    @Override
    public String partPrefix() {
        return "rnn";
    }

    public BooleanProperty reluProperty() {
        return relu;
    }

    public void setRelu(boolean b) {
        relu.set(b);
    }

    @Override
    public String symbolFor(String symbol) {
        return "act".equals(symbol) ? (relu.get() ? "ReLU" : "tanh") : symbol;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new RnnCellDiagramSkin(this);
    }
}
