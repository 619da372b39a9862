package rnnlab.ui.lesson;

import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@link MaskedCheckpointTest} in a window built in Chinese (the locale is set before the window is made): masked-checkpoint-zh.png. */
@ExtendWith(ApplicationExtension.class)
class MaskedCheckpointZhTest extends MaskedCheckpointTest {
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
