package rnnlab.training;

import rnnlab.training.optim.Adagrad;
import rnnlab.training.optim.Adam;
import rnnlab.training.optim.Optimizer;
import rnnlab.training.optim.Sgd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Parameters;

class OptimizerTest {
    /** Four scalars in state_dict order: W_ih, W_hh, b_ih, b_hh of a 1-unit RNN. */
    static Parameters four(double... v) {
        Parameters p = Parameters.zeros(ModelConfig.simple(CellType.RNN_TANH, 1, 1, 0, null));
        int i = 0;
        for (var m : p.asMap().values()) {
            m.data[0] = v[i++];
        }
        return p;
    }

    static double[] values(Parameters p) {
        return p.asMap().values().stream().mapToDouble(m -> m.data[0]).toArray();
    }

    static void set(Parameters g, double... v) {
        int i = 0;
        for (var m : g.asMap().values()) {
            m.data[0] = v[i++];
        }
    }

    static final double[] P0 = {0.5, -1.25, 2.0, 0.0};
    static final double[][] GS = {{0.1, -0.2, 3.0, 1e-3}, {-0.3, 0.05, -1.0, 0.0}, {0.2, 0.2, 0.2, -5.0}};

    @Test
    void plainSgdIsThetaMinusLrTimesGradient() {
        Parameters p = four(P0);
        Parameters g = four(GS[0]);
        new Sgd(p, g, 0.1, 0).step();
        // 0.5 − 0.1·0.1, −1.25 − 0.1·(−0.2), 2 − 0.1·3, 0 − 0.1·0.001
        assertThat(values(p)).containsExactly(0.5 - 0.1 * 0.1, -1.25 + 0.1 * 0.2, 2.0 - 0.1 * 3.0, -0.1 * 1e-3);
    }

    @Test
    void momentumByHand() {
        Parameters p = four(P0);
        Parameters g = four(GS[0]);
        Sgd opt = new Sgd(p, g, 0.1, 0.9);
        opt.step();
        set(g, GS[1]);
        opt.step();
        // b1 = g1, θ1 = θ0 − η b1; b2 = 0.9 b1 + g2, θ2 = θ1 − η b2 (first component)
        double b1 = 0.1;
        double b2 = 0.9 * b1 + -0.3;
        double expected = (0.5 - 0.1 * b1) - 0.1 * b2;
        assertThat(values(p)[0]).isEqualTo(expected);
        assertThat(expected).isCloseTo(0.5 - 0.01 - 0.1 * (-0.21), org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void sgdMomentumMatchesTorchOverThreeSteps() {
        Parameters p = four(P0);
        Parameters g = four(GS[0]);
        Sgd opt = new Sgd(p, g, 0.1, 0.9);
        for (double[] gs : GS) {
            set(g, gs);
            opt.step();
        }
        // torch.optim.SGD(lr=0.1, momentum=0.9), float64 (printed to 17 digits)
        assertThat(values(p)).containsExactly(new double[] {0.5099, -1.2253, 1.357, 0.499729},
                org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void adagradByHandAndAgainstTorch() {
        Parameters p = four(P0);
        Parameters g = four(GS[0]);
        Adagrad opt = new Adagrad(p, g, 0.1);
        opt.step();
        // s = g², θ = θ − η g / (|g| + 1e−10) ≈ θ − η sign(g)
        assertThat(values(p)[0]).isEqualTo(0.5 - 0.1 * 0.1 / (Math.sqrt(0.1 * 0.1) + 1e-10));
        for (int k = 1; k < 3; k++) {
            set(g, GS[k]);
            opt.step();
        }
        // torch.optim.Adagrad(lr=0.1), float64
        double[] torch = {0.4414160815068522, -1.2438846248999051, 1.9253108325732382, 7.997999054709659e-09};
        double[] got = values(p);
        for (int i = 0; i < 4; i++) {
            assertThat(got[i]).isCloseTo(torch[i], org.assertj.core.data.Offset.offset(1e-15));
        }
    }

    @Test
    void adamFirstStepByHand() {
        Parameters p = four(P0);
        Parameters g = four(GS[0]);
        new Adam(p, g, 0.01).step();
        // m = 0.1 g, v = 0.001 g², m̂ = g, v̂ = g², θ = θ − η g / (|g| + ε)
        double m = 0.1 * 0.1;
        double v = 0.001 * 0.1 * 0.1;
        double expected = 0.5 - (0.01 / (1 - 0.9)) * m / (Math.sqrt(v) / Math.sqrt(1 - 0.999) + 1e-8);
        assertThat(values(p)[0]).isEqualTo(expected);
        assertThat(expected).isCloseTo(0.49, org.assertj.core.data.Offset.offset(1e-8));
    }

    @Test
    void adamMatchesTorchBitForBitOverThreeSteps() {
        // torch 1.13 torch.optim.Adam([p], lr=0.01) defaults, float64, values printed with repr
        double[][] torch = {
            {0.4900000009999999, -1.2400000005, 1.9900000000333333, -0.009999900000999989},
            {0.49494189911200653, -1.2353053191100447, 1.985997814331691, -0.016700387759448203},
            {0.4947540221765934, -1.2371522149176535, 1.9825066963358995, -0.01031328679309524},
        };
        Parameters p = four(P0);
        Parameters g = four(GS[0]);
        Adam opt = new Adam(p, g, 0.01);
        for (int k = 0; k < 3; k++) {
            set(g, GS[k]);
            assertThat(opt.step()).isTrue();
            assertThat(values(p)).as("step %d", k + 1).containsExactly(torch[k]);
        }
        assertThat(opt.steps()).isEqualTo(3);
    }

    @Test
    void resetForgetsTheStateLikeAFreshOptimizer() {
        Parameters p = four(P0);
        Parameters g = four(GS[0]);
        Adam opt = new Adam(p, g, 0.01);
        opt.step();
        opt.step();
        opt.reset();
        Parameters q = four(values(p));
        Parameters h = four(GS[0]);
        new Adam(q, h, 0.01).step();
        opt.step();
        assertThat(values(p)).containsExactly(values(q));
    }

    @Test
    void nonFiniteWeightsAreReportedAndBadSettingsRefused() {
        Parameters p = four(1e308, 0, 0, 0);
        Parameters g = four(-1e308, 0, 0, 0);
        assertThat(new Sgd(p, g, 10, 0).step()).isFalse();
        assertThatThrownBy(() -> new Adam(p, g, -1)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> Optimizer.create("rmsprop", p, g, 0.1)).hasMessageContaining("unknown optimizer");
    }
}
