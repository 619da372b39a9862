package rnnlab.ui.lesson;

import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The two checkpoints of one step with the window and lesson 01 in Chinese. */
@ExtendWith(ApplicationExtension.class)
class MultipleCheckpointsPlayerZhTest extends MultipleCheckpointsPlayerTest {
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
