package rnnlab.ui.diagrams;

/** Layout of the vanilla cell: two products add, then the activation. */
public class RnnCellDiagramSkin extends CellDiagramSkin<RnnCellDiagram> {
    public RnnCellDiagramSkin(RnnCellDiagram c) {
        super(c);
        vector("h_prev", "h_prev", "rnn.h_prev", Kind.DIVERGING, null, 0.08, 0.22, 0);
        vector("x", "x", "rnn.x", Kind.DIVERGING, null, 0.32, 0.94, 0);
        vector("whh", "whh", "rnn.whh", Kind.DIVERGING, null, 0.32, 0.22, 1);
        vector("wxh", "wxh", "rnn.wxh", Kind.DIVERGING, null, 0.32, 0.62, 1);
        operator("add", "+", 0.52, 0.42, 2);
        vector("a", "a", "rnn.a", Kind.DIVERGING, null, 0.66, 0.42, 2);
        operator("act", "act", 0.79, 0.42, 3);
        vector("h", "h", "rnn.h", Kind.DIVERGING, null, 0.92, 0.42, 3);
        labelLeft("x");
        edge("h_prev", "whh");
        edge("x", "wxh");
        edgeHV("whh", "add");
        edgeHV("wxh", "add");
        edge("add", "a");
        edge("a", "act");
        edge("act", "h");
    }
}
