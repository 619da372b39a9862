package rnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;

/**
 * The length-experiment window's defaults must teach the classic result: the gated cells solve the
 * adding problem at the longest default length, the plain RNN only guesses the average. The whole
 * default sweep (18 runs) takes about three minutes on two shared cores, too long for every build, so
 * this runs the same configuration ({@link LengthExperiment#base}, the window's code path) at the
 * length that decides the lesson, T = 40, on the window's first seed; the full sweep's per-seed figures
 * are in the README.
 */
class LengthExperimentTest {
    @Test
    void theWindowDefaultsAreTheAddingProblemAtTenTwentyFortyWithTwoSeedsAndEnoughSteps() {
        TrainConfig base = LengthExperiment.base("adding");
        assertThat(base.hidden()).isEqualTo(32);
        assertThat(base.steps()).isEqualTo(1200);
        assertThat(base.seed()).isEqualTo(1);
        Experiment ex = LengthExperiment.defaults("adding");
        assertThat(ex.totalRuns()).isEqualTo(18);
        assertThat(LengthExperiment.LENGTHS).containsExactly(10, 20, 40);
    }

    @Test
    void atTFortyLstmAndGruSolveTheAddingProblemWhileThePlainRnnGuessesTheAverage() {
        Experiment ex = LengthExperiment.of("adding", LengthExperiment.CELLS, List.of(40), 1);
        Map<CellType, Experiment.Row> by = ex.run(null).stream()
                .collect(Collectors.toMap(Experiment.Row::cell, Function.identity()));
        assertThat(by).hasSize(3);
        // predicting the constant 1 scores 1/6 ≈ 0.167; at 600 steps the LSTM still sat there (0.164)
        assertThat(by.get(CellType.RNN_TANH).metric().value()).isGreaterThan(0.12);
        assertThat(by.get(CellType.RNN_TANH).metric().solved()).isFalse();
        assertThat(by.get(CellType.LSTM).metric().value()).isLessThan(0.01);
        assertThat(by.get(CellType.GRU).metric().value()).isLessThan(0.01);
        assertThat(by.get(CellType.LSTM).metric().solved()).isTrue();
        assertThat(by.get(CellType.GRU).metric().solved()).isTrue();
    }
}
