package rnnlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import rnnlab.engine.LossType;
import rnnlab.engine.Model;
import rnnlab.io.imports.ModelFiles;

/** The shipped Tang-poem model writes a 五言 and a 七言 quatrain from a first character a student picks. */
class StepSamplerTest {
    @Test
    void thePoemModelWritesFiveAndSevenCharacterQuatrainsFromAFirstCharacter() throws Exception {
        Model m = ModelFiles.read(Path.of("assets", "models", "tang-lstm.model.json")).modelFor(LossType.CROSS_ENTROPY);
        String five = StepSampler.quatrain(m, "春", 5, 0.8, 7);
        assertThat(five).startsWith("春").matches("(\\p{IsIdeographic}{5}，\\p{IsIdeographic}{5}。\\n){2}");
        String seven = StepSampler.quatrain(m, "月", 7, 0.8, 7);
        assertThat(seven).startsWith("月").matches("(\\p{IsIdeographic}{7}，\\p{IsIdeographic}{7}。\\n){2}");
        System.out.println(five + seven);
    }

    @Test
    void theSamplerShowsEveryGateOfTheLastCharacter() throws Exception {
        Model m = ModelFiles.read(Path.of("assets", "models", "code-lstm.model.json")).modelFor(LossType.CROSS_ENTROPY);
        StepSampler s = new StepSampler(m, 0.5, 3);
        s.prime("int x = ");
        String c = s.step();
        assertThat(c).hasSize(1);
        double f = s.gate(0, 1, 5);
        assertThat(f).isStrictlyBetween(0.0, 1.0);
        assertThat(Math.abs(s.unit(new UnitId(0, 5, false)))).isLessThan(1.0);
    }
}
