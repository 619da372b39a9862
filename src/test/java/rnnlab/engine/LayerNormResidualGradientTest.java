package rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import rnnlab.engine.gradcheck.GradientCheck;

/**
 * Layer normalisation inside the cells and residual connections between stacked layers: BPTT against
 * central differences (float64, Richardson-refined, every number of every weight, gain and bias, and
 * every input), for each cell type, one layer and stacked, bidirectional, with dropout and one-hot input;
 * plus what the forward pass must compute (normalised vectors, out = h + x).
 */
class LayerNormResidualGradientTest {

    static Model model(CellType cell, int in, int h, int layers, boolean bidir, boolean residual, boolean ln,
                       long seed) {
        ModelConfig cfg = new ModelConfig(cell, in, h, layers, bidir, 0, 2, Activation.IDENTITY, null)
                .withOptions(residual, ln);
        Model m = Model.zeros(cfg);
        SplittableRandom r = new SplittableRandom(seed);
        for (String name : m.params().names()) {
            DMatrixRMaj w = m.param(name);
            boolean gain = ModelConfig.isLayerNormGain(name);
            for (int i = 0; i < w.getNumElements(); i++) {
                // gains near 1 (their init), everything else in ±0.8
                w.data[i] = gain ? 0.5 + r.nextDouble() : r.nextDouble() * 1.6 - 0.8;
            }
        }
        return m;
    }

    static Sequence seq(int t, int in, int rows, int h, CellType cell, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        DMatrixRMaj x = RandomModels.uniform(r, t, in);
        DMatrixRMaj y = RandomModels.uniform(r, t, 2);
        DMatrixRMaj h0 = RandomModels.uniform(r, rows, h);
        DMatrixRMaj c0 = cell == CellType.LSTM ? RandomModels.uniform(r, rows, h) : null;
        return Sequence.of(x, null, null, y, TargetSteps.ALL, LossType.MSE, h0, c0);
    }

    /** Every weight, gain and bias, then every input number, against numeric gradients. */
    private static void checkAll(Model m, Sequence s) {
        GradientCheck.Result r = GradientCheck.check(m, s, 100_000, 1);
        assertThat(r.checked() + r.skipped()).isEqualTo(m.params().size());
        assertThat(r.passed()).as(r.toString()).isTrue();
        assertThat(r.maxRelativeError()).as(r.toString()).isLessThan(1e-6);
        checkInputs(m, s);
    }

    /** dL/dx_t of the first layer (summed over directions) against central differences of the loss. */
    static void checkInputs(Model m, Sequence s) {
        Run run = new Run(m, s.length());
        run.setInputGradients(true);
        run.load(s);
        double loss = run.forwardBackward();
        ModelConfig cfg = m.config();
        DMatrixRMaj x = s.inputs();
        double[] row = new double[cfg.inputSize()];
        double eps = 1e-4;
        double scale = Math.max(1, Math.abs(loss));
        int checked = 0;
        for (int t = 0; t < s.length(); t++) {
            double[] analytic = new double[cfg.inputSize()];
            for (int d = 0; d < cfg.directions(); d++) {
                run.layer(0, d).gradInput(t, row);
                for (int j = 0; j < row.length; j++) {
                    analytic[j] += row[j];
                }
            }
            for (int j = 0; j < cfg.inputSize(); j++) {
                double d1 = central(m, s, t, j, eps);
                double d2 = central(m, s, t, j, eps / 2);
                double numeric = (4 * d2 - d1) / 3;
                assertThat(analytic[j]).as("dL/dx[%d][%d]", t, j)
                        .isCloseTo(numeric, within(1e-8 * scale + 1e-6 * Math.abs(numeric)));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(x.getNumElements());
    }

    private static double central(Model m, Sequence s, int t, int j, double eps) {
        DMatrixRMaj x = s.inputs();
        double keep = x.get(t, j);
        x.set(t, j, keep + eps);
        double plus = loss(m, s);
        x.set(t, j, keep - eps);
        double minus = loss(m, s);
        x.set(t, j, keep);
        return (plus - minus) / (2 * eps);
    }

    private static double loss(Model m, Sequence s) {
        Run r = new Run(m, s.length());
        r.load(s);
        r.forward();
        return r.loss();
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void layerNormOneLayer(CellType cell) {
        Model m = model(cell, 3, 4, 1, false, false, true, 11);
        checkAll(m, seq(5, 3, 1, 4, cell, 12));
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void layerNormStackedWithResidual(CellType cell) {
        Model m = model(cell, 3, 3, 3, false, true, true, 21);
        checkAll(m, seq(5, 3, 3, 3, cell, 22));
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void residualWithoutLayerNormBidirectional(CellType cell) {
        Model m = model(cell, 2, 3, 2, true, true, false, 31);
        checkAll(m, seq(4, 2, 4, 3, cell, 32));
    }

    @ParameterizedTest
    @EnumSource(value = CellType.class, names = {"LSTM", "GRU"})
    void layerNormResidualBidirectional(CellType cell) {
        Model m = model(cell, 2, 3, 2, true, true, true, 41);
        checkAll(m, seq(4, 2, 4, 3, cell, 42));
    }

    @ParameterizedTest
    @EnumSource(value = CellType.class, names = {"RNN_TANH", "LSTM", "GRU"})
    void residualWithDropoutMasksHeldFixed(CellType cell) {
        Model m = model(cell, 3, 4, 3, false, true, true, 51);
        GradientCheck.Result r = GradientCheck.checkWithDropout(m, seq(5, 3, 3, 4, cell, 52), 0.4, true, 7,
                100_000, 1);
        assertThat(r.passed()).as(r.toString()).isTrue();
        assertThat(r.checked()).isEqualTo(m.params().size());
    }

    @Test
    void layerNormWithOneHotTokens() {
        ModelConfig cfg = new ModelConfig(CellType.LSTM, 4, 3, 2, false, 0, 4, Activation.SOFTMAX, null)
                .withOptions(true, true);
        Model m = Model.zeros(cfg);
        SplittableRandom r = new SplittableRandom(3);
        for (DMatrixRMaj w : m.params().asMap().values()) {
            for (int i = 0; i < w.getNumElements(); i++) {
                w.data[i] = r.nextDouble() * 1.6 - 0.8;
            }
        }
        Sequence s = Sequence.ofTokens(new int[] {0, 2, 3, 1, 2}, new int[] {1, 3, 0, 2, 2}, TargetSteps.ALL);
        GradientCheck.Result res = GradientCheck.check(m, s, 100_000, 1);
        assertThat(res.passed()).as(res.toString()).isTrue();
        assertThat(res.checked()).isEqualTo(m.params().size());
    }

    @Test
    void theCheckCatchesAWrongGain() {
        // BPTT of one model against numeric gradients of another whose LN gain differs: must not pass.
        Model m = model(CellType.GRU, 3, 4, 1, false, false, true, 61);
        Sequence s = seq(5, 3, 1, 4, CellType.GRU, 62);
        Run run = new Run(m, 5);
        run.load(s);
        run.forwardBackward();
        double analytic = run.gradients().get(ModelConfig.weightHh(0, 0)).data[0];
        m.param(ModelConfig.lnGainHh(0, 0)).data[0] += 0.3;
        GradientCheck.Single other = GradientCheck.checkOne(m, s, java.util.List.of(), ModelConfig.weightHh(0, 0), 0);
        assertThat(Math.abs(other.numeric() - analytic)).isGreaterThan(1e-6);
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void theNormalisedProductsHaveMeanZeroAndVarianceOne(CellType cell) {
        Model m = model(cell, 3, 5, 1, false, false, true, 71);
        Run run = new Run(m, 4);
        run.load(seq(4, 3, 1, 5, cell, 72));
        run.forward();
        LayerNormState ln = run.layer(0, 0).layerNorm();
        int g = cell.blocks() * 5;
        for (int t = 0; t < 4; t++) {
            double mean = 0;
            double sq = 0;
            for (int j = 0; j < g; j++) {
                mean += ln.normalisedRecurrent(t, j);
                sq += ln.normalisedRecurrent(t, j) * ln.normalisedRecurrent(t, j);
            }
            assertThat(mean / g).isCloseTo(0, within(1e-12));
            // variance/(variance + ε): just below 1
            assertThat(sq / g).isCloseTo(1, within(1e-3)).isLessThan(1);
        }
    }

    @Test
    void residualOutputIsHiddenPlusInputAndTheRecurrenceUsesH() {
        Model m = model(CellType.GRU, 3, 4, 2, false, true, false, 81);
        Run run = new Run(m, 5);
        run.load(seq(5, 3, 2, 4, CellType.GRU, 82));
        run.forward();
        DMatrixRMaj out1 = run.layerOutput(1);
        for (int t = 0; t < 5; t++) {
            for (int u = 0; u < 4; u++) {
                assertThat(out1.get(t, u)).isEqualTo(run.layer(1, 0).hidden(t, u) + run.layer(0, 0).hidden(t, u));
            }
        }
        // layer 0 has no residual (its input is the data): its output is its hidden state
        assertThat(run.layerOutput(0)).isSameAs(run.layer(0, 0).hiddenMatrix());
        // the same weights without the residual give another output but the same layer-1 h_0 of step 0 …
        Model plain = new Model(m.config().withOptions(false, false), m.params());
        Run p = new Run(plain, 5);
        p.load(seq(5, 3, 2, 4, CellType.GRU, 82));
        p.forward();
        assertThat(p.layer(1, 0).hidden(0, 0)).isEqualTo(run.layer(1, 0).hidden(0, 0));
        assertThat(p.outputs().get(0, 0)).isNotEqualTo(run.outputs().get(0, 0));
    }

    @Test
    void residualNeedsTwoLayers() {
        assertThatThrownBy(() -> new ModelConfig(CellType.LSTM, 3, 4, 1, false, 0, 2, Activation.IDENTITY, null)
                .withOptions(true, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("num_layers must be at least 2");
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void steppedBpttEqualsTheWholePassBitForBit(CellType cell) {
        Model m = model(cell, 3, 4, 2, true, true, true, 91);
        Sequence s = seq(6, 3, 4, 4, cell, 92);
        Run whole = new Run(m, 6);
        whole.load(s);
        whole.forwardBackward();
        Run stepped = new Run(m, 6);
        stepped.load(s);
        stepped.forward();
        while (stepped.stepBackward()) {
            // one group at a time, as the BPTT cursor does
        }
        stepped.seekBackward(3);
        stepped.seekBackward(stepped.schedule().size());
        for (String n : m.params().names()) {
            assertThat(stepped.gradients().get(n).data).as(n).containsExactly(whole.gradients().get(n).data);
        }
    }
}
