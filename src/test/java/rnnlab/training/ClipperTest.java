package rnnlab.training;

import rnnlab.training.optim.Clipper;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.training.OptimizerTest.four;
import static rnnlab.training.OptimizerTest.values;

import org.junit.jupiter.api.Test;
import rnnlab.engine.Parameters;

class ClipperTest {
    @Test
    void globalNormClippingScalesEverythingAndCountsOneEvent() {
        Parameters g = four(3, 4, 0, 0);
        Clipper c = new Clipper(g, Clipper.Mode.NORM, 1.0);
        assertThat(c.clip()).isEqualTo(1);
        assertThat(c.lastNorm()).isEqualTo(5.0);
        double f = 1.0 / (5.0 + 1e-6);
        assertThat(values(g)).containsExactly(3 * f, 4 * f, 0, 0);
        // now below the threshold: untouched, no event
        assertThat(c.clip()).isZero();
        assertThat(values(g)).containsExactly(3 * f, 4 * f, 0, 0);
    }

    @Test
    void elementWiseClippingCountsEveryClampedComponent() {
        Parameters g = four(3, -4, 0.5, -1);
        Clipper c = new Clipper(g, Clipper.Mode.VALUE, 1.0);
        assertThat(c.clip()).isEqualTo(2);
        assertThat(values(g)).containsExactly(1, -1, 0.5, -1);
        assertThat(c.lastNorm()).isEqualTo(Math.sqrt(9 + 16 + 0.25 + 1));
    }

    @Test
    void noneOnlyMeasures() {
        Parameters g = four(3, 4, 0, 0);
        Clipper c = Clipper.none(g);
        assertThat(c.clip()).isZero();
        assertThat(c.lastNorm()).isEqualTo(5.0);
        assertThat(values(g)).containsExactly(3, 4, 0, 0);
    }
}
