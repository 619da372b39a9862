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
import rnnlab.ui.diagrams.RnnCellDiagram;
import rnnlab.session.Frame;
import rnnlab.session.FrameMask;

/** view.rnn: the vanilla cell — W_xh·x_t + b and W_hh·h_{t−1} + b add, then tanh (or ReLU). */
public final class RnnView extends CellDiagramView<RnnCellDiagram> {
    public RnnView() {
        super(new RnnCellDiagram(), "view.rnn.title");
    }

    @Override
    rnnlab.engine.CellType cellType() {
        return rnnlab.engine.CellType.RNN_TANH;
    }



    @Override
    protected void update(Frame f, ViewContext ctx) {
        control.setRelu(CellMath.relu(f));
        if (control.getSelectedPart() == null) {
            control.setSelectedPart("h");
        }
        super.update(f, ctx);
    }

    @Override
    Map<String, double[]> vectors(Frame f, Frame.LayerFrame lf, int t) {
        double[] x = CellMath.layerInput(f, lf.layer(), t);
        double[] hp = CellMath.previousHidden(f, lf, t);
        double[] wx = CellMath.inputParts(f, lf.layer(), lf.direction(), 0, x);
        double[] wh = CellMath.hiddenParts(f, lf.layer(), lf.direction(), 0, hp);
        double[] a = new double[wx.length];
        double[] h = lf.h()[t];
        for (int u = 0; u < a.length; u++) {
            a[u] = wx[u] + wh[u];
            if (u < h.length && FrameMask.masked(h[u])) {
                // a masked h_t hides the sum it is the tanh of (and its two parts)
                wx[u] = FrameMask.MASKED;
                wh[u] = FrameMask.MASKED;
                a[u] = FrameMask.MASKED;
            }
        }
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("x", x);
        m.put("h_prev", hp);
        m.put("wxh", wx);
        m.put("whh", wh);
        m.put("a", a);
        m.put("h", lf.h()[t]);
        return m;
    }

    @Override
    String equation(Frame f, Frame.LayerFrame lf, int t, int u, String part) {
        Map<String, double[]> v = vectors(f, lf, t);
        String act = CellMath.relu(f) ? "ReLU" : "tanh";
        return switch (part) {
            case "h", "a" -> "h".equals(part)
                    ? format("rnn.eq.h", u + 1, act, num(v.get("wxh")[u]), signed(v.get("whh")[u]), num(v.get("h")[u]))
                    : format("rnn.eq.a", u + 1, num(v.get("wxh")[u]), signed(v.get("whh")[u]), num(v.get("a")[u]));
            case "wxh", "whh", "x", "h_prev" -> format("cell.eq.value", get("rnn." + part), u + 1,
                    num(u < v.get(part).length ? v.get(part)[u] : Double.NaN));
            default -> null;
        };
    }

    @Override
    Map<String, double[]> gradients(Frame f, Frame.LayerFrame lf, int t) {
        int n = f.hiddenSize();
        double[] da = lf.gateDeltas()[0][t];
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("h_prev", CellMath.recurrentGrad(f, lf, t));
        m.put("whh", da);
        m.put("wxh", da);
        m.put("a", da);
        m.put("h", row(lf.gradH(), t, n));
        return m;
    }

    @Override
    String backwardEquation(Frame f, Frame.LayerFrame lf, int t, int u, String part) {
        int n = f.hiddenSize();
        double dh = row(lf.gradH(), t, n)[u];
        double da = lf.gateDeltas()[0][t][u];
        double hv = lf.h()[t][u];
        boolean relu = CellMath.relu(f);
        return switch (part) {
            case "a", "whh", "wxh" -> relu ? format("rnn.beq.a.relu", u + 1, sci(dh), hv > 0 ? 1 : 0, sci(da))
                    : format("rnn.beq.a", u + 1, sci(dh), exactFactor(1 - hv * hv), sci(da));
            case "h" -> format("rnn.beq.h", u + 1, sci(dh));
            case "h_prev" -> format("cell.beq.value", get("rnn.h_prev"), u + 1, sci(gradients(f, lf, t).get(part)[u]));
            default -> null;
        };
    }
}
