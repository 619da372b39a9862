package rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The decay view's step Jacobians ∂state_t/∂state_{t−1} (Dynamics.stepJacobian, whose products it plots)
 * for layer-normalised cells, against central differences of one step's forward pass.
 */
class LayerNormJacobianTest {

    @ParameterizedTest
    @EnumSource(CellType.class)
    void stepJacobianMatchesCentralDifferences(CellType cell) {
        int h = 4;
        Model m = LayerNormResidualGradientTest.model(cell, 3, h, 1, false, false, true, 5);
        Sequence s = LayerNormResidualGradientTest.seq(1, 3, 1, h, cell, 6);
        Run run = new Run(m, 1);
        run.load(s);
        run.forward();
        int size = Dynamics.stateSize(m.config());
        DMatrixRMaj j = new DMatrixRMaj(size, size);
        Dynamics.stepJacobian(run, 0, 0, 0, j);
        double eps = 1e-6;
        for (int col = 0; col < size; col++) {
            DMatrixRMaj init = col < h ? s.h0() : s.c0();
            int u = col % h;
            double keep = init.get(0, u);
            init.set(0, u, keep + eps);
            double[] plus = state(m, s, h);
            init.set(0, u, keep - eps);
            double[] minus = state(m, s, h);
            init.set(0, u, keep);
            for (int row = 0; row < size; row++) {
                double numeric = (plus[row] - minus[row]) / (2 * eps);
                assertThat(j.get(row, col)).as("%s J[%d][%d]", cell, row, col).isCloseTo(numeric, within(1e-7));
            }
        }
        // and layer normalisation changes it: the plain cell's formula with the same weights differs
        Run plain = new Run(new Model(m.config().withOptions(false, false), plainParams(m)), 1);
        plain.load(s);
        plain.forward();
        DMatrixRMaj jp = new DMatrixRMaj(size, size);
        Dynamics.stepJacobian(plain, 0, 0, 0, jp);
        assertThat(jp.data).isNotEqualTo(j.data);
    }

    private static Parameters plainParams(Model m) {
        Parameters p = Parameters.zeros(m.config().withOptions(false, false));
        for (String n : p.names()) {
            p.get(n).setTo(m.param(n));
        }
        return p;
    }

    private static double[] state(Model m, Sequence s, int h) {
        Run r = new Run(m, 1);
        r.load(s);
        r.forward();
        double[] out = new double[Dynamics.stateSize(m.config())];
        for (int u = 0; u < h; u++) {
            out[u] = r.layer(0, 0).hidden(0, u);
            if (out.length > h) {
                out[h + u] = r.layer(0, 0).cell(0, u);
            }
        }
        return out;
    }
}
