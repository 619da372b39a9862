package rnnlab.ui.views;

import static rnnlab.ui.controls.ViewText.factor;
import static rnnlab.ui.controls.ViewText.format;
import static rnnlab.ui.controls.ViewText.get;
import static rnnlab.ui.controls.ViewText.num;
import static rnnlab.ui.controls.ViewText.signed;

import java.util.LinkedHashMap;
import java.util.Map;
import rnnlab.ui.controls.LstmCellDiagram;
import rnnlab.ui.viewmodel.Frame;

/** view.lstm: the LSTM cell diagram of the selected layer at the cursor's step. */
public final class LstmView extends CellDiagramView<LstmCellDiagram> {
    public LstmView() {
        super(new LstmCellDiagram(), "view.lstm.title");
    }

    @Override
    boolean isGate(String part) {
        return "i".equals(part) || "f".equals(part) || "g".equals(part) || "o".equals(part);
    }

    @Override
    boolean accepts(Frame f) {
        return f.isLstm();
    }

    @Override
    Map<String, double[]> vectors(Frame f, Frame.LayerFrame lf, int t) {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("x", CellMath.layerInput(f, lf.layer(), t));
        m.put("h_prev", CellMath.previousHidden(f, lf, t));
        m.put("c_prev", CellMath.previousCell(f, lf, t));
        for (String g : f.gateNames()) {
            m.put(g, lf.gates()[CellMath.block(f, g)][t]);
        }
        m.put("c", lf.c()[t]);
        m.put("h", lf.h()[t]);
        return m;
    }

    @Override
    String equation(Frame f, Frame.LayerFrame lf, int t, int u, String part) {
        double[] x = CellMath.layerInput(f, lf.layer(), t);
        double[] hp = CellMath.previousHidden(f, lf, t);
        int l = lf.layer();
        int d = lf.direction();
        if (isGate(part)) {
            int b = CellMath.block(f, part);
            double xp = CellMath.inputPart(f, l, d, b, u, x);
            double hpart = CellMath.hiddenPart(f, l, d, b, u, hp);
            double v = lf.gates()[b][t][u];
            return "g".equals(part) ? format("lstm.eq.g", u, num(xp), signed(hpart), num(v))
                    : format("lstm.eq.gate", part, u, part, num(xp), signed(hpart), num(v));
        }
        double fv = lf.gates()[CellMath.block(f, "f")][t][u];
        double iv = lf.gates()[CellMath.block(f, "i")][t][u];
        double gv = lf.gates()[CellMath.block(f, "g")][t][u];
        double ov = lf.gates()[CellMath.block(f, "o")][t][u];
        return switch (part) {
            case "c" -> format("lstm.eq.c", u, num(fv), factor(CellMath.previousCell(f, lf, t)[u]), num(iv), factor(gv),
                    num(lf.c()[t][u]));
            case "h" -> format("lstm.eq.h", u, num(ov), num(lf.c()[t][u]), num(lf.h()[t][u]));
            case "x" -> format("cell.eq.value", get("lstm.x"), u, num(u < x.length ? x[u] : Double.NaN));
            case "h_prev" -> format("cell.eq.value", get("lstm.h_prev"), u, num(hp[u]));
            case "c_prev" -> format("cell.eq.value", get("lstm.c_prev"), u, num(CellMath.previousCell(f, lf, t)[u]));
            default -> null;
        };
    }
}
