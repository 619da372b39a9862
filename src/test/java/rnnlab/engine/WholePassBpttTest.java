package rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Run#forwardBackward()} adds the dense weight-gradient terms after the pass (cache-friendly);
 * the gradients must equal those of stepping BPTT one group at a time, bit for bit.
 */
class WholePassBpttTest {
    @ParameterizedTest(name = "{0} layers={1} bidi={2} tokens={3} emb={4} T={5} H={6}")
    @CsvSource({
        "LSTM, 1, false, true, false, 7, 6",
        "GRU, 1, false, true, false, 7, 6",
        "RNN_TANH, 1, false, false, false, 7, 6",
        "RNN_RELU, 2, false, false, false, 7, 6",
        "LSTM, 2, true, false, false, 7, 6",
        "GRU, 2, true, true, true, 7, 6",
        "LSTM, 1, false, true, true, 7, 6",
        // longer than the kernel's chunk of 32 x rows, odd hidden size (odd row counts), ReLU zeros
        "LSTM, 2, false, false, false, 71, 5",
        "GRU, 2, true, false, false, 67, 5",
        "RNN_RELU, 2, false, false, false, 70, 7",
    })
    void wholePassEqualsStepByStep(CellType cell, int layers, boolean bidi, boolean tokens, boolean emb, int t,
                                   int hidden) {
        int in = 5;
        ModelConfig cfg = new ModelConfig(cell, emb ? 3 : in, hidden, layers, bidi, emb ? in : 0, 4, Activation.SOFTMAX,
                null);
        Model m = Model.zeros(cfg);
        SplittableRandom r = new SplittableRandom(cell.ordinal() * 31L + layers);
        for (DMatrixRMaj w : m.params().asMap().values()) {
            for (int i = 0; i < w.data.length; i++) {
                w.data[i] = r.nextDouble() - 0.5;
            }
        }
        int[] targets = new int[t];
        for (int i = 0; i < t; i++) {
            targets[i] = r.nextInt(4);
        }
        Sequence s;
        if (tokens) {
            int[] tok = new int[t];
            for (int i = 0; i < t; i++) {
                tok[i] = r.nextInt(in);
            }
            s = Sequence.ofTokens(tok, targets, TargetSteps.ALL);
        } else {
            DMatrixRMaj x = new DMatrixRMaj(t, in);
            for (int i = 0; i < x.data.length; i++) {
                x.data[i] = r.nextDouble() * 2 - 1;
            }
            s = Sequence.of(x, null, targets, null, TargetSteps.ALL, LossType.CROSS_ENTROPY, null, null);
        }
        Run whole = new Run(m, t);
        whole.load(s);
        double l1 = whole.forwardBackward();
        Run stepped = new Run(m, t);
        stepped.load(s);
        stepped.forward();
        while (stepped.stepBackward()) {
            // one group at a time
        }
        assertThat(l1).isEqualTo(stepped.loss());
        for (String name : m.params().names()) {
            assertThat(whole.gradients().get(name).data).as(name).containsExactly(stepped.gradients().get(name).data);
        }
        // rewinding the cursor after a whole pass re-adds the stored deltas: still the same numbers
        whole.seekBackward(2);
        stepped.seekBackward(2);
        for (String name : m.params().names()) {
            assertThat(whole.gradients().get(name).data).as(name).containsExactly(stepped.gradients().get(name).data);
        }
    }
}
