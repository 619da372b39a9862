package rnnlab.ui.lesson;

import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@link GradientCheckWindowTest} in a window built in Chinese (the locale is set before the window is made): gradcheck-zh.png and gradcheck-lesson-zh.png. */
@ExtendWith(ApplicationExtension.class)
class GradientCheckWindowZhTest extends GradientCheckWindowTest {
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
