package rnnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import rnnlab.engine.gradcheck.GradientCheck;
import rnnlab.io.ModelIO;
import rnnlab.io.SequenceIO;

/**
 * The one-weight check behind the app's gradient-check window: BPTT's number is the one the full backward pass
 * gives, the numeric one agrees with it, the weight is restored afterwards, and a disagreement fails.
 */
class GradientCheckOneTest {
    private static final Path FIX = Path.of("src/test/resources/fixtures");

    @Test
    void oneWeightOfAnLstmAgreesWithItsNumericGradientAndIsRestored() throws Exception {
        Model m = ModelIO.read(FIX.resolve("lstm_2layer.model.json"));
        Sequence s = SequenceIO.read(FIX.resolve("lstm_2layer.seq.json"), m.config());
        String name = ModelConfig.weightHh(1, 0);
        double before = m.param(name).data[5];
        Run run = new Run(m, s.length());
        run.load(s);
        run.forwardBackward();
        double bptt = run.gradients().get(name).data[5];

        GradientCheck.Single c = GradientCheck.checkOne(m, s, List.of(), name, 5);
        assertThat(c.analytic()).isEqualTo(bptt);
        assertThat(c.analytic()).isNotZero();
        assertThat(Math.abs(c.numeric() - c.analytic())).isLessThan(1e-8 * Math.max(1, Math.abs(c.analytic())));
        assertThat(c.passed()).isTrue();
        assertThat(c.loss()).isEqualTo(run.loss());
        assertThat(m.param(name).data[5]).isEqualTo(before);
    }

    @Test
    void aPlantedWrongGradientFailsAndANameOrIndexOutsideTheModelIsRefused() throws Exception {
        GradientCheck.Single wrong = new GradientCheck.Single("w", 0, 0.5001, 0.5, 1.0, 1e-12, 1e-6);
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.relativeError()).isCloseTo(2e-4, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(new GradientCheck.Single("w", 0, 0.5, Double.NaN, 1, 1e-12, 1e-6).passed()).isFalse();
        Model m = ModelIO.read(FIX.resolve("lstm_2layer.model.json"));
        Sequence s = SequenceIO.read(FIX.resolve("lstm_2layer.seq.json"), m.config());
        String name = ModelConfig.weightHh(0, 0);
        int n = m.param(name).getNumElements();
        assertThatThrownBy(() -> GradientCheck.checkOne(m, s, List.of(), name, n))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not [" + n + "]");
    }
}
