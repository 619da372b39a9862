package rnnlab.ui.views;

import rnnlab.ui.controls.TextActivation;
import rnnlab.session.Frame;
import rnnlab.i18n.Messages;

/** view.text: the input text coloured by the selected hidden unit, or by the selected gate. */
public final class TextView extends FrameView<TextActivation> {
    private boolean showGate;

    public TextView() {
        super(new TextActivation(), "view.text.title");
    }

    /** Colour by the selected gate (true) or by h of the selected unit (false, default). */
    public void setShowGate(boolean g) {
        showGate = g;
        if (context() != null && context().getFrame() != null) {
            update(context().getFrame(), context());
        }
    }

    @Override
    protected void update(Frame f, ViewContext ctx) {
        Frame.LayerFrame lf = layer(f, ctx);
        int u = unit(f, ctx);
        String gate = ctx.selectedGateProperty().get();
        int b = showGate && gate != null ? CellMath.block(f, gate) : -1;
        double[] v = new double[f.length()];
        for (int t = 0; t < v.length; t++) {
            v[t] = b >= 0 ? lf.gates()[b][t][u] : lf.h()[t][u];
        }
        String[] sym = f.symbols();
        if (sym == null) {
            sym = new String[f.length()];
            for (int t = 0; t < sym.length; t++) {
                sym[t] = Integer.toString((t + 1) % 10);
            }
        }
        control.setSymbols(sym);
        control.setGate(b >= 0 ? gate : null);
        control.setValues(v);
        control.setComputedSteps(f.forwardSteps());
        control.setCurrentStep(f.time());
        control.setCaption(b >= 0 ? Messages.format("text.caption.gate", gate, u + 1) : Messages.format("text.caption.unit", u + 1));
    }

    /** Each input character with the activation that colours it (h of the selected unit, or the selected gate). */
    @Override
    protected ValuesTable values(Frame f, ViewContext ctx) {
        Frame.LayerFrame lf = layer(f, ctx);
        int u = unit(f, ctx);
        String gate = ctx.selectedGateProperty().get();
        int b = showGate && gate != null ? CellMath.block(f, gate) : -1;
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        for (int t = 0; t < f.length(); t++) {
            String sym = f.symbols() != null && t < f.symbols().length ? ValuesTable.symbol(f.symbols()[t]) : "";
            String v = t < f.forwardSteps() ? ValuesTable.num(b >= 0 ? lf.gates()[b][t][u] : lf.h()[t][u]) : "";
            rows.add(java.util.List.of(Integer.toString(t + 1), sym, v));
        }
        String caption = b >= 0 ? Messages.format("values.text.caption.gate", gate, u + 1)
                : Messages.format("values.text.caption.unit", u + 1);
        return new ValuesTable(caption, java.util.List.of(Messages.get("values.col.step"), Messages.get("values.col.character"),
                Messages.get("values.col.activation")), rows);
    }
}
