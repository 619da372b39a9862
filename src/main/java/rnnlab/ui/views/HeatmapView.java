package rnnlab.ui.views;

import javafx.beans.value.ChangeListener;
import rnnlab.ui.controls.HiddenStateHeatmap;
import rnnlab.i18n.Messages;
import rnnlab.session.Frame;
import rnnlab.training.DropoutMask;

/**
 * view.heatmap: h (or the LSTM's c) as units × steps; clicking a unit selects it everywhere. While the
 * training panel trains with dropout, the units its latest step dropped are crossed out.
 */
public final class HeatmapView extends FrameView<HiddenStateHeatmap> {
    private boolean cellState;
    private final ChangeListener<Number> clicked = (o, a, b) -> {
        if (context() != null && context().selectedUnitProperty().get() != b.intValue()) {
            context().selectedUnitProperty().set(b.intValue());
        }
    };

    private final javafx.beans.InvalidationListener onDropout = o -> {
        if (context() != null && context().getFrame() != null) {
            control.setDropped(dropped(context().getFrame(), context()));
        }
    };

    public HeatmapView() {
        super(new HiddenStateHeatmap(), "view.heatmap.title");
        control.selectedUnitProperty().addListener(clicked);
        control.showCellStateProperty().addListener((o, a, on) -> setCellState(on));
    }

    @Override
    public void bind(ViewContext ctx) {
        super.bind(ctx);
        ctx.trainingDropoutProperty().addListener(onDropout);
    }

    @Override
    public void unbind() {
        if (context() != null) {
            context().trainingDropoutProperty().removeListener(onDropout);
        }
        super.unbind();
    }

    /**
     * The units training's latest step dropped in the layer and direction shown (null: not training with
     * dropout, that layer's output is not dropped, or the model shown is not the one training).
     */
    static HiddenStateHeatmap.Dropped dropped(Frame f, ViewContext ctx) {
        DropoutMask m = ctx.trainingDropoutProperty().get();
        if (m == null) {
            return null;
        }
        Frame.LayerFrame lf = layer(f, ctx);
        int units = lf.h().length == 0 ? 0 : lf.h()[0].length;
        int l = Math.max(0, Math.min(f.numLayers() - 1, ctx.selectedLayerProperty().get()));
        int d = Math.max(0, Math.min(f.directions() - 1, ctx.selectedDirectionProperty().get()));
        if (m.dropped().length != f.numLayers() || m.width() != units * f.directions() || !m.drops(l)) {
            return null;
        }
        return new HiddenStateHeatmap.Dropped(m.dropped()[l], m.length(), m.width(), d * units,
                Messages.format("heatmap.dropped", m.step(), m.p()));
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
        control.setDropped(dropped(f, ctx));
    }

    /** What the heatmap colours: h or c (δh or δc in BPTT) by step and unit. */
    @Override
    protected ValuesTable values(Frame f, ViewContext ctx) {
        return ValuesTable.states(f, layer(f, ctx), cellState, true);
    }
}
