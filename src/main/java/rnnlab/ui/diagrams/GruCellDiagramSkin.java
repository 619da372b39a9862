package rnnlab.ui.diagrams;

/** Layout of the GRU cell: h_{t−1} along the top, gates below, the blend (1−z)⊙n + z⊙h_{t−1}. */
public class GruCellDiagramSkin extends CellDiagramSkin<GruCellDiagram> {
    public GruCellDiagramSkin(GruCellDiagram c) {
        super(c);
        vector("h_prev", "h_prev", "gru.h_prev", Kind.DIVERGING, null, 0.08, 0.08, 0);
        vector("x", "x", "gru.x", Kind.DIVERGING, null, 0.20, 0.96, 0);
        operator("join", "•", 0.20, 0.80, 0);
        vector("z", "gate.z", "gru.z", Kind.GATE, "z", 0.32, 0.52, 1);
        vector("r", "gate.r", "gru.r", Kind.GATE, "r", 0.52, 0.52, 1);
        vector("n", "gate.n", "gru.n", Kind.DIVERGING, "n", 0.74, 0.52, 2);
        operator("mulZ", "×", 0.32, 0.08, 3);
        operator("oneMinus", "1−", 0.46, 0.30, 3);
        operator("mulN", "×", 0.74, 0.30, 3);
        operator("add", "+", 0.74, 0.08, 4);
        vector("h", "h", "gru.h", Kind.DIVERGING, null, 0.91, 0.08, 4);
        labelLeft("x");
        edge("h_prev", "join", 0.08, 0.80);
        edge("x", "join");
        edgeHV("join", "z");
        edgeHV("join", "r");
        edgeHV("join", "n");
        edge("r", "n");
        edge("h_prev", "mulZ");
        edge("z", "mulZ");
        edge("z", "oneMinus", 0.32, 0.30);
        edge("oneMinus", "mulN");
        edge("n", "mulN");
        edge("mulN", "add");
        edge("mulZ", "add");
        edge("add", "h");
    }
}
