package rnnlab.ui.views;

import static rnnlab.ui.controls.NumberText.factor;
import static rnnlab.ui.controls.NumberText.exactFactor;
import static rnnlab.i18n.Messages.format;
import static rnnlab.i18n.Messages.get;
import static rnnlab.ui.controls.NumberText.num;
import static rnnlab.ui.controls.NumberText.sci;
import static rnnlab.ui.controls.NumberText.signed;

import java.util.LinkedHashMap;
import java.util.Map;
import rnnlab.ui.diagrams.LstmCellDiagram;
import rnnlab.session.Frame;
import rnnlab.session.FrameMask;

/** view.lstm: the LSTM cell diagram of the selected layer at the cursor's step. */
public final class LstmView extends CellDiagramView<LstmCellDiagram> {
    public LstmView() {
        super(new LstmCellDiagram(), "view.lstm.title");
    }

    @Override
    rnnlab.engine.CellType cellType() {
        return rnnlab.engine.CellType.LSTM;
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
            if (FrameMask.masked(v)) {
                // a masked gate hides its pre-activation too: σ(0.33 + 4.96) would give the answer away
                xp = FrameMask.MASKED;
                hpart = FrameMask.MASKED;
            }
            return "g".equals(part) ? format("lstm.eq.g", u + 1, num(xp), signed(hpart), num(v))
                    : format("lstm.eq.gate", part, u + 1, part, num(xp), signed(hpart), num(v));
        }
        double fv = lf.gates()[CellMath.block(f, "f")][t][u];
        double iv = lf.gates()[CellMath.block(f, "i")][t][u];
        double gv = lf.gates()[CellMath.block(f, "g")][t][u];
        double ov = lf.gates()[CellMath.block(f, "o")][t][u];
        return switch (part) {
            case "c" -> format("lstm.eq.c", u + 1, num(fv), factor(CellMath.previousCell(f, lf, t)[u]), num(iv), factor(gv),
                    num(lf.c()[t][u]));
            case "h" -> format("lstm.eq.h", u + 1, num(ov), num(lf.c()[t][u]), num(lf.h()[t][u]));
            case "x" -> format("cell.eq.value", get("lstm.x"), u + 1, num(u < x.length ? x[u] : Double.NaN));
            case "h_prev" -> format("cell.eq.value", get("lstm.h_prev"), u + 1, num(hp[u]));
            case "c_prev" -> format("cell.eq.value", get("lstm.c_prev"), u + 1, num(CellMath.previousCell(f, lf, t)[u]));
            default -> null;
        };
    }

    @Override
    Map<String, double[]> gradients(Frame f, Frame.LayerFrame lf, int t) {
        int n = f.hiddenSize();
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("h_prev", CellMath.recurrentGrad(f, lf, t));
        m.put("c_prev", CellMath.carriedCellGrad(f, lf, t));
        for (String g : f.gateNames()) {
            m.put(g, lf.gateDeltas()[CellMath.block(f, g)][t]);
        }
        m.put("c", row(lf.gradC(), t, n));
        m.put("h", row(lf.gradH(), t, n));
        return m;
    }

    @Override
    String backwardEquation(Frame f, Frame.LayerFrame lf, int t, int u, String part) {
        int n = f.hiddenSize();
        double dh = row(lf.gradH(), t, n)[u];
        double dc = row(lf.gradC(), t, n)[u];
        double fv = lf.gates()[CellMath.block(f, "f")][t][u];
        double iv = lf.gates()[CellMath.block(f, "i")][t][u];
        double gv = lf.gates()[CellMath.block(f, "g")][t][u];
        double ov = lf.gates()[CellMath.block(f, "o")][t][u];
        double c = lf.c()[t][u];
        double th = Math.tanh(c);
        if (isGate(part)) {
            double delta = lf.gateDeltas()[CellMath.block(f, part)][t][u];
            return switch (part) {
                case "f" -> format("lstm.beq.f", u + 1, sci(dc), exactFactor(CellMath.previousCell(f, lf, t)[u]), exactFactor(fv * (1 - fv)),
                        sci(delta));
                case "i" -> format("lstm.beq.i", u + 1, sci(dc), exactFactor(gv), exactFactor(iv * (1 - iv)), sci(delta));
                case "g" -> format("lstm.beq.g", u + 1, sci(dc), exactFactor(iv), exactFactor(1 - gv * gv), sci(delta));
                default -> format("lstm.beq.o", u + 1, sci(dh), exactFactor(th), exactFactor(ov * (1 - ov)), sci(delta));
            };
        }
        return switch (part) {
            case "c" -> {
                int nx = nextStep(lf, t);
                double carried = nx >= 0 && nx < f.length()
                        ? lf.gates()[CellMath.block(f, "f")][nx][u] * row(lf.gradC(), nx, n)[u] : 0;
                yield format("lstm.beq.c", u + 1, sci(dh), exactFactor(ov), exactFactor(1 - th * th), sci(carried), sci(dc));
            }
            case "h" -> format("lstm.beq.h", u + 1, sci(dh));
            case "h_prev", "c_prev" -> format("cell.beq.value", get("lstm." + part), u + 1,
                    sci(gradients(f, lf, t).get(part)[u]));
            default -> null;
        };
    }
}
