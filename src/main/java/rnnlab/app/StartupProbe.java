package rnnlab.app;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * With {@code -Drnnlab.quitAfterShown=true} the app quits a moment after its window is up and the
 * TeX warm-up is done: the
 * packaging build starts it this way to list the classes a start loads (for the class-data-sharing
 * archive). Without the property nothing happens.
 */
final class StartupProbe {
    static final String PROPERTY = "rnnlab.quitAfterShown";

    private StartupProbe() {
    }

    static void afterShown() {
        if (Boolean.getBoolean(PROPERTY)) {
            // the TeX warm-up starts after the window's first pulse: wait for it too (at most a minute),
            // so the class list has jlatexmath's classes in it, then a moment more
            rnnlab.ui.formula.TexRenderer.warmedUp().toCompletableFuture()
                    .completeOnTimeout(null, 60, java.util.concurrent.TimeUnit.SECONDS)
                    .whenComplete((v, e) -> javafx.application.Platform.runLater(() -> {
                        PauseTransition p = new PauseTransition(Duration.seconds(2));
                        p.setOnFinished(ev -> System.exit(0));
                        p.play();
                    }));
        }
    }
}
