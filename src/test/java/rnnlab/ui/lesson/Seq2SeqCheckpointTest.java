package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import rnnlab.ui.common.Ids;

/**
 * In the app, a lesson 18 prediction is judged by the engine on the step's encoder–decoder (its
 * {@code seq2seq:} model and input), not on the main window's single network: attention_argmax step 1 of
 * the reversal model is input 8, so "the last input digit, 6" is right and the explanation says 8.
 */
@ExtendWith(ApplicationExtension.class)
class Seq2SeqCheckpointTest extends LessonWalkBase {
    @Override
    Locale locale() {
        return Locale.ENGLISH;
    }

    @Start
    void begin(Stage stage) throws Exception {
        startWithShippedLessons(stage, "seq2seq-checkpoint");
    }

    @Test
    void anAttentionPredictionIsJudgedOnTheStepsEncoderDecoder(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        assertThat(fx(() -> player.open("attention"))).isNull();
        run(() -> player.go(1));
        until(() -> player.checkpointBox() != null && player.checkpointBox().checkpoint().id().equals("first-output-looks"));
        // the options sit in a scroll pane in the pinned checkpoint: in the scene graph once its skin is made
        // (the next CSS pass; under load the lookup ran before it in the full suite)
        until(() -> robot.lookup("#" + Ids.of("lesson.option.3")).tryQuery().isPresent()
                && robot.lookup("#" + Ids.of("lesson.checkpoint.check")).tryQuery().isPresent());
        javafx.scene.control.RadioButton last = robot.lookup("#" + Ids.of("lesson.option.3")).query();
        javafx.scene.control.Button check = robot.lookup("#" + Ids.of("lesson.checkpoint.check")).query();
        run(() -> {
            last.setSelected(true);
            check.fire();
        });
        until(() -> player.checkpointBox().answered());
        assertThat(fx(() -> player.progress().answer("attention", "first-output-looks").right())).isTrue();
        assertThat(fx(() -> player.checkpointBox().resultText())).contains("the last input digit, 6");
        run(() -> {
            if (rnnlab.ui.seq2seq.Seq2SeqWindow.current() != null) {
                rnnlab.ui.seq2seq.Seq2SeqWindow.current().close();
            }
        });
    }
}
