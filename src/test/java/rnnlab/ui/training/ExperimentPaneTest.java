package rnnlab.ui.training;

import static rnnlab.ui.FxWait.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.ui.controls.LiveChart;
import rnnlab.ui.controls.Palette;
import rnnlab.ui.viewmodel.experiment.ExperimentViewModel;
import rnnlab.ui.shell.MainWindow;
import rnnlab.ui.views.TestLabView;

@ExtendWith(ApplicationExtension.class)
class ExperimentPaneTest {
    private MainWindow window;
    private ExperimentViewModel evm;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, List.of(new TestLabView()));
        evm = window.training().experimentViewModel();
        stage.show();
        window.training().showExperiment();
        window.training().experimentStage().setWidth(1280);
        window.training().experimentStage().setHeight(720);
    }

    private static void until(int seconds, Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(c));
    }

    private void sweep(String lengths, int seeds, int steps) throws Exception {
        fx(() -> {
            evm.taskProperty().set("adding");
            evm.lengthsProperty().set(lengths);
            evm.seedsProperty().set(seeds);
            evm.stepsProperty().set(steps);
            evm.hiddenProperty().set(8);
            return null;
        });
    }

    @Test
    void aTinySweepPlotsEveryCellAndExportsTheRuns(FxRobot robot) throws Exception {
        sweep("4, 6", 2, 5);
        robot.clickOn("#experiment-run");
        until(60, () -> !evm.runningProperty().get() && evm.results().size() == 12);
        LiveChart chart = robot.lookup("#experiment-chart").queryAs(LiveChart.class);
        List<LiveChart.Series> series = fx(() -> List.copyOf(chart.series()));
        assertThat(series).hasSize(3);
        // vanilla RNN orange, LSTM blue, GRU bluish green; the parameter counts stand beside each cell type
        assertThat(series.get(0).color()).isEqualTo(Palette.ORANGE);
        assertThat(series.get(1).color()).isEqualTo(Palette.BLUE);
        assertThat(series.get(2).color()).isEqualTo(Palette.GREEN);
        // adding problem, H = 8: RNN 2·8+8·8+8+8+(8+1) = 105; LSTM 4·(2·8+64+16)+9 = 393; GRU 3·96+9 = 297
        assertThat(series.get(0).name()).isEqualTo("RNN (tanh)");
        assertThat(robot.lookup("#experiment-params-rnn-tanh").queryAs(Label.class).getText()).isEqualTo("105");
        assertThat(robot.lookup("#experiment-params-lstm").queryAs(Label.class).getText()).isEqualTo("393");
        assertThat(robot.lookup("#experiment-params-gru").queryAs(Label.class).getText()).isEqualTo("297");
        for (LiveChart.Series s : series) {
            assertThat(s.size()).isEqualTo(2);
            assertThat(s.x(0)).isEqualTo(4);
            assertThat(s.x(1)).isEqualTo(6);
        }
        // each point is the mean of its two seeds
        ExperimentViewModel.Curve lstm = fx(() -> evm.curves().get(1));
        double a = evm.results().stream().filter(r -> r.cell().equals("lstm") && r.length() == 6).mapToDouble(
                ExperimentViewModel.Result::value).min().orElseThrow();
        double b = evm.results().stream().filter(r -> r.cell().equals("lstm") && r.length() == 6).mapToDouble(
                ExperimentViewModel.Result::value).max().orElseThrow();
        assertThat(lstm.mean()[1]).isEqualTo((a + b) / 2, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(lstm.min()[1]).isEqualTo(a);
        assertThat(lstm.max()[1]).isEqualTo(b);
        assertThat(fx(() -> chart.referenceProperty().get())).isEqualTo(0.04);
        assertThat(robot.lookup("#experiment-status").queryAs(Label.class).getText()).isEqualTo("Done: 12 runs.");
        // per length, how many of the seeds solved it, counted from the runs
        long lstmSolvedAt6 = evm.results().stream().filter(r -> r.cell().equals("lstm") && r.length() == 6
                && r.solved()).count();
        assertThat(lstm.solved()[1]).isEqualTo((int) lstmSolvedAt6);
        assertThat(lstm.runs()).containsExactly(2, 2);
        String summary = fx(() -> robot.lookup("#experiment-summary").queryAs(javafx.scene.layout.GridPane.class)
                .getChildren().stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText())
                .filter(t -> t.startsWith("T=4")).findFirst().orElseThrow());
        assertThat(summary).matches("T=4: [0-9.]+ \\(solved [0-2] of 2\\)   T=6: [0-9.]+ \\(solved [0-2] of 2\\)");

        Path csv = dir.resolve("sweep.csv");
        fx(() -> {
            evm.exportCsv(csv);
            return null;
        });
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(13);
        assertThat(lines.get(0)).isEqualTo("task,cell,length,seed,parameters,metric,value,solved,steps,seconds,problem");
        assertThat(lines).filteredOn(l -> l.startsWith("adding,rnn_tanh,")).hasSize(4);
        assertThat(lines).filteredOn(l -> l.startsWith("adding,lstm,")).hasSize(4);
        assertThat(lines).filteredOn(l -> l.startsWith("adding,gru,6,")).hasSize(2);
        assertThat(lines.get(1)).startsWith("adding,rnn_tanh,4,1,105,test_MSE,");
        assertThat(lines).allMatch(l -> l.startsWith("task,") || l.contains(",5,"));
        // nothing left behind but the file itself
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(csv);
        }
    }

    @Test
    void cancelStopsTheSweepAndBadLengthsSayWhy(FxRobot robot) throws Exception {
        sweep("10, 20, 40", 3, 400);
        robot.clickOn("#experiment-run");
        until(10, () -> evm.runningProperty().get());
        robot.clickOn("#experiment-cancel");
        until(30, () -> !evm.runningProperty().get());
        assertThat(evm.results().size()).isLessThan(27);
        assertThat(robot.lookup("#experiment-status").queryAs(Label.class).getText()).startsWith("Cancelled after");
        fx(() -> {
            evm.lengthsProperty().set("10, x");
            evm.start();
            return null;
        });
        assertThat(robot.lookup("#experiment-error").queryAs(Label.class).getText())
                .isEqualTo("\u201cx\u201d is not a list of sequence lengths from 2 to 1000, e.g. 10, 20, 50.");
        assertThat(evm.runningProperty().get()).isFalse();
    }

    @Test
    void screenshotOfASmallRealSweep(FxRobot robot) throws Exception {
        sweep("5, 10, 20", 2, 200);
        fx(() -> {
            evm.hiddenProperty().set(16);
            evm.start();
            return null;
        });
        until(120, () -> !evm.runningProperty().get());
        assertThat(evm.results()).hasSize(18);
        Thread.sleep(300);
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        var img = fx(() -> window.training().experimentStage().getScene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.resolve("experiment.png").toFile());
    }
}
