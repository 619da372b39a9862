package rnnlab.training;

import rnnlab.training.optim.Adagrad;
import rnnlab.training.optim.Adam;
import rnnlab.training.optim.LrSchedule;
import rnnlab.training.optim.Optimizer;
import rnnlab.training.optim.Sgd;
import rnnlab.training.tasks.Task;
import rnnlab.training.tasks.Tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rnnlab.engine.CellType;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Parameters;

/**
 * Weight decay (L2 and AdamW's decoupled form) and the learning-rate schedules against torch.optim:
 * fixtures/optim/optimizers.json holds three steps of each optimiser on fixed gradients and the rates
 * of StepLR and CosineAnnealingLR, written by src/test/python/make_optimizer_fixture.py.
 */
class TorchOptimizerParityTest {
    static JsonNode fixture() throws Exception {
        try (InputStream in = TorchOptimizerParityTest.class.getResourceAsStream("/fixtures/optim/optimizers.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** A 3-input, 4-unit RNN: the fixture's w (3×4 = 12 values) goes into W_ih, b (4) into b_ih; W_hh and b_hh stay 0. */
    static Parameters params() {
        return Parameters.zeros(ModelConfig.simple(CellType.RNN_TANH, 3, 4, 0, null));
    }

    static void fill(Parameters p, JsonNode wb) {
        double[] w = p.get(ModelConfig.weightIh(0, 0)).data;
        double[] b = p.get(ModelConfig.biasIh(0, 0)).data;
        for (int i = 0; i < 12; i++) {
            w[i] = wb.get("w").get(i).asDouble();
        }
        for (int i = 0; i < 4; i++) {
            b[i] = wb.get("b").get(i).asDouble();
        }
    }

    static JsonNode caseNamed(JsonNode f, String name) {
        for (JsonNode c : f.get("cases")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no case " + name);
    }

    static Optimizer make(String name, Parameters p, Parameters g, double lr, double wd) {
        return switch (name) {
            case "adamw" -> withDecay(new Adam(p, g, lr), wd, true);
            case "adamw_default" -> Optimizer.create("adamw", p, g, lr);
            case "adam_l2" -> withDecay(new Adam(p, g, lr), wd, false);
            case "momentum_l2" -> withDecay(new Sgd(p, g, lr, 0.9), wd, false);
            case "sgd_l2" -> withDecay(new Sgd(p, g, lr, 0), wd, false);
            case "adagrad_l2" -> withDecay(new Adagrad(p, g, lr), wd, false);
            default -> throw new AssertionError(name);
        };
    }

    static Optimizer withDecay(Optimizer o, double wd, boolean decoupled) {
        o.setWeightDecay(wd, decoupled);
        return o;
    }

    @ParameterizedTest
    @ValueSource(strings = {"adamw", "adamw_default", "adam_l2", "momentum_l2", "sgd_l2", "adagrad_l2"})
    void threeStepsMatchTorchOptim(String name) throws Exception {
        JsonNode f = fixture();
        JsonNode c = caseNamed(f, name);
        Parameters p = params();
        Parameters g = params();
        fill(p, f.get("initial"));
        Optimizer o = make(name, p, g, c.get("lr").asDouble(), c.get("weight_decay").asDouble());
        for (int s = 0; s < 3; s++) {
            fill(g, f.get("grads").get(s));
            assertThat(o.step()).isTrue();
            JsonNode want = c.get("after").get(s);
            double[] w = p.get(ModelConfig.weightIh(0, 0)).data;
            double[] b = p.get(ModelConfig.biasIh(0, 0)).data;
            for (int i = 0; i < 12; i++) {
                assertThat(w[i]).as("%s step %d w[%d]", name, s + 1, i).isCloseTo(want.get("w").get(i).asDouble(), within(1e-14));
            }
            for (int i = 0; i < 4; i++) {
                assertThat(b[i]).as("%s step %d b[%d]", name, s + 1, i).isCloseTo(want.get("b").get(i).asDouble(), within(1e-14));
            }
        }
        // the fixture's weights did move: the case is not vacuous
        assertThat(Math.abs(c.get("after").get(2).get("w").get(0).asDouble() - f.get("initial").get("w").get(0).asDouble()))
                .isGreaterThan(1e-4);
    }

    @Test
    void adamwDiffersFromAdamWithL2() throws Exception {
        // decoupled decay is not L2 under Adam: the two torch results differ, and so do ours
        JsonNode f = fixture();
        double a = caseNamed(f, "adamw").get("after").get(2).get("w").get(0).asDouble();
        double b = caseNamed(f, "adam_l2").get("after").get(2).get("w").get(0).asDouble();
        assertThat(Math.abs(a - b)).isGreaterThan(1e-5);
    }

    @Test
    void decoupledDecayOnlyForAdam() {
        Parameters p = params();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Sgd(p, params(), 0.1, 0).setWeightDecay(0.1, true))
                .hasMessageContaining("needs the adam optimizer");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Adam(p, params(), 0.1).setWeightDecay(Double.NaN, false))
                .hasMessageContaining("weight decay must be");
    }

    @Test
    void stepDecayMatchesTorchStepLR() throws Exception {
        JsonNode s = fixture().get("schedules");
        LrSchedule step = LrSchedule.step(0, 3, 0.5);
        for (int i = 0; i < 12; i++) {
            assertThat(step.rate(0.1, i + 1, 12)).as("step %d", i + 1).isCloseTo(s.get("step_3_half").get(i).asDouble(), within(1e-15));
        }
    }

    @Test
    void cosineMatchesTorchCosineAnnealingLR() throws Exception {
        JsonNode s = fixture().get("schedules");
        LrSchedule cos = LrSchedule.cosine(0);
        for (int i = 0; i < 12; i++) {
            assertThat(cos.rate(0.1, i + 1, 12)).as("step %d", i + 1).isCloseTo(s.get("cosine_12").get(i).asDouble(), within(1e-15));
        }
        assertThat(s.get("cosine_12").get(6).asDouble()).isCloseTo(0.05, within(1e-12)); // half-way: half the rate
    }

    @Test
    void warmupRisesLinearlyThenTheDecayStartsFromTheFullRate() {
        LrSchedule w = LrSchedule.cosine(4);
        assertThat(w.rate(0.2, 1, 20)).isCloseTo(0.05, within(1e-15));
        assertThat(w.rate(0.2, 2, 20)).isCloseTo(0.10, within(1e-15));
        assertThat(w.rate(0.2, 4, 20)).isCloseTo(0.20, within(1e-15));
        assertThat(w.rate(0.2, 5, 20)).isCloseTo(0.20, within(1e-15));
        // 16 decay steps: step 13 is t = 8 of 16, half the rate
        assertThat(w.rate(0.2, 13, 20)).isCloseTo(0.10, within(1e-15));
        assertThat(LrSchedule.warmup(10).rate(1.0, 3, 100)).isCloseTo(0.3, within(1e-15));
        assertThat(LrSchedule.warmup(10).rate(1.0, 50, 100)).isEqualTo(1.0);
        assertThat(LrSchedule.parse("step", 0, 400).stepSize()).isEqualTo(100);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LrSchedule.parse("linear", 0, 10))
                .hasMessageContaining("expected constant, step or cosine");
    }

    @Test
    void trainerUsesTheScheduledRate() {
        Task t = Tasks.create("adding", 10, null, false);
        TrainConfig cfg = t.defaults().withSteps(20).withOptimizer("adam", 0.01).withSeed(3);
        Trainer tr = new Trainer(t, cfg);
        tr.setSchedule(LrSchedule.cosine(5));
        for (int s = 1; s <= 20; s++) {
            assertThat(tr.advance()).isTrue();
            assertThat(tr.lastLearningRate()).as("step %d", s).isCloseTo(LrSchedule.cosine(5).rate(0.01, s, 20), within(1e-18));
        }
        assertThat(tr.lastLearningRate()).isLessThan(0.001);
    }
}
