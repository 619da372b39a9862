package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static rnnlab.cli.TrainingCommandsTest.lastJson;
import static rnnlab.cli.TrainingCommandsTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code train --dropout --weight-decay --adamw --schedule --warmup}: the remedies of issue 17 from the CLI. */
class RemediesCommandTest {
    private static final String[] BASE = {"train", "--task", "adding", "--seq", "10", "--cell", "gru",
            "--hidden", "16", "--seed", "2", "--no-progress", "--lr", "0.01"};

    static String[] with(String... more) {
        String[] a = java.util.Arrays.copyOf(BASE, BASE.length + more.length);
        System.arraycopy(more, 0, a, BASE.length, more.length);
        return a;
    }

    @Test
    void theIssuesCommandLineRunsAndItsLastLineCarriesValidationAndTheSettings() throws Exception {
        TrainingCommandsTest.Out r = run(with("--steps", "200", "--dropout", "0.3", "--weight-decay", "1e-4",
                "--adamw", "--early-stop", "5", "--val-every", "50", "--schedule", "cosine"));
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = lastJson(r.out());
        assertThat(j.get("dropout").asDouble()).isEqualTo(0.3);
        assertThat(j.get("weight_decay").asDouble()).isEqualTo(1e-4);
        assertThat(j.get("adamw").asBoolean()).isTrue();
        assertThat(j.get("schedule").asText()).isEqualTo("cosine");
        // cosine over 200 steps: the rate of step 200 is 0.01 (1 + cos(199π/200)) / 2
        assertThat(j.get("final_lr").asDouble()).isCloseTo(0.01 * (1 + Math.cos(Math.PI * 199 / 200)) / 2, within(1e-9));
        assertThat(j.get("best_step").asInt()).isIn(50, 100, 150, 200);
        assertThat(j.get("val_loss").asDouble()).isPositive();
        assertThat(j.get("val_metric").asDouble()).isPositive();
    }

    @Test
    void adamwAloneDecaysByTorchsDefaultAndShrinksTheWeightsAgainstPlainAdam() throws Exception {
        JsonNode plain = lastJson(run(with("--steps", "100")).out());
        JsonNode w = lastJson(run(with("--steps", "100", "--adamw", "--weight-decay", "0.5")).out());
        JsonNode d = lastJson(run(with("--steps", "1", "--adamw")).out());
        assertThat(d.get("weight_decay").asDouble()).isEqualTo(0.01);
        assertThat(plain.get("adamw").asBoolean()).isFalse();
        assertThat(plain.get("weight_decay").asDouble()).isZero();
        // θ ← θ(1 − ηλ) each step: 100 steps at ηλ = 0.005 shrink the norm visibly
        assertThat(w.get("weight_norm").asDouble()).isLessThan(0.9 * plain.get("weight_norm").asDouble());
    }

    @Test
    void dropoutChangesTrainingAndIsReproducibleFromTheSeed() throws Exception {
        JsonNode a = lastJson(run(with("--steps", "30", "--dropout", "0.5")).out());
        JsonNode b = lastJson(run(with("--steps", "30", "--dropout", "0.5")).out());
        JsonNode none = lastJson(run(with("--steps", "30")).out());
        assertThat(a.get("final_loss").asDouble()).isEqualTo(b.get("final_loss").asDouble());
        assertThat(a.get("final_loss").asDouble()).isNotEqualTo(none.get("final_loss").asDouble());
    }

    @Test
    void stepScheduleWithWarmupHalvesEveryQuarterAfterTheWarmup() throws Exception {
        // 100 steps, warm-up 20: quarters of the remaining 80 steps are 20 steps; step 100 is in the 4th: 0.01·0.5³
        JsonNode j = lastJson(run(with("--steps", "100", "--schedule", "step", "--warmup", "20")).out());
        assertThat(j.get("final_lr").asDouble()).isCloseTo(0.01 * 0.125, within(1e-12));
        assertThat(j.get("warmup").asInt()).isEqualTo(20);
        // warm-up alone: constant after it
        JsonNode warm = lastJson(run(with("--steps", "25", "--warmup", "20")).out());
        assertThat(warm.get("final_lr").asDouble()).isEqualTo(0.01);
        assertThat(warm.get("schedule").asText()).isEqualTo("constant");
    }

    @Test
    void badRemedyOptionsAreOneClearMessageEach() {
        String[][] bad = {{"--dropout", "1.2"}, {"--weight-decay", "-1"}, {"--adamw", "--optimizer", "sgd"},
                {"--schedule", "linear"}, {"--warmup", "500"}};
        String[] expect = {"--dropout", "--weight-decay", "--adamw", "schedule", "--warmup"};
        for (int i = 0; i < bad.length; i++) {
            String[] args = java.util.Arrays.copyOf(with("--steps", "5"), BASE.length + 2 + bad[i].length);
            System.arraycopy(bad[i], 0, args, BASE.length + 2, bad[i].length);
            TrainingCommandsTest.Out r = run(args);
            assertThat(r.status()).as(String.join(" ", bad[i])).isNotZero();
            assertThat(r.err()).contains(expect[i]).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
