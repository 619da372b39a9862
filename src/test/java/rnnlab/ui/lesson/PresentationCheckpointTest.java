package rnnlab.ui.lesson;

import static rnnlab.ui.FxWait.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.TestWindows.fmt;
import static rnnlab.ui.TestWindows.inside;
import static rnnlab.ui.TestWindows.layout;
import static rnnlab.ui.TestWindows.shoot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.lessons.Checkpoint;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.LessonEntry;
import rnnlab.lessons.LessonLibrary;
import rnnlab.lessons.LessonProgress;
import rnnlab.ui.TestLanguage;
import rnnlab.ui.TestWindows;
import rnnlab.ui.shell.MainWindow;

/**
 * Issue 12: in presentation mode the checkpoint, its options, Check and its result are always in view,
 * for every shipped lesson step with a checkpoint (but in a strip made short by the training panel of a
 * step that trains, where it scrolls in its pinned area and lessons check --layout warns), at 1024×768 and 1280×720, in English and Chinese; the
 * lesson's title stays on one line. Writes screenshots of a few steps to target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class PresentationCheckpointTest {
    private static final int[][] SIZES = {{1024, 768}, {1280, 720}};
    /**
     * The whole sweep (every step at both sizes, ~8 min on a loaded 2-core machine) with
     * {@code -Drnnlab.allLayouts=true}; by default 1024×768 (the tighter) takes every lesson and
     * 1280×720 lessons 1, 9 and 14, the ones the issue names, to keep CI short.
     */
    private static final boolean ALL = Boolean.getBoolean("rnnlab.allLayouts");
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
    void everyCheckpointIsInViewWhilePresenting() throws Exception {
        rnnlab.ui.FxWait.ignoringRenderThreadOverflow(this::walk);
    }

    private void walk() throws Exception {
        List<String> outside = new ArrayList<>();
        int checked = 0;
        int scrolled = 0;
        for (String lang : List.of("en", "zh")) {
            if (!TestLanguage.use(lang)) {
                continue;
            }
            LessonLibrary lib = LessonLibrary.load(Path.of("lessons"));
            MainWindow w = TestWindows.open(stage, SIZES[0][0], SIZES[0][1], m -> {
                m.lessons().setLibrary(lib);
                Path prog = Path.of("target", "test-home", "present-checkpoint-progress.json");
                Files.createDirectories(prog.getParent());
                Files.deleteIfExists(prog);
                m.lessons().setProgress(LessonProgress.load(prog));
            });
            for (int[] size : SIZES) {
                fx(() -> {
                    w.stage().setWidth(size[0]);
                    w.stage().setHeight(size[1]);
                    return null;
                });
                for (LessonEntry e : lib.entries()) {
                    Lesson lesson = e.lesson(lang);
                    if (lesson == null || (!ALL && size[0] != 1024 && e.number() != 1 && e.number() != 9 && e.number() != 14)) {
                        continue;
                    }
                    assertThat(fx(() -> w.lessons().open(e.id()))).isNull();
                    fx(() -> {
                        w.presentation().enterInWindow();
                        return null;
                    });
                    for (int i = 0; i < lesson.steps().size(); i++) {
                        Checkpoint cp = lesson.steps().get(i).checkpoint();
                        if (cp == null) {
                            continue;
                        }
                        int step = i;
                        fx(() -> {
                            w.lessons().go(step);
                            return null;
                        });
                        String where = lang + " " + size[0] + "x" + size[1] + " " + e.id() + " step " + (i + 1);
                        checked++;
                        layout(w);
                        // a strip made short by the training panel below it (a step that trains) may leave the
                        // checkpoint scrolling in its pinned area (lessons check --layout warns); the pinned area
                        // itself stays in the strip, never over the training panel or out of the window
                        boolean whole = !fx(() -> w.training().shownProperty().get());
                        if (whole) {
                            outside.addAll(fx(() -> outside(w, where, "#lesson-checkpoint", "#lesson-title", "#lesson-next", "#lesson-previous")));
                        } else {
                            outside.addAll(fx(() -> outside(w, where, "#lesson-pinned", "#lesson-title", "#lesson-next", "#lesson-previous")));
                            scrolled++;
                        }
                        if (cp.kind() != Checkpoint.Kind.GOAL && whole) {
                            fx(() -> {
                                w.lessons().revealWith(cp.kind() == Checkpoint.Kind.CHOICE ? "0" : "0");
                                return null;
                            });
                            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                                    () -> fx(() -> w.lessons().checkpointBox().resultText() != null));
                            layout(w);
                            outside.addAll(fx(() -> outside(w, where + " answered", "#lesson-checkpoint-result")));
                        }
                        if (e.number() == 1 || e.number() == 9 || e.number() == 14) {
                            shoot(w, "present-checkpoint-" + e.id() + "-" + (i + 1) + "-" + size[0] + "x" + size[1] + "-" + lang);
                        }
                        double titleH = fx(() -> w.scene().lookup("#lesson-title").getLayoutBounds().getHeight());
                        double lineH = fx(() -> ((javafx.scene.control.Label) w.scene().lookup("#lesson-title")).getFont().getSize());
                        // one line, made smaller down to 14 px; a title too long even then takes two lines at 14 px
                        boolean atMinimum = lineH <= LessonPanel.MIN_PRESENTING_PX + 0.5;
                        if (titleH > (atMinimum ? 2.7 : 1.7) * lineH || lineH < LessonPanel.MIN_PRESENTING_PX - 0.5) {
                            outside.add(where + ": the title takes " + titleH + " px for a " + lineH + " px font");
                        }
                    }
                    fx(() -> {
                        w.presentation().leave();
                        w.lessons().close();
                        return null;
                    });
                }
            }
        }
        assertThat(checked).as("checkpoints looked at").isGreaterThan(40);
        assertThat(scrolled).as("checkpoints in a strip made short by the training panel").isLessThan(checked / 4);
        assertThat(outside).as("checkpoint parts outside the visible lesson strip").isEmpty();
    }

    /** The named nodes that are not wholly inside the window and the lesson strip. */
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
                out.add(where + ": " + id + " at " + fmt(b) + " outside the strip " + fmt(strip) + " / window "
                        + fmt(window));
            }
        }
        return out;
    }

}
