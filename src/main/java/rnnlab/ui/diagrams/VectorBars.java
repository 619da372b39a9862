package rnnlab.ui.diagrams;

import javafx.scene.canvas.GraphicsContext;
import rnnlab.ui.controls.LabCanvasSkin;
import rnnlab.ui.controls.Palette;
import rnnlab.ui.controls.Theme;

/**
 * The bars inside a cell diagram's vector box, one per unit (a window of units around the selected
 * one when they do not all fit): gates as heights 0…1 in the gate's hue, other vectors diverging
 * around a middle line (the cell state on a symmetric log scale), gradients as log magnitudes.
 */
final class VectorBars {
    private VectorBars() {
    }

    static void draw(CellDiagramSkin<?> skin, GraphicsContext g, CellDiagramSkin.Part q, double[] v, double[] pv,
                     double k, double x0, double y0, double boxW, double boxH, int selectedUnit, boolean backward,
                     Theme theme, boolean on) {
        int n = v.length;
        int shown = Math.min(n, (int) Math.max(1, Math.floor((boxW - 4) / 4)));
        int sel = Math.max(0, Math.min(n - 1, selectedUnit));
        int first = Math.max(0, Math.min(n - shown, sel - shown / 2));
        double bw = Math.floor((boxW - 4) / shown);
        double bx = x0 + Math.floor((boxW - bw * shown) / 2);
        double inner = boxH - 4;
        double mid = y0 + 2 + inner / 2;
        double base = y0 + 2 + inner;
        for (int j = 0; j < shown; j++) {
            int u = first + j;
            double x = bx + j * bw;
            if (!on) {
                skin.region(skin.unitId(q, u), x, y0, bw, boxH);
                continue;
            }
            double val = pv != null && u < pv.length && !Palette.bad(pv[u]) ? pv[u] + (v[u] - pv[u]) * k : v[u];
            skin.region(skin.unitId(q, u), x, y0, bw, boxH);
            if (Palette.bad(val)) {
                LabCanvasSkin.fillValue(g, x, y0 + 2, Math.max(1, bw - 1), inner, val, 0, skin.font(0.6, true));
                continue;
            }
            double top;
            double height;
            int col;
            if (backward) {
                height = Math.max(1, Math.round(Palette.gradLevel(val) * inner));
                top = base - height;
                col = Palette.gradient(val, theme.neutral());
            } else if (q.kind() == CellDiagramSkin.Kind.GATE) {
                double a = Math.max(0, Math.min(1, val));
                height = Math.round(a * inner);
                top = base - height;
                col = Palette.sequential(val, Palette.gateHue(q.gate()), theme.neutral());
            } else {
                double s = q.kind() == CellDiagramSkin.Kind.SYMLOG ? Palette.symlog(val) : Math.max(-1, Math.min(1, val));
                height = Math.round(Math.abs(s) * inner / 2);
                top = s >= 0 ? mid - height : mid;
                col = Palette.diverging(s, theme.neutral());
            }
            g.setFill(Palette.color(col));
            g.fillRect(x, top, Math.max(1, bw - 1), Math.max(1, height));
            if (u == sel) {
                // the selection ring is purple forward; in BPTT the bars are purple, so it is drawn dark
                g.setStroke(backward ? theme.foreground() : Palette.PURPLE);
                g.setLineWidth(2);
                LabCanvasSkin.strokeBox(g, x - 1, y0 + 1, bw + 1, boxH - 2);
            }
        }
        if (on && q.kind() != CellDiagramSkin.Kind.GATE && !backward) {
            g.setStroke(theme.muted());
            g.setLineWidth(1);
            g.strokeLine(x0 + 2, mid + 0.5, x0 + boxW - 2, mid + 0.5);
        }
    }
}
