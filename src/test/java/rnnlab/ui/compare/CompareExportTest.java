package rnnlab.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.shell.CellViewsAndPinsTest.fx;
import static rnnlab.ui.shell.CellViewsAndPinsTest.run;
import static rnnlab.ui.shell.CellViewsAndPinsTest.until;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.ui.TestWindows;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.io.FixtureTraceTest;
import rnnlab.io.Fixtures;
import rnnlab.io.ModelIO;
import rnnlab.io.SequenceIO;
import rnnlab.io.TraceCsv;
import rnnlab.io.TraceIO;
import rnnlab.session.Frame;
import rnnlab.ui.viewmodel.RunViewModel;
import rnnlab.ui.export.ViewExport;
import rnnlab.ui.shell.CellViewsAndPinsTest;
import rnnlab.ui.shell.MainWindow;
import rnnlab.ui.views.LabView;

/** The comparison window and File ▸ Export (PNG at 2×, trace JSON and CSV). */
@ExtendWith(ApplicationExtension.class)
class CompareExportTest {
    private MainWindow window;
    private RunViewModel vm;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage, 1280, 720);
        vm = window.viewModel();
    }

    private static void key(Node target, KeyCode code) throws Exception {
        run(() -> Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false)));
    }

    @Test
    void threeCellTypesSideBySideStepTogetherAndCloseLeavesTheMainSessionAlone() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        run(() -> vm.sequenceTextProperty().set("hello world"));
        run(() -> vm.hiddenSizeProperty().set(5));
        until(() -> vm.frameProperty().get().length() == 10 && vm.frameProperty().get().hiddenSize() == 5);
        run(() -> vm.stepForward());
        until(() -> vm.positionProperty().get() == 1);
        Frame mainBefore = fx(() -> vm.frameProperty().get());
        CompareWindow cmp = fx(window::showComparison);
        List<RunViewModel> cols = cmp.viewModels();
        assertThat(cols).hasSize(3);
        until(() -> cols.stream().allMatch(c -> c.frameProperty().get() != null && c.frameProperty().get().length() == 10
                && c.frameProperty().get().hiddenSize() == 5));
        until(() -> cols.get(0).frameProperty().get().cell().equals("rnn_tanh") && cols.get(1).frameProperty().get().cell().equals("lstm")
                && cols.get(2).frameProperty().get().cell().equals("gru"));
        // the same sequence for every column
        for (RunViewModel c : cols) {
            assertThat(fx(() -> c.frameProperty().get().tokens())).containsExactly(mainBefore.tokens());
        }
        // parameter counts: the recurrent layers hold 1 : 4 : 3 blocks of weights (RNN : LSTM : GRU)
        List<Long> rec = new ArrayList<>();
        for (RunViewModel c : cols) {
            rec.add(fx(() -> CompareWindow.recurrentCount(c.frameProperty().get())));
        }
        assertThat(rec.get(1)).isEqualTo(4 * rec.get(0));
        assertThat(rec.get(2)).isEqualTo(3 * rec.get(0));
        // H=5, 8 symbols: RNN 5·8 + 5·5 + 2·5 = 75
        assertThat(rec.get(0)).isEqualTo(75);
        until(() -> cmp.parameterLabels().get(1).getText().contains("(300 recurrent)"));
        assertThat(fx(() -> cmp.parameterLabels().get(0).getText())).contains("(75 recurrent)");
        // one timeline drives all: → in the comparison window steps every column
        Node root = fx(() -> cmp.stage().getScene().getRoot());
        key(root, KeyCode.RIGHT);
        key(root, KeyCode.RIGHT);
        until(() -> cols.stream().allMatch(c -> c.positionProperty().get() == 2));
        for (RunViewModel c : cols) {
            assertThat(fx(() -> c.frameProperty().get().time())).isEqualTo(1);
        }
        key(root, KeyCode.LEFT);
        until(() -> cols.stream().allMatch(c -> c.positionProperty().get() == 1));
        key(root, KeyCode.END);
        until(() -> cols.stream().allMatch(c -> c.positionProperty().get() == 20));
        // the same view in every column; switching changes all
        assertThat(cmp.shownViews()).extracting(LabView::id).containsOnly("view.heatmap");
        run(() -> cmp.viewChoice().setValue("cell"));
        assertThat(cmp.shownViews()).extracting(LabView::id).containsExactly("view.rnn", "view.lstm", "view.gru");
        // the decay chart: one polyline per cell type, one point per step, in the cell colours
        until(() -> cmp.chart().polylines().size() == 3);
        assertThat(cmp.chart().polylines()).allMatch(p -> p.length == 10);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        BufferedImage img = fx(() -> SwingFXUtils.fromFXImage(cmp.stage().getScene().snapshot(null), null));
        Files.createDirectories(Path.of("target/screenshots"));
        ImageIO.write(img, "png", Path.of("target/screenshots/compare.png").toFile());
        // closing leaves the main session as it was, and it still works
        run(cmp::close);
        assertThat(fx(() -> vm.positionProperty().get())).isEqualTo(1);
        assertThat(fx(() -> vm.frameProperty().get())).isSameAs(mainBefore);
        run(() -> vm.stepForward());
        until(() -> vm.positionProperty().get() == 2);
    }

    @Test
    void aRealValuedModelIsComparedOnItsOwnSequence() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        Path modelFile = Fixtures.path("gru_real_mse_last.model.json");
        Path seqFile = Fixtures.path("gru_real_mse_last.seq.json");
        run(() -> vm.loadModel(modelFile));
        until(() -> "gru".equals(vm.frameProperty().get().cell()));
        run(() -> vm.loadSequence(seqFile));
        until(() -> vm.statusProperty().get().contains("gru_real_mse_last.seq.json"));
        Frame main = fx(() -> vm.frameProperty().get());
        CompareWindow cmp = fx(window::showComparison);
        List<RunViewModel> cols = cmp.viewModels();
        until(() -> cols.stream().allMatch(c -> c.frameProperty().get() != null && c.frameProperty().get().tokens() == null));
        for (int i = 0; i < 3; i++) {
            RunViewModel col = cols.get(i);
            Frame f = fx(() -> col.frameProperty().get());
            assertThat(f.cell()).isEqualTo(CompareWindow.CELLS[i]);
            assertThat(f.inputs()).isDeepEqualTo(main.inputs());
            assertThat(f.hiddenSize()).isEqualTo(main.hiddenSize());
            assertThat(f.outputSize()).isEqualTo(main.outputSize());
            assertThat(f.hasTarget()).containsExactly(main.hasTarget());
        }
        run(cmp::close);
    }

    @Test
    void aViewExportsAsAPngAtTwiceItsSizeAndABadPathGivesOneMessage() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        LabView heatmap = fx(() -> window.viewsArea().views().stream().filter(v -> v.id().equals("view.heatmap")).findFirst().orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        double w = fx(() -> heatmap.node().getLayoutBounds().getWidth());
        double h = fx(() -> heatmap.node().getLayoutBounds().getHeight());
        assertThat(w).isGreaterThan(100);
        Path file = dir.resolve("heatmap.png");
        assertThat(fx(() -> ViewExport.writeOrReport(window, heatmap.node(), file))).isTrue();
        BufferedImage img = ImageIO.read(file.toFile());
        assertThat((double) img.getWidth()).isCloseTo(2 * w, org.assertj.core.data.Offset.offset(1.0));
        assertThat((double) img.getHeight()).isCloseTo(2 * h, org.assertj.core.data.Offset.offset(1.0));
        // no leftover temporary file
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("heatmap.png");
        }
        Path bad = dir.resolve("no-such-folder").resolve("x.png");
        assertThat(fx(() -> ViewExport.writeOrReport(window, heatmap.node(), bad))).isFalse();
        assertThat(fx(() -> vm.errorProperty().get())).isEqualTo("Could not write " + bad + "; nothing was changed. The folder does not exist.");
    }

    @Test
    void theTraceExportsAsJsonEqualToTraceIoAndAsCsvWithTheDocumentedColumns() throws Exception {
        until(() -> vm.frameProperty().get() != null);
        Path modelFile = Fixtures.path("lstm_2layer.model.json");
        Path seqFile = Fixtures.path("lstm_2layer.seq.json");
        run(() -> vm.loadModel(modelFile));
        until(() -> "lstm".equals(vm.frameProperty().get().cell()));
        run(() -> vm.loadSequence(seqFile));
        until(() -> vm.statusProperty().get().contains("lstm_2layer.seq.json"));
        run(() -> vm.stepForward());
        until(() -> vm.positionProperty().get() == 1);
        Path json = dir.resolve("run.trace.json");
        CountDownLatch done = new CountDownLatch(2);
        run(() -> vm.exportTraceJson(json, done::countDown));
        Path csv = dir.resolve("run.csv");
        run(() -> vm.exportTraceCsv(csv, done::countDown));
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        // the cursor did not move
        assertThat(fx(() -> vm.positionProperty().get())).isEqualTo(1);
        Model model = ModelIO.read(modelFile);
        Sequence seq = SequenceIO.read(seqFile, model.config());
        Run r = new Run(model, seq.length());
        r.load(seq);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode ours = mapper.readTree(json.toFile());
        assertThat(ours).isEqualTo(TraceIO.toJson(r));
        JsonNode fixture = mapper.readTree(Fixtures.path("lstm_2layer.trace.json").toFile());
        List<String> problems = new ArrayList<>();
        int[] count = new int[1];
        FixtureTraceTest.compare("", fixture, ours, problems, count);
        assertThat(problems).isEmpty();
        assertThat(count[0]).isGreaterThan(100);

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("layer,direction,step,unit,h,c,gate_i,gate_f,gate_g,gate_o,grad_h,grad_c");
        assertThat(lines.get(0)).isEqualTo(TraceCsv.header(CellType.LSTM));
        var cfg = model.config();
        int perLayer = seq.length() * cfg.hiddenSize();
        assertThat(lines).hasSize(1 + cfg.numLayers() * cfg.directions() * perLayer);
        // layer 2, step 3, unit 2: h, c, the gates and the gradients as the engine has them
        String[] row = lines.get(1 + perLayer + 2 * cfg.hiddenSize() + 1).split(",");
        var s = r.layer(1, 0);
        assertThat(row).hasSize(12);
        assertThat(row[0] + row[2] + row[3]).isEqualTo("232");
        assertThat(Double.parseDouble(row[4])).isEqualTo(s.hidden(2, 1));
        assertThat(Double.parseDouble(row[5])).isEqualTo(s.cell(2, 1));
        assertThat(Double.parseDouble(row[7])).isEqualTo(s.gate(2, 1, 1));
        assertThat(Double.parseDouble(row[10])).isEqualTo(s.gradHidden(2, 1));
        assertThat(Double.parseDouble(row[11])).isEqualTo(s.gradCell(2, 1));
        // a bad path: one message naming the file
        Path bad = dir.resolve("missing").resolve("t.csv");
        run(() -> vm.exportTraceCsv(bad, () -> { }));
        until(() -> vm.errorProperty().get() != null);
        assertThat(fx(() -> vm.errorProperty().get())).isEqualTo("Could not write " + bad + "; nothing was changed. The folder does not exist.");
    }
}
