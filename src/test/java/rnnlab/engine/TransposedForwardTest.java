package rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A whole forward pass of {@link Network#TRANSPOSE_FROM} steps or more multiplies by transposed copies
 * of the weights; its states must equal those of stepping the forward cursor, bit for bit, and a change
 * of the weights between passes must be seen (the copies are refreshed).
 */
class TransposedForwardTest {
    @ParameterizedTest(name = "{0} layers={1} bidi={2} tokens={3} H={4}")
    @CsvSource({
        "LSTM, 2, false, true, 7",
        "GRU, 2, true, false, 6",
        "RNN_TANH, 2, false, false, 5",
    })
    void wholeForwardEqualsStepping(CellType cell, int layers, boolean bidi, boolean tokens, int hidden) {
        int in = 5;
        int t = Network.TRANSPOSE_FROM + 3;
        ModelConfig cfg = new ModelConfig(cell, in, hidden, layers, bidi, 0, 4, Activation.SOFTMAX, null);
        Model m = Model.zeros(cfg);
        SplittableRandom r = new SplittableRandom(cell.ordinal() * 17L + layers);
        for (DMatrixRMaj w : m.params().asMap().values()) {
            for (int i = 0; i < w.data.length; i++) {
                w.data[i] = r.nextDouble() - 0.5;
            }
        }
        int[] targets = new int[t];
        Sequence s;
        if (tokens) {
            int[] tok = new int[t];
            for (int i = 0; i < t; i++) {
                tok[i] = r.nextInt(in);
                targets[i] = r.nextInt(4);
            }
            s = Sequence.ofTokens(tok, targets, TargetSteps.ALL);
        } else {
            DMatrixRMaj x = new DMatrixRMaj(t, in);
            for (int i = 0; i < x.data.length; i++) {
                x.data[i] = r.nextDouble() * 2 - 1;
            }
            for (int i = 0; i < t; i++) {
                targets[i] = r.nextInt(4);
            }
            s = Sequence.of(x, null, targets, null, TargetSteps.ALL, LossType.CROSS_ENTROPY, null, null);
        }
        Run whole = new Run(m, t);
        Run stepped = new Run(m, t);
        for (int pass = 0; pass < 2; pass++) {
            whole.load(s);
            whole.forward();
            stepped.load(s);
            while (stepped.stepForward()) {
                // one group at a time: the plain kernels
            }
            assertThat(whole.loss()).isEqualTo(stepped.loss());
            for (int l = 0; l < layers; l++) {
                assertThat(whole.layer(l, 0).hiddenMatrix().data).as("pass %d layer %d", pass, l)
                        .containsExactly(stepped.layer(l, 0).hiddenMatrix().data);
                assertThat(whole.layer(l, 0).gatesMatrix().data).containsExactly(stepped.layer(l, 0).gatesMatrix().data);
            }
            // new weights for the second pass: the transposed copies must follow them
            DMatrixRMaj hh = m.params().asMap().values().stream().filter(w -> w.numCols == hidden
                    && w.numRows == cell.blocks() * hidden).findFirst().orElseThrow();
            hh.data[3] += 0.25;
        }
    }
}
