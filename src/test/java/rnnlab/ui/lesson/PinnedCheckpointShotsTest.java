package rnnlab.ui.lesson;

import static rnnlab.ui.FxWait.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.LessonEntry;
import rnnlab.lessons.LessonLibrary;
import rnnlab.lessons.LessonProgress;
import rnnlab.ui.TestLanguage;
import rnnlab.ui.shell.MainWindow;
import rnnlab.ui.views.ViewCatalog;

/**
 * Issue 12: the first checkpoint step of lessons 1, 9 and 14 (the ones the issue names) at 1024×768 and
 * 1280×720, in English and Chinese, light and dark, in normal and presentation mode: the question's Check
 * button and, once answered, the result are in the window inside the lesson panel without scrolling.
 * Writes a screenshot of each to target/screenshots (pinned-NN-step-size-lang-theme[-present].png).
 */
@ExtendWith(ApplicationExtension.class)
class PinnedCheckpointShotsTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterAll
    static void english() {
        TestLanguage.english();
    }


    @Test
    void checkAndResultAreInViewInEveryThemeSizeLanguageAndMode() throws Exception {
        rnnlab.ui.FxWait.ignoringRenderThreadOverflow(this::walk);
    }

    private void walk() throws Exception {
        List<String> outside = new ArrayList<>();
        int shots = 0;
        for (String lang : List.of("en", "zh")) {
            if (!TestLanguage.use(lang)) {
                continue;
            }
            LessonLibrary lib = LessonLibrary.load(Path.of("lessons"));
            Path prog = Path.of("target", "test-home", "pinned-shots-progress.json");
            Files.createDirectories(prog.getParent());
            MainWindow w = fx(() -> {
                MainWindow m = new MainWindow(stage, ViewCatalog.createAll());
                m.lessons().setLibrary(lib);
                Files.deleteIfExists(prog);
                m.lessons().setProgress(LessonProgress.load(prog));
                stage.show();
                return m;
            });
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> w.viewModel().frameProperty().get() != null);
            for (int[] size : new int[][] {{1024, 768}, {1280, 720}}) {
                fx(() -> {
                    w.stage().setWidth(size[0]);
                    w.stage().setHeight(size[1]);
                    return null;
                });
                for (LessonEntry e : lib.entries()) {
                    Lesson lesson = e.lesson(lang);
                    if (lesson == null || (e.number() != 1 && e.number() != 9 && e.number() != 14)) {
                        continue;
                    }
                    int step = 0;
                    while (step < lesson.steps().size() && lesson.steps().get(step).checkpoint() == null) {
                        step++;
                    }
                    assertThat(step).as(e.id() + " has a checkpoint").isLessThan(lesson.steps().size());
                    for (boolean present : new boolean[] {false, true}) {
                        for (boolean dark : new boolean[] {false, true}) {
                            int s = step;
                            assertThat(fx(() -> w.lessons().open(e.id()))).isNull();
                            fx(() -> {
                                w.theme().setDark(dark);
                                if (present) {
                                    w.presentation().enterInWindow();
                                }
                                w.lessons().go(s);
                                return null;
                            });
                            layout(w);
                            String name = String.format(Locale.ROOT, "pinned-%02d-%d-%dx%d-%s-%s%s", e.number(), s + 1, size[0], size[1],
                                    lang, dark ? "dark" : "light", present ? "-present" : "");
                            outside.addAll(fx(() -> outside(w, name, "#lesson-checkpoint-check", "#lesson-next")));
                            fx(() -> {
                                w.lessons().revealWith("0");
                                return null;
                            });
                            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                                    () -> fx(() -> w.lessons().checkpointBox().resultText() != null));
                            layout(w);
                            outside.addAll(fx(() -> outside(w, name + " answered", "#lesson-checkpoint-result")));
                            shoot(w, name);
                            shots++;
                            fx(() -> {
                                w.presentation().leave();
                                w.lessons().close();
                                return null;
                            });
                        }
                    }
                }
            }
            fx(() -> {
                w.theme().setDark(false);
                return null;
            });
        }
        assertThat(shots).isGreaterThanOrEqualTo(24);
        assertThat(outside).as("checkpoint parts outside the window or the lesson panel").isEmpty();
    }

    /** The named nodes that are not wholly inside the window and the lesson panel. */
    private static List<String> outside(MainWindow w, String where, String... ids) {
        List<String> out = new ArrayList<>();
        Node panel = w.scene().lookup("#lesson-panel");
        Bounds strip = panel.localToScene(panel.getLayoutBounds());
        Bounds window = new BoundingBox(0, 0, w.scene().getWidth(), w.scene().getHeight());
        for (String id : ids) {
            Node n = w.scene().lookup(id);
            if (n == null || !n.isVisible()) {
                out.add(where + ": " + id + " missing");
                continue;
            }
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (!inside(strip, b) || !inside(window, b)) {
                out.add(where + ": " + id + " at " + b + " outside the panel " + strip);
            }
        }
        return out;
    }

    private static boolean inside(Bounds outer, Bounds b) {
        double e = 1;
        return b.getMinX() >= outer.getMinX() - e && b.getMinY() >= outer.getMinY() - e
                && b.getMaxX() <= outer.getMaxX() + e && b.getMaxY() <= outer.getMaxY() + e;
    }

    private static void layout(MainWindow w) throws Exception {
        for (int i = 0; i < 2; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            fx(() -> {
                w.scene().getRoot().applyCss();
                w.scene().getRoot().layout();
                return null;
            });
            Thread.sleep(150);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void shoot(MainWindow w, String name) throws Exception {
        WritableImage img = fx(() -> w.scene().snapshot(null));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve(name + ".png").toFile());
    }
}
