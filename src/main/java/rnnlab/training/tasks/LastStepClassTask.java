package rnnlab.training.tasks;

import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.training.Metric;

/**
 * A many-to-one classification read at the last step (agreement, sentiment): an example scores 1 when
 * the last step's most likely class is its label; the metric is accuracy.
 */
public abstract class LastStepClassTask extends SequenceTask {

    @Override
    protected void score(Run run, Sequence s, double[] acc) {
        acc[0] += argmax(run, s.length() - 1) == s.classTargets()[0] ? 1 : 0;
        acc[1] += 1;
    }

    @Override
    protected Metric metric(double mean) {
        return Metric.accuracy("accuracy", mean);
    }
}
