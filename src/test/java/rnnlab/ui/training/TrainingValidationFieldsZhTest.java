package rnnlab.ui.training;

import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@link TrainingValidationFieldsTest} in a window built in Chinese. */
@ExtendWith(ApplicationExtension.class)
class TrainingValidationFieldsZhTest extends TrainingValidationFieldsTest {
    @Override
    Locale locale() {
        return Locale.CHINESE;
    }

    @Start
    @Override
    void begin(Stage stage) {
        super.begin(stage);
    }
}
