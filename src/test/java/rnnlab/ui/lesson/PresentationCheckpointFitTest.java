package rnnlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import rnnlab.i18n.Messages;
import rnnlab.lessons.LessonLibrary;
import rnnlab.ui.controls.AppLanguage;
import rnnlab.ui.lessonshot.StepScreens;

/**
 * Issue 12, presentation mode at 1280×720: shipped checkpoint steps, walked as {@code lessons check --layout
 * --present} walks them (a step without a checkpoint first, then the checkpoint steps in order), show their
 * question (in the narration, scrolled to it), options and Check without the class scrolling, in English and
 * Chinese. Before the narration followed its question through the layout passes that pin the checkpoint and
 * resize the window, these steps showed the narration scrolled to its start with the question below the fold
 * ({@link LessonPanel#checkpointInView()} false for each of them).
 */
@ExtendWith(ApplicationExtension.class)
class PresentationCheckpointFitTest {
    @Start
    void start(Stage stage) {
        // the toolkit runs; StepScreens makes its own windows
    }

    @AfterAll
    static void english() throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        Messages.setLocale(Locale.ENGLISH);
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> AppLanguage.set(Locale.ENGLISH)).get();
    }

    @Test
    void shippedCheckpointStepsShowWholeInPresentationModeAt1280x720InBothLanguages() throws Exception {
        LessonLibrary lib = LessonLibrary.load(Path.of("lessons"));
        List<StepScreens.Shot> shots = new ArrayList<>();
        for (String lang : List.of("en", "zh")) {
            // lstm-gates: step 1 has no checkpoint; steps 2, 4 and 5 have one (a choice, a choice, a number)
            for (int step : new int[] {0, 1, 3, 4}) {
                shots.add(new StepScreens.Shot("lstm-gates", step, lang, 1280, 720, true, null));
            }
        }
        List<List<StepScreens.Screen>> shown = new ArrayList<>();
        rnnlab.ui.FxWait.ignoringRenderThreadOverflow(() -> shown.add(StepScreens.show(lib, shots)));
        List<StepScreens.Screen> screens = shown.get(0);
        assertThat(screens).hasSize(8);
        List<String> misfits = new ArrayList<>();
        for (StepScreens.Screen s : screens) {
            assertThat(s.error()).as("step %d (%s) shows", s.shot().step() + 1, s.shot().lang()).isNull();
            if (!s.fits()) {
                misfits.add(s.shot().lessonId() + " step " + (s.shot().step() + 1) + " " + s.shot().lang());
            }
        }
        assertThat(misfits).as("checkpoint steps whose question, options or Check the class would have to scroll to").isEmpty();
        for (int step : new int[] {1, 3, 4}) {
            assertThat(lib.entry("lstm-gates").lesson("en").steps().get(step).checkpoints()).as("step %d has a checkpoint", step + 1).isNotEmpty();
        }
    }
}
