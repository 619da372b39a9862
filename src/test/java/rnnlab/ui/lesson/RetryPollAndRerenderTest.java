package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.RadioButton;
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
 * Issue 12, a retry and the paths that redraw or reveal a checkpoint besides the student's Check: a theme or
 * font change redraws the step (the hint and the open question stay while the retry is left; the retry's
 * right answer stays right once used), and the class poll's reveal ({@link PollLink#reveal}, which is
 * {@link LessonPlayer#revealWith}) while the retry is left shows the class's answer judged, settles the retry,
 * and the step shown again says the same; a poll nobody answered shows the answer unjudged and the step shown
 * again shows the student's own (first, wrong) answer with the answer revealed. Progress scores the first answer.
 * The presenter view follows the redrawn step's checkpoint (its class result). A poll revealed on a question
 * already revealed in the panel leaves the panel as it is and still tells the poll the answer (the students' page).
 */
@ExtendWith(ApplicationExtension.class)
class RetryPollAndRerenderTest extends LessonWalkBase {
    @TempDir
    static Path folder;

    private static final String HINT = "Count the blocks of weights each cell has.";

    @Start
    void begin(Stage stage) throws Exception {
        start(stage);
        freshProgress("retry-poll-rerender");
    }

    private void openLesson() throws Exception {
        RetryAfterLeavingTest.openRetry(this, folder);
    }

    /** The first box as the theme change left it: a new box (redrawn), waiting for its restored state. */
    private CheckpointBox redrawn(CheckpointBox before) throws Exception {
        until(() -> player.checkpointBox() != before);
        return fx(player::checkpointBox);
    }

    @Test
    void aThemeOrFontChangeKeepsTheRetryLeftAndTheRetrysAnswer(FxRobot robot) throws Exception {
        openLesson();
        choose(robot, 1);
        until(() -> player.checkpointBox().hinted());

        // the theme changes while the retry is left: redrawn with the hint, the options open, Check enabled
        CheckpointBox first = fx(player::checkpointBox);
        run(() -> window.theme().darkProperty().set(!window.theme().isDark()));
        CheckpointBox b = redrawn(first);
        until(b::hinted);
        assertThat(fx(() -> b.answered())).isFalse();
        assertThat(fx(() -> b.resultText())).isEqualTo(Messages.get("lesson.hint.tryAgain"));
        assertThat(fx(() -> Narration.text(b.lookup("#lesson-checkpoint-explain")))).contains(HINT);
        assertThat(robot.lookup("#lesson-option-1").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#lesson-option-3").queryAs(RadioButton.class).isDisabled()).isFalse();

        // the retry, right; then the font size changes: still right, LSTM chosen (before: the first answer's "Not quite")
        choose(robot, 3);
        until(() -> player.checkpointBox().answered());
        CheckpointBox answered = fx(player::checkpointBox);
        run(() -> window.theme().setFontScale(window.theme().fontScale() + 0.25));
        CheckpointBox c = redrawn(answered);
        until(c::answered);
        assertThat(fx(() -> c.resultText())).isEqualTo(Messages.format("lesson.choice.right", "LSTM"));
        assertThat(fx(() -> Narration.text(c.lookup("#lesson-checkpoint-explain")))).contains("LSTM").doesNotContain(HINT);
        assertThat(robot.lookup("#lesson-option-3").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(fx(() -> player.progress().answer("retry", "pick")))
                .extracting(LessonProgress.Answer::given, LessonProgress.Answer::right, LessonProgress.Answer::retryLeft,
                        LessonProgress.Answer::last)
                .containsExactly("0", false, false, "2");
        run(player::close);
    }

    @Test
    void thePresenterViewFollowsTheRedrawnCheckpoint(FxRobot robot) throws Exception {
        openLesson();
        run(() -> window.presentation().presenter().show(null));
        PresenterView p = window.presentation().presenter();
        until(p::isShowing);
        choose(robot, 1);
        until(() -> player.checkpointBox().hinted());
        String hinted = Messages.format("presenter.classResult", Messages.get("lesson.hint.tryAgain"));
        until(() -> p.checkpointsText().contains(hinted));
        // the font size changes while the retry is left, then the retry is right: the presenter view says so
        // (before, it kept following the checkpoint box drawn before the change, and went on saying "try again")
        CheckpointBox first = fx(player::checkpointBox);
        run(() -> window.theme().setFontScale(window.theme().fontScale() + 0.25));
        CheckpointBox b = redrawn(first);
        until(b::hinted);
        choose(robot, 3);
        until(() -> player.checkpointBox().answered());
        String right = Messages.format("presenter.classResult", Messages.format("lesson.choice.right", "LSTM"));
        try {
            until(() -> p.checkpointsText().contains(right));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the presenter view shows: " + fx(p::checkpointsText), e);
        }
        run(() -> {
            p.close();
            player.close();
        });
    }

    @Test
    void theClassPollsRevealWhileTheRetryIsLeftIsWhatTheStepShowsAgain(FxRobot robot) throws Exception {
        openLesson();
        choose(robot, 1);
        until(() -> player.checkpointBox().hinted());

        // the class answered LSTM (option 3): revealed right at once, no retry left; progress scores the first
        run(() -> player.revealWith("2"));
        until(() -> player.checkpointBox().answered());
        assertThat(text(robot, "lesson-checkpoint-result")).isEqualTo(Messages.format("lesson.choice.right", "LSTM"));
        assertThat(fx(() -> player.progress().answer("retry", "pick")))
                .extracting(LessonProgress.Answer::given, LessonProgress.Answer::right, LessonProgress.Answer::retryLeft,
                        LessonProgress.Answer::last)
                .containsExactly("0", false, false, "2");
        // shown again (Next, Previous): the same, not the first answer's "Not quite"
        nextTo(2, 2);
        previousTo(1, 1);
        until(() -> player.checkpointBox().answered());
        assertThat(text(robot, "lesson-checkpoint-result")).isEqualTo(Messages.format("lesson.choice.right", "LSTM"));
        assertThat(robot.lookup("#lesson-option-3").queryAs(RadioButton.class).isSelected()).isTrue();

        // a poll revealed now (the retry done, the step shown again): the panel stays as it is, and the class poll
        // is told the answer all the same, for the students' page (before: nothing, the page never showed it)
        java.util.List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        run(() -> player.setOnRevealed((c, v) -> told.add(c.id() + " " + c.rightOption(v))));
        run(() -> player.revealWith("0"));
        until(() -> !told.isEmpty());
        assertThat(told).containsExactly("pick 2");
        assertThat(text(robot, "lesson-checkpoint-result")).isEqualTo(Messages.format("lesson.choice.right", "LSTM"));
        assertThat(fx(() -> player.progress().answer("retry", "pick").shown())).isEqualTo("2");
        run(() -> player.setOnRevealed(null));

        // again from the start: a poll nobody answered while the retry is left shows the answer unjudged ...
        run(player::restart);
        atStep(1, 1);
        choose(robot, 2);
        until(() -> player.checkpointBox().hinted());
        run(() -> player.revealWith(null));
        until(() -> player.checkpointBox().answered());
        assertThat(text(robot, "lesson-checkpoint-result")).isEqualTo(Messages.format("lesson.choice.answer", "LSTM"));
        assertThat(fx(() -> player.progress().answer("retry", "pick")))
                .extracting(LessonProgress.Answer::given, LessonProgress.Answer::retryLeft, LessonProgress.Answer::last)
                .containsExactly("1", false, null);
        // ... and shown again it is the student's own answer, wrong, with the answer revealed (no retry: it was given up)
        nextTo(2, 2);
        previousTo(1, 1);
        until(() -> player.checkpointBox().answered());
        assertThat(text(robot, "lesson-checkpoint-result")).isEqualTo(Messages.format("lesson.choice.wrong", "LSTM"));
        assertThat(robot.lookup("#lesson-option-2").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(fx(() -> player.checkpointBox().hinted())).isFalse();
        run(player::close);
    }
}
