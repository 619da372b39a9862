package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import rnnlab.i18n.Messages;
import rnnlab.lessons.RevealAndRequireTest;

/**
 * {@code reveal:} and {@code require: answer} in the real window: Next does not leave an unanswered
 * question that requires an answer (the status says why), and answering it moves the timeline to the
 * revealed step; then Next goes on. Screenshots target/screenshots/reveal-require-{before,after}.png.
 */
@ExtendWith(ApplicationExtension.class)
class RevealAndRequirePlayerTest extends LessonWalkBase {
    @Start
    void begin(Stage stage) throws Exception {
        start(stage);
    }

    @Test
    void nextWaitsForTheAnswerAndTheAnswerRevealsTheLaterStep(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory("rnnlab-reveal");
        RevealAndRequireTest.copyPair(dir, RevealAndRequireTest.withCheckLines("reveal: step: 8", "require: answer"));
        until(() -> vm.frameProperty().get() != null);
        openFrom(dir, "forget");
        run(player::restart);
        run(() -> player.go(1));
        until(() -> player.stepIndex() == 1 && !vm.busyProperty().get() && player.appliedPosition() == vm.positionProperty().get());
        int before = fx(() -> vm.positionProperty().get());
        Button next = robot.lookup("#lesson-next").queryAs(Button.class);
        // Next looks locked while the question waits, and its tooltip says why
        assertThat(fx(() -> next.getPseudoClassStates().toString())).contains("locked");
        // the style sheet's opacity for :locked lands at the next CSS pass (on a loaded machine, after this line)
        until(() -> next.getOpacity() < 0.6);
        assertThat(fx(() -> next.getTooltip().getText())).isEqualTo(Messages.get("lesson.next.required"));
        run(next::fire);
        assertThat(fx(player::stepIndex)).isEqualTo(1);
        assertThat(fx(() -> vm.statusProperty().get())).isEqualTo(Messages.get("lesson.next.required"));
        screenshot("reveal-require-before");
        choose(robot, 2);
        until(() -> robot.lookup("#lesson-checkpoint-result").queryAs(javafx.scene.control.Label.class).isVisible());
        if (text(robot, "lesson-checkpoint-result").equals(Messages.get("lesson.tryAgain"))) {
            // a wrong first answer gets a second try: nothing is revealed yet, and Next still waits
            assertThat(fx(() -> vm.positionProperty().get())).isEqualTo(before);
            run(next::fire);
            assertThat(fx(player::stepIndex)).isEqualTo(1);
            choose(robot, 1);
        }
        until(() -> !vm.busyProperty().get() && vm.positionProperty().get() != before);
        int after = fx(() -> vm.positionProperty().get());
        assertThat(after).isEqualTo(8); // reveal: step: 8 (the step opened at 4)
        assertThat(before).isEqualTo(4);
        screenshot("reveal-require-after");
        assertThat(fx(() -> next.getPseudoClassStates().toString())).doesNotContain("locked");
        assertThat(fx(() -> next.getTooltip().getText())).isEqualTo(Messages.get("lesson.next.tip"));
        run(next::fire);
        until(() -> player.stepIndex() == 2);
        run(player::close);
    }
}
