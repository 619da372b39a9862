package rnnlab.ui.shell;

import rnnlab.ui.common.Ids;

import static rnnlab.ui.FxWait.fx;
import static rnnlab.ui.FxWait.until;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
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

/**
 * Issue 14: opening a .csv sequence in the app asks which columns are targets and which loss they have;
 * the answer is what the run reads, cancelling opens nothing.
 */
@ExtendWith(ApplicationExtension.class)
class CsvTargetDialogTest {
    private MainWindow window;
    private RunViewModel vm;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, List.of(new TestLabView()), 1280, 720);
        vm = window.viewModel();
    }

    private static Path resource(String name) throws Exception {
        return Path.of(CsvTargetDialogTest.class.getResource(name).toURI());
    }

    /** The node with this id in the open dialog (null: no dialog shows it). */
    private static Node inDialog(String key) throws Exception {
        return fx(() -> Window.getWindows().stream().filter(Window::isShowing).map(win -> win.getScene().lookup("#" + Ids.of(key)))
                .filter(n -> n != null).findFirst().orElse(null));
    }

    /** A model with 3 inputs and 2 identity outputs (mse), then a .csv whose targets are not the last columns. */
    private Path openGruAndCsv() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        fx(() -> {
            vm.loadModel(resource("/fixtures/gru_real_mse_last.model.json"));
            return null;
        });
        until(() -> "gru".equals(vm.frameProperty().get().cell()));
        Path csv = dir.resolve("series.csv");
        Files.writeString(csv, "b,x1,a,x2,x3\n9,1,8,2,3\n7,4,6,5,0.5\n");
        fx(() -> {
            vm.loadSequence(csv);
            return null;
        });
        until(() -> inDialog("csvTargets.ok") != null);
        return csv;
    }

    @Test
    void theTickedColumnsAreTheTargetsAndOkWaitsUntilTheRestAreTheInputs() throws Exception {
        openGruAndCsv();
        Button ok = (Button) inDialog("csvTargets.ok");
        // five columns, three inputs, two mse outputs: the reader's default (the last two) is ticked
        assertThat(fx(() -> ((CheckBox) inDialog("csvTargets.column.x3")).isSelected())).isTrue();
        assertThat(fx(() -> ((CheckBox) inDialog("csvTargets.column.a")).isSelected())).isFalse();
        assertThat(fx(() -> ((Label) inDialog("csvTargets.verdict")).getText())).isEqualTo("3 input columns, targets: x2, x3.");
        assertThat(fx(ok::isDisabled)).isFalse();
        fx(() -> {
            ((CheckBox) inDialog("csvTargets.column.x2")).setSelected(false);
            ((CheckBox) inDialog("csvTargets.column.x3")).setSelected(false);
            return null;
        });
        assertThat(fx(() -> ((Label) inDialog("csvTargets.verdict")).getText()))
                .isEqualTo("This leaves 5 input columns; the model reads 3. Tick 2 target column(s) for mean squared error (mse), "
                        + "or none if the file holds only inputs.");
        assertThat(fx(ok::isDisabled)).isTrue();
        @SuppressWarnings("unchecked")
        ComboBox<String> loss = (ComboBox<String>) inDialog("csvTargets.loss");
        assertThat(fx(loss::getValue)).isEqualTo("mse");
        fx(() -> {
            ((CheckBox) inDialog("csvTargets.column.a")).setSelected(true);
            return null;
        });
        assertThat(fx(ok::isDisabled)).as("one target of two").isTrue();
        fx(() -> {
            ((CheckBox) inDialog("csvTargets.column.b")).setSelected(true);
            return null;
        });
        assertThat(fx(ok::isDisabled)).isFalse();
        assertThat(fx(() -> ((Label) inDialog("csvTargets.verdict")).getText())).isEqualTo("3 input columns, targets: b, a.");
        fx(() -> {
            ok.fire();
            return null;
        });
        until(() -> vm.frameProperty().get().length() == 2 && vm.frameProperty().get().vectorTargets() != null);
        Frame f = fx(() -> vm.frameProperty().get());
        assertThat(f.inputs()[0]).containsExactly(1, 2, 3);
        assertThat(f.inputs()[1]).containsExactly(4, 5, 0.5);
        // ticked in the header's order: b then a
        assertThat(f.vectorTargets()[0]).containsExactly(9, 8);
        assertThat(f.vectorTargets()[1]).containsExactly(7, 6);
        assertThat(fx(() -> vm.errorProperty().get())).isNull();
    }

    @Test
    void cancellingOpensNothing() throws Exception {
        openGruAndCsv();
        int gruLength = fx(() -> vm.frameProperty().get().length());
        fx(() -> {
            Window.getWindows().stream().filter(Window::isShowing).map(win -> win.getScene().getRoot())
                    .map(r -> r.lookupAll(".button")).flatMap(java.util.Set::stream)
                    .filter(n -> n instanceof ButtonBase b && "Cancel".equals(b.getText()))
                    .findFirst().map(ButtonBase.class::cast).orElseThrow().fire();
            return null;
        });
        until(() -> inDialog("csvTargets.ok") == null);
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        until(() -> !vm.busyProperty().get());
        assertThat(fx(() -> vm.frameProperty().get().length())).isEqualTo(gruLength);
        assertThat(fx(() -> vm.statusProperty().get())).doesNotContain("series.csv");
        assertThat(fx(() -> vm.errorProperty().get())).isNull();
    }
}
