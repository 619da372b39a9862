package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import rnnlab.ui.shell.LanguageSwitch;
import rnnlab.ui.shell.MainWindow;

/** The three test lessons in English; presentation mode with a lesson open; resuming in a new window. */
@ExtendWith(ApplicationExtension.class)
class LessonWalkEnTest extends LessonWalkBase {
    @org.junit.jupiter.api.AfterAll
    static void defaultLocale() {
        Locale.setDefault(Locale.ENGLISH);
    }

    @Override
    Locale locale() {
        return Locale.ENGLISH;
    }

    @org.testfx.framework.junit5.Start
    void begin(javafx.stage.Stage stage) throws Exception {
        start(stage);
    }

    @Test
    void threeLessonsEndToEnd(FxRobot robot) throws Exception {
        walkThreeLessons(robot);
    }

    @Test
    void presentationModeKeepsTheLessonBigAndSpotlit(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        assertThat(fx(() -> player.open("lstm-gates"))).isNull();
        atStep(1, 3);
        robot.type(KeyCode.PAGE_DOWN);
        atStep(2, 4);
        robot.type(KeyCode.F5);
        until(() -> window.presentation().isOn());
        assertThat(robot.lookup("#lesson-panel").query().isVisible()).isTrue();
        assertThat(fx(() -> window.sidePanelShownProperty().get())).isFalse();
        assertThat(fx(() -> window.scene().getRoot().getStyleClass())).contains("projector");
        // the narration is re-typeset larger
        assertThat(fx(() -> robot.lookup("#lesson-body .nt").query().getStyleClass())).contains("nt");
        // → steps the timeline while presenting (as the lessons say); PageDown / PageUp step the lesson
        int before = fx(() -> vm.positionProperty().get());
        robot.type(KeyCode.RIGHT);
        until(() -> vm.positionProperty().get() == before + 1);
        assertThat(fx(() -> player.stepIndex())).isEqualTo(1);
        robot.type(KeyCode.PAGE_DOWN);
        atStep(3, END);
        robot.type(KeyCode.PAGE_UP);
        atStep(2, 4);
        screenshot("presentation");
        robot.type(KeyCode.ESCAPE);
        until(() -> !window.presentation().isOn());
        assertThat(fx(() -> window.sidePanelShownProperty().get())).isTrue();
    }

    @Test
    void switchingToChineseReopensTheLessonInChineseAtItsStep(FxRobot robot) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(rnnlab.ui.controls.AppLanguage.canShowChinese(), "no CJK font");
        until(() -> vm.frameProperty().get() != null);
        assertThat(fx(() -> player.open("lstm-gates"))).isNull();
        atStep(1, 3);
        robot.type(KeyCode.PAGE_DOWN);
        atStep(2, 4);
        robot.type(KeyCode.F5);
        until(() -> window.presentation().isOn());
        javafx.scene.Scene before = window.scene();
        try {
            assertThat(fx(() -> LanguageSwitch.switchTo(window, rnnlab.ui.controls.AppLanguage.CHINESE))).isTrue();
            until(() -> window.stage().getScene() != before);
            javafx.scene.Scene after = fx(() -> window.stage().getScene());
            until(() -> after.lookup("#lesson-stepTitle") instanceof Label l && l.getText().equals("遗忘门"));
            assertThat(((Label) after.lookup("#lesson-counter")).getText()).isEqualTo("第 2 步，共 4 步");
            assertThat(((Label) after.lookup("#lesson-title")).getText()).isEqualTo("LSTM 的门");
            // still presenting, still at the step's position
            assertThat(after.getRoot().getStyleClass()).contains("projector", "presenting");
            screenshot(after, "presentation-zh");
        } finally {
            rnnlab.ui.controls.AppLanguage.set(rnnlab.ui.controls.AppLanguage.ENGLISH);
        }
    }

    @Test
    void reopeningResumesWhereTheLessonWasLeft(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        assertThat(fx(() -> player.open("lstm-gates"))).isNull();
        atStep(1, 3);
        robot.type(KeyCode.PAGE_DOWN);
        atStep(2, 4);
        robot.type(KeyCode.PAGE_DOWN);
        atStep(3, END);
        type(robot, "100");
        verdict(robot, false);
        player.flush();
        // a new window, its progress read from the file: the lesson opens at step 3 with the answer shown
        MainWindow second = fx(() -> build(new Stage()));
        LessonPlayer p2 = second.lessons();
        assertThat(fx(() -> p2.mark(p2.library().entry("lstm-gates")))).isEqualTo("step 3 of 4");
        assertThat(fx(() -> p2.open("lstm-gates"))).isNull();
        until(() -> p2.stepIndex() == 2 && !second.viewModel().busyProperty().get());
        until(() -> second.scene().lookup("#lesson-checkpoint-result").isVisible());
        TextField field = (TextField) second.scene().lookup("#lesson-checkpoint-number");
        assertThat(field.getText()).isEqualTo("100");
        assertThat(((Label) second.scene().lookup("#lesson-checkpoint-result")).getStyleClass()).contains("wrong");
        // Restart forgets the answers and goes back to step 1
        run(p2::restart);
        until(() -> p2.stepIndex() == 0);
        assertThat(p2.progress().answer("lstm-gates", "params")).isNull();
        run(() -> second.stage().close());
    }
}
