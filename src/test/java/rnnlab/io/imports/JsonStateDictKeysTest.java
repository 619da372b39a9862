package rnnlab.io.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.engine.Model;
import rnnlab.io.ModelIO;

/** Issue 10: the JSON model reader names DataParallel's prefix and projections, and opens bias=False models. */
class JsonStateDictKeysTest {
    @TempDir
    Path tmp;

    private Path withStateDict(java.util.function.Consumer<ObjectNode> change) throws Exception {
        ObjectMapper om = new ObjectMapper();
        ObjectNode m = (ObjectNode) om.readTree(ImportTest.res("named_ref.model.json").toFile());
        change.accept((ObjectNode) m.get("state_dict"));
        Path p = tmp.resolve("m.model.json");
        om.writeValue(p.toFile(), m);
        return p;
    }

    @Test
    void dataParallelPrefixIsNamed() throws Exception {
        Path p = withStateDict(sd -> {
            ObjectNode copy = sd.deepCopy();
            sd.removeAll();
            copy.fields().forEachRemaining(e -> sd.set("module." + e.getKey(), e.getValue()));
        });
        assertThat(ImportTest.error(() -> ModelIO.read(p))).contains("state_dict: every key starts with \"module.\"")
                .contains("DataParallel");
    }

    @Test
    void projectionIsNamed() throws Exception {
        Path p = withStateDict(sd -> sd.putArray("rnn.weight_hr_l0"));
        assertThat(ImportTest.error(() -> ModelIO.read(p))).contains("proj_size").doesNotContain("did you mean");
    }

    @Test
    void biasFalseReadsZeros() throws Exception {
        Path p = withStateDict(sd -> {
            sd.remove("rnn.bias_ih_l0");
            sd.remove("rnn.bias_hh_l0");
        });
        Model m = ModelIO.read(p);
        assertThat(m.param("rnn.bias_ih_l0").data).containsOnly(0.0);
        assertThat(m.param("rnn.weight_ih_l0").data).isNotEqualTo(new double[m.param("rnn.weight_ih_l0").data.length]);
    }

    @Test
    void oneMissingBiasIsStillMissing() throws Exception {
        Path p = withStateDict(sd -> sd.remove("rnn.bias_ih_l0"));
        assertThat(ImportTest.error(() -> ModelIO.read(p))).contains("rnn.bias_ih_l0").contains("missing key");
    }
}
