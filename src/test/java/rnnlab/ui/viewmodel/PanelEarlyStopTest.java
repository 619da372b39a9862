package rnnlab.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.FxWait.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.engine.Model;
import rnnlab.runs.CurvePoint;
import rnnlab.runs.RecordedTraining;
import rnnlab.runs.RunRecord;
import rnnlab.runs.RunsFolder;
import rnnlab.training.TrainConfig;
import rnnlab.training.Validation;
import rnnlab.training.tasks.Tasks;

/**
 * The training panel's validation interval and early stopping (issue 17): a run of the panel with
 * "validate every N steps" and "stop early after P validations" stops at the step where
 * {@code train --early-stop P --val-every N} ({@link RecordedTraining}, the same {@link Validation} rule)
 * stops, with the same best validation, and the model it hands to the views is the best one. Bad
 * values get one message and no run.
 */
@ExtendWith(ApplicationExtension.class)
class PanelEarlyStopTest {
    static final int STEPS = 600;
    static final int EVERY = 10;
    static final int PATIENCE = 2;

    private TrainConfig settings(TrainingViewModel vm, Path runs) throws Exception {
        return fx(() -> {
            vm.setRunsFolder(runs);
            vm.taskProperty().set("adding");
            vm.cellProperty().set("gru");
            vm.hiddenProperty().set(8);
            vm.optimizerProperty().set("adam");
            vm.learningRateProperty().set(0.05);
            vm.stepsProperty().set(STEPS);
            vm.seedProperty().set(3);
            return vm.currentConfig();
        });
    }

    @Test
    void thePanelStopsWhereTheCliStopsAndKeepsTheBestWeights() throws Exception {
        Path runs = Files.createTempDirectory("rnnlab-panel-early");
        TrainingViewModel vm = fx(TrainingViewModel::new);
        TrainConfig cfg = settings(vm, runs);
        AtomicReference<Model> shownAtEnd = new AtomicReference<>();
        List<Double> valSteps = new ArrayList<>();
        fx(() -> {
            vm.validateEveryProperty().set(String.valueOf(EVERY));
            vm.earlyStopProperty().set(true);
            vm.patienceProperty().set(String.valueOf(PATIENCE));
            vm.setWeightSink((m, last) -> {
                if (last) {
                    shownAtEnd.set(m);
                }
            });
            vm.updateProperty().addListener((o, a, u) -> {
                for (double s : u.valSteps()) {
                    valSteps.add(s);
                }
            });
            assertThat(vm.validationProblemProperty().get()).isEmpty();
            vm.start(null);
            return null;
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> vm.runsRecordedProperty().get() == 1));

        // the CLI's way (train --early-stop 2 --val-every 10 records through RecordedTraining's loop)
        RunRecord cli = RecordedTraining.run("cli", Tasks.create("adding", 0), cfg, EVERY, PATIENCE, () -> false);
        assertThat(cli.results().get("early_stopped")).isEqualTo(true); // the settings do stop early
        long stopAt = (long) cli.number("steps_done");
        long bestStep = (long) cli.number("best_step");
        assertThat(stopAt).isLessThan(STEPS).isEqualTo(bestStep + (long) PATIENCE * EVERY);
        double cliBestLoss = cli.curve().stream().filter(p -> p.step() == bestStep).findFirst().orElseThrow().valLoss();
        // and the command itself, train --early-stop 2 --val-every 10 with the panel's settings: its JSON line
        com.fasterxml.jackson.databind.JsonNode j = trainCommand(cfg);
        assertThat(j.get("early_stopped").asBoolean()).isTrue();
        assertThat(j.get("steps").asLong()).isEqualTo(stopAt);
        assertThat(j.get("best_step").asLong()).isEqualTo(bestStep);
        assertThat(j.get("best_val_metric").asDouble()).isCloseTo(cli.number("best_val_metric"),
                org.assertj.core.data.Percentage.withPercentage(1e-3)); // printed with 6 significant digits

        assertThat(fx(() -> vm.stateProperty().get())).isEqualTo(TrainingViewModel.State.COMPLETED);
        assertThat(fx(() -> vm.stoppedEarlyAtProperty().get())).isEqualTo(stopAt);
        assertThat(fx(() -> vm.stepProperty().get())).isEqualTo(stopAt);
        Validation.Point best = fx(() -> vm.bestValidationProperty().get());
        assertThat(best.step()).isEqualTo(bestStep);
        assertThat(Math.abs(best.loss() - cliBestLoss)).isLessThan(1e-9);
        // validated every 10 steps up to the stop, no more
        assertThat(valSteps).hasSize((int) (stopAt / EVERY)).startsWith(10.0).endsWith((double) stopAt);
        // the panel says where it stopped and which step's weights it kept
        String status = fx(() -> vm.statusProperty().get());
        assertThat(status).contains(String.valueOf(stopAt)).contains(String.valueOf(bestStep));

        // the model the views show at the end is the best one: it validates to the best loss
        Model kept = shownAtEnd.get();
        assertThat(kept).isNotNull();
        double keptLoss = new Validation(Tasks.create("adding", 0), cfg.seed()).validate(kept, 0).loss();
        assertThat(Math.abs(keptLoss - cliBestLoss)).isLessThan(1e-9);

        // the runs folder says so too
        List<RunRecord> recorded = new RunsFolder(runs).list(new ArrayList<>());
        assertThat(recorded).hasSize(1);
        RunRecord run = recorded.get(0);
        assertThat(run.results().get("early_stopped")).isEqualTo(true);
        assertThat(run.number("steps_done")).isEqualTo((double) stopAt);
        assertThat(run.number("best_step")).isEqualTo((double) bestStep);
        // how it validated is among the settings (the runs table groups and plots by them), as train --runs writes it
        assertThat(((Number) run.settings().get("val_every")).longValue()).isEqualTo(EVERY);
        assertThat(((Number) run.settings().get("early_stop")).intValue()).isEqualTo(PATIENCE);
        assertThat(((Number) cli.settings().get("val_every")).longValue()).isEqualTo(EVERY);
        assertThat(((Number) cli.settings().get("early_stop")).intValue()).isEqualTo(PATIENCE);
        List<CurvePoint> validated = run.curve().stream().filter(p -> !Double.isNaN(p.valLoss())).toList();
        assertThat(validated).hasSize((int) (stopAt / EVERY));
        assertThat(validated.get(0).step()).isEqualTo(EVERY);
    }

    /** Runs {@code train} in this process with the configuration's settings and early stopping; its last stdout line. */
    private static com.fasterxml.jackson.databind.JsonNode trainCommand(TrainConfig cfg) throws Exception {
        java.io.PrintStream o = System.out;
        java.io.PrintStream e = System.err;
        java.io.ByteArrayOutputStream bo = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(bo, true, java.nio.charset.StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true));
            int status = rnnlab.cli.Main.execute(new String[] {"train", "--task", "adding", "--cell", cfg.cell().id(),
                "--hidden", String.valueOf(cfg.hidden()), "--optimizer", cfg.optimizer(), "--lr", String.valueOf(cfg.lr()),
                "--clip", String.valueOf(cfg.clip()), "--batch", String.valueOf(cfg.batch()), "--steps",
                String.valueOf(cfg.steps()), "--seed", String.valueOf(cfg.seed()), "--val-every", String.valueOf(EVERY),
                "--early-stop", String.valueOf(PATIENCE), "--no-progress"});
            assertThat(status).isZero();
        } finally {
            System.setOut(o);
            System.setErr(e);
        }
        String[] lines = bo.toString(java.nio.charset.StandardCharsets.UTF_8).strip().split("\n");
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines[lines.length - 1]);
    }

    @Test
    void aChosenIntervalIsFollowedWithoutEarlyStopping() throws Exception {
        Path runs = Files.createTempDirectory("rnnlab-panel-every");
        TrainingViewModel vm = fx(TrainingViewModel::new);
        settings(vm, runs);
        TrainConfig cfg = fx(() -> {
            vm.stepsProperty().set(70);
            vm.validateEveryProperty().set("25");
            TrainConfig c = vm.currentConfig();
            vm.start(null);
            return c;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> vm.runsRecordedProperty().get() == 1));
        RunRecord run = new RunsFolder(runs).list(new ArrayList<>()).get(0);
        // every 25 steps and after the last one
        assertThat(run.curve().stream().filter(p -> !Double.isNaN(p.valLoss())).map(CurvePoint::step).toList())
                .containsExactly(25L, 50L, 70L);
        assertThat(run.results().get("early_stopped")).isEqualTo(false);
        assertThat(fx(() -> vm.stoppedEarlyAtProperty().get())).isEqualTo(-1L);
        RunRecord cli = RecordedTraining.run("cli", Tasks.create("adding", 0), cfg, 25, 0, () -> false);
        assertThat(run.number("best_step")).isEqualTo(cli.number("best_step"));
        assertThat(((Number) run.settings().get("val_every")).longValue()).isEqualTo(25L);
        assertThat(((Number) run.settings().get("early_stop")).intValue()).isZero();
    }

    @Test
    void badValuesGetOneMessageAndNoRun() throws Exception {
        TrainingViewModel vm = fx(TrainingViewModel::new);
        settings(vm, Files.createTempDirectory("rnnlab-panel-bad"));
        for (String bad : new String[] {"0", "-3", "ten", "2.5", "601"}) {
            String problem = fx(() -> {
                vm.validateEveryProperty().set(bad);
                return vm.validationProblemProperty().get();
            });
            assertThat(problem).as(bad).contains("\u201c" + bad + "\u201d").contains("600");
            fx(() -> {
                vm.start(null);
                return null;
            });
            assertThat(fx(() -> vm.stateProperty().get())).isEqualTo(TrainingViewModel.State.IDLE);
            assertThat(fx(() -> vm.statusProperty().get())).contains(problem);
        }
        // blank is the default, steps/20; the largest allowed is the run's steps
        assertThat(fx(() -> {
            vm.validateEveryProperty().set(" ");
            return vm.validationProblemProperty().get();
        })).isEmpty();
        assertThat(TrainingViewModel.validationEvery("", 600)).isEqualTo(30);
        assertThat(TrainingViewModel.validationEvery("600", 600)).isEqualTo(600);
        // a patience is checked only when early stopping is on
        assertThat(fx(() -> {
            vm.patienceProperty().set("0");
            return vm.validationProblemProperty().get();
        })).isEmpty();
        String p = fx(() -> {
            vm.earlyStopProperty().set(true);
            return vm.validationProblemProperty().get();
        });
        assertThat(p).contains("\u201c0\u201d");
        fx(() -> {
            vm.start(null);
            return null;
        });
        assertThat(fx(() -> vm.stateProperty().get())).isEqualTo(TrainingViewModel.State.IDLE);
        // fewer steps make a typed interval too large
        String shorter = fx(() -> {
            vm.earlyStopProperty().set(false);
            vm.validateEveryProperty().set("50");
            vm.stepsProperty().set(40);
            return vm.validationProblemProperty().get();
        });
        assertThat(shorter).contains("\u201c50\u201d").contains("40");
    }
}
