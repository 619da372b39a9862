package rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.ui.TestWindows;
import rnnlab.ui.viewmodel.RunViewModel;

/**
 * A teacher typing a sentence live: every key reaches the sequence, in order, at 20 ms per key (faster
 * than anyone types). Before the fix the model's answer to an older edit re-set the text field and
 * keys typed meanwhile were lost or scrambled ("og az thrps fox jubrownkiqth").
 */
@ExtendWith(ApplicationExtension.class)
class SequenceTypingTest {
    private RunViewModel vm;

    @Start
    void start(Stage stage) {
        MainWindow window = TestWindows.show(stage, 1280, 720);
        vm = window.viewModel();
    }

    @Test
    void fastTypingKeepsEveryKey(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.frameProperty().get() != null);
        TextArea text = robot.lookup("#sequence-text").queryAs(TextArea.class);
        // a model big enough that the engine's answer to one key arrives after the next key
        robot.interact(() -> {
            vm.cellTypeProperty().set("lstm");
            vm.hiddenSizeProperty().set(96);
            vm.layersProperty().set(3);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.frameProperty().get().hiddenSize() == 96);
        robot.interact(() -> {
            text.clear();
            text.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        String sentence = "the quick brown fox jumps over the lazy dog";
        robot.write(sentence, 20);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text.getText()).isEqualTo(sentence);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.frameProperty().get().length() == sentence.length() - 1
                || vm.frameProperty().get().length() == sentence.length());
        assertThat(vm.sequenceTextProperty().get()).isEqualTo(sentence);
    }
}
