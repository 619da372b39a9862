package rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class DynamicsTest {

    /** J_0 = ∂state_0/∂state_init, checked by central differences through the initial state. */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void stepJacobianMatchesFiniteDifferences(CellType cell) {
        int h = 4;
        ModelConfig cfg = new ModelConfig(cell, 3, h, 1, false, 0, 2, Activation.IDENTITY, null);
        Model model = Model.zeros(cfg);
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (DMatrixRMaj m : model.params().asMap().values()) {
            for (int i = 0; i < m.getNumElements(); i++) {
                m.data[i] = r.nextDouble() * 2 - 1;
            }
        }
        DMatrixRMaj x = RandomModels.uniform(new java.util.SplittableRandom(6), 1, 3);
        DMatrixRMaj h0 = RandomModels.uniform(new java.util.SplittableRandom(7), 1, h);
        DMatrixRMaj c0 = cell == CellType.LSTM ? RandomModels.uniform(new java.util.SplittableRandom(8), 1, h) : null;
        int m = Dynamics.stateSize(cfg);
        Run run = new Run(model, 1);
        run.load(Sequence.of(x, null, null, null, null, null, h0, c0));
        run.forward();
        DMatrixRMaj jac = new DMatrixRMaj(m, m);
        Dynamics.stepJacobian(run, 0, 0, 0, jac);
        double eps = 1e-6;
        for (int j = 0; j < m; j++) {
            double[] up = state(model, x, h0, c0, j, eps);
            double[] down = state(model, x, h0, c0, j, -eps);
            for (int i = 0; i < m; i++) {
                assertThat(jac.get(i, j)).as(cell + " J[" + i + "][" + j + "]")
                        .isCloseTo((up[i] - down[i]) / (2 * eps), within(1e-8));
            }
        }
        assertThat(NormOpsCheck.nonZero(jac)).isTrue();
    }

    private static double[] state(Model model, DMatrixRMaj x, DMatrixRMaj h0, DMatrixRMaj c0, int j, double eps) {
        int h = h0.numCols;
        DMatrixRMaj hh = h0.copy();
        DMatrixRMaj cc = c0 == null ? null : c0.copy();
        if (j < h) {
            hh.data[j] += eps;
        } else {
            cc.data[j - h] += eps;
        }
        Run run = new Run(model, 1);
        run.load(Sequence.of(x, null, null, null, null, null, hh, cc));
        run.forward();
        double[] out = new double[c0 == null ? h : 2 * h];
        for (int u = 0; u < h; u++) {
            out[u] = run.layer(0, 0).hidden(0, u);
            if (c0 != null) {
                out[h + u] = run.layer(0, 0).cell(0, u);
            }
        }
        return out;
    }

    @Test
    void productNormsShrinkForAContractiveRnnAndGrowForAnExpansiveOne() {
        for (double scale : new double[] {0.5, 3.0}) {
            ModelConfig cfg = new ModelConfig(CellType.RNN_TANH, 1, 3, 1, false, 0, 0, null, null);
            Model model = Model.zeros(cfg);
            DMatrixRMaj whh = model.param(ModelConfig.weightHh(0, 0));
            // W_hh = scale · I: with inputs zero and h small the tanh is nearly linear
            for (int i = 0; i < 3; i++) {
                whh.set(i, i, scale);
            }
            DMatrixRMaj x = new DMatrixRMaj(10, 1);
            DMatrixRMaj h0 = new DMatrixRMaj(1, 3);
            h0.fill(1e-9);
            Run run = new Run(model, 10);
            run.load(Sequence.of(x, null, null, null, null, null, h0, null));
            run.forward();
            double[] norms = Dynamics.productNorms(run, 0, 0);
            assertThat(norms[9]).isEqualTo(1.0, within(1e-12));
            assertThat(norms[0]).isCloseTo(Math.pow(scale, 9), within(Math.pow(scale, 9) * 1e-3));
            assertThat(Dynamics.spectralRadius(whh)).isCloseTo(scale, within(1e-12));
        }
    }

    @Test
    void eigenvaluesOfARotationLieOnTheUnitCircle() {
        DMatrixRMaj rot = new DMatrixRMaj(new double[][] {{0, -1}, {1, 0}});
        var ev = Dynamics.eigenvalues(rot);
        assertThat(ev).hasSize(2);
        assertThat(ev[0].getMagnitude()).isCloseTo(1.0, within(1e-12));
        assertThat(Math.abs(ev[0].imaginary)).isCloseTo(1.0, within(1e-12));
    }

    /** Tiny helper so the Jacobian test also fails if everything came back zero. */
    static final class NormOpsCheck {
        static boolean nonZero(DMatrixRMaj m) {
            return org.ejml.dense.row.NormOps_DDRM.normF(m) > 1e-3;
        }
    }
}
