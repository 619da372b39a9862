package rnnlab.training;

import rnnlab.training.tasks.Task;
import rnnlab.training.tasks.Tasks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidationTest {
    @Test
    void keepsTheWeightsOfTheBestValidationAndIsReproducibleFromTheSeed() {
        Task task = Tasks.create("adding", 10);
        Trainer tr = new Trainer(task, task.defaults().withCell(rnnlab.engine.CellType.GRU).withHidden(8).withSeed(4));
        Validation v = new Validation(task, 4);
        Validation.Point p0 = v.validate(tr.model(), 0);
        // the untrained model: about the constant-guess level or worse
        assertThat(p0.metric().value()).isGreaterThan(0.1);
        var at0 = v.bestWeights().copy();
        for (int i = 0; i < 150; i++) {
            tr.step();
        }
        Validation.Point p1 = v.validate(tr.model(), 150);
        assertThat(p1.metric().value()).isLessThan(p0.metric().value());
        assertThat(v.best()).isEqualTo(p1);
        assertThat(v.bestWeights().get("rnn.weight_hh_l0").data).isEqualTo(tr.model().params().get("rnn.weight_hh_l0").data)
                .isNotEqualTo(at0.get("rnn.weight_hh_l0").data);
        // same seed, same model: the same validation figures (its data are fixed by the seed)
        Validation again = new Validation(task, 4);
        assertThat(again.validate(tr.model(), 150).loss()).isEqualTo(p1.loss());
        // another seed: other validation data
        assertThat(new Validation(task, 5).validate(tr.model(), 150).loss()).isNotEqualTo(p1.loss());
    }
}
