package rnnlab.ui.viewmodel;

import rnnlab.session.EngineSession;
import rnnlab.session.EngineThread;

/**
 * What the command helpers of {@link RunViewModel} share, and all they get of it: the engine thread,
 * the session only that thread touches, and where a changed state goes as a frame.
 */
record EngineSide(EngineThread engine, EngineSession session, FramePublisher frames) {

    /** Builds the frame of the session's current state and hands it to the FX thread. Engine thread only. */
    interface FramePublisher {
        /**
         * @param animate    whether the views animate to the new frame (a step forward)
         * @param t0         {@link System#nanoTime()} of the command, for latency figures (0: none)
         * @param withInfo   whether the model and sequence facts changed (the panels re-read them)
         * @param statusText the status line to show, or null
         */
        void publish(boolean animate, long t0, boolean withInfo, String statusText);

        default void publish(boolean animate, long t0, boolean withInfo) {
            publish(animate, t0, withInfo, null);
        }
    }
}
