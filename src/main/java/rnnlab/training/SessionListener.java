package rnnlab.training;

/**
 * Receives a training session's events on the session's own thread (a UI hands them to its thread).
 * Progress arrives at most {@link TrainingSession#MAX_EVENTS_PER_SECOND} times a second, plus once at
 * the end; {@link #finished} comes exactly once.
 */
public interface SessionListener {
    void progress(Progress p);

    /** The session ended: completed, cancelled, or stopped by a problem ({@code message} explains). */
    void finished(TrainingSession.Outcome outcome, String message, Progress last);
}
