package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.cli.TrainingCommandsTest.lastJson;
import static rnnlab.cli.TrainingCommandsTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code train --val-every N [--early-stop P]}: held-out validation, best step, early stopping. */
class ValidationCommandTest {
    private static final String[] BASE = {"train", "--task", "adding", "--seq", "10", "--cell", "gru",
            "--hidden", "16", "--seed", "2", "--no-progress"};

    private static String[] with(String... more) {
        String[] a = java.util.Arrays.copyOf(BASE, BASE.length + more.length);
        System.arraycopy(more, 0, a, BASE.length, more.length);
        return a;
    }

    @Test
    void theLastLineCarriesValidationLossMetricAndBestStep() throws Exception {
        TrainingCommandsTest.Out r = run(with("--steps", "200", "--val-every", "50"));
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = lastJson(r.out());
        assertThat(j.get("best_step").asInt()).isIn(50, 100, 150, 200);
        // the GRU learns the adding problem at T = 10: held-out MSE well below the constant guess 1/6
        assertThat(j.get("val_metric").asDouble()).isBetween(0.0, 0.1);
        assertThat(j.get("val_loss").asDouble()).isPositive().isLessThan(0.2);
        // validation data are not the test data: the two figures differ
        assertThat(j.get("val_metric").asDouble()).isNotEqualTo(j.get("metric").asDouble());
        assertThat(j.get("early_stopped").asBoolean()).isFalse();
    }

    @Test
    void withoutValidationTheFieldsAreNull() throws Exception {
        JsonNode j = lastJson(run(with("--steps", "5")).out());
        assertThat(j.get("val_loss").isNull()).isTrue();
        assertThat(j.get("best_step").isNull()).isTrue();
    }

    @Test
    void earlyStoppingStopsAfterPatienceValidationsWithoutImprovementAndKeepsTheBest() throws Exception {
        TrainingCommandsTest.Out r = run(with("--steps", "400", "--val-every", "5", "--early-stop", "2"));
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = lastJson(r.out());
        assertThat(j.get("early_stopped").asBoolean()).isTrue();
        // patience 2 at one validation per 5 steps: stopped exactly two validations after the best one
        assertThat(j.get("steps").asInt()).isLessThan(400).isEqualTo(j.get("best_step").asInt() + 10);
        assertThat(j.get("best_val_metric").asDouble()).isLessThanOrEqualTo(j.get("val_metric").asDouble());
    }

    @Test
    void earlyStopWithoutValidationIsOneClearMessage() {
        TrainingCommandsTest.Out r = run(with("--steps", "5", "--early-stop", "3"));
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains("--early-stop").contains("--val-every").doesNotContain("Exception");
    }
}
