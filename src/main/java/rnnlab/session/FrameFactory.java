package rnnlab.session;

import rnnlab.engine.Run;

/**
 * Builds the frames of one view model on its engine thread: each with the gradient-flow analysis
 * (cached until the weights or the sequence change) and sharing the unchanged rows of the frame
 * built before it.
 */
public final class FrameFactory {
    private final GradientAnalysis analysis = new GradientAnalysis();
    private Frame last;

    /** The frame of the run's state now; {@code reuse}: an analysis to use instead of computing it. */
    public Frame build(Run run, Frame.Analysis reuse) {
        last = FrameBuilder.build(run, reuse != null ? reuse : analysis.of(run), last);
        return last;
    }

    public Frame.Analysis analysisOf(Run run) {
        return analysis.of(run);
    }
}
