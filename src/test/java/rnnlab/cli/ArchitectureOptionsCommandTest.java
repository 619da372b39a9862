package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.cli.TrainingCommandsTest.lastJson;
import static rnnlab.cli.TrainingCommandsTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.engine.Model;
import rnnlab.io.ModelIO;

/** {@code train --residual --layer-norm}: the architectural remedies of issue 17 from the CLI. */
class ArchitectureOptionsCommandTest {
    @TempDir
    Path dir;

    private static String[] args(String... more) {
        String[] base = {"train", "--task", "adding", "--seq", "10", "--cell", "lstm", "--hidden", "6", "--layers",
                "2", "--seed", "2", "--no-progress", "--lr", "0.01", "--steps", "20"};
        String[] a = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, a, base.length, more.length);
        return a;
    }

    private static List<String> keys(JsonNode j) {
        List<String> out = new ArrayList<>();
        j.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void residualAndLayerNormTrainSaveAndKeepTheLastLinesShape() throws Exception {
        Path f = dir.resolve("ln.model.json");
        TrainingCommandsTest.Out plain = run(args());
        Path runs = dir.resolve("runs");
        TrainingCommandsTest.Out r = run(args("--residual", "--layer-norm", "--save", f.toString(), "--runs",
                runs.toString()));
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode a = lastJson(plain.out());
        JsonNode b = lastJson(r.out());
        assertThat(keys(b)).containsExactlyElementsOf(keys(a));
        // LSTM H=6, 2 layers: per layer γ_ih, γ_hh (24 each) and γ_c, β_c (6 each)
        assertThat(b.get("parameters").asLong() - a.get("parameters").asLong()).isEqualTo(2 * (24 + 24 + 6 + 6));
        assertThat(b.get("final_loss").asDouble()).isNotEqualTo(a.get("final_loss").asDouble());
        var recorded = new rnnlab.runs.RunsFolder(runs).list(new ArrayList<>());
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).settings()).containsEntry("residual", true).containsEntry("layer_norm", true);
        Model m = ModelIO.read(f);
        assertThat(m.config().residual()).isTrue();
        assertThat(m.config().layerNorm()).isTrue();
        assertThat(m.param("rnn.ln_c_gain_l1").data[0]).isNotEqualTo(1.0); // trained away from its initial 1
    }

    @Test
    void residualOnOneLayerIsRefusedWithAMessage() throws Exception {
        String[] a = args("--residual");
        a[10] = "1";
        TrainingCommandsTest.Out r = run(a);
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains("--residual").contains("--layers 2");
        assertThat(r.err()).doesNotContain("Exception");
    }
}
