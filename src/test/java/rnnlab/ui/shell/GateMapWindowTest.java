package rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;
import static rnnlab.ui.FxWait.until;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import rnnlab.ui.common.Ids;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.views.TestLabView;

/**
 * Issue 14: after a foreign model opens, a window shows what was inferred and which rows of which tensor
 * became which gate; it does not block the main window, and the next import refreshes it instead of
 * stacking a second one. Our own JSON models open without it.
 */
@ExtendWith(ApplicationExtension.class)
class GateMapWindowTest {
    private MainWindow window;
    private RunViewModel vm;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, List.of(new TestLabView()));
        vm = window.viewModel();
        stage.setWidth(1280);
        stage.setHeight(720);
        stage.show();
    }

    /** No map window outlives its test (the next test class in this JVM would see it). */
    @org.junit.jupiter.api.AfterEach
    void closeMaps() throws Exception {
        List<Window> open = mapWindows();
        fx(() -> {
            open.forEach(Window::hide);
            return null;
        });
    }

    private static Path resource(String name) throws Exception {
        return Path.of(GateMapWindowTest.class.getResource(name).toURI());
    }

    /** The showing windows with the gate map's text in them. */
    private static List<Window> mapWindows() throws Exception {
        return fx(() -> Window.getWindows().stream().filter(Window::isShowing)
                .filter(w -> w.getScene().lookup("#" + Ids.of("importMap.text")) != null).toList());
    }

    private static String mapText() throws Exception {
        return fx(() -> ((TextArea) mapWindows().get(0).getScene().lookup("#" + Ids.of("importMap.text"))).getText());
    }

    private void open(String resourceName) throws Exception {
        Path p = resource(resourceName);
        fx(() -> {
            vm.loadModel(p);
            return null;
        });
    }

    @Test
    void anOnnxLstmShowsWhichOnnxRowsBecameWhichGate() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        open("/imports/lstm_emb_head.onnx");
        until(() -> mapWindows().size() == 1);
        Window w = mapWindows().get(0);
        assertThat(fx(() -> ((Stage) w).getTitle())).isEqualTo("How the file was read");
        DialogPane pane = (DialogPane) fx(() -> w.getScene().getRoot());
        assertThat(fx(pane::getHeaderText)).isEqualTo(
                "Read lstm_emb_head.onnx as ONNX: what was inferred, and which rows of each tensor went to which gate.");
        assertThat(fx(() -> ((Stage) w).getModality())).as("the class keeps stepping beside it").isEqualTo(Modality.NONE);
        assertThat(fx(() -> ((Stage) w).getOwner())).isSameAs(window.stage());
        String text = mapText();
        // ONNX keeps an LSTM's gates as i o f c, PyTorch as i f g o
        assertThat(text).contains("rows 8–11 → rnn.weight_ih_l0 rows 4–7: W_if (forget gate)")
                .contains("rows 4–7 → rnn.weight_ih_l0 rows 12–15: W_io (output gate)")
                .contains("elements 16–19 → rnn.bias_hh_l0 elements 0–3: b_hi (input gate)")
                .contains("LSTM node");
        until(() -> "lstm".equals(vm.frameProperty().get().cell()) && vm.frameProperty().get().hiddenSize() == 4);

        // the next foreign file refreshes the one window: a GRU's map, reset gate from ONNX rows 4–7
        open("/imports/gru_emb_head.onnx");
        until(() -> mapText().contains("W_hr (reset gate)"));
        assertThat(mapWindows()).hasSize(1);
        assertThat(mapText()).contains("rows 4–7 → rnn.weight_hh_l0 rows 0–3: W_hr (reset gate)").doesNotContain("forget gate");
        DialogPane again = (DialogPane) fx(() -> mapWindows().get(0).getScene().getRoot());
        assertThat(fx(again::getHeaderText)).startsWith("Read gru_emb_head.onnx as ONNX");
        until(() -> "gru".equals(vm.frameProperty().get().cell()));
    }

    @Test
    void aTorchSaveFileShowsItsKeysAndWhatWasInferred() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        open("/imports/dataparallel.pt");
        until(() -> mapWindows().size() == 1);
        String text = mapText();
        // DataParallel's "module." prefix is recognised and said so; the cell is inferred from the rows
        assertThat(text).contains("prefix \"module.\" (nn.DataParallel) recognised and removed")
                .contains("cell lstm (weight_hh_l0 has 16 rows = 4 × H), H = 4, input size 3, 1 layer")
                .contains("module.rnn.weight_hh_l0, rows 4–7 → rnn.weight_hh_l0 rows 4–7: W_hf (forget gate)")
                .contains("module.rnn.bias_ih_l0, elements 8–11 → rnn.bias_ih_l0 elements 8–11: b_ig (candidate)");
    }

    @Test
    void ourOwnJsonModelOpensWithoutIt() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        open("/imports/lstm_emb_head.model.json");
        until(() -> "lstm".equals(vm.frameProperty().get().cell()) && vm.frameProperty().get().hiddenSize() == 4);
        Thread.sleep(300);
        assertThat(mapWindows()).isEmpty();
    }
}
