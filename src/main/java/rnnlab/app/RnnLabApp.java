package rnnlab.app;

import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import rnnlab.ui.viewmodel.LanguageSetting;
import rnnlab.ui.shell.MainWindow;

/**
 * The desktop application. Parameters: {@code --lang=zh} or {@code --lang zh} picks the language
 * (over the saved setting and the system locale); a file argument (a scenario, model or sequence) is
 * opened at start.
 */
public class RnnLabApp extends Application {

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("toolkit started (start())");
        rnnlab.ui.formula.TexRenderer.useBackgroundThread(true);
        LaunchOptions opts = LaunchOptions.parse(getParameters().getRaw(), System.err);
        // --lang (or -Drnnlab.lang), else the saved choice, else the system locale; Chinese only with a CJK font
        Locale wanted = LanguageSetting.choose(opts.langOrProperty(), LanguageSetting.saved(), Locale.getDefault());
        String notice = LanguageSetting.apply(wanted);
        rnnlab.ui.controls.AppLanguage.applyToJavaFx();
        StartupTrace.mark("language + bundles");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(1440, screen.getWidth()));
        stage.setHeight(Math.min(900, screen.getHeight()));
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.getIcons().add(new javafx.scene.image.Image(RnnLabApp.class.getResource("/assets/icon/rnnlab.png").toExternalForm()));
        // the window is up first (an empty scene in the app's style); menus, panels and the views shown are built
        // after its first pulse, the views not shown when first shown
        StagedStart.show(stage, MainWindow::withLazyViews, w -> started(w, stage, opts, notice));
        // SIGTERM (kill, logout) quits like the menu: hiding the window saves and removes the session marker
        rnnlab.io.QuitHook.install(timeout -> {
            java.util.concurrent.CountDownLatch hidden = new java.util.concurrent.CountDownLatch(1);
            javafx.application.Platform.runLater(() -> {
                try {
                    if (stage.isShowing()) {
                        stage.hide();
                    }
                } finally {
                    hidden.countDown();
                }
            });
            hidden.await(timeout, java.util.concurrent.TimeUnit.MILLISECONDS);
        });
    }

    /** The rest of the start, once the main window is built (in its stage, which is showing). */
    private static void started(MainWindow w, Stage stage, LaunchOptions opts, String notice) {
        if (notice != null) {
            w.showNotice(notice);
        }
        StartupTrace.markFirstPulse(w.scene());
        afterFirstPulse(w.scene(), rnnlab.ui.formula.TexRenderer::warmUp);
        // start with the focus on the views, so → and Space step and play at once (MainWindow's onShown has passed)
        w.viewsArea().requestFocus();
        StartupProbe.afterShown();
        w.startSession();
        StartupTrace.mark("session started (model)");
        rnnlab.io.AtomicFiles.sweep(rnnlab.io.UserFiles.home()); // temp files of sessions that were killed
        if (opts.lessons() != null) {
            // --lessons DIR: the teacher's folder beside the shipped lessons, watched while the app runs
            w.lessons().openFolder(Path.of(opts.lessons().isBlank() ? "." : opts.lessons()));
        }
        for (String a : opts.rest()) {
            if (!a.startsWith("--")) {
                w.openFile(Path.of(a));
            }
        }
    }

    /**
     * Runs {@code r} once, after the next pulse of {@code scene} (for the main window: after its first CSS
     * pass and layout), so background work started there does not take CPU from the window's first frame.
     */
    static void afterFirstPulse(javafx.scene.Scene scene, Runnable r) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            r.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    public static void main(String[] args) {
        StartupTrace.mark("main()");
        NativeLibraries.prepare();
        StartupTrace.mark("native libraries prepared");
        launch(RnnLabApp.class, args);
    }
}
