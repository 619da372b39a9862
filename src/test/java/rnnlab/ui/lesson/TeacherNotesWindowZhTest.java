package rnnlab.ui.lesson;

import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@link TeacherNotesWindowTest} in a window built in Chinese: 教师备注 in Chinese, screenshot teacher-notes-zh.png. */
@ExtendWith(ApplicationExtension.class)
class TeacherNotesWindowZhTest extends TeacherNotesWindowTest {
    @Override
    Locale locale() {
        return Locale.CHINESE;
    }

    @Start
    @Override
    void begin(Stage stage) throws Exception {
        super.begin(stage);
    }
}
