package rnnlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.engine.LossType;
import rnnlab.engine.Model;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;

/** Connectivity is the gradient of log p(target) w.r.t. each one-hot input: checked by central differences. */
class ConnectivityTest {
    static final String SYMBOLS = "abc d\n";
    static final String TEXT = "ab cab\ndca bd";

    /** log p(target | inputs) with the one-hot inputs as a dense matrix we can perturb. */
    static double logProb(Model m, DMatrixRMaj x, int target, DMatrixRMaj h0, DMatrixRMaj c0) {
        Run run = new Run(m, x.numRows);
        run.load(Sequence.of(x, null, new int[] {target}, null, TargetSteps.LAST, LossType.CROSS_ENTROPY, h0, c0));
        return -run.forwardBackward();
    }

    @ParameterizedTest
    @EnumSource(value = CellType.class, names = {"RNN_TANH", "GRU", "LSTM"})
    void gradientNormsMatchFiniteDifferences(CellType cell) {
        Model m = AnalysisFixtures.model(cell, SYMBOLS, 5, 2, false, 11);
        CharText ct = CharText.encode(TEXT, m.config());
        int position = 9;
        int window = 6; // characters 4 … 9; the first four only set the initial state
        Connectivity.Result r = Connectivity.of(m, ct, position, -1, window);
        assertThat(r.from()).isEqualTo(4);
        assertThat(r.target()).isEqualTo(ct.tokens()[10]);
        DMatrixRMaj[] st = Connectivity.stateAfter(m, ct.tokens(), 4);
        int v = m.config().inputSize();
        DMatrixRMaj x = new DMatrixRMaj(window, v);
        for (int t = 0; t < window; t++) {
            x.set(t, ct.tokens()[4 + t], 1);
        }
        assertThat(r.logProb()).isCloseTo(logProb(m, x, r.target(), st[0], st[1]), within(1e-12));
        double eps = 1e-6;
        for (int t = 0; t < window; t++) {
            double sum = 0;
            for (int j = 0; j < v; j++) {
                double keep = x.get(t, j);
                x.set(t, j, keep + eps);
                double up = logProb(m, x, r.target(), st[0], st[1]);
                x.set(t, j, keep - eps);
                double down = logProb(m, x, r.target(), st[0], st[1]);
                x.set(t, j, keep);
                double g = (up - down) / (2 * eps);
                sum += g * g;
            }
            assertThat(r.at(4 + t)).as("character %d", 4 + t).isCloseTo(Math.sqrt(sum), within(1e-7));
            assertThat(r.at(4 + t)).isGreaterThan(0);
        }
        assertThat(r.at(3)).isZero(); // outside the window
    }

    @Test
    void anEmbeddingModelGetsTheGradientOfItsEmbeddingRows() {
        Model m = AnalysisFixtures.model(CellType.LSTM, SYMBOLS, 4, 1, true, 2);
        CharText ct = CharText.encode(TEXT, m.config());
        Connectivity.Result r = Connectivity.of(m, ct, 5, 0, 6);
        DMatrixRMaj e = m.param(rnnlab.engine.ModelConfig.EMBEDDING);
        DMatrixRMaj x = new DMatrixRMaj(6, 3);
        for (int t = 0; t < 6; t++) {
            for (int j = 0; j < 3; j++) {
                x.set(t, j, e.get(ct.tokens()[t], j));
            }
        }
        // the same model reading dense inputs: drop the embedding
        var c = m.config();
        var dense = new rnnlab.engine.ModelConfig(c.cell(), 3, c.hiddenSize(), c.numLayers(), false, 0, c.outputSize(),
                c.outputActivation(), null);
        Model dm = Model.zeros(dense);
        for (String name : dm.params().names()) {
            dm.params().get(name).setTo(m.params().get(name));
        }
        double eps = 1e-6;
        int t = 2;
        double sum = 0;
        for (int j = 0; j < 3; j++) {
            double keep = x.get(t, j);
            x.set(t, j, keep + eps);
            double up = logProb(dm, x, 0, null, null);
            x.set(t, j, keep - eps);
            double down = logProb(dm, x, 0, null, null);
            x.set(t, j, keep);
            sum += Math.pow((up - down) / (2 * eps), 2);
        }
        assertThat(r.at(t)).isCloseTo(Math.sqrt(sum), within(1e-7));
    }

    @Test
    void positionsOutsideTheTextGetOneSentence() {
        Model m = AnalysisFixtures.model(CellType.GRU, SYMBOLS, 3, 1, false, 1);
        CharText ct = CharText.encode(TEXT, m.config());
        assertThatThrownBy(() -> Connectivity.of(m, ct, 99, -1, 5)).hasMessage("position 99 is outside the text (0 to 12)");
        assertThatThrownBy(() -> Connectivity.of(m, ct, 3, -1, 0)).hasMessageContaining("window must be 1 to");
    }
}
