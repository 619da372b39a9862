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
import rnnlab.ui.diagrams.GruCellDiagram;
import rnnlab.session.Frame;
import rnnlab.session.FrameMask;

/** view.gru: the GRU cell diagram of the selected layer at the cursor's step. */
public final class GruView extends CellDiagramView<GruCellDiagram> {
    public GruView() {
        super(new GruCellDiagram(), "view.gru.title");
    }

    @Override
    rnnlab.engine.CellType cellType() {
        return rnnlab.engine.CellType.GRU;
    }



    @Override
    protected void update(Frame f, ViewContext ctx) {
        if (control.getSelectedPart() == null) {
            control.setSelectedPart("h");
        }
        super.update(f, ctx);
    }

    @Override
    Map<String, double[]> vectors(Frame f, Frame.LayerFrame lf, int t) {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("x", CellMath.layerInput(f, lf.layer(), t));
        m.put("h_prev", CellMath.previousHidden(f, lf, t));
        for (String g : f.gateNames()) {
            m.put(g, lf.gates()[CellMath.block(f, g)][t]);
        }
        m.put("h", lf.h()[t]);
        return m;
    }

    @Override
    String equation(Frame f, Frame.LayerFrame lf, int t, int u, String part) {
        double[] x = CellMath.layerInput(f, lf.layer(), t);
        double[] hp = CellMath.previousHidden(f, lf, t);
        int l = lf.layer();
        int d = lf.direction();
        double r = lf.gates()[0][t][u];
        double z = lf.gates()[1][t][u];
        double n = lf.gates()[2][t][u];
        return switch (part) {
            case "r", "z" -> {
                int b = CellMath.block(f, part);
                // a masked gate hides its pre-activation too
                boolean hidden = FrameMask.masked(lf.gates()[b][t][u]);
                yield format("gru.eq.gate", part, u + 1, num(hidden ? FrameMask.MASKED : CellMath.inputPart(f, l, d, b, u, x)),
                        signed(hidden ? FrameMask.MASKED : CellMath.hiddenPart(f, l, d, b, u, hp)), num(lf.gates()[b][t][u]));
            }
            case "n" -> format("gru.eq.n", u + 1, num(FrameMask.masked(n) ? FrameMask.MASKED : CellMath.inputPart(f, l, d, 2, u, x)),
                    num(r), factor(FrameMask.masked(n) ? FrameMask.MASKED : CellMath.hiddenPart(f, l, d, 2, u, hp)), num(n));
            case "h" -> format("gru.eq.h", u + 1, num(z), factor(n), factor(hp[u]), num(lf.h()[t][u]));
            case "x" -> format("cell.eq.value", get("gru.x"), u + 1, num(u < x.length ? x[u] : Double.NaN));
            case "h_prev" -> format("cell.eq.value", get("gru.h_prev"), u + 1, num(hp[u]));
            default -> null;
        };
    }

    @Override
    Map<String, double[]> gradients(Frame f, Frame.LayerFrame lf, int t) {
        int n = f.hiddenSize();
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("h_prev", CellMath.recurrentGrad(f, lf, t));
        for (String g : f.gateNames()) {
            m.put(g, lf.gateDeltas()[CellMath.block(f, g)][t]);
        }
        m.put("h", row(lf.gradH(), t, n));
        return m;
    }

    @Override
    String backwardEquation(Frame f, Frame.LayerFrame lf, int t, int u, String part) {
        int n = f.hiddenSize();
        double dh = row(lf.gradH(), t, n)[u];
        double[] hp = CellMath.previousHidden(f, lf, t);
        double r = lf.gates()[0][t][u];
        double z = lf.gates()[1][t][u];
        double nv = lf.gates()[2][t][u];
        return switch (part) {
            case "z" -> format("gru.beq.z", u + 1, sci(dh), exactFactor(hp[u] - nv), exactFactor(z * (1 - z)), sci(lf.gateDeltas()[1][t][u]));
            case "n" -> format("gru.beq.n", u + 1, sci(dh), exactFactor(1 - z), exactFactor(1 - nv * nv), sci(lf.gateDeltas()[2][t][u]));
            case "r" -> format("gru.beq.r", u + 1, sci(lf.gateDeltas()[2][t][u]),
                    exactFactor(CellMath.hiddenPart(f, lf.layer(), lf.direction(), 2, u, hp)), exactFactor(r * (1 - r)),
                    sci(lf.gateDeltas()[0][t][u]));
            case "h" -> format("gru.beq.h", u + 1, sci(dh));
            case "h_prev" -> format("cell.beq.value", get("gru.h_prev"), u + 1, sci(gradients(f, lf, t).get(part)[u]));
            default -> null;
        };
    }
}
