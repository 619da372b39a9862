package rnnlab.ui.views;

import java.util.ArrayList;
import java.util.List;

import rnnlab.ui.diagrams.CellStateBelt;
import rnnlab.session.Frame;
import rnnlab.i18n.Messages;

/** view.belt: the LSTM cell state as a conveyor belt (empty for cells without a cell state). */
public final class BeltView extends FrameView<CellStateBelt> {
    public BeltView() {
        super(new CellStateBelt(), "view.belt.title");
        control.selectedUnitProperty().addListener((o, a, b) -> {
            if (context() != null && context().selectedUnitProperty().get() != b.intValue()) {
                context().selectedUnitProperty().set(b.intValue());
            }
        });
    }

    @Override
    protected void update(Frame f, ViewContext ctx) {
        Frame.LayerFrame lf = layer(f, ctx);
        if (!f.isLstm() || lf.c() == null) {
            control.setData(null, null, null, null, null);
            return;
        }
        control.setData(lf.c(), lf.gates()[CellMath.block(f, "f")], lf.gates()[CellMath.block(f, "i")],
                lf.gates()[CellMath.block(f, "g")], lf.c0());
        control.setComputedSteps(f.forwardSteps());
        control.setCurrentStep(f.time());
        control.setSelectedUnit(unit(f, ctx));
        boolean back = f.phase() == Frame.Phase.BACKWARD;
        control.setBackward(back ? lf.gradC() : null, back ? Math.max(0, f.time()) : -1);
    }

    /**
     * The belt's arithmetic for the selected unit, one row per computed step: c_{t−1}, f_t, f_t·c_{t−1},
     * i_t·g_t, c_t (and δc in BPTT). One unit at a time keeps the table readable (and cheap) for large
     * H; ↑ ↓ on the tile pick another unit.
     */
    @Override
    protected ValuesTable values(Frame f, ViewContext ctx) {
        Frame.LayerFrame lf = layer(f, ctx);
        if (!f.isLstm() || lf.c() == null) {
            return ValuesTable.empty(Messages.get("values.belt.none"));
        }
        int u = unit(f, ctx);
        boolean back = f.phase() == Frame.Phase.BACKWARD;
        List<String> cols = new ArrayList<>(List.of(Messages.get("values.col.step"), Messages.get("lstm.c_prev"), "f_t",
                "f_t\u00b7c_t\u22121", "i_t\u00b7g_t", Messages.get("lstm.c")));
        if (back) {
            cols.add(Messages.format("values.col.grad", Messages.get("lstm.c")));
        }
        int fb = CellMath.block(f, "f");
        int ib = CellMath.block(f, "i");
        int gb = CellMath.block(f, "g");
        List<List<String>> rows = new ArrayList<>();
        for (int t = 0; t < f.forwardSteps(); t++) {
            double cp = CellMath.previousCell(f, lf, t)[u];
            double fv = lf.gates()[fb][t][u];
            List<String> r = new ArrayList<>(List.of(ValuesTable.stepLabel(f, t), ValuesTable.num(cp), ValuesTable.num(fv),
                    ValuesTable.num(fv * cp), ValuesTable.num(lf.gates()[ib][t][u] * lf.gates()[gb][t][u]),
                    ValuesTable.num(lf.c()[t][u])));
            if (back) {
                r.add(lf.gradC() == null ? "" : ValuesTable.sci(lf.gradC()[t][u]));
            }
            rows.add(r);
        }
        return new ValuesTable(Messages.format("values.belt.caption", lf.layer() + 1, u + 1), cols, rows);
    }
}
