package rnnlab.ui.views;

import java.util.Locale;
import rnnlab.ui.diagrams.Architecture;
import rnnlab.ui.diagrams.UnrolledNetwork;
import rnnlab.session.Frame;

/** view.unrolled: the cell copied across time; architecture inferred from the targets unless set. */
public final class UnrolledView extends FrameView<UnrolledNetwork> {
    private Architecture fixed;

    public UnrolledView() {
        super(new UnrolledNetwork(), "view.unrolled.title");
    }

    /** Draw this architecture instead of inferring it (null: infer many-to-one / many-to-many). */
    public void setArchitecture(Architecture a) {
        fixed = a;
        if (context() != null && context().getFrame() != null) {
            update(context().getFrame(), context());
        }
    }

    static Architecture infer(Frame f) {
        int targets = 0;
        for (boolean b : f.hasTarget()) {
            targets += b ? 1 : 0;
        }
        return targets == 1 && f.hasTarget()[f.length() - 1] ? Architecture.MANY_TO_ONE : Architecture.MANY_TO_MANY;
    }

    @Override
    protected void update(Frame f, ViewContext ctx) {
        control.setArchitecture(fixed != null ? fixed : infer(f));
        control.setCellName(f.cell().startsWith("rnn") ? "RNN" : f.cell().toUpperCase(Locale.ROOT));
        control.setSteps(f.length());
        control.setComputedSteps(f.forwardSteps());
        control.setCurrentStep(f.time());
        control.setHidden(layer(f, ctx).h());
        control.setGradHidden(layer(f, ctx).gradH());
        control.setBackwardSteps(f.phase() == Frame.Phase.BACKWARD ? Math.max(1, f.backwardSteps()) : 0);
        control.setInputLabels(f.symbols());
        control.setOutputLabels(predictions(f));
    }

    /** The most likely symbol per computed step, when the outputs are class probabilities. */
    static String[] predictions(Frame f) {
        if (f.vocab() == null || !"softmax".equals(f.outputActivation())) {
            return null;
        }
        String[] out = new String[f.length()];
        for (int t = 0; t < f.forwardSteps(); t++) {
            double[] y = f.outputs()[t];
            int best = 0;
            for (int k = 1; k < y.length; k++) {
                if (y[k] > y[best]) {
                    best = k;
                }
            }
            out[t] = best < f.vocab().size() ? f.vocab().get(best) : Integer.toString(best);
        }
        return out;
    }

    /** h_t (δh_t in BPTT) of the selected layer by step and unit. */
    @Override
    protected ValuesTable values(Frame f, ViewContext ctx) {
        return ValuesTable.states(f, layer(f, ctx), false, true);
    }
}
