package rnnlab.app;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import rnnlab.i18n.Messages;
import rnnlab.ui.shell.Appearance;
import rnnlab.ui.shell.MainWindow;
import rnnlab.ui.views.LabView;

/**
 * The window first, its content after (issue 18): {@link #show} puts the stage up at once with an empty
 * scene in the app's style and title, then, after that scene's first pulse, creates the views in one
 * FX-thread task and builds the {@link MainWindow} (which puts its scene on the stage) in the next,
 * so the window is mapped and painted before the costly part (views, menus, panels, their first CSS
 * pass) starts. Once built, the window is the same as one built before it was shown. {@link #buildNow}
 * finishes the remaining steps at once, for callers that need the window immediately.
 */
final class StagedStart {
    private final Stage stage;
    private final Supplier<List<LabView>> viewFactory;
    private final Consumer<MainWindow> then;
    private List<LabView> views;
    private MainWindow window;
    private boolean abandoned;

    private StagedStart(Stage stage, Supplier<List<LabView>> viewFactory, Consumer<MainWindow> then) {
        this.stage = stage;
        this.viewFactory = viewFactory;
        this.then = then;
    }

    /**
     * Shows the stage (its size, icon and minimum size already set) with the empty scene and schedules
     * the rest; {@code then} gets the built window on the FX thread. FX thread.
     */
    static StagedStart show(Stage stage, Supplier<List<LabView>> viewFactory, Consumer<MainWindow> then) {
        StagedStart s = new StagedStart(stage, viewFactory, then);
        Scene empty = Appearance.emptyWindow(stage.getWidth() > 0 ? stage.getWidth() : 1280,
                stage.getHeight() > 0 ? stage.getHeight() : 720);
        stage.setScene(empty);
        stage.setTitle(Messages.get("app.title"));
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            empty.removePostLayoutPulseListener(once[0]);
            // runLater from inside the pulse: runs after this pulse (and its frame) is done
            Platform.runLater(s::createViews);
        };
        empty.addPostLayoutPulseListener(once[0]);
        stage.show();
        StartupTrace.mark("empty window shown");
        return s;
    }

    private void createViews() {
        if (views != null || abandoned) {
            return;
        }
        if (!stage.isShowing()) {
            abandoned = true; // closed before it was built: nothing to build, no session to start
            return;
        }
        views = viewFactory.get();
        StartupTrace.mark("views created (all)");
        Platform.runLater(this::buildWindow);
    }

    private void buildWindow() {
        if (window != null || abandoned) {
            return;
        }
        if (!stage.isShowing()) {
            abandoned = true;
            return;
        }
        window = new MainWindow(stage, views);
        StartupTrace.mark("main window built (+CSS)");
        then.accept(window);
    }

    /** The window if built, else null. */
    MainWindow window() {
        return window;
    }

    /** Builds what is not built yet, now, and returns the window (null if the stage was closed first). FX thread. */
    MainWindow buildNow() {
        createViews();
        buildWindow();
        return window;
    }
}
