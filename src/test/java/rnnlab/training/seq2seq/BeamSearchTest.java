package rnnlab.training.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import rnnlab.engine.AttentionKind;
import rnnlab.engine.CellType;
import rnnlab.engine.Seq2SeqConfig;
import rnnlab.engine.Seq2SeqModel;

class BeamSearchTest {
    /** A random model over 4 target symbols (start, end, a, b): few enough sequences to enumerate. */
    static Seq2SeqModel tiny(long seed) {
        Seq2SeqModel m = Seq2SeqModel.zeros(new Seq2SeqConfig(CellType.GRU, 5, 3, 4, 1, false, CellType.LSTM, 4, 3, 4,
                AttentionKind.DOT, 0));
        m.initialise(seed);
        return m;
    }

    @Test
    void widthOneIsGreedyDecoding() {
        Seq2SeqTask task = Seq2SeqTasks.create("s2s-reverse", 4);
        Seq2SeqTrainer tr = new Seq2SeqTrainer(task, Seq2SeqTrainer.Settings.defaults(AttentionKind.ADDITIVE, 2).withSteps(40));
        for (int i = 0; i < 40; i++) {
            tr.step();
        }
        BeamSearch bs = new BeamSearch(tr.model());
        java.util.Random r = new java.util.Random(4);
        for (int i = 0; i < 10; i++) {
            int[] src = task.sample(r).source();
            BeamSearch.Result res = bs.search(src, 1, task.maxTarget() + 1);
            int[] greedy = tr.greedy(src);
            assertArrayEquals(greedy, res.best().tokens());
            assertThat(res.candidates()).hasSize(1);
        }
    }

    @Test
    void aWideEnoughBeamFindsTheMostProbableSequenceAndScoresAreTheEngines() {
        for (long seed = 1; seed <= 5; seed++) {
            Seq2SeqModel m = tiny(seed);
            BeamSearch bs = new BeamSearch(m);
            int[] src = {1, 4, 2};
            int max = 3;
            // brute force: every sequence of 0..max-1 symbols from {a, b} followed by the end token
            double best = Double.NEGATIVE_INFINITY;
            int[] bestSeq = null;
            for (int len = 0; len < max; len++) {
                for (int code = 0; code < (1 << len); code++) {
                    int[] seq = new int[len];
                    for (int i = 0; i < len; i++) {
                        seq[i] = 2 + ((code >> i) & 1);
                    }
                    double lp = logProb(bs, src, seq, true);
                    if (lp > best) {
                        best = lp;
                        bestSeq = seq;
                    }
                }
            }
            // width 3^max keeps every hypothesis (each step offers end, a, b)
            BeamSearch.Result res = bs.search(src, 27, max);
            BeamSearch.Result narrow = bs.search(src, 2, max);
            BeamSearch.Candidate top = res.candidates().stream().filter(BeamSearch.Candidate::finished)
                    .findFirst().orElseThrow();
            assertArrayEquals(bestSeq, top.tokens(), "seed " + seed);
            assertEquals(best, top.logProb(), 1e-12);
            assertThat(narrow.candidates()).hasSize(2);
            assertThat(narrow.steps()).isNotEmpty();
            for (BeamSearch.Result r : List.of(res, narrow)) {
                List<Double> scores = new ArrayList<>();
                for (BeamSearch.Candidate c : r.candidates()) {
                    scores.add(c.logProb());
                    assertEquals(logProb(bs, src, c.tokens(), c.finished()), c.logProb(), 1e-12);
                }
                assertThat(scores).isSortedAccordingTo((x, y) -> Double.compare(y, x));
            }
        }
    }

    /** Σ log p of the tokens (and of the end token when finished), each from the engine's teacher-forced step. */
    static double logProb(BeamSearch bs, int[] src, int[] seq, boolean finished) {
        double lp = 0;
        for (int i = 0; i <= seq.length; i++) {
            if (i == seq.length && !finished) {
                break;
            }
            double[] next = bs.nextLogProbs(src, java.util.Arrays.copyOf(seq, i));
            lp += next[i < seq.length ? seq[i] : Seq2SeqTask.END_TOKEN];
        }
        return lp;
    }

    @Test
    void refusesAnUnusableWidth() {
        BeamSearch bs = new BeamSearch(tiny(1));
        assertThrows(IllegalArgumentException.class, () -> bs.search(new int[] {1}, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> bs.search(new int[] {1}, 2, 0));
    }
}
