package rnnlab.ui.training;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.i18n.Messages;
import rnnlab.training.DropoutMask;
import rnnlab.training.optim.LrSchedule;
import rnnlab.ui.controls.HiddenStateHeatmap;
import rnnlab.ui.controls.LiveChart;
import rnnlab.ui.shell.MainWindow;
import rnnlab.ui.viewmodel.TrainingViewModel;
import rnnlab.ui.viewmodel.TrainingViewModel.State;
import rnnlab.ui.views.HeatmapView;
import rnnlab.ui.views.ViewCatalog;

/**
 * Issue 17's remedies made visible, in the window at 1024×768: the learning-rate schedule previewed before
 * Start and the rates used plotted while training, the weight norm that weight decay shrinks, and the units
 * the training step dropped crossed out in the heatmap. Screenshots
 * target/screenshots/training-remedies-{en,zh}-{light,dark}.png; TrainingRemediesZhTest builds the window in
 * Chinese.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingRemediesTest {
    MainWindow window;
    TrainingViewModel tvm;

    Locale locale() {
        return Locale.ENGLISH;
    }

    @Start
    void begin(Stage stage) {
        Messages.setLocale(locale());
        window = new MainWindow(stage, ViewCatalog.createAll());
        tvm = window.training().viewModel();
        stage.setWidth(1024);
        stage.setHeight(768);
        stage.show();
        window.training().shownProperty().set(true);
    }

    @AfterEach
    void end() throws Exception {
        fx(() -> {
            tvm.shutdown();
            return null;
        });
        tvm.awaitEnd();
        Messages.setLocale(Locale.ENGLISH);
    }

    static void until(int seconds, Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(c));
    }

    private void settings(String task, String cell, int hidden, double lr, int steps) throws Exception {
        fx(() -> {
            tvm.taskProperty().set(task);
            tvm.cellProperty().set(cell);
            tvm.hiddenProperty().set(hidden);
            tvm.optimizerProperty().set("adam");
            tvm.learningRateProperty().set(lr);
            tvm.clipProperty().set(1);
            tvm.stepsProperty().set(steps);
            return null;
        });
    }

    private TrainingPanel panel() throws Exception {
        return fx(() -> window.training().panel());
    }

    /** Trains a fresh model from the panel's settings to the end. */
    private void trainFresh() throws Exception {
        fx(() -> {
            tvm.start(null);
            return null;
        });
        until(60, () -> tvm.stateProperty().get() == State.COMPLETED);
    }

    @Test
    void theScheduleIsPreviewedBeforeStartAndTheRatesUsedArePlotted() throws Exception {
        settings("adding", "gru", 8, 0.01, 60);
        fx(() -> {
            tvm.scheduleProperty().set("step");
            tvm.warmupProperty().set(10);
            return null;
        });
        LiveChart lr = panel().lrChart();
        LrSchedule step = LrSchedule.parse("step", 10, 60);
        LiveChart.Series planned = fx(() -> lr.series().get(0));
        int n = fx(planned::size);
        assertThat(n).isGreaterThan(10);
        assertThat(fx(() -> planned.x(0))).isEqualTo(1);
        assertThat(fx(() -> planned.x(planned.size() - 1))).isEqualTo(60);
        for (int i = 0; i < n; i++) {
            int k = i;
            assertThat(fx(() -> planned.y(k))).isEqualTo(step.rate(0.01, (long) fx(() -> planned.x(k)).doubleValue(), 60));
        }
        // the warm-up climbs to the full rate at step 10, then it halves every 12 steps: 0.01, 0.005, …
        assertThat(fx(() -> planned.y(0))).isEqualTo(0.001);
        assertThat(fx(() -> planned.y(planned.size() - 1))).isEqualTo(0.01 / 16);
        assertThat(fx(() -> lr.series().get(1).size())).isZero(); // nothing used yet
        // another schedule: the preview follows at once
        fx(() -> {
            tvm.scheduleProperty().set("cosine");
            tvm.warmupProperty().set(0);
            return null;
        });
        assertThat(fx(() -> planned.y(0))).isEqualTo(0.01);
        assertThat(fx(() -> planned.y(planned.size() - 1))).isEqualTo(LrSchedule.cosine(0).rate(0.01, 60, 60));
        trainFresh();
        LiveChart.Series used = fx(() -> lr.series().get(1));
        assertThat(fx(used::size)).isEqualTo(60);
        for (int i = 0; i < 60; i++) {
            int k = i;
            assertThat(fx(() -> used.x(k))).isEqualTo(k + 1);
            assertThat(fx(() -> used.y(k))).isEqualTo(LrSchedule.cosine(0).rate(0.01, k + 1, 60));
        }
        assertThat(fx(planned::size)).isEqualTo(60); // the preview stays under the rates used
    }

    /** The same tiny task and seed twice, from the same fresh weights: with decoupled decay the plotted norm ends lower. */
    @Test
    void withWeightDecayThePlottedWeightNormEndsBelowThePlainRuns() throws Exception {
        settings("adding", "gru", 8, 0.01, 200);
        trainFresh();
        LiveChart norm = panel().normChart();
        double[] plain = fx(() -> ends(norm.series().get(0)));
        fx(() -> {
            tvm.weightDecayProperty().set(0.5);
            tvm.adamwProperty().set(true);
            return null;
        });
        trainFresh();
        double[] decayed = fx(() -> ends(norm.series().get(0)));
        assertThat(plain[1]).isPositive();
        assertThat(decayed[1]).isLessThan(0.8 * plain[1]);
        // the last point is at the last step in both runs
        assertThat(plain[0]).isEqualTo(200);
        assertThat(decayed[0]).isEqualTo(200);
    }

    /** (x, y) of the last point. */
    private static double[] ends(LiveChart.Series s) {
        return new double[] {s.x(s.size() - 1), s.y(s.size() - 1)};
    }

    @Test
    void whileTrainingWithDropoutTheHeatmapCrossesOutTheUnitsTheStepDropped() throws Exception {
        String lang = locale().getLanguage();
        settings("charlm", "lstm", 16, 0.002, 2000);
        fx(() -> {
            tvm.dropoutProperty().set(0.3);
            tvm.weightDecayProperty().set(1e-4);
            tvm.scheduleProperty().set("cosine");
            tvm.warmupProperty().set(200);
            return null;
        });
        fx(() -> {
            window.sidePanelShownProperty().set(false);
            window.showViewsByHand(List.of("view.heatmap"));
            window.viewsArea().zoomedProperty().set("view.heatmap");
            tvm.start();
            return null;
        });
        until(60, () -> tvm.dropoutMaskProperty().get() != null && tvm.stepProperty().get() > 300);
        fx(() -> {
            tvm.pause();
            return null;
        });
        until(10, () -> tvm.stateProperty().get() == State.PAUSED);
        Thread.sleep(600); // the last hand-over and the weights the views show
        fx(() -> {
            window.viewModel().seek(3); // h computed for the first steps of the sequence shown
            return null;
        });
        Thread.sleep(600);
        WaitForAsyncUtils.waitForFxEvents();
        DropoutMask m = fx(() -> tvm.dropoutMaskProperty().get());
        assertThat(m.p()).isEqualTo(0.3);
        assertThat(m.width()).isEqualTo(16);
        assertThat(fx(() -> window.context().trainingDropoutProperty().get())).isSameAs(m);
        HeatmapView heat = fx(() -> (HeatmapView) window.viewsArea().views().stream()
                .filter(v -> v.id().equals("view.heatmap")).findFirst().orElseThrow());
        HiddenStateHeatmap.Dropped d = fx(() -> heat.control().getDropped());
        assertThat(d).as("the heatmap shows the mask").isNotNull();
        int steps = fx(() -> heat.control().getValues().length);
        int units = fx(() -> heat.control().getValues()[0].length);
        assertThat(units).isEqualTo(16);
        int marked = 0;
        for (int t = 0; t < steps; t++) {
            for (int u = 0; u < units; u++) {
                assertThat(d.at(t, u)).isEqualTo(m.dropped(0, t, u));
                marked += d.at(t, u) ? 1 : 0;
            }
        }
        assertThat(marked).isPositive();
        screenshot("training-remedies-" + lang + "-light");
        // the charts without a place of their own at 1024 wide (the panel has two places of 200 px or more): the rate
        // by its switch, then the weight norm by its
        javafx.scene.control.ToggleButton norm = fx(() -> (javafx.scene.control.ToggleButton)
                window.scene().lookup("#training-chart-switch-weightNorm"));
        javafx.scene.control.ToggleButton rate = fx(() -> (javafx.scene.control.ToggleButton)
                window.scene().lookup("#training-chart-switch-lr"));
        fx(() -> {
            rate.fire();
            return null;
        });
        assertThat(fx(() -> panel().lrChart().isVisible())).isTrue();
        assertThat(fx(() -> panel().normChart().isVisible())).isFalse();
        fx(() -> {
            norm.fire();
            window.theme().setDark(true);
            return null;
        });
        assertThat(fx(() -> panel().normChart().isVisible())).isTrue();
        assertThat(fx(() -> panel().lrChart().isVisible())).isFalse();
        assertThat(fx(() -> panel().normChart().series().get(0).size())).isPositive();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("training-remedies-" + lang + "-dark");
        fx(() -> {
            tvm.stop();
            return null;
        });
        until(10, () -> !tvm.stateProperty().get().active());
        // training has ended: nothing is dropped any more
        assertThat(fx(() -> window.context().trainingDropoutProperty().get())).isNull();
        assertThat(fx(() -> heat.control().getDropped())).isNull();
    }

    void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        javafx.scene.image.WritableImage img = fx(() -> window.scene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve(name + ".png").toFile());
    }
}
