package rnnlab.ui.shell;

import static rnnlab.ui.FxWait.fx;
import static rnnlab.ui.FxWait.until;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.ui.TestWindows;
import rnnlab.io.ScenarioIO;
import rnnlab.io.SessionMarker;
import rnnlab.io.UserFiles;
import rnnlab.ui.viewmodel.Autosave;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.views.TestLabView;

/** The scenario is autosaved after changes; after a crash the next start offers it back. */
@ExtendWith(ApplicationExtension.class)
class AutosaveTest {
    private MainWindow window;
    private RunViewModel vm;
    private String oldHome;
    private Path home;

    @BeforeEach
    void freshHome() {
        oldHome = System.getProperty(UserFiles.PROPERTY);
        home = Path.of(oldHome == null ? "target/test-home" : oldHome, "autosave-" + UUID.randomUUID());
        System.setProperty(UserFiles.PROPERTY, home.toString());
    }

    @AfterEach
    void restoreHome() throws Exception {
        fx(() -> {
            window.session().exit();
            return null;
        });
        if (oldHome == null) {
            System.clearProperty(UserFiles.PROPERTY);
        } else {
            System.setProperty(UserFiles.PROPERTY, oldHome);
        }
    }

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, List.of(new TestLabView()), 1280, 720);
        vm = window.viewModel();
    }

    @Test
    void aChangeIsAutosavedAndACleanExitRemovesTheMarker() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        fx(() -> {
            window.session().autosave().setDelay(Duration.millis(200));
            window.startSession();
            return null;
        });
        assertThat(home.resolve(SessionMarker.FILE)).exists();
        assertThat(Files.readString(home.resolve(SessionMarker.FILE))).contains("pid=" + ProcessHandle.current().pid());
        assertThat(fx(() -> window.session().offering())).isFalse();
        fx(() -> {
            vm.seek(3);
            window.context().selectedUnitProperty().set(2);
            return null;
        });
        Path saved = home.resolve(Autosave.FILE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.isRegularFile(saved)
                && ScenarioIO.read(saved).position() == 3);
        assertThat(ScenarioIO.read(saved).settings()).containsEntry("selected_unit", "2");
        // no temporary files left beside it
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly(Autosave.FILE, SessionMarker.FILE);
        }
        // a change just before a clean exit is still saved, and the marker goes
        fx(() -> {
            vm.seek(5);
            return null;
        });
        until(() -> vm.positionProperty().get() == 5);
        fx(() -> {
            window.context().selectedUnitProperty().set(1);
            window.session().exit();
            return null;
        });
        assertThat(home.resolve(SessionMarker.FILE)).doesNotExist();
        assertThat(ScenarioIO.read(saved).position()).isEqualTo(5);
        assertThat(ScenarioIO.read(saved).settings()).containsEntry("selected_unit", "1");
    }

    @Test
    void afterACrashTheAutosaveIsOfferedAndRestoredFromTheKeyboard(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        // a previous session autosaved at position 5 and was killed: its marker names a dead process
        Files.createDirectories(home);
        boolean[] done = {false};
        fx(() -> {
            vm.seek(5);
            return null;
        });
        until(() -> vm.positionProperty().get() == 5);
        fx(() -> {
            window.saveScenario(home.resolve(Autosave.FILE), () -> done[0] = true);
            return null;
        });
        until(() -> done[0]);
        Files.writeString(home.resolve(SessionMarker.FILE), "pid=" + deadPid() + "\nstarted=2026-11-25T14:32:00Z\n");
        fx(() -> {
            vm.reset();
            return null;
        });
        until(() -> vm.positionProperty().get() == 0);
        fx(() -> {
            window.startSession();
            return null;
        });
        assertThat(fx(() -> window.session().offering())).isTrue();
        assertThat(robot.lookup("#restore-text").queryAs(Label.class).getText())
                .startsWith("RNN Lab did not close properly. Restore the scenario autosaved at ");
        // the offer does not overwrite the autosave while it is pending
        fx(() -> {
            window.context().selectedUnitProperty().set(2);
            return null;
        });
        assertThat(ScenarioIO.read(home.resolve(Autosave.FILE)).position()).isEqualTo(5);
        // Restore has the focus: Space presses it
        assertThat(fx(() -> window.scene().getFocusOwner().getId())).isEqualTo("restore-restore");
        robot.type(KeyCode.SPACE);
        until(() -> vm.positionProperty().get() == 5);
        assertThat(fx(() -> window.session().offering())).isFalse();
    }

    @Test
    void aMarkerOfARunningProcessIsNotACrash() throws Exception {
        Files.createDirectories(home);
        Files.writeString(home.resolve(Autosave.FILE), "{}");
        Files.writeString(home.resolve(SessionMarker.FILE), "pid=" + ProcessHandle.current().parent().orElseThrow().pid() + "\n");
        fx(() -> {
            window.startSession();
            return null;
        });
        assertThat(fx(() -> window.session().offering())).isFalse();
    }

    @Test
    void aMarkerWhosePidNowBelongsToANewerProcessIsACrash() throws Exception {
        Files.createDirectories(home);
        boolean[] done = {false};
        until(() -> vm.frameProperty().get() != null);
        fx(() -> {
            window.saveScenario(home.resolve(Autosave.FILE), () -> done[0] = true);
            return null;
        });
        until(() -> done[0]);
        // the parent process is alive, but started long after this (old) marker was written
        Files.writeString(home.resolve(SessionMarker.FILE), "pid=" + ProcessHandle.current().parent().orElseThrow().pid()
                + "\nstarted=2001-01-01T00:00:00Z\n");
        fx(() -> {
            window.startSession();
            return null;
        });
        assertThat(fx(() -> window.session().offering())).isTrue();
    }

    /** A process id that is not running. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
