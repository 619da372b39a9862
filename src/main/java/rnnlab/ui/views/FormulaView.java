package rnnlab.ui.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import rnnlab.ui.formula.FormulaPanel;
import rnnlab.ui.formula.FormulaPanel.Formula;
import rnnlab.ui.controls.Palette;
import rnnlab.session.Frame;
import rnnlab.i18n.Messages;

/**
 * view.formulas: the shown step's equations typeset, with the selected unit's numbers substituted,
 * e.g. f_6[3] = σ(0.41 − 0.20) = 0.55. The formula list is rebuilt only when the frame, layer, step or
 * unit changes; the panel caches each typeset image by its source.
 */
public final class FormulaView extends FrameView<FormulaPanel> {
    private Object lastKey;

    public FormulaView() {
        super(new FormulaPanel(), "view.formulas.title");
    }

    @Override
    protected void update(Frame f, ViewContext ctx) {
        Frame.LayerFrame lf = layer(f, ctx);
        int u = unit(f, ctx);
        int t = f.time();
        List<Object> key = List.of(System.identityHashCode(f), lf.layer(), lf.direction(), t, u, f.phase());
        if (Objects.equals(key, lastKey)) {
            return;
        }
        lastKey = key;
        if (t < 0 || t >= f.forwardSteps()) {
            control.setHeading(Messages.get("formula.heading.none"));
            control.setFormulas(List.of());
            return;
        }
        if (f.phase() == Frame.Phase.BACKWARD) {
            control.setHeading(Messages.format("formula.heading.back", t + 1, u + 1));
            control.setFormulas(BackwardFormulas.formulas(f, lf, t, u));
            return;
        }
        control.setHeading(Messages.format("formula.heading", t + 1, u + 1));
        control.setFormulas(formulas(f, lf, t, u));
    }

    /** TeX for a number: two decimals, NaN/∞ spelled out. */
    static String n(double v) {
        if (rnnlab.ui.controls.Palette.masked(v)) {
            return "\\,?\\,";
        }
        if (Double.isNaN(v)) {
            return "\\mathrm{NaN}";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\\infty" : "-\\infty";
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** a + b written as "a + b" or "a - |b|". */
    static String plus(double b) {
        return b < 0 ? " - " + n(-b) : " + " + n(b);
    }

    static List<Formula> formulas(Frame f, Frame.LayerFrame lf, int t, int u) {
        int l = lf.layer();
        int d = lf.direction();
        double[] x = CellMath.layerInput(f, l, t);
        double[] hp = CellMath.previousHidden(f, lf, t);
        String ts = Integer.toString(t + 1);
        int pi = CellMath.previousStep(f, d, t);
        String ps = Integer.toString(pi < 0 || pi >= f.length() ? 0 : pi + 1);
        String idx = "[" + (u + 1) + "]";
        List<Formula> out = new ArrayList<>();
        if (f.isLstm() || f.isGru()) {
            String[] names = f.gateNames();
            for (int b = 0; b < names.length; b++) {
                String g = names[b];
                double xp = CellMath.inputPart(f, l, d, b, u, x);
                double hpart = CellMath.hiddenPart(f, l, d, b, u, hp);
                double v = lf.gates()[b][t][u];
                String name = "g".equals(g) ? "\\tilde{c}" : g;
                String act = Palette.isSigmoidGate(g) ? "\\sigma" : "\\tanh";
                String xs = "\\underbrace{" + n(xp) + "}_{W_{i" + g + "}x_{" + ts + "}+b_{i" + g + "}}";
                String hs = "\\underbrace{" + n(hpart) + "}_{W_{h" + g + "}h_{" + ps + "}+b_{h" + g + "}}";
                String inner = "n".equals(g) && f.isGru()
                        ? xs + " + " + n(lf.gates()[0][t][u]) + "\\cdot " + hs
                        : xs + " + " + hs;
                String lhs = name + "_{" + ts + "}";
                if (Palette.isSigmoidGate(g)) {
                    lhs = "\\textcolor{" + hex(Palette.gateHue(g)) + "}{" + lhs + "}";
                }
                out.add(new Formula(rnnlab.engine.CellType.gate(g).formulaKey(), lhs + idx + " = " + act + "\\left(" + inner
                        + "\\right) = " + n(v)));
            }
            if (f.isLstm()) {
                double fv = lf.gates()[1][t][u];
                double iv = lf.gates()[0][t][u];
                double gv = lf.gates()[2][t][u];
                double ov = lf.gates()[3][t][u];
                double cp = CellMath.previousCell(f, lf, t)[u];
                double c = lf.c()[t][u];
                out.add(new Formula("formula.c", "c_{" + ts + "}" + idx + " = " + tint("f") + "\\,c_{" + ps + "} + " + tint("i") + "\\,\\tilde{c} = "
                        + n(fv) + "\\cdot " + paren(cp) + " + " + n(iv) + "\\cdot " + paren(gv) + " = " + n(c)));
                out.add(new Formula("formula.h", "h_{" + ts + "}" + idx + " = " + tint("o") + "\\,\\tanh(c_{" + ts + "}) = " + n(ov)
                        + "\\cdot\\tanh" + "(" + n(c) + ") = " + n(lf.h()[t][u])));
            } else {
                double z = lf.gates()[1][t][u];
                double nn = lf.gates()[2][t][u];
                out.add(new Formula("formula.h", "h_{" + ts + "}" + idx + " = (1-" + tint("z") + ")\\,n + " + tint("z") + "\\,h_{" + ps + "} = (1 - "
                        + n(z) + ")\\cdot " + paren(nn) + " + " + n(z) + "\\cdot " + paren(hp[u]) + " = "
                        + n(lf.h()[t][u])));
            }
        } else {
            double xp = CellMath.inputPart(f, l, d, 0, u, x);
            double hpart = CellMath.hiddenPart(f, l, d, 0, u, hp);
            String act = CellMath.relu(f) ? "\\mathrm{ReLU}" : "\\tanh";
            out.add(new Formula("formula.h", "h_{" + ts + "}" + idx + " = " + act + "\\left(\\underbrace{" + n(xp)
                    + "}_{W_{xh}x_{" + ts + "}+b_{ih}} + \\underbrace{" + n(hpart) + "}_{W_{hh}h_{" + ps
                    + "}+b_{hh}}\\right) = " + act + "(" + n(xp + hpart) + ") = " + n(lf.h()[t][u])));
        }
        if (f.hasTarget()[t] && f.classTargets() != null && "softmax".equals(f.outputActivation())) {
            int k = f.classTargets()[t];
            out.add(new Formula("formula.loss", "L_{" + ts + "} = -\\log p(y_{" + ts + "} = \\mathrm{" + Messages.get("formula.tex.target")
                    + "}) = -\\log " + n(f.outputs()[t][k]) + " = " + n(f.stepLoss()[t])));
        }
        return out;
    }

    /** A gate's letter in its hue. */
    static String tint(String gate) {
        return "\\textcolor{" + hex(Palette.gateHue(gate)) + "}{" + gate + "}";
    }

    /** #RRGGBB of a colour, for TeX's \\textcolor. */
    static String hex(javafx.scene.paint.Color c) {
        return String.format(Locale.ROOT, "#%06X", Palette.argb(c) & 0xFFFFFF);
    }

    private static String paren(double v) {
        return v < 0 ? "(" + n(v) + ")" : n(v);
    }

    /**
     * The formulas' numbers for the selected unit at the shown step: each equation with its two summed
     * terms and its result (forward); the gradients of the unit (BPTT).
     */
    @Override
    protected ValuesTable values(Frame f, ViewContext ctx) {
        Frame.LayerFrame lf = layer(f, ctx);
        int u = unit(f, ctx);
        int t = f.time();
        List<String> cols = List.of(Messages.get("values.col.quantity"), Messages.get("values.col.term1"),
                Messages.get("values.col.term2"), Messages.get("values.col.result"));
        if (t < 0 || t >= f.forwardSteps()) {
            return new ValuesTable(Messages.get("formula.heading.none"), cols, List.of());
        }
        List<List<String>> rows = new ArrayList<>();
        String ix = "[" + (u + 1) + "]";
        if (f.phase() == Frame.Phase.BACKWARD) {
            rows.add(row("\u03b4h_t" + ix, Double.NaN, Double.NaN, CellDiagramView.row(lf.gradH(), t, f.hiddenSize())[u], true));
            if (lf.gradC() != null) {
                rows.add(row("\u03b4c_t" + ix, Double.NaN, Double.NaN, CellDiagramView.row(lf.gradC(), t, f.hiddenSize())[u], true));
            }
            String[] names = f.gateNames().length > 0 ? f.gateNames() : new String[] {"a"};
            for (int b = 0; b < names.length && b < lf.gateDeltas().length; b++) {
                rows.add(row("\u03b4" + names[b] + "_t" + ix, Double.NaN, Double.NaN, lf.gateDeltas()[b][t][u], true));
            }
            return new ValuesTable(Messages.format("formula.heading.back", t + 1, u + 1), cols, rows);
        }
        int l = lf.layer();
        int d = lf.direction();
        double[] x = CellMath.layerInput(f, l, t);
        double[] hp = CellMath.previousHidden(f, lf, t);
        String[] names = f.gateNames();
        for (int b = 0; b < names.length; b++) {
            String g = names[b];
            double xp = CellMath.inputPart(f, l, d, b, u, x);
            double hpart = CellMath.hiddenPart(f, l, d, b, u, hp);
            String act = Palette.isSigmoidGate(g) ? "\u03c3" : "tanh";
            boolean reset = "n".equals(g) && f.isGru();
            rows.add(row(g + "_t" + ix + " = " + act + "(W_i" + g + "\u00b7x_t + b_i" + g + (reset ? " + r_t\u00b7(" : " + ")
                    + "W_h" + g + "\u00b7h_t\u22121 + b_h" + g + (reset ? "))" : ")"), xp,
                    reset ? lf.gates()[0][t][u] * hpart : hpart, lf.gates()[b][t][u], false));
        }
        double h = lf.h()[t][u];
        if (f.isLstm()) {
            double cp = CellMath.previousCell(f, lf, t)[u];
            rows.add(row("c_t" + ix + " = f_t\u00b7c_t\u22121 + i_t\u00b7g_t", lf.gates()[1][t][u] * cp,
                    lf.gates()[0][t][u] * lf.gates()[2][t][u], lf.c()[t][u], false));
            rows.add(row("h_t" + ix + " = o_t\u00b7tanh(c_t)", lf.gates()[3][t][u], Math.tanh(lf.c()[t][u]), h, false));
        } else if (f.isGru()) {
            double z = lf.gates()[1][t][u];
            rows.add(row("h_t" + ix + " = (1 \u2212 z_t)\u00b7n_t + z_t\u00b7h_t\u22121", (1 - z) * lf.gates()[2][t][u],
                    z * hp[u], h, false));
        } else {
            String act = CellMath.relu(f) ? "ReLU" : "tanh";
            rows.add(row("h_t" + ix + " = " + act + "(W_xh\u00b7x_t + b_ih + W_hh\u00b7h_t\u22121 + b_hh)",
                    CellMath.inputPart(f, l, d, 0, u, x), CellMath.hiddenPart(f, l, d, 0, u, hp), h, false));
        }
        if (f.hasTarget()[t] && f.classTargets() != null && "softmax".equals(f.outputActivation())) {
            int k = f.classTargets()[t];
            rows.add(row("L_t = \u2212log p(" + Messages.get("formula.tex.target") + ")", f.outputs()[t][k], Double.NaN,
                    f.stepLoss()[t], false));
        }
        return new ValuesTable(Messages.format("formula.heading", t + 1, u + 1), cols, rows);
    }

    private static List<String> row(String what, double a, double b, double result, boolean grad) {
        return List.of(what, Double.isNaN(a) ? "" : ValuesTable.num(a), Double.isNaN(b) ? "" : ValuesTable.num(b),
                grad ? ValuesTable.sci(result) : ValuesTable.num(result));
    }
}
