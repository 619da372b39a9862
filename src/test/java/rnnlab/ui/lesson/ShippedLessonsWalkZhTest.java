package rnnlab.ui.lesson;

import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The same walk through three shipped lessons with the window and the lessons in Chinese. */
@ExtendWith(ApplicationExtension.class)
class ShippedLessonsWalkZhTest extends ShippedLessonsWalkTest {
    @Override
    Locale locale() {
        return Locale.SIMPLIFIED_CHINESE;
    }

    /** TestFX looks for @Start in the test class itself. */
    @Start
    void beginInChinese(Stage stage) throws Exception {
        begin(stage);
    }
}
