package rnnlab.ui.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import rnnlab.ui.diagrams.CellDiagram;
import rnnlab.session.Frame;
import rnnlab.i18n.Messages;

/**
 * Shared adapter of the three cell diagrams: vectors of the shown step (and of the step before, for
 * interpolation), the selected unit both ways, and the clicked part's equation with its numbers.
 */
abstract class CellDiagramView<C extends CellDiagram> extends FrameView<C> {
    CellDiagramView(C control, String titleKey) {
        super(control, titleKey);
        control.selectedUnitProperty().addListener((o, a, b) -> {
            if (context() != null && context().selectedUnitProperty().get() != b.intValue()) {
                context().selectedUnitProperty().set(b.intValue());
            }
        });
        control.selectedPartProperty().addListener((o, a, b) -> {
            if (context() != null && b != null && isGate(b) && !b.equals(context().selectedGateProperty().get())) {
                context().selectedGateProperty().set(b);
            }
            refreshEquation();
        });
    }

    /** The cell this view draws (for the vanilla cell: either activation, they share the view). */
    abstract rnnlab.engine.CellType cellType();

    /** Whether a part id is one of the cell's gates (as {@link rnnlab.engine.CellType} declares them). */
    final boolean isGate(String part) {
        return cellType().gateIndex(part) >= 0;
    }

    /**
     * The prefix of this cell's view-text keys ("lstm", "gru", "rnn"), used for the values table's
     * headers: the cell's view id without "view.".
     */
    final String textPrefix() {
        return cellType().viewId().substring("view.".length());
    }

    /** Whether this diagram can draw the frame's cell: the cell type names this view as its own. */
    final boolean accepts(Frame f) {
        return f.cellType() != null && f.cellType().viewId().equals(cellType().viewId());
    }

    /** The diagram's vectors at step t of a layer-direction. */
    abstract Map<String, double[]> vectors(Frame f, Frame.LayerFrame lf, int t);

    /** The equation of a part for unit u at step t, with numbers (null if none). */
    abstract String equation(Frame f, Frame.LayerFrame lf, int t, int u, String part);

    /** BPTT: the gradients at step t under the same names (gate deltas, δh, δc); none for x. */
    abstract Map<String, double[]> gradients(Frame f, Frame.LayerFrame lf, int t);

    /** BPTT: the backward equation of a part for unit u at step t, with numbers (null if none). */
    abstract String backwardEquation(Frame f, Frame.LayerFrame lf, int t, int u, String part);

    static boolean backward(Frame f) {
        return f.phase() == Frame.Phase.BACKWARD;
    }

    /** A row of a [t][unit] gradient array, or zeros where the step is outside the sequence. */
    static double[] row(double[][] a, int t, int n) {
        return a != null && t >= 0 && t < a.length ? a[t] : new double[n];
    }

    /** The step after t in the direction's order (where the gradient comes from in BPTT). */
    static int nextStep(Frame.LayerFrame lf, int t) {
        return lf.direction() == 0 ? t + 1 : t - 1;
    }

    @Override
    protected void update(Frame f, ViewContext ctx) {
        if (!accepts(f)) {
            control.setVectors(Map.of());
            control.setPreviousVectors(null);
            control.setEquation(null);
            return;
        }
        Frame.LayerFrame lf = layer(f, ctx);
        int t = FrameView.shownStep(f);
        boolean back = backward(f);
        control.setBackward(back);
        control.setStep(f.forwardSteps() == 0 ? 0 : t + 1);
        control.setSelectedUnit(unit(f, ctx));
        String gate = ctx.selectedGateProperty().get();
        if (gate != null && isGate(gate)) {
            control.setSelectedPart(gate);
        }
        control.setVectors(f.forwardSteps() == 0 ? Map.of() : back ? gradients(f, lf, t) : vectors(f, lf, t));
        Frame prev = ctx.previousFrameProperty().get();
        boolean stepped = prev != null && prev != f && prev.time() == f.time() - 1 && f.time() >= 1
                && f.phase() == Frame.Phase.FORWARD;
        control.setPreviousVectors(stepped && !back ? vectors(f, lf, t - 1) : null);
        refreshEquation();
    }

    private void refreshEquation() {
        ViewContext ctx = context();
        if (ctx == null || ctx.getFrame() == null || !accepts(ctx.getFrame()) || ctx.getFrame().forwardSteps() == 0
                || control.getSelectedPart() == null) {
            control.setEquation(null);
            return;
        }
        Frame f = ctx.getFrame();
        int t = FrameView.shownStep(f);
        String part = control.getSelectedPart();
        control.setEquation(backward(f) ? backwardEquation(f, layer(f, ctx), t, unit(f, ctx), part)
                : equation(f, layer(f, ctx), t, unit(f, ctx), part));
    }

    /**
     * Every vector the diagram draws at the shown step, one row per unit (the input x_t, whose length
     * differs, is left out): the cell's values forward, its gradients in BPTT.
     */
    @Override
    protected ValuesTable values(Frame f, ViewContext ctx) {
        String cell = textPrefix();
        if (!accepts(f) || f.forwardSteps() == 0) {
            return ValuesTable.empty(Messages.get("values.cell.none"));
        }
        Frame.LayerFrame lf = layer(f, ctx);
        int t = FrameView.shownStep(f);
        boolean back = backward(f);
        Map<String, double[]> v = back ? gradients(f, lf, t) : vectors(f, lf, t);
        List<String> names = new ArrayList<>();
        List<String> cols = new ArrayList<>();
        cols.add(Messages.get("values.col.unit"));
        // gates first, then the previous states, then what the step computes (the x_t vector differs in length)
        List<Map.Entry<String, double[]>> entries = new ArrayList<>(v.entrySet());
        entries.sort(Comparator.comparingInt(e -> isGate(e.getKey()) ? 0 : e.getKey().endsWith("_prev") ? 1 : 2));
        for (var e : entries) {
            if (e.getValue() != null && e.getValue().length == f.hiddenSize() && !"x".equals(e.getKey())) {
                names.add(e.getKey());
                String key = cell + "." + e.getKey();
                String head = Messages.has(key + ".short") ? Messages.get(key + ".short")
                        : Messages.has(key) ? Messages.get(key) : e.getKey();
                cols.add(back ? Messages.format("values.col.grad", head) : head);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (int u = 0; u < f.hiddenSize(); u++) {
            List<String> r = new ArrayList<>();
            r.add(Integer.toString(u + 1));
            for (String n : names) {
                r.add(back ? ValuesTable.sci(v.get(n)[u]) : ValuesTable.num(v.get(n)[u]));
            }
            rows.add(r);
        }
        String caption = Messages.format(back ? "values.cell.caption.back" : "values.cell.caption",
                t + 1, lf.layer() + 1);
        return new ValuesTable(caption, cols, rows);
    }
}
