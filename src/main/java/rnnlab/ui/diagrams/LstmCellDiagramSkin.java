package rnnlab.ui.diagrams;

/** Layout of the LSTM cell, in computation order: inputs, gates, products, cell state, output, h_t. */
public class LstmCellDiagramSkin extends CellDiagramSkin<LstmCellDiagram> {
    public LstmCellDiagramSkin(LstmCellDiagram c) {
        super(c);
        vector("c_prev", "c_prev", "lstm.c_prev", Kind.SYMLOG, null, 0.07, 0.08, 0);
        vector("h_prev", "h_prev", "lstm.h_prev", Kind.DIVERGING, null, 0.07, 0.80, 0);
        vector("x", "x", "lstm.x", Kind.DIVERGING, null, 0.31, 0.96, 0);
        operator("join", "•", 0.31, 0.80, 0);
        vector("f", "gate.f", "lstm.f", Kind.GATE, "f", 0.22, 0.52, 1);
        vector("i", "gate.i", "lstm.i", Kind.GATE, "i", 0.40, 0.52, 1);
        vector("g", "gate.g", "lstm.g", Kind.DIVERGING, "g", 0.58, 0.52, 1);
        vector("o", "gate.o", "lstm.o", Kind.GATE, "o", 0.76, 0.52, 1);
        operator("mulF", "×", 0.22, 0.08, 2);
        operator("mulI", "×", 0.49, 0.30, 2);
        operator("add", "+", 0.49, 0.08, 3);
        vector("c", "c", "lstm.c", Kind.SYMLOG, null, 0.90, 0.08, 3);
        operator("tanhC", "tanh", 0.90, 0.30, 4);
        operator("mulO", "×", 0.90, 0.52, 4);
        vector("h", "h", "lstm.h", Kind.DIVERGING, null, 0.90, 0.84, 5);
        labelLeft("x");
        labelLeft("h");
        edge("h_prev", "join");
        edge("x", "join");
        for (String gate : new String[] {"f", "i", "g", "o"}) {
            edgeHV("join", gate);
        }
        edge("c_prev", "mulF");
        edge("f", "mulF");
        edge("mulF", "add");
        edgeVH("i", "mulI");
        edgeVH("g", "mulI");
        edge("mulI", "add");
        edge("add", "c");
        edge("c", "tanhC");
        edge("tanhC", "mulO");
        edge("o", "mulO");
        edge("mulO", "h");
    }
}
