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

    /**
     * The analysis of {@code model} over {@code seq}, computed afresh. Any thread: it touches nothing of
     * this factory, and reads the model and sequence only (no other thread may change them meanwhile).
     */
    public static Frame.Analysis compute(rnnlab.engine.Model model, rnnlab.engine.Sequence seq) {
        return GradientAnalysis.compute(model, seq);
    }

    /**
     * {@code a} (from {@link #compute} over the same weights and sequence) is the analysis of the run's
     * weights and sequence as they are now: frames built until they change reuse it.
     */
    public void remember(Run run, Frame.Analysis a) {
        analysis.remember(run, a);
    }
}
