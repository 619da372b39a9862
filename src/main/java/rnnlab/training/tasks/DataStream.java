package rnnlab.training.tasks;

import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.Sequence;

/**
 * Training sequences of one task, generated from a seed. A stream may hand out the same
 * {@link Sequence} object every time with refilled arrays (so training allocates nothing per window).
 *
 * <p>A stream of windows cut from one long sequence ({@link #carriesState()}) is truncated BPTT: the
 * trainer binds two (L·D × H) matrices with {@link #bindState} before the first window; the stream
 * uses them as the initial state of every window, the trainer copies each window's final hidden (and
 * cell) state into them, and the stream zeroes them when it starts again from the beginning of its data.
 */
public interface DataStream {
    /** The next training sequence. */
    Sequence next();

    /** True for windows of one long sequence whose hidden state carries over (truncated BPTT). */
    default boolean carriesState() {
        return false;
    }

    /** Gives a state-carrying stream the matrices holding the initial state of its windows. */
    default void bindState(DMatrixRMaj h0, DMatrixRMaj c0) {
    }
}
