package rnnlab.ui.export;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;
import static rnnlab.ui.FxWait.until;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import rnnlab.ui.shell.MainWindow;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.views.TestLabView;

/**
 * Issue 14: File ▸ Export model as… saves the model on screen as a PyTorch state_dict (.pt) or .safetensors;
 * opening the saved file again gives the very same trace (every output, state, gate and gradient), for a
 * 2-layer bidirectional LSTM with an embedding and a head.
 */
@ExtendWith(ApplicationExtension.class)
class ExportModelWindowTest {
    private MainWindow window;
    private RunViewModel vm;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, List.of(new TestLabView()));
        vm = window.viewModel();
        stage.setWidth(1280);
        stage.setHeight(720);
        stage.show();
    }

    private static Path resource(String name) throws Exception {
        return Path.of(ExportModelWindowTest.class.getResource(name).toURI());
    }

    @Test
    void theFileMenuOffersIt() throws Exception {
        MenuBar bar = (MenuBar) window.scene().lookup("#menu");
        List<String> file = fx(() -> {
            Menu m = bar.getMenus().get(0);
            return m.getItems().stream().map(MenuItem::getText).filter(t -> t != null).toList();
        });
        assertThat(file).contains("Export model as…");
    }

    @Test
    void savedAsPtAndSafetensorsItReopensWithAnIdenticalTrace() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        Path seq = dir.resolve("s.seq.json");
        Files.writeString(seq, "{\"format\":\"rnnlab-sequence\",\"version\":1,\"tokens\":[1,2,3,0,4,2],\"targets\":[2,3,0,4,2,1],"
                + "\"target_steps\":\"all\",\"loss\":\"cross_entropy\"}");
        fx(() -> {
            vm.loadModel(resource("/imports/lstm2_bidi_emb_head.model.json"));
            return null;
        });
        until(() -> vm.frameProperty().get().numLayers() == 2 && "lstm".equals(vm.frameProperty().get().cell()));
        fx(() -> {
            vm.loadSequence(seq);
            return null;
        });
        until(() -> vm.frameProperty().get().length() == 6);
        String before = trace("before.trace.json");
        assertThat(before).contains("\"grad_h\"").contains("rnn.weight_hh_l1_reverse");

        // the name typed without an ending gets .pt; the dialog offers both kinds
        List<String> offered = new ArrayList<>();
        fx(() -> {
            ViewExport.exportModel(window, fc -> {
                offered.addAll(fc.getExtensionFilters().get(0).getExtensions());
                offered.add(fc.getInitialFileName());
                return dir.resolve("roundtrip").toFile();
            });
            return null;
        });
        until(() -> "Model saved as roundtrip.pt.".equals(vm.statusProperty().get()));
        assertThat(offered).containsExactly("*.pt", "*.safetensors", "model.pt");
        Path pt = dir.resolve("roundtrip.pt");
        assertThat(Files.size(pt)).isGreaterThan(1000);
        fx(() -> {
            ViewExport.exportModel(window, fc -> dir.resolve("roundtrip.safetensors").toFile());
            return null;
        });
        until(() -> "Model saved as roundtrip.safetensors.".equals(vm.statusProperty().get()));

        for (Path saved : List.of(pt, dir.resolve("roundtrip.safetensors"))) {
            // a JSON model in between, so that the trace below really comes from the saved file
            fx(() -> {
                vm.loadModel(resource("/imports/gru_emb_head.model.json"));
                return null;
            });
            until(() -> "gru".equals(vm.frameProperty().get().cell()));
            fx(() -> {
                vm.loadModel(saved);
                return null;
            });
            until(() -> vm.lastImportProperty().getValue() != null
                    && saved.getFileName().toString().equals(vm.lastImportProperty().getValue().fileName())
                    && "lstm".equals(vm.frameProperty().get().cell()));
            until(() -> vm.frameProperty().get().length() == 6);
            String after = trace(saved.getFileName() + ".trace.json");
            assertThat(after).as(saved.getFileName().toString()).isEqualTo(before);
        }
    }

    @Test
    void cancellingTheDialogWritesNothing() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        String status = fx(() -> vm.statusProperty().get());
        fx(() -> {
            ViewExport.exportModel(window, fc -> (File) null);
            return null;
        });
        Thread.sleep(300);
        assertThat(fx(() -> vm.statusProperty().get())).isEqualTo(status);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    /** The trace of what is on screen now, as File ▸ Export trace writes it. */
    private String trace(String name) throws Exception {
        Path out = dir.resolve(name);
        CountDownLatch done = new CountDownLatch(1);
        fx(() -> {
            vm.exportTraceJson(out, done::countDown);
            return null;
        });
        assertThat(done.await(30, TimeUnit.SECONDS)).as("trace written").isTrue();
        return Files.readString(out);
    }
}
