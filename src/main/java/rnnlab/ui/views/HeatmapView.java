package rnnlab.ui.views;

import javafx.beans.value.ChangeListener;
import rnnlab.ui.controls.HiddenStateHeatmap;
import rnnlab.session.Frame;

/** view.heatmap: h (or the LSTM's c) as units × steps; clicking a unit selects it everywhere. */
public final class HeatmapView extends FrameView<HiddenStateHeatmap> {
    private boolean cellState;
    private final ChangeListener<Number> clicked = (o, a, b) -> {
        if (context() != null && context().selectedUnitProperty().get() != b.intValue()) {
            context().selectedUnitProperty().set(b.intValue());
        }
    };

    public HeatmapView() {
        super(new HiddenStateHeatmap(), "view.heatmap.title");
        control.selectedUnitProperty().addListener(clicked);
        control.showCellStateProperty().addListener((o, a, on) -> setCellState(on));
    }

    /** Show the cell state c (symlog) instead of h; ignored for cells without one. */
    public void setCellState(boolean c) {
        cellState = c;
        control.showCellStateProperty().set(c);
        if (context() != null && context().getFrame() != null) {
            update(context().getFrame(), context());
        }
    }

    @Override
    protected void update(Frame f, ViewContext ctx) {
        Frame.LayerFrame lf = layer(f, ctx);
        boolean c = cellState && lf.c() != null;
        control.cellStateAvailableProperty().set(lf.c() != null);
        // in BPTT the heatmap shows δh = dL/dh (log magnitude) instead of h
        boolean grad = f.phase() == Frame.Phase.BACKWARD;
        control.setQuantity(grad ? (c ? "\u03b4c" : "\u03b4h") : c ? "c" : "h");
        control.setSymlog(c && !grad);
        control.setGradient(grad);
        control.setFirstComputed(grad ? Math.max(0, f.time()) : 0);
        control.setValues(grad ? (c ? lf.gradC() : lf.gradH()) : c ? lf.c() : lf.h());
        control.setComputedSteps(f.forwardSteps());
        control.setCurrentStep(f.time());
        control.setStepLabels(f.symbols());
        control.setSelectedUnit(unit(f, ctx));
    }

    /** What the heatmap colours: h or c (δh or δc in BPTT) by step and unit. */
    @Override
    protected ValuesTable values(Frame f, ViewContext ctx) {
        return ValuesTable.states(f, layer(f, ctx), cellState, true);
    }
}
