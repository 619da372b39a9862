package rnnlab.ui.lesson;

import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import rnnlab.i18n.Messages;

/** The three test lessons in Chinese. */
@ExtendWith(ApplicationExtension.class)
class LessonWalkZhTest extends LessonWalkBase {
    @Override
    Locale locale() {
        return Locale.SIMPLIFIED_CHINESE;
    }

    @AfterAll
    static void backToEnglish() {
        Locale.setDefault(Locale.ENGLISH);
        Messages.setLocale(Locale.ENGLISH);
    }

    @org.testfx.framework.junit5.Start
    void begin(javafx.stage.Stage stage) throws Exception {
        start(stage);
    }

    @Test
    void threeLessonsEndToEnd(FxRobot robot) throws Exception {
        walkThreeLessons(robot);
    }
}
