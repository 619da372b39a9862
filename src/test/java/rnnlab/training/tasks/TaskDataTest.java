package rnnlab.training.tasks;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;

class TaskDataTest {
    @Test
    void binaryAdditionOfFiveAndThree() {
        Sequence s = new BinaryAdditionTask(4).example(5, 3);
        // least significant bit first: 5 = 1010, 3 = 1100, 8 = 00010 (LSB first)
        assertThat(s.inputs().data).containsExactly(1, 1, 0, 1, 1, 0, 0, 0, 0, 0);
        assertThat(s.vectorTargets().data).containsExactly(0, 0, 0, 1, 0);
        assertThat(s.targetSteps()).isEqualTo(TargetSteps.ALL);
    }

    @Test
    void addingProblemHasTwoMarkersOneInEachHalfAndTheirSum() {
        AddingTask t = new AddingTask(40);
        SplittableRandom rnd = new SplittableRandom(3);
        for (int k = 0; k < 50; k++) {
            Sequence s = t.example(rnd);
            DMatrixRMaj x = s.inputs();
            assertThat(x.numRows).isEqualTo(40);
            assertThat(x.numCols).isEqualTo(2);
            double sum = 0;
            int markers = 0;
            int first = -1;
            int second = -1;
            for (int i = 0; i < 40; i++) {
                if (x.get(i, 1) == 1) {
                    markers++;
                    sum += x.get(i, 0);
                    if (first < 0) {
                        first = i;
                    } else {
                        second = i;
                    }
                }
            }
            assertThat(markers).isEqualTo(2);
            assertThat(first).isLessThan(20);
            assertThat(second).isGreaterThanOrEqualTo(20);
            assertThat(s.vectorTargets().data[0]).isEqualTo(sum);
            assertThat(s.targetSteps()).isEqualTo(TargetSteps.LAST);
        }
    }

    @Test
    void agreementTargetIsTheSubjectsNumber() {
        AgreementTask t = new AgreementTask(7);
        SplittableRandom rnd = new SplittableRandom(4);
        for (int k = 0; k < 30; k++) {
            Sequence s = t.example(rnd);
            assertThat(s.length()).isEqualTo(4 + 7 + 1);
            String subject = AgreementTask.VOCAB.get(s.tokens()[1]);
            assertThat(s.classTargets()[0]).isEqualTo(subject.endsWith("s") ? 1 : 0);
            assertThat(AgreementTask.VOCAB.get(s.tokens()[s.length() - 1])).isEqualTo(",");
        }
    }

    @Test
    void sentimentNotFlipsTheAdjective() {
        SentimentTask t = new SentimentTask(8);
        SplittableRandom rnd = new SplittableRandom(5);
        List<String> v = SentimentTask.VOCAB;
        for (int k = 0; k < 50; k++) {
            Sequence s = t.example(rnd);
            assertThat(s.length()).isEqualTo(8);
            boolean not = false;
            for (int tok : s.tokens()) {
                not |= v.get(tok).equals("not");
            }
            int adj = s.tokens()[7];
            boolean good = adj >= 12 && adj <= 15;
            assertThat(s.classTargets()[0]).isEqualTo(good != not ? 1 : 0);
        }
        Sequence r = t.review(List.of("the", "plot", "was", "not", "good"), false);
        assertThat(r.tokens()).containsExactly(0, 0, 0, 1, 3, 7, 11, 12);
        assertThatThrownBy(() -> t.review(List.of("splendid"), true)).hasMessageContaining("splendid");
    }

    @Test
    void temporalOrderLabelNamesTheTwoSymbols() {
        TemporalOrderTask t = new TemporalOrderTask(30);
        SplittableRandom rnd = new SplittableRandom(6);
        for (int k = 0; k < 30; k++) {
            Sequence s = t.example(rnd);
            StringBuilder xy = new StringBuilder();
            for (int tok : s.tokens()) {
                String w = TemporalOrderTask.VOCAB.get(tok);
                if (w.equals("X") || w.equals("Y")) {
                    xy.append(w);
                }
            }
            assertThat(List.of("XX", "XY", "YX", "YY").indexOf(xy.toString())).isEqualTo(s.classTargets()[0]);
        }
    }

    @Test
    void copyAndReverseExamples() {
        Sequence c = new RecallTask(RecallTask.Kind.COPY, 3, 2).example(new int[] {1, 2, 3});
        // A..F = 0..5, · = 6, go = 7
        assertThat(c.tokens()).containsExactly(1, 2, 3, 6, 6, 7, 6, 6);
        assertThat(c.classTargets()).containsExactly(6, 6, 6, 6, 6, 1, 2, 3);
        Sequence r = new RecallTask(RecallTask.Kind.REVERSE, 3, 0).example(new int[] {1, 2, 3});
        assertThat(r.tokens()).containsExactly(1, 2, 3, 7, 6, 6);
        assertThat(r.classTargets()).containsExactly(6, 6, 6, 3, 2, 1);
    }

    @Test
    void sineWindowsAreConsecutiveAndPredictTheNextValue() {
        SineTask t = new SineTask(10, 16, 0.0);
        DataStream s = t.stream(1);
        DMatrixRMaj h = new DMatrixRMaj(1, 4);
        DMatrixRMaj c = new DMatrixRMaj(1, 4);
        s.bindState(h, c);
        assertThat(s.carriesState()).isTrue();
        Sequence a = s.next();
        double[] x1 = a.inputs().data.clone();
        double[] y1 = a.vectorTargets().data.clone();
        Sequence b = s.next();
        assertThat(b).isSameAs(a);
        assertThat(b.h0()).isSameAs(h);
        for (int i = 0; i < 9; i++) {
            assertThat(y1[i]).isEqualTo(x1[i + 1]);
        }
        assertThat(b.inputs().data[0]).isEqualTo(y1[9]);
    }

    @Test
    void charVocabKeepsTheCommonestCharactersAndOneForTheRest() {
        CharVocab v = CharVocab.of("aaabbc", 2);
        assertThat(v.symbols()).containsExactly("a", "b", CharVocab.OTHER);
        assertThat(v.encode("abcz")).containsExactly(0, 1, 2, 2);
        CharLmTask t = new CharLmTask(CharLmTask.defaultText(), 25, false);
        assertThat(t.vocab().size()).isLessThanOrEqualTo(65);
        assertThat(t.config(rnnlab.engine.CellType.LSTM, 8, 1).inputSize()).isEqualTo(t.vocab().size());
        assertThat(CharLmTask.defaultText().length()).isGreaterThan(3000);
    }

    @Test
    void unknownTaskAndBadLengthsAreRefusedClearly() {
        assertThatThrownBy(() -> Tasks.create("parity", 5)).hasMessageContaining("unknown task 'parity'");
        assertThatThrownBy(() -> Tasks.create("adding", 1)).hasMessageContaining("length");
        for (String n : rnnlab.catalog.TaskRegistry.NAMES) {
            Task t = Tasks.create(n, 0);
            assertThat(t.name()).isEqualTo(n);
            assertThat(t.teaches()).endsWith(".");
        }
    }
}
