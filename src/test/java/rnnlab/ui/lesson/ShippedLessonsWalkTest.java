package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import rnnlab.lessons.Checkpoint;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.LessonLibrary;
import rnnlab.lessons.LessonProgress;
import rnnlab.lessons.Step;
import rnnlab.ui.viewmodel.LessonCommands;
import rnnlab.i18n.Messages;

/**
 * A student walks three shipped lessons (vanishing gradients, the conveyor belt, binary addition) from
 * the first step to the last with PageDown, answering every checkpoint right: the option the engine's
 * value makes right, the marked option, or the computed number. In English here, in Chinese in
 * {@link ShippedLessonsWalkZhTest} (the window is built in the language, as the app does).
 */
@ExtendWith(ApplicationExtension.class)
public class ShippedLessonsWalkTest extends LessonWalkBase {
    static final List<String> WALKED = List.of("vanishing-gradients", "conveyor-belt", "binary-addition");

    @Override
    Locale locale() {
        return Locale.ENGLISH;
    }

    @Start
    void begin(Stage stage) throws Exception {
        startWithShippedLessons(stage, "shipped-walk-progress-" + lang() + "");
    }

    @Test
    void threeLessonsEndToEndAnsweringEveryCheckpoint(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        LessonCommands commands = new LessonCommands(vm);
        int answered = 0;
        String lang = lang();
        {
            for (String id : WALKED) {
                assertThat(fx(() -> player.open(id))).isNull();
                run(player::restart);
                Lesson l = player.lesson();
                assertThat(l.lang()).isEqualTo(lang);
                for (int i = 0; i < l.steps().size(); i++) {
                    int index = i;
                    if (i > 0) {
                        robot.type(KeyCode.PAGE_DOWN);
                    }
                    until(() -> player.stepIndex() == index && !vm.busyProperty().get()
                            && player.appliedPosition() == vm.positionProperty().get());
                    Step s = l.steps().get(i);
                    assertThat(fx(() -> player.lessonPanel().problemText())).as(l.file() + " step " + (i + 1)).isNull();
                    if (id.equals("conveyor-belt") && i == 1) {
                        screenshot("lesson-conveyor-belt-figure-" + lang); // step 2 shows figures/belt-station.png
                    }
                    Checkpoint c = s.checkpoint();
                    if (c == null || c.kind() == Checkpoint.Kind.GOAL) {
                        continue;
                    }
                    double v = Double.NaN;
                    if (c.value() != null) {
                        CompletableFuture<Double> f = new CompletableFuture<>();
                        run(() -> commands.evaluate(c.value(), f::complete));
                        v = f.get(20, TimeUnit.SECONDS);
                    }
                    String field = c.kind() == Checkpoint.Kind.CHOICE ? "#lesson-option-1" : "#lesson-checkpoint-number";
                    until(() -> robot.lookup(field).tryQuery().isPresent());
                    if (c.kind() == Checkpoint.Kind.CHOICE) {
                        choose(robot, c.rightOption(v) + 1);
                    } else {
                        type(robot, Double.toString(v));
                    }
                    assertThat(verdict(robot, true)).as(l.file() + " " + c.id()).isNotBlank();
                    if (lang.equals("zh")) {
                        assertThat(verdict(robot, true)).matches(t -> t.codePoints()
                                .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN));
                    }
                    answered++;
                }
                robot.type(KeyCode.PAGE_DOWN);
                until(() -> player.progress().done(id));
                if (id.equals("binary-addition")) {
                    screenshot("lesson-binary-addition-" + lang);
                }
            }
        }
        // 4 + 4 + 5 checkpoints
        assertThat(answered).isEqualTo(13);
        for (String id : WALKED) {
            assertThat(LessonProgress.load(progressFile).done(id)).isTrue();
        }
    }
}
