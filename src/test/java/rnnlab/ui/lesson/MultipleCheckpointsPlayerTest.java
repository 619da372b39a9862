package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import rnnlab.lessons.LessonProgress;

/**
 * Two checkpoints in one step of the real window (lesson 01, "Predict: move 不": the choice about unit 2
 * and the number of time steps): each has its own box, answering one shows only its result and saves
 * only its answer, and the other stays open until it is answered. Screenshots
 * target/screenshots/two-checkpoints-{en,zh}.png.
 */
@ExtendWith(ApplicationExtension.class)
class MultipleCheckpointsPlayerTest extends LessonWalkBase {
    @Override
    Locale locale() {
        return Locale.ENGLISH;
    }

    @Start
    void begin(Stage stage) throws Exception {
        startWithShippedLessons(stage, "two-checkpoints-" + lang());
    }

    private static Label result(CheckpointBox b) {
        return (Label) b.lookup("#lesson-checkpoint-result");
    }

    @Test
    void eachCheckpointOfAStepHasItsOwnBoxResultAndSavedAnswer() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        assertThat(fx(() -> player.open("why-sequences"))).isNull();
        run(player::restart);
        int index = fx(() -> {
            var steps = player.lesson().steps();
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).checkpoints().size() == 2) {
                    return i;
                }
            }
            return -1;
        });
        assertThat(index).isPositive();
        run(() -> player.go(index));
        until(() -> player.stepIndex() == index && !vm.busyProperty().get() && player.appliedPosition() == vm.positionProperty().get());
        List<CheckpointBox> boxes = fx(player::checkpointBoxes);
        assertThat(boxes).hasSize(2);
        assertThat(fx(() -> boxes.get(1).getId())).isEqualTo("lesson-checkpoint-2");
        assertThat(fx(() -> boxes.get(1).isVisible() && boxes.get(1).getScene() != null)).isTrue();

        // the second (a number) is answered: its result shows, the first stays open
        TextField field = fx(() -> (TextField) boxes.get(1).lookup("#lesson-checkpoint-number"));
        run(() -> field.setText("6"));
        run(() -> field.getOnAction().handle(null));
        until(() -> result(boxes.get(1)).isVisible());
        assertThat(fx(() -> result(boxes.get(0)).isVisible())).isFalse();
        assertThat(fx(() -> boxes.get(1).answered())).isTrue();
        assertThat(fx(() -> boxes.get(0).answered())).isFalse();
        LessonProgress p = fx(player::progress);
        assertThat(p.answer("why-sequences", "bu-steps")).isNotNull();
        assertThat(p.answer("why-sequences", "bu-steps").right()).isTrue();
        assertThat(p.answer("why-sequences", "bu-position")).isNull();

        // then the first, through its own options
        javafx.scene.control.RadioButton first = fx(() -> (javafx.scene.control.RadioButton) boxes.get(0).lookup("#lesson-option-1"));
        run(() -> first.setSelected(true));
        javafx.scene.control.Button check = fx(() -> (javafx.scene.control.Button) boxes.get(0).lookup("#lesson-checkpoint-check"));
        run(check::fire);
        until(() -> result(boxes.get(0)).isVisible());
        assertThat(p.answer("why-sequences", "bu-position")).isNotNull();
        screenshot("two-checkpoints-" + lang());
        run(player::close);
    }
}
