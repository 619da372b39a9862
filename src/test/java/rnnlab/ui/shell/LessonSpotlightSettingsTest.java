package rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;
import static rnnlab.ui.FxWait.until;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import rnnlab.lessons.LessonLibrary;
import rnnlab.ui.TestWindows;

/**
 * Issue 12: an autosave taken during a lesson restored the lesson's spotlight with no lesson open
 * (every view greyed). The window's settings carry a spotlight only when no lesson owns it.
 */
@ExtendWith(ApplicationExtension.class)
class LessonSpotlightSettingsTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, 1280, 720);
    }

    @Test
    void aLessonsSpotlightIsNotSavedWithTheWindow() throws Exception {
        until(() -> window.viewModel().frameProperty().get() != null);
        assertThat(fx(() -> {
            window.lessons().setLibrary(LessonLibrary.load(Path.of("lessons")));
            return window.lessons().open("lstm-gates");
        })).isNull();
        until(() -> !window.viewModel().busyProperty().get());
        fx(() -> {
            window.context().highlightProperty().set("lstm.gate.f");
            return null;
        });
        assertThat(fx(() -> new WindowSettings(window).settings())).doesNotContainKey("highlight");
        fx(() -> {
            window.lessons().close();
            window.context().highlightProperty().set("lstm.gate.i");
            return null;
        });
        // a spotlight set outside a lesson (a saved scenario's) is the window's and is kept
        assertThat(fx(() -> new WindowSettings(window).settings())).containsEntry("highlight", "lstm.gate.i");
    }
}
