package rnnlab.training;

import rnnlab.training.tasks.CharLmTask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.engine.Model;
import rnnlab.io.ModelIO;

class SamplerTest {
    @Test
    void savedCharModelCarriesItsVocabAndSamples(@TempDir Path dir) throws Exception {
        CharLmTask task = new CharLmTask(CharLmTask.defaultText(), 25, false);
        Trainer tr = new Trainer(task, task.defaults().withSteps(200).withHidden(32));
        while (tr.steps() < 200) {
            tr.step();
        }
        Path f = dir.resolve("m.model.json");
        ModelIO.write(tr.model(), f);
        Model m = ModelIO.read(f);
        assertThat(m.config().vocab()).isEqualTo(task.vocab().symbols());
        String a = Sampler.sample(m, "The ", 100, 0.8, 3);
        assertThat(a).startsWith("The ").hasSize(104);
        assertThat(Sampler.sample(m, "The ", 100, 0.8, 3)).isEqualTo(a);
        for (int cp : a.codePoints().toArray()) {
            assertThat(task.vocab().symbols()).contains(new String(Character.toChars(cp)));
        }
        // a very low temperature is (almost) greedy: the same text whatever the seed
        assertThat(Sampler.sample(m, "The ", 50, 1e-3, 1)).isEqualTo(Sampler.sample(m, "The ", 50, 1e-3, 2));
        assertThatThrownBy(() -> Sampler.sample(m, "", 5, 0, 1)).hasMessageContaining("temperature");
        assertThat(Files.size(f)).isPositive();
    }

    @Test
    void temperatureSharpensTheDistribution() {
        double[] y = {0.7, 0.2, 0.1};
        double[] p = new double[3];
        int firstCold = 0;
        int firstHot = 0;
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < 2000; i++) {
            firstCold += Sampler.draw(y, p, 0.3, r) == 0 ? 1 : 0;
            firstHot += Sampler.draw(y, p, 3.0, r) == 0 ? 1 : 0;
        }
        assertThat(firstCold).isGreaterThan(1800);
        assertThat(firstHot).isBetween(700, 1100);
    }
}
