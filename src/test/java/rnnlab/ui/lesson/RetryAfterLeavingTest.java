package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import rnnlab.i18n.Messages;
import rnnlab.lessons.LessonProgress;

/**
 * Issue 12, a retry after a wrong answer: a first wrong answer shows the hint (or "try again") and leaves one
 * retry. When the student leaves the step before retrying (Next / Previous, or closing and reopening the
 * lesson, also with the progress read afresh from its file), the step comes back with the hint and the
 * options open, not with the answer revealed; the retry then reveals it, and progress keeps the first
 * (wrong) answer as the score. Shown again after the retry, the step says what the student ended with: the
 * retry's answer and verdict (right with its explanation, or wrong with the answer revealed). A pending retry does not meet {@code require: answer}: Next stays locked, as before the
 * step was left. A saved answer from before retries were kept shows revealed.
 */
@ExtendWith(ApplicationExtension.class)
class RetryAfterLeavingTest extends LessonWalkBase {
    @TempDir
    static Path folder;

    static final String LESSON = """
            ---
            id: retry
            title: %s
            summary: A wrong first answer keeps its retry.
            ---

            ## One
            ```scene
            preset: gru_6
            text: abcabc
            step: 1
            ```
            First.

            ```check
            id: pick
            kind: choice
            question: At the same hidden size, which cell has the most parameters?
            option: vanilla RNN
            option: GRU
            option: * LSTM
            hint: Count the blocks of weights each cell has.
            explain: The answer is {answer}.
            ```

            ## Two
            ```scene
            step: 2
            ```
            Two.

            ```check
            id: count
            kind: number
            question: How many time steps are read?
            value: steps
            tolerance: 0.4
            explain: {value} steps.
            require: answer
            ```

            ## Three
            Three.

            ## Four
            Four.
            """;

    @Start
    void begin(Stage stage) throws Exception {
        start(stage);
        freshProgress("retry-after-leaving");
    }

    private static final String HINT = "Count the blocks of weights each cell has.";

    /** {@link #LESSON} written to {@code dir}, loaded and opened in {@code test}'s window at its first step. */
    static void openRetry(LessonWalkBase test, Path dir) throws Exception {
        test.writeLesson(dir, "60-retry", LESSON, "Retry", "再试一次");
        test.openFrom(dir, "retry");
        test.atStep(1, 1);
    }

    @Test
    void aFirstWrongAnswerKeepsItsRetryWhenTheStepIsLeftAndShownAgain(FxRobot robot) throws Exception {
        openRetry(this, folder);

        // a wrong first answer (vanilla RNN): the hint, the question open for one retry
        choose(robot, 1);
        until(() -> player.checkpointBox().hinted());
        assertRetryOpen(robot, Messages.get("lesson.hint.tryAgain"), true);
        assertThat(fx(() -> player.progress().answer("retry", "pick")))
                .extracting(LessonProgress.Answer::given, LessonProgress.Answer::right, LessonProgress.Answer::retryLeft)
                .containsExactly("0", false, true);

        // Next, then Previous: the hint again, the options open (before: the answer revealed, the retry gone)
        nextTo(2, 2);
        previousTo(1, 1);
        retryShownAgain(robot, true);

        // closed and reopened: the same
        run(player::close);
        assertThat(fx(() -> player.open("retry"))).isNull();
        atStep(1, 1);
        retryShownAgain(robot, true);

        // the progress read afresh from its file (the app restarted): the same
        player.flush();
        run(player::close);
        run(() -> player.setProgress(LessonProgress.load(progressFile)));
        assertThat(fx(() -> player.progress().answer("retry", "pick").retryLeft())).isTrue();
        assertThat(fx(() -> player.open("retry"))).isNull();
        atStep(1, 1);
        retryShownAgain(robot, true);

        // the retry, right: revealed as right; progress keeps the first (wrong) answer, its retry used
        choose(robot, 3);
        until(() -> player.checkpointBox().answered());
        assertThat(text(robot, "lesson-checkpoint-result")).isEqualTo(Messages.format("lesson.choice.right", "LSTM"));
        assertThat(robot.lookup("#lesson-option-1").queryAs(RadioButton.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#lesson-option-3").queryAs(RadioButton.class).isDisabled()).isTrue();
        assertThat(fx(() -> player.progress().answer("retry", "pick")))
                .extracting(LessonProgress.Answer::given, LessonProgress.Answer::right, LessonProgress.Answer::retryLeft)
                .containsExactly("0", false, false);
        player.flush();
        assertThat(LessonProgress.load(progressFile).answer("retry", "pick"))
                .extracting(LessonProgress.Answer::given, LessonProgress.Answer::right, LessonProgress.Answer::retryLeft)
                .containsExactly("0", false, false);

        // shown again now (Next/Previous, closed and reopened, progress read afresh from its file): revealed as
        // the student ended it, the retry's right answer with its explanation, not the first answer's "Not quite";
        // progress still scores the first (wrong) answer
        nextTo(2, 2);
        previousTo(1, 1);
        retriedRightShownAgain(robot);
        run(player::close);
        assertThat(fx(() -> player.open("retry"))).isNull();
        atStep(1, 1);
        retriedRightShownAgain(robot);
        player.flush();
        run(player::close);
        run(() -> player.setProgress(LessonProgress.load(progressFile)));
        assertThat(fx(() -> player.progress().answer("retry", "pick")))
                .extracting(LessonProgress.Answer::given, LessonProgress.Answer::right, LessonProgress.Answer::last)
                .containsExactly("0", false, "2");
        assertThat(fx(() -> player.open("retry"))).isNull();
        atStep(1, 1);
        retriedRightShownAgain(robot);

        // a number without a hint, require: answer: "try again"; left and shown again it is "try again" once
        // more with the number typed, and Next still waits for the retry
        nextTo(2, 2);
        type(robot, "100");
        assertThat(verdict(robot, false)).isEqualTo(Messages.get("lesson.tryAgain"));
        previousTo(1, 1);
        nextTo(2, 2);
        retryShownAgain(robot, false);
        assertThat(robot.lookup("#lesson-checkpoint-number").queryAs(TextField.class).getText()).isEqualTo("100");
        assertThat(fx(() -> player.lessonPanel().nextLocked())).isTrue();
        run(player::next);
        assertThat(fx(player::stepIndex)).isEqualTo(1);
        assertThat(fx(() -> vm.statusProperty().get())).isEqualTo(Messages.get("lesson.next.required"));
        // the retry, wrong too: revealed; progress keeps the first number
        type(robot, "200");
        until(() -> player.checkpointBox().answered());
        // "Not quite: the value is 5." (abcabc: five steps, each character a target but the first)
        assertThat(text(robot, "lesson-checkpoint-result")).isEqualTo(Messages.format("lesson.number.wrong", "5"));
        assertThat(robot.lookup("#lesson-checkpoint-number").queryAs(TextField.class).isEditable()).isFalse();
        assertThat(fx(() -> player.progress().answer("retry", "count")))
                .extracting(LessonProgress.Answer::given, LessonProgress.Answer::right, LessonProgress.Answer::retryLeft)
                .containsExactly("100", false, false);
        assertThat(fx(() -> player.lessonPanel().nextLocked())).isFalse();
        // shown again: the retry's number (what the student ended with) and the value revealed, still wrong
        previousTo(1, 1);
        nextTo(2, 2);
        until(() -> player.checkpointBox().answered());
        assertThat(text(robot, "lesson-checkpoint-result")).isEqualTo(Messages.format("lesson.number.wrong", "5"));
        assertThat(robot.lookup("#lesson-checkpoint-number").queryAs(TextField.class).getText()).isEqualTo("200");
        assertThat(fx(() -> player.progress().answer("retry", "count")))
                .extracting(LessonProgress.Answer::given, LessonProgress.Answer::last).containsExactly("100", "200");
        run(player::next);
        until(() -> player.stepIndex() == 2);

        // a progress file from before retries were kept: its wrong answer counts as settled, shown revealed
        run(player::close);
        player.flush();
        Files.writeString(progressFile, """
                {
                  "format" : "rnnlab-progress",
                  "version" : 1,
                  "lessons" : {
                    "retry" : {
                      "step" : 0,
                      "done" : false,
                      "answers" : {
                        "pick" : { "given" : "0", "right" : false }
                      }
                    }
                  }
                }
                """);
        run(() -> player.setProgress(LessonProgress.load(progressFile)));
        assertThat(fx(() -> player.progress().problem())).isNull();
        assertThat(fx(() -> player.open("retry"))).isNull();
        atStep(1, 1);
        until(() -> player.checkpointBox().answered());
        assertThat(text(robot, "lesson-checkpoint-result")).isEqualTo(Messages.format("lesson.choice.wrong", "LSTM"));
        assertThat(fx(() -> player.checkpointBox().hinted())).isFalse();
        run(player::close);
    }

    /** The choice shown again after a wrong first answer and a right retry: LSTM chosen, right, explained. */
    private void retriedRightShownAgain(FxRobot robot) throws Exception {
        until(() -> player.checkpointBox().answered());
        assertThat(text(robot, "lesson-checkpoint-result")).isEqualTo(Messages.format("lesson.choice.right", "LSTM"));
        assertThat(fx(() -> player.checkpointBox().resultLabel().getStyleClass())).contains("right").doesNotContain("wrong");
        assertThat(fx(() -> player.checkpointBox().hinted())).isFalse();
        assertThat(fx(() -> Narration.text(player.checkpointBox().lookup("#lesson-checkpoint-explain"))))
                .contains("The answer is").contains("LSTM").doesNotContain(HINT);
        assertThat(robot.lookup("#lesson-option-3").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#lesson-option-1").queryAs(RadioButton.class).isSelected()).isFalse();
        assertThat(robot.lookup("#lesson-option-1").queryAs(RadioButton.class).isDisabled()).isTrue();
        assertThat(fx(() -> player.progress().answer("retry", "pick")))
                .extracting(LessonProgress.Answer::given, LessonProgress.Answer::right, LessonProgress.Answer::retryLeft)
                .containsExactly("0", false, false);
    }

    /**
     * The step shown again after a wrong first answer: the hint (or "try again") once the saved answer is
     * restored, the question not revealed and open for the retry.
     */
    private void retryShownAgain(FxRobot robot, boolean hint) throws Exception {
        try {
            until(() -> hint ? player.checkpointBox().hinted() : player.checkpointBox().tries() == 1);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the step shown again has no retry open: answered="
                    + fx(() -> player.checkpointBox().answered()) + ", result \"" + fx(() -> player.checkpointBox().resultText()) + "\"", e);
        }
        assertRetryOpen(robot, Messages.get(hint ? "lesson.hint.tryAgain" : "lesson.tryAgain"), hint);
    }

    private void assertRetryOpen(FxRobot robot, String result, boolean choice) throws Exception {
        assertThat(fx(() -> player.checkpointBox().answered())).isFalse();
        assertThat(fx(() -> player.checkpointBox().resultText())).isEqualTo(result);
        if (choice) {
            // the hint under the question, the wrong option still chosen, both options and Check enabled
            String explain = fx(() -> Narration.text(player.checkpointBox().lookup("#lesson-checkpoint-explain")));
            assertThat(explain).contains(HINT);
            RadioButton one = robot.lookup("#lesson-option-1").queryAs(RadioButton.class);
            RadioButton two = robot.lookup("#lesson-option-2").queryAs(RadioButton.class);
            RadioButton three = robot.lookup("#lesson-option-3").queryAs(RadioButton.class);
            assertThat(fx(() -> one.isDisabled() || two.isDisabled() || three.isDisabled())).isFalse();
            assertThat(fx(one::isSelected)).isTrue();
            assertThat(fx(() -> robot.lookup("#lesson-checkpoint-check").queryAs(Button.class).isDisabled())).isFalse();
        } else {
            TextField f = robot.lookup("#lesson-checkpoint-number").queryAs(TextField.class);
            assertThat(fx(() -> f.isEditable() && !f.isDisabled())).isTrue();
        }
    }
}
