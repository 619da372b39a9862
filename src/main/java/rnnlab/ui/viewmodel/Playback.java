package rnnlab.ui.viewmodel;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.util.Duration;
import rnnlab.session.EngineSession;

/**
 * The timeline commands of {@link RunViewModel}: step, step back, seek (only the latest of quick
 * requests is computed), play and pause. Steps run on the engine thread; the player is an FX timeline
 * that asks for the next step only when the last one is done.
 */
final class Playback {
    private final EngineSide side;
    private final BooleanProperty playing;
    private final DoubleProperty speed;
    private final ReadOnlyIntegerProperty position;
    private final ReadOnlyIntegerProperty timelineLength;
    private final AtomicInteger seekTarget = new AtomicInteger(-1);
    private final AtomicInteger stepsInFlight = new AtomicInteger();
    private final Timeline player = new Timeline();

    Playback(EngineSide side, BooleanProperty playing, DoubleProperty speed, ReadOnlyIntegerProperty position,
             ReadOnlyIntegerProperty timelineLength) {
        this.side = side;
        this.playing = playing;
        this.speed = speed;
        this.position = position;
        this.timelineLength = timelineLength;
        player.setCycleCount(Timeline.INDEFINITE);
        playing.addListener((o, was, now) -> {
            if (now) {
                startPlayer();
            } else {
                player.stop();
            }
        });
        speed.addListener((o, a, b) -> {
            if (playing.get()) {
                startPlayer();
            }
        });
    }

    void stepForward() {
        long t0 = System.nanoTime();
        stepsInFlight.incrementAndGet();
        side.engine().quick(() -> {
            try {
                EngineSession session = side.session();
                if (session.run.position() < session.run.timelineLength()) {
                    session.run.seek(session.run.position() + 1);
                    side.frames().publish(true, t0, false);
                } else {
                    Platform.runLater(() -> playing.set(false));
                }
            } finally {
                stepsInFlight.decrementAndGet();
            }
        });
    }

    void stepBack() {
        long t0 = System.nanoTime();
        playing.set(false);
        side.engine().quick(() -> {
            EngineSession session = side.session();
            if (session.run.position() > 0) {
                session.run.seek(session.run.position() - 1);
                side.frames().publish(false, t0, false);
            }
        });
    }

    void seek(int pos) {
        long t0 = System.nanoTime();
        if (seekTarget.getAndSet(pos) >= 0) {
            return;
        }
        side.engine().quick(() -> {
            int p = seekTarget.getAndSet(-1);
            if (p >= 0) {
                EngineSession session = side.session();
                session.run.seek(Math.max(0, Math.min(p, session.run.timelineLength())));
                side.frames().publish(false, t0, false);
            }
        });
    }

    void reset() {
        playing.set(false);
        seek(0);
    }

    void togglePlay() {
        if (!playing.get() && position.get() >= timelineLength.get()) {
            seek(0);
        }
        playing.set(!playing.get());
    }

    /** Animation length of one step: 400 ms at speed 1, scaled by the speed, always within the play interval. */
    double stepMillis() {
        double v = speed.get();
        return Math.min(RunViewModel.STEP_MS / v, 0.75 * RunViewModel.PLAY_INTERVAL_MS / v);
    }

    void stop() {
        player.stop();
    }

    private void startPlayer() {
        player.stop();
        player.getKeyFrames().setAll(new KeyFrame(Duration.millis(RunViewModel.PLAY_INTERVAL_MS / speed.get()), e -> {
            if (position.get() >= timelineLength.get()) {
                playing.set(false);
            } else if (stepsInFlight.get() == 0) {
                stepForward();
            }
        }));
        player.playFromStart();
        if (stepsInFlight.get() == 0 && position.get() < timelineLength.get()) {
            stepForward();
        }
    }
}
