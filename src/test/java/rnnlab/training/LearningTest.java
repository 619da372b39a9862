package rnnlab.training;

import rnnlab.training.tasks.Task;
import rnnlab.training.tasks.Tasks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every task's default configuration learns it in a short run (each a few seconds at most). */
class LearningTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "binary-addition, 0.95",
        "agreement, 0.95",
        "sentiment, 0.95",
        "temporal-order, 0.95",
        "copy, 0.8",
        "reverse, 0.9",
        "adding, 0.04",
        "sine, 0.03",
    })
    void defaultModelLearns(String name, double target) {
        Task task = Tasks.create(name, 0);
        TrainConfig cfg = task.defaults();
        Trainer tr = new Trainer(task, cfg);
        Metric before = tr.evaluate();
        double firstLoss = tr.step().loss();
        StepResult r = null;
        while (tr.steps() < cfg.steps()) {
            r = tr.step();
            assertThat(r.ok()).isTrue();
        }
        Metric after = tr.evaluate();
        assertThat(r.loss()).isLessThan(firstLoss);
        if (after.higherIsBetter()) {
            assertThat(after.value()).as("%s: %s, before %s", name, after.display(), before.display())
                    .isGreaterThanOrEqualTo(target).isGreaterThan(before.value());
        } else {
            assertThat(after.value()).as("%s: %s, before %s", name, after.display(), before.display())
                    .isLessThan(target).isLessThan(before.value());
        }
    }

    @ParameterizedTest
    @CsvSource({"false", "true"})
    void charModelLowersItsBitsPerChar(boolean embedding) {
        Task task = Tasks.create("charlm", 25, null, embedding);
        Trainer tr = new Trainer(task, task.defaults().withSteps(300));
        double before = tr.evaluate().value();
        while (tr.steps() < 300) {
            assertThat(tr.step().ok()).isTrue();
        }
        double after = tr.evaluate().value();
        assertThat(before).isGreaterThan(5.5);
        assertThat(after).isLessThan(before - 1.0);
    }
}
