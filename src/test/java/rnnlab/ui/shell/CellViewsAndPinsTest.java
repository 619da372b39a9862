package rnnlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.ui.TestWindows;
import rnnlab.ui.diagrams.Architecture;
import rnnlab.ui.diagrams.UnrolledNetwork;
import rnnlab.session.Frame;
import rnnlab.session.GatePin;
import rnnlab.io.Preset;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.compare.PinGateWindow;

/** The main window with the real views: views that fit the cell, the unrolled architecture, W_hh scale, gate pins. */
@ExtendWith(ApplicationExtension.class)
public class CellViewsAndPinsTest {
    private MainWindow window;
    private RunViewModel vm;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, 1280, 720);
        vm = window.viewModel();
    }

    public static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    public static void run(Runnable r) throws Exception {
        fx(() -> {
            r.run();
            return null;
        });
    }

    public static void until(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> fx(c));
    }

    private Frame frame() throws Exception {
        return fx(() -> vm.frameProperty().get());
    }

    private static Path resource(String name) throws Exception {
        return Path.of(CellViewsAndPinsTest.class.getResource(name).toURI());
    }

    private MenuItem menuItem(String id) {
        MenuBar bar = (MenuBar) window.scene().lookup("#menu");
        for (Menu m : bar.getMenus()) {
            MenuItem found = find(m, id);
            if (found != null) {
                return found;
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    private static MenuItem find(Menu m, String id) {
        for (MenuItem i : m.getItems()) {
            if (id.equals(i.getId())) {
                return i;
            }
            if (i instanceof Menu sub && find(sub, id) != null) {
                return find(sub, id);
            }
        }
        return null;
    }

    @Test
    void theVisibleViewsFollowTheCellTypeUntilChosenByHand() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        assertThat(window.visibleViews()).containsExactly("view.unrolled", "view.heatmap", "view.rnn", "view.output");
        run(() -> vm.applyPreset(Preset.LSTM_8));
        until(() -> "lstm".equals(vm.frameProperty().get().cell()));
        assertThat(window.visibleViews()).containsExactly("view.unrolled", "view.heatmap", "view.lstm", "view.belt");
        run(() -> vm.cellTypeProperty().set("gru"));
        until(() -> "gru".equals(vm.frameProperty().get().cell()));
        assertThat(window.visibleViews()).containsExactly("view.unrolled", "view.heatmap", "view.gru", "view.output");
        // a model file: its cell decides too
        Path lstmModel = resource("/fixtures/lstm_onehot_ce.model.json");
        run(() -> vm.loadModel(lstmModel));
        until(() -> "lstm".equals(vm.frameProperty().get().cell()));
        assertThat(window.visibleViews()).containsExactly("view.unrolled", "view.heatmap", "view.lstm", "view.belt");
        // the user adds the formulas by hand (View ▸ Visible views): that choice sticks
        CheckMenuItem formulas = (CheckMenuItem) menuItem("menu-view-views-view-formulas");
        run(() -> {
            formulas.setSelected(true);
            formulas.fire();
        });
        List<String> chosen = List.of("view.unrolled", "view.heatmap", "view.lstm", "view.belt", "view.formulas");
        assertThat(window.visibleViews()).containsExactlyElementsOf(chosen);
        run(() -> vm.applyPreset(Preset.TINY_RNN));
        until(() -> "rnn_tanh".equals(vm.frameProperty().get().cell()));
        assertThat(window.visibleViews()).containsExactlyElementsOf(chosen);
        assertThat(window.settings()).containsEntry("views_chosen", "by_hand");
        // View ▸ Views for this cell type: back to following the cell
        run(() -> menuItem("menu-view-cellViews").fire());
        assertThat(window.visibleViews()).containsExactly("view.unrolled", "view.heatmap", "view.rnn", "view.output");
        run(() -> vm.applyPreset(Preset.GRU_6));
        until(() -> "gru".equals(vm.frameProperty().get().cell()));
        assertThat(window.visibleViews()).contains("view.gru").doesNotContain("view.rnn", "view.formulas");
    }

    @Test
    void theUnrolledArchitectureFollowsTheTargetStepsAndCanBeChosen() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        UnrolledNetwork net = fx(() -> window.unrolledView().control());
        // "hello": a target at every step (next character) → many-to-many
        assertThat(fx(net::getArchitecture)).isEqualTo(Architecture.MANY_TO_MANY);
        Path gruModel = resource("/fixtures/gru_real_mse_last.model.json");
        Path gruSeq = resource("/fixtures/gru_real_mse_last.seq.json");
        run(() -> vm.loadModel(gruModel));
        until(() -> "gru".equals(vm.frameProperty().get().cell()));
        run(() -> vm.loadSequence(gruSeq));
        until(() -> vm.statusProperty().get().contains("gru_real_mse_last.seq.json"));
        // one target at the last step → many-to-one
        assertThat(fx(net::getArchitecture)).isEqualTo(Architecture.MANY_TO_ONE);
        // for teaching: View ▸ Unrolled architecture ▸ Encoder–decoder, then back to "from the targets"
        run(() -> menuItem("menu-view-architecture-encoder-decoder").fire());
        assertThat(fx(net::getArchitecture)).isEqualTo(Architecture.ENCODER_DECODER);
        RadioMenuItem auto = (RadioMenuItem) menuItem("menu-view-architecture-auto");
        run(auto::fire);
        assertThat(fx(net::getArchitecture)).isEqualTo(Architecture.MANY_TO_ONE);
    }

    @Test
    void scalingWhhScalesTheSpectralRadiusAndOneRestoresTheWeightsBitForBit() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        run(() -> vm.applyPreset(Preset.GRU_6));
        until(() -> "gru".equals(vm.frameProperty().get().cell()));
        Frame before = frame();
        double[][] w0 = before.weights().get("rnn.weight_hh_l0");
        List<Double> radii = before.analysis().spectra().stream().map(Frame.Spectrum::radius).toList();
        assertThat(radii).hasSize(3).allMatch(r -> r > 0);
        // a dragged slider: several values in a row, the last one counts
        run(() -> {
            window.context().recurrentScaleProperty().set(1.5);
            window.context().recurrentScaleProperty().set(3.0);
            window.context().recurrentScaleProperty().set(2.0);
        });
        until(() -> vm.frameProperty().get().weights().get("rnn.weight_hh_l0")[0][0] == 2 * w0[0][0]);
        Thread.sleep(300);
        assertThat(frame().weights().get("rnn.weight_hh_l0")[0][0]).isEqualTo(2 * w0[0][0]);
        assertThat(fx(() -> vm.recurrentScaleProperty().get())).isEqualTo(2.0);
        assertThat(fx(() -> ((Label) window.scene().lookup("#status-tweaks")).getText())).isEqualTo("W_hh × 2");
        Frame scaled = frame();
        for (int k = 0; k < 3; k++) {
            assertThat(scaled.analysis().spectra().get(k).radius()).isCloseTo(2 * radii.get(k), org.assertj.core.data.Offset.offset(1e-9));
        }
        // the hidden states are recomputed with the new weights
        assertThat(scaled.weights().get("rnn.weight_ih_l0")).isDeepEqualTo(before.weights().get("rnn.weight_ih_l0"));
        // saved in a scenario: the weights as loaded plus the factor
        Path file = dir.resolve("scaled.rnnlab.json");
        CountDownLatch saved = new CountDownLatch(1);
        run(() -> window.saveScenario(file, saved::countDown));
        assertThat(saved.await(10, TimeUnit.SECONDS)).isTrue();
        // the file holds the weights as loaded (not doubled) and the factor
        assertThat(Files.readString(file)).contains("\"recurrent_scale\":\"2.0\"")
                .contains("\"rnn.weight_hh_l0\":[[" + w0[0][0] + ",");
        run(() -> window.context().recurrentScaleProperty().set(1.0));
        until(() -> vm.frameProperty().get().weights().get("rnn.weight_hh_l0")[0][0] == w0[0][0]);
        double[][] w1 = frame().weights().get("rnn.weight_hh_l0");
        for (int r = 0; r < w0.length; r++) {
            for (int c = 0; c < w0[r].length; c++) {
                assertThat(Double.doubleToRawLongBits(w1[r][c])).isEqualTo(Double.doubleToRawLongBits(w0[r][c]));
            }
        }
        assertThat(frame().analysis().spectra().get(0).radius()).isEqualTo(radii.get(0));
        run(() -> window.openScenario(file));
        until(() -> vm.recurrentScaleProperty().get() == 2.0);
        until(() -> vm.frameProperty().get().weights().get("rnn.weight_hh_l0")[0][0] == 2 * w0[0][0]);
        assertThat(fx(() -> window.context().recurrentScaleProperty().get())).isEqualTo(2.0);
        // new weights: the factor is 1 again
        run(() -> vm.newSeed());
        until(() -> vm.recurrentScaleProperty().get() == 1.0);
        assertThat(fx(() -> window.context().recurrentScaleProperty().get())).isEqualTo(1.0);
    }

    @Test
    void pinningTheForgetGateToZeroMakesTheCellStateIgTimesGAndRemovingItRestores(FxRobot robot) throws Exception {
        until(() -> vm.frameProperty().get() != null);
        run(() -> vm.applyPreset(Preset.LSTM_8));
        until(() -> "lstm".equals(vm.frameProperty().get().cell()));
        int end = frame().timelineLength();
        run(() -> vm.seek(end));
        until(() -> vm.positionProperty().get() == end);
        Frame original = frame();
        PinGateWindow pane = fx(window::showPinGate);
        WaitForAsyncUtils.waitForFxEvents();
        // f = 0 at t = 3 (screen), all units, through the window's form
        TextField value = (TextField) pane.stage().getScene().lookup("#pin-value");
        run(() -> {
            @SuppressWarnings("unchecked")
            var step = (javafx.scene.control.Spinner<Integer>) pane.stage().getScene().lookup("#pin-step");
            step.getValueFactory().setValue(3);
            @SuppressWarnings("unchecked")
            var gate = (javafx.scene.control.ChoiceBox<String>) pane.stage().getScene().lookup("#pin-gate");
            gate.setValue("f");
            value.setText("0");
            pane.add();
        });
        until(() -> vm.pins().size() == 1);
        assertThat(fx(() -> vm.pins().get(0))).isEqualTo(new GatePin(0, 0, 3, "f", -1, 0.0));
        // the status bar reminds that the run is not the plain model
        Label chip = robot.lookup("#status-tweaks").queryAs(Label.class);
        assertThat(fx(chip::isVisible)).isTrue();
        assertThat(fx(chip::getText)).isEqualTo("1 gate pinned");
        // the cursor returns to the start, as the engine does
        until(() -> vm.positionProperty().get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(200);
        BufferedImage img = fx(() -> SwingFXUtils.fromFXImage(pane.stage().getScene().snapshot(null), null));
        Files.createDirectories(Path.of("target/screenshots"));
        ImageIO.write(img, "png", Path.of("target/screenshots/pin-gate.png").toFile());
        run(() -> vm.seek(end));
        until(() -> vm.positionProperty().get() == end);
        Frame pinned = frame();
        Frame.LayerFrame l = pinned.layer(0, 0);
        int t = 2;
        for (int u = 0; u < pinned.hiddenSize(); u++) {
            assertThat(l.gates()[1][t][u]).isZero();
            assertThat(l.c()[t][u]).isEqualTo(l.gates()[0][t][u] * l.gates()[2][t][u]);
            assertThat(l.gateDeltas()[1][t][u]).isZero();
        }
        assertThat(l.c()[t]).isNotEqualTo(original.layer(0, 0).c()[t]);
        // the steps before the pin are unchanged
        assertThat(l.c()[t - 1]).containsExactly(original.layer(0, 0).c()[t - 1]);
        assertThat(robot.lookup("#pin-list").queryAs(javafx.scene.control.ListView.class).getItems()).hasSize(1);
        // remove it: the original numbers return
        run(() -> vm.removePin(vm.pins().get(0)));
        until(() -> vm.pins().isEmpty() && vm.positionProperty().get() == 0);
        run(() -> vm.seek(end));
        until(() -> vm.positionProperty().get() == end);
        Frame back = frame();
        for (int s = 0; s < back.length(); s++) {
            assertThat(back.layer(0, 0).c()[s]).containsExactly(original.layer(0, 0).c()[s]);
            assertThat(back.layer(0, 0).gateDeltas()[1][s]).containsExactly(original.layer(0, 0).gateDeltas()[1][s]);
        }
        assertThat(back.loss()).isEqualTo(original.loss());
    }

    @Test
    void pinsAreSavedInScenariosAndRestored() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        run(() -> vm.applyPreset(Preset.GRU_6));
        until(() -> "gru".equals(vm.frameProperty().get().cell()));
        GatePin pin = new GatePin(0, 0, 2, "z", 3, 1.0);
        assertThat(fx(() -> vm.addPin(pin))).isNull();
        until(() -> vm.pins().size() == 1);
        int end = frame().timelineLength();
        run(() -> vm.seek(end));
        until(() -> vm.positionProperty().get() == end);
        Frame pinned = frame();
        // z = 1 keeps the old state: h_t = h_{t−1} for unit 4 at t = 2
        assertThat(pinned.layer(0, 0).h()[1][3]).isEqualTo(pinned.layer(0, 0).h()[0][3]);
        Path file = dir.resolve("pinned.rnnlab.json");
        CountDownLatch saved = new CountDownLatch(1);
        run(() -> window.saveScenario(file, saved::countDown));
        assertThat(saved.await(10, TimeUnit.SECONDS)).isTrue();
        run(() -> vm.removePin(pin));
        until(() -> vm.pins().isEmpty());
        run(() -> window.openScenario(file));
        until(() -> vm.pins().size() == 1 && vm.positionProperty().get() == end);
        assertThat(fx(() -> vm.pins().get(0))).isEqualTo(pin);
        assertThat(frame().layer(0, 0).h()[1]).containsExactly(pinned.layer(0, 0).h()[1]);
        assertThat(frame().loss()).isEqualTo(pinned.loss());
    }

    @Test
    void aPinThatDoesNotFitIsRefusedWithOneMessage() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        // a vanilla RNN has no gates
        assertThat(fx(() -> vm.addPin(new GatePin(0, 0, 1, "f", -1, 0)))).isEqualTo("A RNN (tanh) has no gates to pin; choose an LSTM or a GRU.");
        run(() -> vm.applyPreset(Preset.LSTM_8));
        until(() -> "lstm".equals(vm.frameProperty().get().cell()));
        // the rebuild clears the error line when it finishes; let it finish before provoking a new error
        until(() -> !vm.busyProperty().get());
        int len = frame().length();
        assertThat(fx(() -> vm.addPin(new GatePin(0, 0, 1, "z", -1, 0)))).isEqualTo("A LSTM has no gate “z”; its gates are i, f, g, o.");
        assertThat(fx(() -> vm.addPin(new GatePin(0, 0, len + 1, "f", -1, 0))))
                .isEqualTo("Step t = " + (len + 1) + " is outside the sequence; choose 1 to " + len + ".");
        assertThat(fx(() -> vm.errorProperty().get())).startsWith("Step t = ");
        PinGateWindow pane = fx(window::showPinGate);
        TextField value = (TextField) pane.stage().getScene().lookup("#pin-value");
        Label message = (Label) pane.stage().getScene().lookup("#pin-message");
        run(() -> {
            value.setText("NaN");
            pane.add();
        });
        assertThat(fx(message::getText)).isEqualTo("The value for f must be a number from 0 to 1; “NaN” is not.");
        run(() -> {
            value.setText("1.5");
            pane.add();
        });
        assertThat(fx(message::getText)).contains("from 0 to 1").contains("1.5");
        run(() -> {
            value.setText("half");
            pane.add();
        });
        assertThat(fx(message::getText)).isEqualTo("The value must be a number; “half” is not.");
        assertThat(fx(() -> vm.pins())).isEmpty();
    }
}
