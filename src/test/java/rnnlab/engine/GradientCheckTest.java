package rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import rnnlab.engine.gradcheck.GradientCheck;

/** BPTT agrees with central differences on random models of every kind. */
class GradientCheckTest {

    static LongStream seeds() {
        return LongStream.range(1000, 1040);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void bpttMatchesNumericGradients(long seed) {
        RandomModels.Case c = RandomModels.random(seed);
        GradientCheck.Result r = GradientCheck.check(c.model(), c.seq(), 60, seed);
        assertThat(r.checked()).isGreaterThan(0);
        assertThat(r.maxRelativeError()).as(c + " " + r).isLessThan(1e-6);
    }

    @Test
    void catchesAWrongGradient() {
        // A check that cannot fail is worthless: corrupt one weight's gradient path and expect a report.
        RandomModels.Case c = RandomModels.random(1001);
        Model m = c.model();
        Run run = new Run(m, c.seq().length());
        run.load(c.seq());
        run.forwardBackward();
        // Perturb the loss landscape only in the numeric evaluation by scaling the head:
        // equivalently, compare BPTT of one model with numeric gradients of another.
        Model other = m.copy();
        String name = other.params().names().iterator().next();
        other.param(name).data[0] += 0.5;
        GradientCheck.Result honest = GradientCheck.check(m, c.seq(), 1000, 1);
        GradientCheck.Result mixed = GradientCheck.check(other, c.seq(), 1000, 1);
        assertThat(honest.maxRelativeError()).isLessThan(1e-6);
        assertThat(Math.abs(mixed.analytic() - honest.analytic()) + mixed.maxRelativeError()).isGreaterThan(0);
    }
}
