package rnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;

class InitTest {
    static final ModelConfig LSTM = ModelConfig.simple(CellType.LSTM, 10, 50, 3, Activation.SOFTMAX);

    @Test
    void pytorchDefaultIsUniformWithinOneOverRootH() {
        Model m = Init.PYTORCH.create(LSTM, 1);
        double k = 1 / Math.sqrt(50);
        DMatrixRMaj w = m.param(ModelConfig.weightHh(0, 0));
        double max = 0;
        double sum = 0;
        double sq = 0;
        for (double v : w.data) {
            max = Math.max(max, Math.abs(v));
            sum += v;
            sq += v * v;
        }
        int n = w.data.length;
        assertThat(max).isLessThanOrEqualTo(k).isGreaterThan(0.99 * k);
        assertThat(sum / n).isCloseTo(0, offset(0.01));
        // variance of U(−k, k) is k²/3
        assertThat(sq / n).isCloseTo(k * k / 3, offset(0.05 * k * k));
        assertThat(maxAbs(m.param(ModelConfig.biasIh(0, 0)).data)).isLessThanOrEqualTo(k);
    }

    @Test
    void orthogonalRecurrentBlocksSatisfyWtWIsIdentity() {
        Model m = Init.PYTORCH.withOrthogonalRecurrent(true).create(LSTM, 2);
        DMatrixRMaj w = m.param(ModelConfig.weightHh(0, 0));
        int h = 50;
        for (int b = 0; b < 4; b++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < h; j++) {
                    double dot = 0;
                    for (int r = 0; r < h; r++) {
                        dot += w.get(b * h + r, i) * w.get(b * h + r, j);
                    }
                    assertThat(dot).isCloseTo(i == j ? 1 : 0, offset(1e-10));
                }
            }
        }
    }

    @Test
    void forgetBiasAndRecurrentScale() {
        Model plain = Init.PYTORCH.create(LSTM, 3);
        Model m = Init.PYTORCH.withForgetBias(1.0).withRecurrentScale(0.5).create(LSTM, 3);
        DMatrixRMaj bih = m.param(ModelConfig.biasIh(0, 0));
        DMatrixRMaj bhh = m.param(ModelConfig.biasHh(0, 0));
        for (int u = 50; u < 100; u++) {
            assertThat(bih.data[u] + bhh.data[u]).isEqualTo(1.0);
        }
        assertThat(bih.data[0]).isEqualTo(plain.param(ModelConfig.biasIh(0, 0)).data[0]);
        double[] a = plain.param(ModelConfig.weightHh(0, 0)).data;
        double[] b = m.param(ModelConfig.weightHh(0, 0)).data;
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).isEqualTo(0.5 * a[i]);
        }
    }

    @Test
    void xavierBoundsAndZeroBiases() {
        Model m = new Init(Init.Scheme.XAVIER, false, Double.NaN, 1).create(LSTM, 4);
        double bound = Math.sqrt(6.0 / (10 + 50));
        assertThat(maxAbs(m.param(ModelConfig.weightIh(0, 0)).data)).isLessThanOrEqualTo(bound)
                .isGreaterThan(0.9 * bound);
        assertThat(m.param(ModelConfig.biasIh(0, 0)).data).containsOnly(0.0);
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        Model a = Init.PYTORCH.create(LSTM, 7);
        Model b = Init.PYTORCH.create(LSTM, 7);
        Model c = Init.PYTORCH.create(LSTM, 8);
        assertThat(a.param(ModelConfig.FC_WEIGHT).data).containsExactly(b.param(ModelConfig.FC_WEIGHT).data);
        assertThat(a.param(ModelConfig.FC_WEIGHT).data[0]).isNotEqualTo(c.param(ModelConfig.FC_WEIGHT).data[0]);
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
