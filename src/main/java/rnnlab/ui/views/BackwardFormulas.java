package rnnlab.ui.views;

import static rnnlab.ui.views.FormulaView.n;
import static rnnlab.ui.views.FormulaView.tint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rnnlab.ui.formula.FormulaPanel.Formula;
import rnnlab.session.Frame;

/**
 * The backward (BPTT) equations of one step and unit in TeX, with the frame's numbers, e.g.
 * δc_t = δh_t ⊙ o_t ⊙ (1 − tanh² c_t) + f_{t+1} ⊙ δc_{t+1} = 0.12 · 0.61 · 0.83 + 0.0310 = 0.0918.
 */
final class BackwardFormulas {
    private BackwardFormulas() {
    }

    /** A gradient-sized number in TeX: 3 significant digits, or m·10^e below 0.01. */
    static String g(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return n(v);
        }
        double a = Math.abs(v);
        if (a == 0 || (a >= 0.01 && a < 1000)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        int e = (int) Math.floor(Math.log10(a));
        double m = v / Math.pow(10, e);
        if (Math.abs(m) >= 9.995) {
            m /= 10;
            e++;
        }
        return String.format(Locale.ROOT, "%.2f", m) + "\\cdot 10^{" + e + "}";
    }

    private static String p(double v) {
        return v < 0 ? "(" + g(v) + ")" : g(v);
    }

    static List<Formula> formulas(Frame f, Frame.LayerFrame lf, int t, int u) {
        int hs = f.hiddenSize();
        String ts = Integer.toString(t + 1);
        int nx = CellDiagramView.nextStep(lf, t);
        boolean hasNext = nx >= 0 && nx < f.length();
        String ns = Integer.toString(nx + 1);
        String idx = "[" + (u + 1) + "]";
        double dh = CellDiagramView.row(lf.gradH(), t, hs)[u];
        List<Formula> out = new ArrayList<>();
        out.add(new Formula("formula.back.h", "\\delta h_{" + ts + "}" + idx + " = \\frac{\\partial L}{\\partial h_{" + ts
                + "}} = " + g(dh)));
        if (f.isLstm()) {
            double fv = lf.gates()[1][t][u];
            double iv = lf.gates()[0][t][u];
            double gv = lf.gates()[2][t][u];
            double ov = lf.gates()[3][t][u];
            double c = lf.c()[t][u];
            double th = Math.tanh(c);
            double dc = CellDiagramView.row(lf.gradC(), t, hs)[u];
            double carried = hasNext ? lf.gates()[1][nx][u] * CellDiagramView.row(lf.gradC(), nx, hs)[u] : 0;
            String rest = hasNext ? " + " + tint("f") + "_{" + ns + "}\\,\\delta c_{" + ns + "}" : "";
            out.add(new Formula("formula.back.c", "\\delta c_{" + ts + "}" + idx + " = \\delta h_{" + ts + "}\\,"
                    + tint("o") + "_{" + ts + "}\\,(1-\\tanh^2 c_{" + ts + "})" + rest + " = " + p(dh) + "\\cdot " + n(ov)
                    + "\\cdot " + n(1 - th * th) + (hasNext ? " + " + p(carried) : "") + " = " + g(dc)));
            double cp = CellMath.previousCell(f, lf, t)[u];
            out.add(gate("o", ts, idx, "\\delta h_{" + ts + "}\\tanh(c_{" + ts + "})\\," + tint("o") + "(1-" + tint("o") + ")",
                    p(dh) + "\\cdot " + p(th) + "\\cdot " + n(ov * (1 - ov)), lf.gateDeltas()[3][t][u]));
            out.add(gate("f", ts, idx, "\\delta c_{" + ts + "}\\,c_{" + t + "}\\," + tint("f") + "(1-" + tint("f") + ")",
                    p(dc) + "\\cdot " + p(cp) + "\\cdot " + n(fv * (1 - fv)), lf.gateDeltas()[1][t][u]));
            out.add(gate("i", ts, idx, "\\delta c_{" + ts + "}\\,\\tilde{c}_{" + ts + "}\\," + tint("i") + "(1-" + tint("i") + ")",
                    p(dc) + "\\cdot " + p(gv) + "\\cdot " + n(iv * (1 - iv)), lf.gateDeltas()[0][t][u]));
            out.add(new Formula("formula.back.g", "\\delta \\tilde{c}_{" + ts + "}" + idx + " = \\delta c_{" + ts + "}\\,"
                    + tint("i") + "_{" + ts + "}\\,(1-\\tilde{c}^2) = " + p(dc) + "\\cdot " + n(iv) + "\\cdot "
                    + n(1 - gv * gv) + " = " + g(lf.gateDeltas()[2][t][u])));
        } else if (f.isGru()) {
            double[] hp = CellMath.previousHidden(f, lf, t);
            double r = lf.gates()[0][t][u];
            double z = lf.gates()[1][t][u];
            double nv = lf.gates()[2][t][u];
            out.add(gate("z", ts, idx, "\\delta h_{" + ts + "}\\,(h_{" + t + "} - n_{" + ts + "})\\," + tint("z") + "(1-" + tint("z") + ")",
                    p(dh) + "\\cdot " + p(hp[u] - nv) + "\\cdot " + n(z * (1 - z)), lf.gateDeltas()[1][t][u]));
            out.add(new Formula("formula.back.n", "\\delta n_{" + ts + "}" + idx + " = \\delta h_{" + ts + "}\\,(1-"
                    + tint("z") + ")\\,(1-n^2) = " + p(dh) + "\\cdot " + n(1 - z) + "\\cdot " + n(1 - nv * nv) + " = "
                    + g(lf.gateDeltas()[2][t][u])));
            double hn = CellMath.hiddenPart(f, lf.layer(), lf.direction(), 2, u, hp);
            out.add(gate("r", ts, idx, "\\delta n_{" + ts + "}\\,(W_{hn}h_{" + t + "}+b_{hn})\\," + tint("r") + "(1-" + tint("r") + ")",
                    p(lf.gateDeltas()[2][t][u]) + "\\cdot " + p(hn) + "\\cdot " + n(r * (1 - r)), lf.gateDeltas()[0][t][u]));
        } else {
            double hv = lf.h()[t][u];
            boolean relu = CellMath.relu(f);
            String d = relu ? "[a_{" + ts + "} > 0]" : "(1-h_{" + ts + "}^2)";
            out.add(new Formula("formula.back.a", "\\delta a_{" + ts + "}" + idx + " = \\delta h_{" + ts + "}\\," + d + " = "
                    + p(dh) + "\\cdot " + (relu ? (hv > 0 ? "1" : "0") : n(1 - hv * hv)) + " = "
                    + g(lf.gateDeltas()[0][t][u])));
        }
        String prev = Integer.toString(t);
        out.add(new Formula("formula.back.w", "\\frac{\\partial L}{\\partial W_{hh}} \\mathrel{+}= \\delta_{" + ts
                + "}\\, h_{" + prev + "}^{\\top}, \\quad \\delta h_{" + prev + "} \\mathrel{+}= W_{hh}^{\\top}\\,\\delta_{" + ts + "}"));
        return out;
    }

    private static Formula gate(String gate, String ts, String idx, String rule, String numbers, double value) {
        return new Formula("formula.back." + gate, "\\delta " + tint(gate) + "_{" + ts + "}" + idx + " = " + rule + " = "
                + numbers + " = " + g(value));
    }
}
