package rnnlab.ui.views;

import rnnlab.ui.controls.OutputDistribution;
import rnnlab.ui.viewmodel.Frame;

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
        control.setLoss(f.hasTarget()[t] ? f.stepLoss()[t] : Double.NaN);
    }
}
