package rnnlab.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Window;

/**
 * A secondary window that follows something of a longer-lived one (the main window's theme, font size)
 * listens only while it shows. A listener left on the main window's property would keep the closed window,
 * its scene and its canvases' pixels reachable for as long as the main window lives: the comparison window,
 * closed and opened again, piled up that way.
 */
public final class WhileShowing {
    private WhileShowing() {
    }

    /**
     * Runs {@code update} whenever one of {@code sources} changes while {@code window} shows, and once each
     * time it is shown again (it may have missed changes while hidden). Registered on the sources only while
     * the window shows.
     */
    public static void follow(Window window, Runnable update, ObservableValue<?>... sources) {
        ChangeListener<Object> changed = (o, a, b) -> update.run();
        Runnable add = () -> {
            for (ObservableValue<?> s : sources) {
                s.addListener(changed);
            }
        };
        if (window.isShowing()) {
            add.run();
        }
        window.showingProperty().addListener((o, was, showing) -> {
            if (showing) {
                add.run();
                update.run();
            } else {
                for (ObservableValue<?> s : sources) {
                    s.removeListener(changed);
                }
            }
        });
    }
}
