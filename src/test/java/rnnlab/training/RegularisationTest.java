package rnnlab.training;

import rnnlab.training.optim.Regularisation;
import rnnlab.training.tasks.Task;
import rnnlab.training.tasks.Tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Dropout and weight decay in the trainer: reproducible from the seed, effective, off at evaluation. */
class RegularisationTest {
    static double[] curve(Regularisation reg, int steps) {
        Task t = Tasks.create("adding", 10);
        Trainer tr = new Trainer(t, t.defaults().withLayers(2).withHidden(8).withSteps(steps).withSeed(4));
        tr.setRegularisation(reg);
        double[] c = new double[steps];
        for (int i = 0; i < steps; i++) {
            assertThat(tr.advance()).isTrue();
            c[i] = tr.lastLoss();
        }
        return c;
    }

    @Test
    void dropoutRunsAreReproducibleFromTheSeedAndDifferFromPlainRuns() {
        Regularisation d = new Regularisation(0.3, true, 0, false);
        double[] a = curve(d, 15);
        double[] b = curve(d, 15);
        double[] plain = curve(Regularisation.NONE, 15);
        assertThat(a).containsExactly(b);
        assertThat(a[3]).isNotEqualTo(plain[3]);
        assertThat(a[0]).isNotEqualTo(plain[0]); // the very first loss is computed through the masks
    }

    @Test
    void evaluationHasNoDropout() {
        Task t = Tasks.create("adding", 10);
        Trainer tr = new Trainer(t, t.defaults().withLayers(2).withHidden(8).withSteps(5).withSeed(4));
        tr.setRegularisation(new Regularisation(0.5, true, 0, false));
        for (int i = 0; i < 5; i++) {
            tr.advance();
        }
        // the same weights scored twice give the same figure, equal to scoring a copy of the model
        double e1 = tr.evaluate().value();
        double e2 = tr.evaluate().value();
        assertThat(e1).isEqualTo(e2);
        assertThat(t.evaluate(tr.model().copy(), tr.config().seed() + 7919).value()).isEqualTo(e1);
    }

    @Test
    void weightDecayShrinksTheWeights() {
        Task t = Tasks.create("adding", 10);
        TrainConfig cfg = t.defaults().withHidden(16).withSteps(200).withSeed(2).withOptimizer("adam", 0.01);
        Trainer plain = new Trainer(t, cfg);
        Trainer decayed = new Trainer(t, cfg);
        decayed.setRegularisation(new Regularisation(0, false, 0.5, true));
        for (int i = 0; i < 200; i++) {
            plain.advance();
            decayed.advance();
        }
        double np = plain.model().params().globalNorm();
        double nd = decayed.model().params().globalNorm();
        assertThat(nd).isLessThan(0.8 * np);
        assertThat(decayed.optimizer().name()).isEqualTo("adamw");
    }

    @Test
    void badSettingsAreRefusedWithTheirNames() {
        assertThatThrownBy(() -> new Regularisation(1.0, false, 0, false)).hasMessageContaining("dropout must be in [0, 1)");
        assertThatThrownBy(() -> new Regularisation(0, false, -1, false)).hasMessageContaining("weight decay");
        Task t = Tasks.create("adding", 10);
        Trainer tr = new Trainer(t, t.defaults().withOptimizer("sgd", 0.1));
        assertThatThrownBy(() -> tr.setRegularisation(new Regularisation(0, false, 0.1, true)))
                .hasMessageContaining("needs the adam optimizer");
    }
}
