package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
import rnnlab.ui.controls.AppLanguage;
import rnnlab.ui.shell.LanguageSwitch;

/**
 * Issue 12, a retry across a language switch (the window is rebuilt and the lesson reopened in Chinese at its
 * step): a retry still left comes back open ("try again", the number typed, editable), and a checkpoint whose
 * retry was used and right comes back right, with the retry's answer chosen, not the first answer's verdict.
 */
@ExtendWith(ApplicationExtension.class)
class RetryLanguageSwitchTest extends LessonWalkBase {
    @TempDir
    static Path folder;

    @Start
    void begin(Stage stage) throws Exception {
        start(stage);
        freshProgress("retry-language-switch");
    }

    @Test
    void aRetryLeftAndARetryUsedComeBackAsTheyWereInTheOtherLanguage(FxRobot robot) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(AppLanguage.canShowChinese(), "no CJK font");
        RetryAfterLeavingTest.openRetry(this, folder);
        choose(robot, 1);
        until(() -> player.checkpointBox().hinted());
        choose(robot, 3);
        until(() -> player.checkpointBox().answered());
        nextTo(2, 2);
        type(robot, "100");
        assertThat(verdict(robot, false)).isEqualTo(Messages.get("lesson.tryAgain"));

        javafx.scene.Scene before = window.scene();
        try {
            assertThat(fx(() -> LanguageSwitch.switchTo(window, AppLanguage.CHINESE))).isTrue();
            until(() -> window.stage().getScene() != before);
            javafx.scene.Scene after = fx(() -> window.stage().getScene());
            // step 2, the retry left: "try again" in Chinese, 100 typed, the field open
            String tryAgain = Messages.get("lesson.tryAgain");
            assertThat(tryAgain).matches(t -> t.codePoints()
                    .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN));
            until(() -> after.lookup("#lesson-checkpoint-result") instanceof Label l && l.isVisible()
                    && tryAgain.equals(l.getText()));
            TextField f = fx(() -> (TextField) after.lookup("#lesson-checkpoint-number"));
            String typed = fx(f::getText);
            assertThat(typed).isEqualTo("100");
            assertThat(fx(() -> f.isEditable() && !f.isDisabled())).isTrue();

            // step 1, the retry used and right: right in Chinese, LSTM chosen
            run(() -> ((Button) after.lookup("#lesson-previous")).fire());
            String right = Messages.format("lesson.choice.right", "LSTM");
            until(() -> after.lookup("#lesson-checkpoint-result") instanceof Label l && l.isVisible()
                    && right.equals(l.getText()));
            assertThat(fx(() -> ((RadioButton) after.lookup("#lesson-option-3")).isSelected())).isTrue();
            assertThat(fx(() -> ((RadioButton) after.lookup("#lesson-option-1")).isSelected())).isFalse();
        } finally {
            AppLanguage.set(AppLanguage.ENGLISH);
            Messages.setLocale(Locale.ENGLISH);
        }
    }
}
