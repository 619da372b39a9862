package rnnlab.app;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * With {@code -Drnnlab.quitAfterShown=true} the app quits a moment after its window is up: the
 * packaging build starts it this way to list the classes a start loads (for the class-data-sharing
 * archive). Without the property nothing happens.
 */
final class StartupProbe {
    static final String PROPERTY = "rnnlab.quitAfterShown";

    private StartupProbe() {
    }

    static void afterShown() {
        if (Boolean.getBoolean(PROPERTY)) {
            PauseTransition p = new PauseTransition(Duration.seconds(2));
            p.setOnFinished(e -> System.exit(0));
            p.play();
        }
    }
}
