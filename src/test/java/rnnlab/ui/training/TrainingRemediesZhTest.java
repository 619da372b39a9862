package rnnlab.ui.training;

import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@link TrainingRemediesTest} in a window built in Chinese (the weight-decay comparison runs in English only). */
@ExtendWith(ApplicationExtension.class)
class TrainingRemediesZhTest extends TrainingRemediesTest {
    @Override
    Locale locale() {
        return Locale.CHINESE;
    }

    @Start
    @Override
    void begin(Stage stage) {
        super.begin(stage);
    }

    @Override
    void withWeightDecayThePlottedWeightNormEndsBelowThePlainRuns() {
        // language-independent: TrainingRemediesTest runs it
    }
}
