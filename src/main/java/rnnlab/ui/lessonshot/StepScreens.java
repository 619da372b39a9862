package rnnlab.ui.lessonshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import rnnlab.i18n.Messages;
import rnnlab.lessons.LessonLibrary;
import rnnlab.lessons.LessonProgress;
import rnnlab.ui.controls.AppLanguage;
import rnnlab.ui.layout.LayoutChecker;
import rnnlab.ui.shell.MainWindow;

/**
 * Shows steps of lessons in the real main window, one after the other, as a student would see them, and
 * for each one reports the layout checker's findings (text cut, clipped or drawn over other text), whether
 * the step's checkpoints show whole in the lesson panel without scrolling, and writes a PNG of the
 * window when asked. The lesson author's {@code lessons check --layout}, {@code lessons render} and
 * {@code snapshot} commands; the JavaFX toolkit must be running (the caller starts it, headless or not).
 * Call from any thread but the FX thread. The user's saved progress is never touched: the window uses a
 * fresh progress file in a temporary folder, so each step shows with its questions unanswered.
 */
public final class StepScreens {
    /**
     * One screen to show: step {@code step} (from 0) of lesson {@code lessonId} in {@code lang}, the window
     * {@code width} × {@code height}, in presentation mode or not; its picture goes to {@code png} (null: none).
     * {@code scale} is the screen's: the window keeps its size in logical pixels and is laid out (snapped) and
     * drawn at {@code scale} device pixels per logical pixel, as on a HiDPI screen; the picture is
     * {@code scale} × as wide and high.
     */
    public record Shot(String lessonId, int step, String lang, int width, int height, boolean present, Path png, double scale) {
        /** A shot at scale 1. */
        public Shot(String lessonId, int step, String lang, int width, int height, boolean present, Path png) {
            this(lessonId, step, lang, width, height, present, png, 1);
        }
    }

    /**
     * What a shot showed: the layout findings ({@code view lstm: label "…" clipped by …}), whether the
     * checkpoints show whole in the panel (the narration may scroll), and why it could not be shown (null when it was).
     */
    public record Screen(Shot shot, List<String> findings, boolean fits, String error) {
    }

    /** How long a step, or the window, may take to answer before a TimeoutException (without a message). */
    public static final int TIMEOUT_SECONDS = 30;
    private static final long STEP_TIMEOUT_MS = TIMEOUT_SECONDS * 1000L;

    private StepScreens() {
    }

    /** Shows every shot (grouped by language: the window is built once per language) and reports each. */
    public static List<Screen> show(LessonLibrary library, List<Shot> shots) throws Exception {
        // one window per language and size: the window's texts are made in its language, and a window is never
        // resized while shown (Monocle's headless painter keeps its first size's buffers and complains)
        Map<String, List<Shot>> byLang = new LinkedHashMap<>();
        for (Shot s : shots) {
            byLang.computeIfAbsent(s.lang() + "|" + s.width() + "|" + s.height() + "|" + s.scale(), k -> new ArrayList<>()).add(s);
        }
        Map<Shot, Screen> done = new LinkedHashMap<>();
        Path home = Files.createTempDirectory("rnnlab-shots");
        Locale before = Locale.getDefault();
        try {
            int n = 0;
            for (Map.Entry<String, List<Shot>> e : byLang.entrySet()) {
                Shot first = e.getValue().get(0);
                Locale l = Locale.forLanguageTag(first.lang());
                Locale.setDefault(l);
                Messages.setLocale(l);
                fx(() -> {
                    AppLanguage.set(l);
                    return null;
                });
                Path progress = home.resolve("progress-" + (n++) + ".json");
                Stage stage = fx(Stage::new);
                MainWindow w = fx(() -> {
                    // like the app: a step's views are created when the step shows them (issue 18)
                    MainWindow m = MainWindow.withLazyViews(stage);
                    m.lessons().setLibrary(library);
                    m.lessons().setProgress(LessonProgress.load(progress));
                    stage.setWidth(first.width());
                    stage.setHeight(first.height());
                    stage.show();
                    renderScale(stage, first.scale());
                    return m;
                });
                waitFor(() -> w.viewModel().frameProperty().get() != null);
                for (Shot s : e.getValue()) {
                    done.put(s, shoot(w, s));
                }
                fx(() -> {
                    w.presentation().leave();
                    w.lessons().close();
                    stage.hide();
                    return null;
                });
            }
        } finally {
            Locale.setDefault(before);
            Messages.setLocale(before);
            try (var files = Files.list(home)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(home);
        }
        List<Screen> out = new ArrayList<>();
        for (Shot s : shots) {
            out.add(done.get(s));
        }
        return out;
    }

    private static Screen shoot(MainWindow w, Shot s) throws Exception {
        boolean sameLesson = fx(() -> w.lessons().lesson() != null && w.lessons().lesson().id().equals(s.lessonId()));
        if (!sameLesson) {
            String problem = fx(() -> {
                w.presentation().leave();
                return w.lessons().open(s.lessonId());
            });
            if (problem != null) {
                return new Screen(s, List.of(), true, problem);
            }
        }
        // presentation mode before the step, as a teacher goes through a lesson in front of the class: entering it
        // hides the training panel, so a step with `panel: training` shown first lost it (issue 12)
        fx(() -> {
            if (s.present() && !w.presentation().isOn()) {
                w.presentation().enterInWindow();
            } else if (!s.present() && w.presentation().isOn()) {
                w.presentation().leave();
            }
            w.stage().setWidth(s.width());
            w.stage().setHeight(s.height());
            return null;
        });
        boolean moved = fx(() -> {
            if (s.step() < 0 || s.step() >= w.lessons().lesson().steps().size()) {
                return false;
            }
            if (w.lessons().stepIndex() != s.step()) {
                w.lessons().go(s.step());
            }
            return true;
        });
        if (!moved) {
            return new Screen(s, List.of(), true, "the lesson has no step " + (s.step() + 1));
        }
        try {
            waitFor(() -> w.lessons().stepIndex() == s.step() && !w.viewModel().busyProperty().get()
                    && w.lessons().appliedPosition() == w.viewModel().positionProperty().get());
        } catch (java.util.concurrent.TimeoutException e) {
            return new Screen(s, List.of(), true, "the step did not finish applying its scene in "
                    + STEP_TIMEOUT_MS / 1000 + " s");
        }
        fx(() -> {
            if (w.stage().getRenderScaleX() != s.scale() || w.stage().getRenderScaleY() != s.scale()) {
                renderScale(w.stage(), s.scale()); // the system set its screen's scale when the window showed
            }
            return null;
        });
        settle(w);
        List<String> findings = fx(() -> LayoutChecker.check(w.scene()).stream().map(StepScreens::describe).toList());
        boolean fits = fx(() -> fits(w));
        if (s.png() != null) {
            WritableImage img = fx(() -> picture(w.scene(), s.scale()));
            Path dir = s.png().toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img, null), "png", s.png().toFile());
        }
        return new Screen(s, findings, fits, null);
    }

    /**
     * The window laid out and drawn at {@code scale} device pixels per logical pixel, whatever the screen's
     * own scale (a Monocle headless screen is at 1; a desktop's may be 2): the layout snaps to device
     * pixels, so a HiDPI screen's layout is checked only at its scale. The layout is done again at once.
     */
    static void renderScale(Stage stage, double scale) {
        stage.setForceIntegerRenderScale(false);
        stage.setRenderScaleX(scale);
        stage.setRenderScaleY(scale);
        if (stage.getScene() != null && stage.getScene().getRoot() != null) {
            relayout(stage.getScene().getRoot());
        }
    }

    private static void relayout(javafx.scene.Parent p) {
        p.requestLayout();
        for (javafx.scene.Node c : p.getChildrenUnmodifiable()) {
            if (c instanceof javafx.scene.Parent q) {
                relayout(q);
            }
        }
    }

    /**
     * The window's picture in device pixels: {@code scale} × its size in logical pixels (at 1 the scene's own
     * snapshot). Canvas views are as sharp as the screen's scale lets them be (JavaFX draws a canvas at
     * the highest scale of the screens there are): on a screen at 1 a canvas at 2 is enlarged.
     */
    static WritableImage picture(javafx.scene.Scene scene, double scale) {
        if (scale == 1) {
            return scene.snapshot(null);
        }
        javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
        p.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
        p.setFill(scene.getFill() != null ? scene.getFill() : javafx.scene.paint.Color.WHITE);
        p.setViewport(new javafx.geometry.Rectangle2D(0, 0, Math.round(scene.getWidth() * scale),
                Math.round(scene.getHeight() * scale)));
        return scene.getRoot().snapshot(p, null);
    }

    /** Layout passes, the narration's typeset math arriving, the views redrawing at the new size. */
    private static void settle(MainWindow w) throws Exception {
        for (int i = 0; i < 3; i++) {
            fx(() -> {
                w.scene().getRoot().applyCss();
                w.scene().getRoot().layout();
                return null;
            });
            Thread.sleep(250);
        }
    }

    /**
     * What the student sees: the step's checkpoints whole in the lesson panel without scrolling (the
     * narration may scroll above them; issue 12).
     */
    private static boolean fits(MainWindow w) {
        return !w.lessons().panel().isVisible() || w.lessons().checkpointInView();
    }

    /** {@code view lstm: label "…" clipped by #x}, or for a part of the window {@code #lesson-title: …}. */
    static String describe(LayoutChecker.Problem p) {
        String where = p.area().equals("window") ? p.where() : p.area();
        String text = p.text().replace("\n", " ");
        String what = p.kind().equals("overlaps") ? "overlaps \"" + p.other().replace("\n", " ") + "\"" : p.kind();
        return where + ": label \"" + text + "\" " + what;
    }

    static <T> T fx(Callable<T> c) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return c.call();
        }
        FutureTask<T> t = new FutureTask<>(c);
        Platform.runLater(t);
        try {
            return t.get(STEP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    private static void waitFor(Callable<Boolean> c) throws Exception {
        long end = System.currentTimeMillis() + STEP_TIMEOUT_MS;
        while (!fx(c)) {
            if (System.currentTimeMillis() > end) {
                throw new java.util.concurrent.TimeoutException();
            }
            Thread.sleep(50);
        }
    }
}
