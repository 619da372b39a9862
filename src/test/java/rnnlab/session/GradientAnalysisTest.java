package rnnlab.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;

class GradientAnalysisTest {

    static Model model(CellType cell, double scale) {
        ModelConfig cfg = new ModelConfig(cell, 3, 4, 1, false, 0, 3, Activation.SOFTMAX, null);
        Model m = Model.zeros(cfg);
        SplittableRandom r = new SplittableRandom(3);
        for (DMatrixRMaj w : m.params().asMap().values()) {
            for (int i = 0; i < w.getNumElements(); i++) {
                w.data[i] = (r.nextDouble() * 2 - 1) * scale;
            }
        }
        return m;
    }

    static Sequence seq() {
        return Sequence.ofTokens(new int[] {0, 1, 2, 0, 1, 2, 0, 1}, new int[] {1, 2, 0, 1, 2, 0, 1, 2}, TargetSteps.ALL);
    }

    @Test
    void lastStepGradientsEqualAManyToOneRunsGradients() {
        Model m = model(CellType.LSTM, 0.8);
        Frame.Analysis a = GradientAnalysis.compute(m, seq());
        Run last = new Run(m, 8);
        last.load(Sequence.ofTokens(seq().tokens(), new int[] {2}, TargetSteps.LAST));
        last.forwardBackward();
        double[] norms = a.lastStepGradNorms().get(0);
        for (int t = 0; t < 8; t++) {
            double s = 0;
            for (int u = 0; u < 4; u++) {
                s += last.layer(0, 0).gradHidden(t, u) * last.layer(0, 0).gradHidden(t, u);
            }
            assertThat(norms[t]).isCloseTo(Math.sqrt(s), within(1e-15));
        }
        assertThat(norms[7]).isGreaterThan(0);
        // LSTM state is (h, c): 8 numbers, small enough for exact products; one spectrum per gate block.
        assertThat(a.productNorms().get(0)[7]).isEqualTo(1.0, within(1e-12));
        assertThat(a.spectra()).extracting(Frame.Spectrum::block).containsExactly("i", "f", "g", "o");
    }

    @Test
    void spectralRadiusGrowsWithTheWeightScaleAndCacheFollowsWeightChanges() {
        Model m = model(CellType.RNN_TANH, 0.5);
        GradientAnalysis cache = new GradientAnalysis();
        Run run = new Run(m, 8);
        run.load(seq());
        Frame.Analysis first = cache.of(run);
        assertThat(cache.of(run)).isSameAs(first);
        double r1 = first.spectra().get(0).radius();
        DMatrixRMaj whh = m.param(ModelConfig.weightHh(0, 0));
        for (int i = 0; i < whh.getNumElements(); i++) {
            whh.data[i] *= 3;
        }
        Frame.Analysis second = cache.of(run);
        assertThat(second).isNotSameAs(first);
        assertThat(second.spectra().get(0).block()).isEqualTo("hh");
        assertThat(second.spectra().get(0).radius()).isCloseTo(3 * r1, within(1e-9));
    }

    @Test
    void aForwardOnlySequenceHasNoLastStepGradients() {
        Model m = model(CellType.GRU, 0.7);
        Frame.Analysis a = GradientAnalysis.compute(m, Sequence.ofTokens(new int[] {0, 1, 2}, null, null));
        assertThat(a.lastStepGradNorms()).hasSize(1).containsOnlyNulls();
        assertThat(a.productNorms().get(0)).hasSize(3);
        assertThat(a.spectra()).extracting(Frame.Spectrum::block).containsExactly("r", "z", "n");
    }
}
