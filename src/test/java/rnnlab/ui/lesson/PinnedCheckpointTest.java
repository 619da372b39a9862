package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;
import static rnnlab.ui.TestWindows.inside;
import static rnnlab.ui.TestWindows.layout;
import static rnnlab.ui.TestWindows.shoot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.i18n.Messages;
import rnnlab.lessons.LessonLibrary;
import rnnlab.lessons.LessonProgress;
import rnnlab.ui.TestWindows;
import rnnlab.ui.controls.AppLanguage;
import rnnlab.ui.shell.MainWindow;

/**
 * Issue 12 in normal mode: the checkpoint is pinned below the narration, so at 1024×768 a step with a
 * long narration still shows its question, options, Check and result without scrolling (the narration
 * scrolls above, from its start); a checkpoint taller than the panel allows keeps its question, Check and
 * result in view with its options scrolling inside it, and {@link LessonPanel#checkpointInView()} (what
 * {@code lessons check --layout} warns about) says it does not show whole.
 */
@ExtendWith(ApplicationExtension.class)
class PinnedCheckpointTest {
    private static final Path GOOD = Path.of("src/test/resources/lessons/good");
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterAll
    static void english() {
        Locale.setDefault(Locale.ENGLISH);
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void theCheckpointStaysInViewBelowALongNarrationAndATallOneScrollsItsOptions(@TempDir Path dir) throws Exception {
        rnnlab.ui.FxWait.ignoringRenderThreadOverflow(() -> walk(dir));
    }

    private void walk(Path dir) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        Messages.setLocale(Locale.ENGLISH);
        AppLanguage.set(Locale.ENGLISH);
        StringBuilder narration = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            narration.append("A long paragraph of narration that a teacher wrote before the question.\n\n");
        }
        StringBuilder options = new StringBuilder();
        for (int i = 1; i <= 16; i++) {
            options.append("option: a long option number ").append(i)
                    .append(" that wraps onto a second line in the lesson panel | ").append(i + 1).append(" < x < ").append(i + 2).append("\n");
        }
        for (String lang : List.of("en", "zh")) {
            String t = Files.readString(GOOD.resolve("01-forget." + lang + ".md"));
            String look = "Look at the forget gate of unit 2.\n";
            assertThat(t).contains(look);
            Files.writeString(dir.resolve("01-forget." + lang + ".md"), t.replace(look, look + "\n" + narration));
            String below = lang.equals("en") ? "option: below 0.5 | <= 0.5\n" : "option: 低于 0.5 | <= 0.5\n";
            assertThat(t).contains(below);
            Files.writeString(dir.resolve("02-tall." + lang + ".md"),
                    t.replace("id: forget", "id: tall").replace("| > 0.5\n", "| 0.5 < x <= 1\n").replace(below, below + options));
        }
        LessonLibrary lib = LessonLibrary.load(dir);
        MainWindow w = TestWindows.open(stage, 1024, 768, m -> {
            m.lessons().setLibrary(lib);
            m.lessons().setProgress(LessonProgress.load(dir.resolve("progress.json")));
        });

        // a long narration: it scrolls (from its start) above the checkpoint, which shows whole
        assertThat(fx(() -> w.lessons().open("forget"))).isNull();
        fx(() -> {
            w.lessons().go(1);
            return null;
        });
        layout(w);
        ScrollPane narrationScroll = (ScrollPane) w.scene().lookup("#lesson-scroll");
        assertThat(fx(() -> narrationScroll.getContent().getLayoutBounds().getHeight()))
                .as("the narration is longer than its room").isGreaterThan(fx(() -> narrationScroll.getViewportBounds().getHeight()) + 100);
        assertThat(fx(() -> w.lessons().lessonPanel().narrationScroll())).isZero();
        assertThat(fx(() -> inView(w, "#lesson-checkpoint-question", "#lesson-option-1", "#lesson-option-2", "#lesson-checkpoint-check",
                "#lesson-next"))).isEmpty();
        assertThat(fx(() -> w.lessons().checkpointInView())).isTrue();
        fx(() -> {
            w.lessons().revealWith("0");
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> w.lessons().checkpointBox().resultText() != null));
        layout(w);
        assertThat(fx(() -> inView(w, "#lesson-checkpoint-result", "#lesson-checkpoint-explain"))).isEmpty();
        assertThat(fx(() -> w.lessons().checkpointInView())).isTrue();
        shoot(w, "pinned-checkpoint-long-narration-1024x768");

        // sixteen long options: more than the panel has room for; they scroll, the question, Check and the
        // result stay in view, and the panel says the checkpoint does not show whole
        assertThat(fx(() -> w.lessons().open("tall"))).isNull();
        fx(() -> {
            w.lessons().go(1);
            return null;
        });
        layout(w);
        assertThat(fx(() -> inView(w, "#lesson-checkpoint-question", "#lesson-option-1", "#lesson-checkpoint-check", "#lesson-next"))).isEmpty();
        assertThat(fx(() -> inView(w, "#lesson-option-16"))).as("the last option scrolls out of view").isNotEmpty();
        assertThat(fx(() -> w.lessons().checkpointInView())).isFalse();
        fx(() -> {
            w.lessons().revealWith("0");
            return null;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> w.lessons().checkpointBox().resultText() != null));
        layout(w);
        assertThat(fx(() -> inView(w, "#lesson-checkpoint-question", "#lesson-checkpoint-check", "#lesson-checkpoint-result"))).isEmpty();
        assertThat(fx(() -> w.lessons().checkpointInView())).isFalse();
        shoot(w, "pinned-checkpoint-tall-1024x768");
        fx(() -> {
            w.lessons().close();
            return null;
        });
    }

    /** The named nodes that are not wholly inside the window, the lesson panel and (for the checkpoint) its pinned area. */
    private static List<String> inView(MainWindow w, String... ids) {
        List<String> out = new java.util.ArrayList<>();
        Bounds window = new BoundingBox(0, 0, w.scene().getWidth(), w.scene().getHeight());
        Node panel = w.scene().lookup("#lesson-panel");
        Bounds strip = panel.localToScene(panel.getLayoutBounds());
        Node pinned = w.scene().lookup("#lesson-pinned");
        Bounds pin = pinned.localToScene(pinned.getLayoutBounds());
        for (String id : ids) {
            Node n = w.scene().lookup(id);
            if (n == null || !n.isVisible()) {
                out.add(id + " missing");
                continue;
            }
            Bounds b = n.localToScene(n.getLayoutBounds());
            boolean inPinned = !id.startsWith("#lesson-checkpoint") && !id.startsWith("#lesson-option") || inside(pin, b);
            Node options = w.scene().lookup("#lesson-checkpoint-options");
            if (id.startsWith("#lesson-option") && options != null) {
                inPinned &= inside(options.localToScene(options.getLayoutBounds()), b);
            }
            if (!inside(window, b) || !inside(strip, b) || !inPinned) {
                out.add(id + " at " + b);
            }
        }
        return out;
    }

}
