package rnnlab.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.runs.CurvePoint;
import rnnlab.runs.RecordedTraining;
import rnnlab.runs.RunRecord;
import rnnlab.runs.RunsFolder;
import rnnlab.training.TrainConfig;
import rnnlab.training.tasks.Tasks;

/**
 * A run of the training panel validates on held-out data every {@link TrainingViewModel#validationInterval}
 * steps: the points reach the live chart's updates and the runs folder, where they are the same numbers
 * {@code train --runs} records for the same settings (training is deterministic from the seed).
 */
@ExtendWith(ApplicationExtension.class)
class PanelRunValidationTest {
    @Test
    void aPanelRunIsRecordedWithItsValidationCurve() throws Exception {
        Path runs = Files.createTempDirectory("rnnlab-panel-runs");
        TrainingViewModel vm = fx(TrainingViewModel::new);
        List<TrainingViewModel.Update> updates = new ArrayList<>();
        TrainConfig cfg = fx(() -> {
            vm.setRunsFolder(runs);
            vm.taskProperty().set("adding");
            vm.cellProperty().set("gru");
            vm.hiddenProperty().set(8);
            vm.optimizerProperty().set("adam");
            vm.learningRateProperty().set(0.01);
            vm.stepsProperty().set(60);
            vm.seedProperty().set(3);
            vm.updateProperty().addListener((o, a, u) -> updates.add(u));
            return vm.currentConfig();
        });
        assertThat(TrainingViewModel.validationInterval(60)).isEqualTo(3);
        assertThat(TrainingViewModel.validationInterval(10)).isEqualTo(1);
        fx(() -> {
            vm.start(null);
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> vm.runsRecordedProperty().get() == 1));
        assertThat(fx(() -> vm.stateProperty().get())).isEqualTo(TrainingViewModel.State.COMPLETED);

        List<RunRecord> recorded = new RunsFolder(runs).list(new ArrayList<>());
        assertThat(recorded).hasSize(1);
        RunRecord run = recorded.get(0);
        assertThat(run.curve()).hasSize(60);
        List<CurvePoint> validated = run.curve().stream().filter(p -> !Double.isNaN(p.valLoss())).toList();
        assertThat(validated).extracting(CurvePoint::step)
                .containsExactly(3L, 6L, 9L, 12L, 15L, 18L, 21L, 24L, 27L, 30L, 33L, 36L, 39L, 42L, 45L, 48L, 51L, 54L, 57L, 60L);
        for (CurvePoint p : validated) {
            assertThat(p.valLoss()).isPositive().isLessThan(10);
            assertThat(p.valMetric()).isPositive().isLessThan(10);
        }
        // the same numbers as a recorded CLI run of the same settings, validating at the same steps (curve.csv
        // keeps 8 significant digits)
        org.assertj.core.data.Percentage digits = org.assertj.core.data.Percentage.withPercentage(1e-5);
        RunRecord cli = RecordedTraining.run("cli", Tasks.create("adding", 0), cfg, 3, 0, () -> false);
        for (int i = 0; i < 60; i++) {
            assertThat(run.curve().get(i).loss()).isCloseTo(cli.curve().get(i).loss(), digits);
            assertThat(run.curve().get(i).valLoss()).isCloseTo(cli.curve().get(i).valLoss(), digits);
            assertThat(run.curve().get(i).valMetric()).isCloseTo(cli.curve().get(i).valMetric(), digits);
        }
        assertThat(run.number("val_loss")).isCloseTo(validated.get(19).valLoss(), digits);
        assertThat(run.number("val_metric")).isCloseTo(validated.get(19).valMetric(), digits);
        assertThat(run.number("best_step")).isEqualTo(cli.number("best_step"));
        assertThat(run.number("best_val_metric")).isCloseTo(cli.number("best_val_metric"), digits);

        // the live chart got the same points
        List<Double> steps = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        for (TrainingViewModel.Update u : fx(() -> List.copyOf(updates))) {
            for (int i = 0; i < u.valSteps().length; i++) {
                steps.add(u.valSteps()[i]);
                losses.add(u.valLoss()[i]);
            }
        }
        assertThat(steps).hasSize(20).startsWith(3.0).endsWith(60.0);
        for (int i = 0; i < 20; i++) {
            assertThat(losses.get(i)).isCloseTo(validated.get(i).valLoss(), digits);
        }
    }
}
