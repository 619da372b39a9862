package rnnlab.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import rnnlab.engine.AttentionKind;
import rnnlab.training.seq2seq.Seq2SeqTask;
import rnnlab.training.seq2seq.Seq2SeqTasks;
import rnnlab.training.seq2seq.Seq2SeqTrainer;

class Seq2SeqCursorTest {
    static Seq2SeqTrainer trained(AttentionKind a) {
        Seq2SeqTrainer tr = new Seq2SeqTrainer(Seq2SeqTasks.create("s2s-reverse", 4),
                Seq2SeqTrainer.Settings.defaults(a, 3).withSteps(30));
        for (int i = 0; i < 30; i++) {
            tr.step();
        }
        return tr;
    }

    @Test
    void encoderStepsThenDecoderStepsEachExposingScoresWeightsAndContext() {
        Seq2SeqTrainer tr = trained(AttentionKind.GENERAL);
        Seq2SeqTask task = tr.task();
        int[] src = {3, 1, 4, 1};
        int[] tgt = {1, 4, 1, 3};
        Seq2SeqCursor c = Seq2SeqCursor.teacherForced(tr.model(), task.sourceVocab(), task.targetVocab(), src, tgt);
        assertThat(c.phase()).isEqualTo(Seq2SeqCursor.Phase.ENCODER);
        assertThat(c.forwardSteps()).isEqualTo(c.encoderSteps() + tgt.length + 1);
        for (int i = 0; i < c.encoderSteps(); i++) {
            assertThat(c.phase()).isEqualTo(Seq2SeqCursor.Phase.ENCODER);
            assertThat(c.stepForward()).isTrue();
        }
        assertThat(c.phase()).isEqualTo(Seq2SeqCursor.Phase.DECODER);
        assertThat(c.canBackward()).isFalse();
        assertThatThrownBy(() -> c.decoderStep(0)).isInstanceOf(IndexOutOfBoundsException.class);
        double[][] h = c.encoderStates();
        for (int t = 0; t <= tgt.length; t++) {
            c.stepForward();
            Seq2SeqCursor.DecoderStep d = c.decoderStep(t);
            assertThat(d.inputToken()).isEqualTo(t == 0 ? Seq2SeqTask.START_TOKEN : tgt[t - 1]);
            assertThat(d.weights()).hasSize(src.length);
            double sum = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (double e : d.scores()) {
                max = Math.max(max, e);
            }
            double z = 0;
            for (double e : d.scores()) {
                z += Math.exp(e - max);
            }
            for (int s = 0; s < src.length; s++) {
                sum += d.weights()[s];
                assertEquals(Math.exp(d.scores()[s] - max) / z, d.weights()[s], 1e-14); // softmax of the scores
            }
            assertEquals(1.0, sum, 1e-12);
            for (int i = 0; i < d.context().length; i++) {
                double ci = 0;
                for (int s = 0; s < src.length; s++) {
                    ci += d.weights()[s] * h[s][i];
                }
                assertEquals(ci, d.context()[i], 1e-12); // c_t = Σ_s a_{t,s} h_s
            }
            assertThat(d.weightGradients()).isNull();
            assertThat(c.attentionMatrix()).hasNumberOfRows(t + 1);
        }
        assertThat(c.phase()).isEqualTo(Seq2SeqCursor.Phase.DONE);
        assertThat(c.canBackward()).isTrue();
        c.stepBackward();
        assertThat(c.decoderStep(tgt.length).weightGradients()).hasSize(src.length);
        assertThat(c.decoderStep(0).weightGradients()).isNull();
        while (c.stepBackward()) {
            // to the end
        }
        assertThat(c.backwardPosition()).isEqualTo(c.backwardSteps());
        assertThat(c.decoderStep(0).weightGradients()).isNotNull();
        assertThat(c.sourceTokens()).containsExactly("3", "1", "4", "1");
    }

    @Test
    void greedyStopsAtTheEndTokenAndMatchesTheTrainersDecoding() {
        for (AttentionKind a : AttentionKind.values()) {
            Seq2SeqTrainer tr = trained(a);
            Seq2SeqTask task = tr.task();
            java.util.Random r = new java.util.Random(8);
            for (int i = 0; i < 5; i++) {
                int[] src = task.sample(r).source();
                Seq2SeqCursor c = Seq2SeqCursor.greedy(tr.model(), task.sourceVocab(), task.targetVocab(), src,
                        task.maxTarget() + 1);
                c.forwardToEnd();
                int[] want = tr.greedy(src);
                assertArrayEquals(want, c.generated(), a + " " + i);
                assertThat(c.decoderDone()).isEqualTo(Math.min(want.length + 1, task.maxTarget() + 1));
                assertThat(c.canBackward()).isFalse();
                assertThat(c.stepBackward()).isFalse();
                if (a == AttentionKind.NONE) {
                    assertThat(c.decoderStep(0).weights()).isEmpty();
                }
            }
        }
    }

    @Test
    void textBecomesTokensOrOneClearMessage() {
        List<String> chars = List.of("0", "1", "2", " ", "M");
        assertArrayEquals(new int[] {1, 3, 4}, Seq2SeqCursor.encode(chars, "1 M", "--input"));
        List<String> words = List.of("one", "hundred", "two");
        assertArrayEquals(new int[] {0, 1, 2}, Seq2SeqCursor.encode(words, " one  hundred two ", "--input"));
        assertThatThrownBy(() -> Seq2SeqCursor.encode(words, "one thousand", "--input"))
                .hasMessageContaining("'thousand' (token 2) is not in the model's source vocabulary");
        assertThatThrownBy(() -> Seq2SeqCursor.encode(chars, "", "--input")).hasMessageContaining("empty");
        assertThat(Seq2SeqCursor.show(words, new int[] {0, 2})).isEqualTo("one two");
        assertThat(Seq2SeqCursor.show(List.of("<s>", "</s>", "一", "百"), new int[] {2, 3})).isEqualTo("一百");
    }
}
