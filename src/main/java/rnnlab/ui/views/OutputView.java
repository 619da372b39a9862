package rnnlab.ui.views;

import java.util.ArrayList;
import java.util.List;

import rnnlab.ui.controls.OutputDistribution;
import rnnlab.session.Frame;
import rnnlab.i18n.Messages;

/** view.output: y_t of the shown step as bars over the vocabulary, the target marked, the step's loss. */
public final class OutputView extends FrameView<OutputDistribution> {
    public OutputView() {
        super(new OutputDistribution(), "view.output.title");
    }

    @Override
    protected void update(Frame f, ViewContext ctx) {
        int t = f.time();
        if (t < 0 || t >= f.forwardSteps()) {
            control.setStep(-1);
            control.setProbabilities(null);
            return;
        }
        control.setStep(t);
        control.setLabels(f.vocab());
        control.setProbabilities(f.outputs()[t]);
        boolean target = f.hasTarget()[t] && f.classTargets() != null;
        control.setTarget(target ? f.classTargets()[t] : -1);
        control.setVectorTarget(f.hasTarget()[t] && f.vectorTargets() != null ? f.vectorTargets()[t] : null);
        control.setLoss(f.hasTarget()[t] ? f.stepLoss()[t] : Double.NaN);
    }

    /** y_t of the shown step: one row per symbol with its probability and the target marked; the loss in the caption. */
    @Override
    protected ValuesTable values(Frame f, ViewContext ctx) {
        int t = f.time();
        if (t < 0 || t >= f.forwardSteps() || f.outputSize() == 0) {
            return ValuesTable.empty(Messages.get("values.output.none"));
        }
        double[] y = f.outputs()[t];
        int target = f.hasTarget()[t] && f.classTargets() != null ? f.classTargets()[t] : -1;
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < y.length; k++) {
            String sym = f.vocab() != null && k < f.vocab().size() ? ValuesTable.symbol(f.vocab().get(k)) : Integer.toString(k);
            double[] goal = f.hasTarget()[t] && f.vectorTargets() != null ? f.vectorTargets()[t] : null;
            String mark = goal != null && k < goal.length ? ValuesTable.num(goal[k])
                    : k == target ? Messages.get("values.output.isTarget") : "";
            rows.add(List.of(sym, ValuesTable.num(y[k]), mark));
        }
        String caption = f.hasTarget()[t] ? Messages.format("values.output.caption.loss", t + 1, ValuesTable.num(f.stepLoss()[t]))
                : Messages.format("values.output.caption", t + 1);
        return new ValuesTable(caption, List.of(Messages.get("values.col.symbol"),
                Messages.get("softmax".equals(f.outputActivation()) ? "values.col.probability" : "values.col.output"),
                Messages.get("values.col.target")), rows);
    }
}
