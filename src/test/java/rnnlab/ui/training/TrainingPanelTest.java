package rnnlab.ui.training;

import static rnnlab.ui.FxWait.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.ui.controls.LiveChart;
import rnnlab.session.Frame;
import rnnlab.ui.viewmodel.TrainingViewModel;
import rnnlab.ui.viewmodel.TrainingViewModel.State;
import rnnlab.ui.shell.MainWindow;
import rnnlab.ui.views.TestLabView;

@ExtendWith(ApplicationExtension.class)
class TrainingPanelTest {
    private MainWindow window;
    private TrainingViewModel tvm;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, List.of(new TestLabView()));
        tvm = window.training().viewModel();
        stage.setWidth(1280);
        stage.setHeight(720);
        stage.show();
        window.training().shownProperty().set(true);
    }

    @AfterEach
    void stop() throws Exception {
        fx(() -> {
            tvm.shutdown();
            return null;
        });
        tvm.awaitEnd();
    }

    private static void until(int seconds, Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(c));
    }

    private void settings(String task, String cell, int hidden, String opt, double lr, double clip, int steps) throws Exception {
        fx(() -> {
            tvm.taskProperty().set(task);
            tvm.cellProperty().set(cell);
            tvm.hiddenProperty().set(hidden);
            tvm.optimizerProperty().set(opt);
            tvm.learningRateProperty().set(lr);
            tvm.clipProperty().set(clip);
            tvm.stepsProperty().set(steps);
            return null;
        });
    }

    private LiveChart chart(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(LiveChart.class);
    }

    private static double mean(LiveChart.Series s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += s.y(i);
        }
        return sum / (to - from);
    }

    private static boolean finite(Frame f) {
        return f.weights().values().stream().flatMap(Arrays::stream).flatMapToDouble(Arrays::stream)
                .allMatch(Double::isFinite);
    }

    private static double weightSum(Frame f) {
        return f.weights().values().stream().flatMap(Arrays::stream).flatMapToDouble(Arrays::stream).map(Math::abs).sum();
    }

    @Test
    void trainingAdvancesChartsTheLossAndTheViewsFollow(FxRobot robot) throws Exception {
        settings("binary-addition", "rnn_tanh", 16, "adam", 0.02, 5, 400);
        robot.clickOn("#training-start");
        until(10, () -> tvm.stateProperty().get() == State.RUNNING && tvm.stepProperty().get() > 20);
        // the views show the model being trained: a binary-addition net (2 inputs, 1 output, H = 16)
        until(10, () -> window.viewModel().frameProperty().get().hiddenSize() == 16);
        Frame early = fx(() -> window.viewModel().frameProperty().get());
        double w0 = weightSum(early);
        until(30, () -> tvm.stateProperty().get() == State.COMPLETED);
        assertThat(tvm.stepProperty().get()).isEqualTo(400);
        assertThat(fx(() -> tvm.progressProperty().get())).isEqualTo(1.0);
        LiveChart loss = chart(robot, "training-chart-loss");
        LiveChart.Series raw = fx(() -> loss.series().get(0));
        int n = fx(raw::size);
        assertThat(n).isEqualTo(400);
        assertThat(raw.x(0)).isEqualTo(1);
        assertThat(raw.x(n - 1)).isEqualTo(400);
        // the loss went down: the last 50 steps average well below the first 50
        assertThat(mean(raw, n - 50, n)).isLessThan(0.6 * mean(raw, 0, 50));
        LiveChart grad = chart(robot, "training-chart-grad");
        assertThat(fx(() -> grad.series().get(0).size())).isEqualTo(400);
        LiveChart metric = chart(robot, "training-chart-metric");
        // evaluated every 10 steps, seen at each hand-over (≤ 20 a second), and once at the end
        LiveChart.Series m = fx(() -> metric.series().get(0));
        assertThat(fx(m::size)).isGreaterThanOrEqualTo(2);
        assertThat(m.x(m.size() - 1)).isEqualTo(400);
        assertThat(robot.lookup("#training-stepLabel").queryAs(Label.class).getText()).isEqualTo("Step 400 of 400");
        assertThat(robot.lookup("#training-metric").queryAs(Label.class).getText()).isNotEmpty();
        assertThat(robot.lookup("#training-figures").queryAs(Label.class).getText()).contains("tokens/s");
        // the last weights reached the views: the frame changed while training
        until(10, () -> weightSum(window.viewModel().frameProperty().get()) != w0);
        assertThat(finite(fx(() -> window.viewModel().frameProperty().get()))).isTrue();
    }

    @Test
    void pauseHoldsResumeContinuesStopEnds(FxRobot robot) throws Exception {
        settings("binary-addition", "lstm", 16, "adam", 0.02, 5, 1_000_000);
        fx(() -> {
            tvm.start();
            return null;
        });
        until(10, () -> tvm.stepProperty().get() > 5);
        robot.clickOn("#training-start"); // pause
        assertThat(fx(() -> tvm.stateProperty().get())).isEqualTo(State.PAUSED);
        Thread.sleep(400);
        long held = fx(() -> tvm.stepProperty().get());
        Thread.sleep(700);
        assertThat(fx(() -> tvm.stepProperty().get())).isEqualTo(held);
        assertThat(robot.lookup("#training-start").queryAs(javafx.scene.control.Button.class).getText()).isEqualTo("Resume");
        robot.clickOn("#training-start"); // resume
        until(10, () -> tvm.stepProperty().get() > held + 5);
        robot.clickOn("#training-stop");
        until(10, () -> tvm.stateProperty().get() == State.STOPPED);
        long stopped = fx(() -> tvm.stepProperty().get());
        Thread.sleep(400);
        assertThat(fx(() -> tvm.stepProperty().get())).isEqualTo(stopped);
        assertThat(robot.lookup("#training-status").queryAs(Label.class).getText()).startsWith("Stopped at step");
    }

    @Test
    void explodingGradientsShowTheBannerAndKeepFiniteWeights(FxRobot robot) throws Exception {
        int hiddenBefore = fx(() -> window.viewModel().hiddenSizeProperty().get());
        assertThat(hiddenBefore).isNotEqualTo(16);
        settings("sine", "rnn_tanh", 16, "sgd", 1e9, 0, 500);
        robot.clickOn("#training-start");
        until(20, () -> tvm.stateProperty().get() == State.DIVERGED);
        assertThat(robot.lookup("#training-banner").queryAs(javafx.scene.Node.class).isVisible()).isTrue();
        String text = robot.lookup("#training-banner-text").queryAs(Label.class).getText();
        assertThat(text).matches("(Gradients exploded at step \\d+: norm .+\\. Try clipping, e\\.g\\. at norm 5, or a smaller "
                + "learning rate\\.|The loss became .+ at step \\d+\\..*|The weights overflowed at step \\d+.*)");
        assertThat(text).contains("step " + tvm.stepProperty().get());
        // the charts switch to a log axis, where the explosion is visible
        assertThat(robot.lookup("#training-logScale").queryAs(javafx.scene.control.CheckBox.class).isSelected()).isTrue();
        assertThat(fx(() -> chart(robot, "training-chart-loss").logScaleProperty().get())).isTrue();
        // the window still works; the task needed a model of its own, so the model shown before is back (issue 12)
        until(10, () -> window.viewModel().frameProperty().get().hiddenSize() == hiddenBefore);
        assertThat(robot.lookup("#training-banner").queryAs(javafx.scene.Node.class).isVisible()).isTrue();
        Thread.sleep(300);
        assertThat(finite(fx(() -> window.viewModel().frameProperty().get()))).isTrue();
        screenshot(robot, "training-nan");
    }

    @Test
    void theCharacterModelWritesSamples(FxRobot robot) throws Exception {
        settings("charlm", "lstm", 32, "adam", 0.005, 5, 12_000);
        fx(() -> {
            tvm.start();
            return null;
        });
        TextArea samples = robot.lookup("#training-samples").queryAs(TextArea.class);
        // a sample is written every few seconds while the model is still learning
        until(30, () -> !samples.getText().isEmpty());
        assertThat(fx(() -> tvm.stateProperty().get())).isEqualTo(State.RUNNING);
        String s = fx(samples::getText);
        assertThat(s).startsWith("Step ").contains("\u03c4 = 0.8:\nThe ");
        // 160 generated characters after the prime
        // the body runs to the next sample's header (generated text may itself hold blank lines)
        String body = s.substring(s.indexOf("The "));
        int next = body.indexOf("\n\nStep ");
        assertThat((next < 0 ? body : body.substring(0, next)).length()).isGreaterThanOrEqualTo(4 + 150);
        fx(() -> {
            window.context().darkThemeProperty().set(false);
            return null;
        });
        until(120, () -> tvm.stateProperty().get() == State.COMPLETED);
        // the last weights write one more sample, on top
        String lastSamples = fx(samples::getText);
        assertThat(lastSamples).startsWith("Step 12000,");
        Thread.sleep(300);
        screenshot(robot, "training");
    }

    @Test
    void residualAndLayerNormAreSetInThePanelAndTrainAStackedModel(FxRobot robot) throws Exception {
        settings("adding", "lstm", 8, "adam", 0.01, 1, 30);
        fx(() -> {
            robot.lookup("#training-residual").queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
            robot.lookup("#training-layerNorm").queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
            return null;
        });
        rnnlab.training.TrainConfig c = fx(tvm::currentConfig);
        assertThat(c.regularisation().residual()).isTrue();
        assertThat(c.regularisation().layerNorm()).isTrue();
        // the adding task has one layer: residual connections need two
        assertThat(c.layers()).isEqualTo(2);
        fx(() -> {
            robot.lookup(".training-settings-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        screenshot(robot, "training-residual-layernorm");
        robot.clickOn("#training-start");
        until(30, () -> tvm.stateProperty().get() == State.COMPLETED);
        assertThat(tvm.stepProperty().get()).isEqualTo(30);
        fx(() -> {
            tvm.residualProperty().set(false);
            tvm.layerNormProperty().set(false);
            return null;
        });
        assertThat(fx(tvm::currentConfig).layers()).isEqualTo(1);
    }

    @Test
    void dropoutWeightDecayAdamwAndScheduleAreSetInThePanelAndTrain(FxRobot robot) throws Exception {
        Path runs = Files.createTempDirectory("rnnlab-runs");
        fx(() -> {
            tvm.setRunsFolder(runs);
            return null;
        });
        settings("adding", "gru", 16, "adam", 0.01, 1, 60);
        javafx.scene.control.TextField dropout = robot.lookup("#training-dropout").queryAs(javafx.scene.control.TextField.class);
        javafx.scene.control.TextField decay = robot.lookup("#training-weightDecay").queryAs(javafx.scene.control.TextField.class);
        fx(() -> {
            dropout.setText("0.3");
            dropout.commitValue();
            decay.setText("0.001");
            decay.commitValue();
            robot.lookup("#training-adamw").queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
            robot.lookup("#training-schedule").queryComboBox().getSelectionModel().select("cosine");
            return null;
        });
        rnnlab.training.TrainConfig c = fx(tvm::currentConfig);
        assertThat(c.regularisation()).isEqualTo(new rnnlab.training.optim.Regularisation(0.3, true, 0.001, true));
        assertThat(c.schedule().kind()).isEqualTo(rnnlab.training.optim.LrSchedule.Kind.COSINE);
        fx(() -> {
            robot.lookup(".training-settings-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        screenshot(robot, "training-remedies");
        robot.clickOn("#training-start");
        until(30, () -> tvm.stateProperty().get() == State.COMPLETED);
        assertThat(tvm.stepProperty().get()).isEqualTo(60);
        // the run is recorded in the runs folder with its settings and its whole curve
        until(10, () -> tvm.runsRecordedProperty().get() == 1);
        List<rnnlab.runs.RunRecord> recorded = new rnnlab.runs.RunsFolder(runs).list(new java.util.ArrayList<>());
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).number("dropout")).isEqualTo(0.3);
        assertThat(recorded.get(0).settings().get("adamw")).isEqualTo(true);
        assertThat(recorded.get(0).curve()).hasSize(60);
        // validated every 3 steps (60 / 20): the loss chart's dashed line and the recorded curve have the same points
        List<rnnlab.runs.CurvePoint> val = recorded.get(0).curve().stream().filter(p -> !Double.isNaN(p.valLoss())).toList();
        assertThat(val).hasSize(20);
        LiveChart.Series valLine = fx(() -> chart(robot, "training-chart-loss").series().stream()
                .filter(x -> "validation".equals(x.name())).findFirst().orElseThrow());
        assertThat(fx(valLine::size)).isEqualTo(20);
        for (int i = 0; i < 20; i++) {
            int k = i;
            assertThat(fx(() -> valLine.x(k))).isEqualTo(3.0 * (k + 1));
            assertThat(fx(() -> valLine.y(k))).isCloseTo(val.get(k).valLoss(),
                    org.assertj.core.data.Percentage.withPercentage(1e-5));
        }
        assertThat(recorded.get(0).curve().get(59).lr()).isCloseTo(0.01 * (1 + Math.cos(Math.PI * 59 / 60)) / 2,
                org.assertj.core.data.Offset.offset(1e-12));
        // AdamW needs Adam: with SGD the panel says so instead of starting
        fx(() -> {
            tvm.optimizerProperty().set("sgd");
            tvm.start();
            return null;
        });
        // (start takes the shown model from the engine thread first: the answer comes a moment later)
        until(10, () -> tvm.statusProperty().get().contains("Adam"));
        assertThat(fx(() -> tvm.stateProperty().get())).isEqualTo(State.COMPLETED);
    }

    private void screenshot(FxRobot robot, String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        javafx.scene.image.WritableImage img = fx(() -> window.scene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve(name + ".png").toFile());
    }
}
