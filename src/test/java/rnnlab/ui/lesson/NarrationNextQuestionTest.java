package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;
import static rnnlab.ui.TestWindows.inside;
import static rnnlab.ui.TestWindows.layout;
import static rnnlab.ui.TestWindows.shoot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.lessons.LessonLibrary;
import rnnlab.lessons.LessonProgress;
import rnnlab.ui.TestLanguage;
import rnnlab.ui.TestWindows;
import rnnlab.ui.shell.MainWindow;

/**
 * Issue 12, a step with several checkpoints while presenting (lesson 01, "Predict: move 不": a choice, then a
 * number): once the first is answered the narration shows its explanation and keeps the next question (the
 * one still open) in view; when both cannot show (an explanation planted longer than the strip), the next
 * question wins and the explanation's end shows above it. The same after a wrong answer and its retry, and
 * after Previous / Next back into the half-answered step; a hint (planted on the second check) shows with its
 * own question; outside presentation mode the second box stays in the pinned area's view once the first is
 * answered. At 1024×768 and 1280×720, in English and Chinese.
 * Screenshots target/screenshots/next-question-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class NarrationNextQuestionTest {
    private static final int[][] SIZES = {{1024, 768}, {1280, 720}};
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
    void theNextQuestionStaysInViewAfterAnAnswer(@TempDir Path dir) throws Exception {
        rnnlab.ui.FxWait.ignoringRenderThreadOverflow(() -> walk(dir));
    }

    private void walk(Path dir) throws Exception {
        String longer = " The state after a step mixes the new input with the state before it, so a change two steps"
                + " back still shows, weaker at every step, until the network has forgotten it.";
        for (String lang : List.of("en", "zh")) {
            String t = Files.readString(Path.of("lessons", "01-why-sequences." + lang + ".md"));
            Files.writeString(dir.resolve("01-why-sequences." + lang + ".md"), t);
            // the first check's explanation made longer than the strip's narration can show
            String explain = lang.equals("en") ? "if only for a while." : "只是记不了太久。";
            assertThat(t).contains(explain);
            Files.writeString(dir.resolve("02-long-explain." + lang + ".md"),
                    t.replace("id: why-sequences", "id: long-explain").replace(explain, explain + longer.repeat(8)));
            // and one short enough to show with the next question
            String shipped = t.lines().filter(l -> l.startsWith("explain: ") && l.endsWith(explain)).findFirst().orElseThrow();
            String value = lang.equals("en") ? "It ends at {value}." : "实际值是 {value}。";
            assertThat(shipped).startsWith("explain: " + value);
            // (its number question given a hint: a first wrong answer shows it, with the question, for a retry)
            String steps = "id: bu-steps\n";
            assertThat(t).contains(steps);
            String hint = lang.equals("en") ? "hint: Count the characters read, not the targets.\n" : "hint: 数一数读入的字符，而不是目标。\n";
            Files.writeString(dir.resolve("03-short-explain." + lang + ".md"),
                    t.replace("id: why-sequences", "id: short-explain").replace(shipped, "explain: " + value).replace(steps, steps + hint));
        }
        LessonLibrary lib = LessonLibrary.load(dir);
        List<String> problems = new ArrayList<>();
        int looked = 0;
        for (String lang : List.of("en", "zh")) {
            if (!TestLanguage.use(lang)) {
                continue;
            }
            MainWindow w = TestWindows.open(stage, SIZES[0][0], SIZES[0][1], m -> m.lessons().setLibrary(lib));
            for (int[] size : SIZES) {
                fx(() -> {
                    w.stage().setWidth(size[0]);
                    w.stage().setHeight(size[1]);
                    return null;
                });
                for (String id : List.of("why-sequences", "long-explain", "short-explain")) {
                    String where = lang + " " + size[0] + "x" + size[1] + " " + id;
                    Path prog = dir.resolve("progress-" + lang + size[0] + id + ".json");
                    fx(() -> {
                        w.lessons().setProgress(LessonProgress.load(prog));
                        return null;
                    });
                    assertThat(fx(() -> w.lessons().open(id))).isNull();
                    fx(() -> {
                        w.presentation().enterInWindow();
                        return null;
                    });
                    int index = fx(() -> {
                        var steps = w.lessons().lesson().steps();
                        for (int i = 0; i < steps.size(); i++) {
                            if (steps.get(i).checkpoints().size() == 2) {
                                return i;
                            }
                        }
                        return -1;
                    });
                    assertThat(index).isPositive();
                    at(w, index);
                    problems.addAll(inView(w, where + " at first", 0, false));
                    if (id.equals("short-explain")) {
                        problems.addAll(hintWithItsQuestion(w, where));
                    }

                    // a wrong answer first (lesson 01's first check has no hint: "try again"), then the right one
                    List<CheckpointBox> boxes = fx(() -> w.lessons().checkpointBoxes());
                    answerWrongThenRight(w, boxes.get(0));
                    layout(w);
                    looked++;
                    problems.addAll(inView(w, where + " answered", 1, true));
                    shoot(w, "next-question-" + id + "-" + size[0] + "x" + size[1] + "-" + lang);

                    // Previous, then Next: the step comes back with the first answered, the second still open
                    at(w, index - 1);
                    at(w, index);
                    until(() -> fx(() -> w.lessons().checkpointBoxes().get(0).answered()));
                    layout(w);
                    if (id.equals("short-explain")) {
                        // the wrong number before the hint was saved as its first answer, its retry not used: the
                        // second comes back open with its hint (restored after the first's reveal), shown with its question
                        until(() -> fx(() -> w.lessons().checkpointBoxes().get(1).hinted()));
                        assertThat(fx(() -> w.lessons().checkpointBoxes().get(1).answered())).as(where + " back: the retry is left").isFalse();
                        layout(w);
                        problems.addAll(hintInView(w, where + " back"));
                    } else {
                        problems.addAll(inView(w, where + " back", 1, true));
                    }
                    fx(() -> {
                        w.presentation().leave();
                        w.lessons().close();
                        return null;
                    });
                }
                // outside presentation mode the step's checkpoints are pinned below the narration, one under the
                // other: the second's question stays in view once the first has its result and explanation
                String where = lang + " " + size[0] + "x" + size[1] + " window";
                Path prog = dir.resolve("progress-window-" + lang + size[0] + ".json");
                fx(() -> {
                    w.lessons().setProgress(LessonProgress.load(prog));
                    return null;
                });
                assertThat(fx(() -> w.lessons().open("why-sequences"))).isNull();
                int index = fx(() -> {
                    var steps = w.lessons().lesson().steps();
                    for (int i = 0; i < steps.size(); i++) {
                        if (steps.get(i).checkpoints().size() == 2) {
                            return i;
                        }
                    }
                    return -1;
                });
                at(w, index);
                answerWrongThenRight(w, fx(() -> w.lessons().checkpointBoxes().get(0)));
                layout(w);
                problems.addAll(fx(() -> pinnedInView(w, where)));
                shoot(w, "next-question-window-" + size[0] + "x" + size[1] + "-" + lang);
                fx(() -> {
                    w.lessons().close();
                    return null;
                });
            }
        }
        assertThat(looked).isGreaterThanOrEqualTo(6);
        assertThat(both).as("answered steps whose explanation showed whole with the next question").isPositive();
        assertThat(questionFirst).as("answered steps where only the explanation's end showed above the next question").isPositive();
        assertThat(problems).as("questions and explanations out of the narration's view").isEmpty();
    }

    /**
     * Selects an option of the first (choice) check and presses Check; a wrong one leaves the question open
     * ("try again", its question still in view), then the other is chosen.
     */
    private void answerWrongThenRight(MainWindow w, CheckpointBox box) throws Exception {
        for (int option = 1; option <= 2; option++) {
            int o = option;
            fx(() -> {
                ((RadioButton) box.lookup("#lesson-option-" + o)).setSelected(true);
                ((Button) box.lookup("#lesson-checkpoint-check")).fire();
                return null;
            });
            // a second wrong answer is revealed (one retry)
            until(() -> fx(() -> box.answered() || o == 1 && box.tries() > 0));
            if (fx(box::answered)) {
                return;
            }
            layout(w);
            List<String> out = inView(w, "after a wrong answer", 0, false);
            assertThat(out).as("the question stays in view for the retry").isEmpty();
        }
        throw new AssertionError("neither option was accepted");
    }

    private void at(MainWindow w, int index) throws Exception {
        fx(() -> {
            w.lessons().go(index);
            return null;
        });
        until(() -> fx(() -> w.lessons().stepIndex() == index && !w.viewModel().busyProperty().get()));
        layout(w);
    }

    /**
     * A wrong number for the second check, which has a hint: the hint shows in the narration under that question,
     * both in view (the question stays open for the retry).
     */
    private static List<String> hintWithItsQuestion(MainWindow w, String where) throws Exception {
        CheckpointBox second = fx(() -> w.lessons().checkpointBoxes().get(1));
        fx(() -> {
            javafx.scene.control.TextField field = (javafx.scene.control.TextField) second.lookup("#lesson-checkpoint-number");
            field.setText("3");
            field.getOnAction().handle(null);
            return null;
        });
        until(() -> fx(second::hinted));
        layout(w);
        return hintInView(w, where);
    }

    /** The second check's question and its hint in the narration's view (the hint's start at least, when both cannot show). */
    private static List<String> hintInView(MainWindow w, String where) throws Exception {
        return fx(() -> {
            List<String> out = new ArrayList<>();
            Node viewport = w.scene().lookup("#lesson-scroll").lookup(".viewport");
            Bounds view = viewport.localToScene(viewport.getLayoutBounds());
            List<Node> parts = w.lessons().lessonPanel().body().getChildren().stream()
                    .filter(n -> n.getId() != null && n.getId().startsWith("lesson-checkpoint-")).toList();
            // question 1, explanation 1, question 2, explanation 2 (the hint): the question whole, the hint whole
            // too when both fit, else its start under the question
            Bounds q = parts.get(2).localToScene(parts.get(2).getLayoutBounds());
            Bounds h = parts.get(3).localToScene(parts.get(3).getLayoutBounds());
            boolean fit = h.getMaxY() - q.getMinY() <= view.getHeight();
            if (!inside(view, q) || h.getHeight() < 1 || fit && !inside(view, h) || !fit && h.getMinY() > view.getMaxY() - 20) {
                out.add(where + " hint: question 2 at " + fmt(q) + ", the hint at " + fmt(h) + " against the narration's view " + fmt(view));
            }
            return out;
        });
    }

    /** Cases seen: explanation and next question whole together; the question whole, the explanation's end above. */
    private int both;
    private int questionFirst;

    /**
     * Where the narration's checkpoint parts fall against its viewport: question {@code q} (from 0) must be whole
     * in view; with {@code explanation}, the explanation of the question before it too when both fit the view,
     * else its end (at least a line) above the question.
     */
    private List<String> inView(MainWindow w, String where, int q, boolean explanation) throws Exception {
        return fx(() -> {
            List<String> out = new ArrayList<>();
            LessonPanel panel = w.lessons().lessonPanel();
            Node viewport = w.scene().lookup("#lesson-scroll").lookup(".viewport");
            Bounds view = viewport.localToScene(viewport.getLayoutBounds());
            List<Node> questions = new ArrayList<>();
            List<Node> explanations = new ArrayList<>();
            for (Node n : panel.body().getChildren()) {
                if ("lesson-checkpoint-question".equals(n.getId())) {
                    questions.add(n);
                } else if ("lesson-checkpoint-explain".equals(n.getId())) {
                    explanations.add(n);
                }
            }
            if (questions.size() != 2 || explanations.size() != 2) {
                out.add(where + ": " + questions.size() + " questions and " + explanations.size() + " explanations in the narration");
                return out;
            }
            Bounds b = questions.get(q).localToScene(questions.get(q).getLayoutBounds());
            if (!inside(view, b)) {
                out.add(where + ": question " + (q + 1) + " at " + fmt(b) + " outside the narration's view " + fmt(view));
            }
            if (explanation) {
                Node e = explanations.get(q - 1);
                Bounds eb = e.localToScene(e.getLayoutBounds());
                boolean fit = b.getMaxY() - eb.getMinY() <= view.getHeight();
                if (fit) {
                    both++;
                } else {
                    questionFirst++;
                }
                if (eb.getHeight() < 1 || fit && !inside(view, eb) || !fit && eb.getMaxY() < view.getMinY() + 20) {
                    out.add(where + ": explanation " + q + " at " + fmt(eb) + (fit ? " not whole in" : " not showing its end in")
                            + " the narration's view " + fmt(view) + " (question at " + fmt(b) + ")");
                }
            }
            return out;
        });
    }

    /**
     * Outside presentation mode: the first box's result and the second box's question, field and Check inside the
     * pinned area's view (it scrolls as a whole when the two boxes are taller than its room).
     */
    private static List<String> pinnedInView(MainWindow w, String where) {
        List<String> out = new ArrayList<>();
        Node viewport = w.scene().lookup("#lesson-pinnedScroll").lookup(".viewport");
        Bounds view = viewport.localToScene(viewport.getLayoutBounds());
        List<CheckpointBox> boxes = w.lessons().checkpointBoxes();
        Node result = boxes.get(0).lookup("#lesson-checkpoint-result");
        Node question = boxes.get(1).lookup("#lesson-checkpoint-question");
        Node field = boxes.get(1).lookup("#lesson-checkpoint-number");
        Node check = boxes.get(1).lookup("#lesson-checkpoint-check");
        for (Node n : new Node[] {result, question, field, check}) {
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (!inside(view, b) || b.getMaxY() > w.scene().getHeight()) {
                out.add(where + ": " + n.getId() + " at " + fmt(b) + " outside the pinned view " + fmt(view));
            }
        }
        return out;
    }

    private static String fmt(Bounds b) {
        return String.format(Locale.ROOT, "[y %.0f to %.0f]", b.getMinY(), b.getMaxY());
    }

    private static void until(java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, c);
    }
}
