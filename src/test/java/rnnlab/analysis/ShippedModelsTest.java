package rnnlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import rnnlab.engine.LossType;
import rnnlab.engine.Model;
import rnnlab.io.imports.ModelFiles;
import rnnlab.training.tasks.CharLmTask;
import rnnlab.training.tasks.CharVocab;

/**
 * Every model in the table of assets/models/README.md loads, and its held-out bits per character (the
 * {@code metric} of {@code train}: up to 3000 characters of the last tenth of its corpus) is reproduced to
 * the three decimals the README gives, with the --seq, --input and --vocab of its command line.
 */
class ShippedModelsTest {
    private static final Pattern ROW = Pattern.compile(
            "^\\| `([^`]+\\.model\\.json)` \\| `([^`]+)`.*?\\| `([^`]+)` \\| ([0-9.]+)", Pattern.MULTILINE);

    record Shipped(String file, String corpus, String command, double bpc) {
        String option(String name, String dflt) {
            Matcher m = Pattern.compile("--" + name + " (\\S+)").matcher(command);
            return m.find() ? m.group(1) : dflt;
        }
    }

    static List<Shipped> table() throws Exception {
        String readme = Files.readString(Path.of("assets", "models", "README.md"));
        List<Shipped> out = new ArrayList<>();
        Matcher m = ROW.matcher(readme);
        while (m.find()) {
            out.add(new Shipped(m.group(1), m.group(2), m.group(3), Double.parseDouble(m.group(4))));
        }
        return out;
    }

    @Test
    void everyShippedModelLoadsAndReproducesItsHeldOutBitsPerCharacter() throws Exception {
        List<Shipped> models = table();
        assertThat(models).extracting(Shipped::file).contains("code-lstm.model.json");
        for (Shipped s : models) {
            Model m = ModelFiles.read(Path.of("assets", "models", s.file())).modelFor(LossType.CROSS_ENTROPY);
            String text = CharLmTask.readText(Path.of(s.corpus()));
            CharLmTask task = new CharLmTask(text, Integer.parseInt(s.option("seq", "64")),
                    "embedding".equals(s.option("input", "onehot")),
                    Integer.parseInt(s.option("vocab", String.valueOf(CharVocab.DEFAULT_COMMON))));
            double bpc = task.evaluate(m, 1).value();
            assertThat(bpc).as(s.file()).isCloseTo(s.bpc(), org.assertj.core.data.Offset.offset(0.0006));
        }
    }
}
