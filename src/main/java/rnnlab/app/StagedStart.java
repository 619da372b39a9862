package rnnlab.app;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import rnnlab.i18n.Messages;
import rnnlab.ui.shell.Appearance;
import rnnlab.ui.shell.MainWindow;

/**
 * The window first, its content after (issue 18): {@link #show} puts the stage up at once with an empty
 * scene in the app's style and title, then, after that scene's first pulse, builds the {@link MainWindow}
 * (which puts its scene on the stage) in one FX-thread task, so the window is mapped and painted before
 * the costly part (menus, panels, the views it shows, their first CSS pass) starts. The app's builder
 * ({@link MainWindow#withLazyViews}) creates only the views the window shows; the others are created
 * when first shown. Once built, the window is the same as one built before it was shown. {@link #buildNow}
 * builds it at once, for callers that need the window immediately.
 */
final class StagedStart {
    private final Stage stage;
    private final Function<Stage, MainWindow> builder;
    private final Consumer<MainWindow> then;
    private MainWindow window;
    private boolean abandoned;

    private StagedStart(Stage stage, Function<Stage, MainWindow> builder, Consumer<MainWindow> then) {
        this.stage = stage;
        this.builder = builder;
        this.then = then;
    }

    /**
     * Shows the stage (its size, icon and minimum size already set) with the empty scene and schedules
     * the rest; {@code builder} makes the window on the stage, {@code then} gets it, both on the FX thread.
     */
    static StagedStart show(Stage stage, Function<Stage, MainWindow> builder, Consumer<MainWindow> then) {
        StagedStart s = new StagedStart(stage, builder, then);
        Scene empty = Appearance.emptyWindow(stage.getWidth() > 0 ? stage.getWidth() : 1280,
                stage.getHeight() > 0 ? stage.getHeight() : 720);
        stage.setScene(empty);
        stage.setTitle(Messages.get("app.title"));
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            empty.removePostLayoutPulseListener(once[0]);
            // runLater from inside the pulse: runs after this pulse (and its frame) is done
            Platform.runLater(s::buildWindow);
        };
        empty.addPostLayoutPulseListener(once[0]);
        stage.show();
        StartupTrace.mark("empty window shown");
        return s;
    }

    private void buildWindow() {
        if (window != null || abandoned) {
            return;
        }
        if (!stage.isShowing()) {
            abandoned = true; // closed before it was built: nothing to build, no session to start
            return;
        }
        window = builder.apply(stage);
        StartupTrace.mark("window built (+shown views)");
        then.accept(window);
    }

    /** The window if built, else null. */
    MainWindow window() {
        return window;
    }

    /** Builds the window now if it is not built yet, and returns it (null if the stage was closed first). FX thread. */
    MainWindow buildNow() {
        buildWindow();
        return window;
    }
}
