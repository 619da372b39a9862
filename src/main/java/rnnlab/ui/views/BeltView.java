package rnnlab.ui.views;

import rnnlab.ui.controls.CellStateBelt;
import rnnlab.ui.viewmodel.Frame;

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
}
