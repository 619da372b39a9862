package rnnlab.ui.shell;

import static rnnlab.ui.FxWait.fx;
import static rnnlab.ui.FxWait.until;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.ui.TestWindows;
import rnnlab.session.Frame;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.views.TestLabView;

/** Files dropped onto the main window ({@link MainWindow#openDropped}, what the drop handler calls). */
@ExtendWith(ApplicationExtension.class)
class DropFilesTest {
    private MainWindow window;
    private RunViewModel vm;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, List.of(new TestLabView()), 1280, 720);
        vm = window.viewModel();
    }

    private void drop(Path... files) throws Exception {
        fx(() -> {
            window.openDropped(List.of(files));
            return null;
        });
    }

    private static Path resource(String name) throws Exception {
        return Path.of(DropFilesTest.class.getResource(name).toURI());
    }

    /** Waits until the engine is idle and everything it posted has run; returns the error (null: none). */
    private String settledError() throws Exception {
        until(() -> !vm.busyProperty().get());
        Thread.sleep(100);
        WaitForAsyncUtils.waitForFxEvents();
        until(() -> !vm.busyProperty().get());
        return fx(() -> vm.errorProperty().get());
    }

    @Test
    void aModelAndItsSequenceDroppedTogetherOpenInEitherOrder() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        assertThat(fx(() -> vm.frameProperty().get().cell())).isEqualTo("rnn_tanh");
        // the sequence comes first in the list but is read against the dropped model
        drop(resource("/fixtures/lstm_onehot_ce.seq.json"), resource("/fixtures/lstm_onehot_ce.model.json"));
        until(() -> "lstm".equals(vm.frameProperty().get().cell()) && vm.frameProperty().get().length() == 6);
        assertThat(settledError()).isNull();
        Frame f = fx(() -> vm.frameProperty().get());
        assertThat(f.vocab()).hasSize(5);
        assertThat(f.classTargets()).containsExactly(3, 1, 3, 1, 0, 2);
    }

    @Test
    void aDroppedScenarioRestoresItsState() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        drop(resource("/scenarios/lstm_onehot.rnnlab.json"));
        until(() -> "lstm".equals(vm.frameProperty().get().cell()) && vm.positionProperty().get() == 3);
        until(() -> window.context().darkThemeProperty().get());
        assertThat(settledError()).isNull();
    }

    @Test
    void anUnreadableFileAmongTheDroppedGivesOneMessageAndOpensNothing() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        Path broken = dir.resolve("notes.json");
        Files.writeString(broken, "{\"format\": \"rnnlab-model\", ");
        drop(resource("/fixtures/lstm_onehot_ce.model.json"), broken);
        until(() -> vm.errorProperty().get() != null);
        String error = settledError();
        assertThat(error).startsWith("Could not open the file; nothing was changed.").contains("notes.json")
                .contains("malformed JSON");
        assertThat(fx(() -> vm.frameProperty().get().cell())).as("the good model was not opened either").isEqualTo("rnn_tanh");
        assertThat(fx(() -> window.scene().lookup("#error").isVisible())).isTrue();
    }

    @Test
    void aJsonFileOfAnotherKindGivesAMessageThatStays() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        Path trace = dir.resolve("run.trace.json");
        Files.copy(resource("/fixtures/lstm_onehot_ce.trace.json"), trace);
        drop(trace);
        until(() -> vm.errorProperty().get() != null);
        // before, the engine's "success" cleared this message right after it was set
        assertThat(settledError()).contains("run.trace.json").contains("rnnlab-trace")
                .contains("opens models, sequences and scenarios");
        assertThat(fx(() -> vm.frameProperty().get().cell())).isEqualTo("rnn_tanh");
    }
}
