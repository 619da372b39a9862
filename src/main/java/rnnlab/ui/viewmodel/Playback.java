package rnnlab.ui.viewmodel;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;
import rnnlab.session.EngineSession;

/**
 * The timeline commands of {@link RunViewModel}: step, step back, seek (only the latest of quick
 * requests is computed), play and pause. Steps run on the engine thread; the player is an FX timeline
 * that asks for the next step only when the last one is done.
 */
final class Playback {
    private final RunViewModel vm;
    private final AtomicInteger seekTarget = new AtomicInteger(-1);
    private final AtomicInteger stepsInFlight = new AtomicInteger();
    private final Timeline player = new Timeline();

    Playback(RunViewModel vm) {
        this.vm = vm;
        player.setCycleCount(Timeline.INDEFINITE);
        vm.playing.addListener((o, was, now) -> {
            if (now) {
                startPlayer();
            } else {
                player.stop();
            }
        });
        vm.speed.addListener((o, a, b) -> {
            if (vm.playing.get()) {
                startPlayer();
            }
        });
    }

    void stepForward() {
        long t0 = System.nanoTime();
        stepsInFlight.incrementAndGet();
        vm.engine.quick(() -> {
            try {
                EngineSession session = vm.session;
                if (session.run.position() < session.run.timelineLength()) {
                    session.run.seek(session.run.position() + 1);
                    vm.publish(true, t0, false);
                } else {
                    Platform.runLater(() -> vm.playing.set(false));
                }
            } finally {
                stepsInFlight.decrementAndGet();
            }
        });
    }

    void stepBack() {
        long t0 = System.nanoTime();
        vm.playing.set(false);
        vm.engine.quick(() -> {
            EngineSession session = vm.session;
            if (session.run.position() > 0) {
                session.run.seek(session.run.position() - 1);
                vm.publish(false, t0, false);
            }
        });
    }

    void seek(int pos) {
        long t0 = System.nanoTime();
        if (seekTarget.getAndSet(pos) >= 0) {
            return;
        }
        vm.engine.quick(() -> {
            int p = seekTarget.getAndSet(-1);
            if (p >= 0) {
                EngineSession session = vm.session;
                session.run.seek(Math.max(0, Math.min(p, session.run.timelineLength())));
                vm.publish(false, t0, false);
            }
        });
    }

    void reset() {
        vm.playing.set(false);
        seek(0);
    }

    void togglePlay() {
        if (!vm.playing.get() && vm.position.get() >= vm.timelineLength.get()) {
            seek(0);
        }
        vm.playing.set(!vm.playing.get());
    }

    /** Animation length of one step: 400 ms at speed 1, scaled by the speed, always within the play interval. */
    double stepMillis() {
        double speed = vm.speed.get();
        return Math.min(RunViewModel.STEP_MS / speed, 0.75 * RunViewModel.PLAY_INTERVAL_MS / speed);
    }

    void stop() {
        player.stop();
    }

    private void startPlayer() {
        player.stop();
        player.getKeyFrames().setAll(new KeyFrame(Duration.millis(RunViewModel.PLAY_INTERVAL_MS / vm.speed.get()), e -> {
            if (vm.position.get() >= vm.timelineLength.get()) {
                vm.playing.set(false);
            } else if (stepsInFlight.get() == 0) {
                stepForward();
            }
        }));
        player.playFromStart();
        if (stepsInFlight.get() == 0 && vm.position.get() < vm.timelineLength.get()) {
            stepForward();
        }
    }
}
