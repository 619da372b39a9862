package rnnlab.training.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.training.Metric;
import rnnlab.training.Validation;

/** The character model is scored on text it never trains on: validation and test slices, bpc and perplexity. */
class CharLmHeldOutTest {

    @Test
    void aUniformModelHasPerplexityVAndLog2VBitsPerChar() {
        CharLmTask task = new CharLmTask(CharLmTask.defaultText(), 25, false);
        int v = task.vocab().size();
        // all weights zero: the softmax is uniform over the V symbols, whatever the input
        Model uniform = Model.zeros(task.config(CellType.LSTM, 8, 1));
        Metric test = task.evaluate(uniform, 1);
        assertThat(test.name()).isEqualTo("bits per char");
        assertThat(test.value()).isCloseTo(Math.log(v) / Math.log(2), within(1e-12));
        assertThat(test.perplexity()).isCloseTo(v, within(1e-9));
        Metric val = task.validationMetric(uniform, 1);
        assertThat(val.perplexity()).isCloseTo(v, within(1e-9));
        Validation.Point p = new Validation(task, 1).validate(uniform, 0);
        assertThat(p.loss()).as("nats per char").isCloseTo(Math.log(v), within(1e-12));
        assertThat(p.metric().perplexity()).isCloseTo(v, within(1e-9));
        assertThat(test.display()).isEqualTo(String.format(java.util.Locale.ROOT,
                "bits per char %.4g (perplexity %.4g)", Math.log(v) / Math.log(2), (double) v));
    }

    @Test
    void trainingValidationAndTestAreConsecutiveDisjointParts() {
        // 800 'a', then 100 'b', then 100 'c': each part holds one letter only
        String text = "a".repeat(800) + "b".repeat(100) + "c".repeat(100);
        CharLmTask task = new CharLmTask(text, 10, false);
        assertThat(task.splitSizes()).containsExactly(800, 100, 100);
        int a = task.vocab().encode("a")[0];
        int b = task.vocab().encode("b")[0];
        int c = task.vocab().encode("c")[0];
        DataStream train = task.stream(3);
        DataStream val = task.validationStream(3);
        for (DataStream s : new DataStream[] {train, val}) {
            s.bindState(new org.ejml.data.DMatrixRMaj(1, 4), new org.ejml.data.DMatrixRMaj(1, 4));
        }
        for (int i = 0; i < 200; i++) {
            for (int x : train.next().tokens()) {
                assertThat(x).isEqualTo(a);
            }
            for (int x : val.next().tokens()) {
                assertThat(x).isEqualTo(b);
            }
        }
        // a model that always says 'b' (bias 20 on b): nearly perfect on validation, hopeless on the test part
        ModelConfig cfg = task.config(CellType.GRU, 4, 1);
        Model says = Model.zeros(cfg);
        says.params().get(ModelConfig.FC_BIAS).set(b, 20);
        assertThat(task.validationMetric(says, 1).value()).isLessThan(1e-6);
        assertThat(task.evaluate(says, 1).value()).isGreaterThan(19 / Math.log(2));
        assertThat(c).isNotEqualTo(b);
    }

    @Test
    void aShortTextIsUsedWholeForAllThree() {
        CharLmTask task = new CharLmTask("the cat sat on the mat. ".repeat(8), 25, false);
        assertThat(task.splitSizes()).containsExactly(192, 192, 192);
    }
}
