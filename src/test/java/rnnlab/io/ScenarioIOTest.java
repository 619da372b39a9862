package rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.engine.Model;
import rnnlab.engine.Sequence;

class ScenarioIOTest {
    @TempDir
    Path dir;

    private Scenario sample() throws Exception {
        Model m = ModelIO.read(Fixtures.path("lstm_onehot_ce.model.json"));
        Sequence s = SequenceIO.read(Fixtures.path("lstm_onehot_ce.seq.json"), m.config());
        return new Scenario(m, s, "dbdbedc", "lstm_8", 42L, "pytorch_default", 5, List.of("view.lstm", "view.unrolled"),
                Map.of("theme", "dark", "font_scale", "1.5"));
    }

    @Test
    void roundTripKeepsWeightsBitForBitAndEverythingElse() throws Exception {
        Scenario a = sample();
        Path f = dir.resolve("x.rnnlab.json");
        ScenarioIO.write(a, f);
        Scenario b = ScenarioIO.read(f);
        for (String name : a.model().params().names()) {
            DMatrixRMaj wa = a.model().param(name);
            DMatrixRMaj wb = b.model().param(name);
            assertThat(wb.numRows).isEqualTo(wa.numRows);
            for (int i = 0; i < wa.data.length; i++) {
                assertThat(Double.doubleToRawLongBits(wb.data[i])).as(name + "[" + i + "]")
                        .isEqualTo(Double.doubleToRawLongBits(wa.data[i]));
            }
        }
        assertThat(b.model().config()).isEqualTo(a.model().config());
        assertThat(b.sequence().tokens()).containsExactly(a.sequence().tokens());
        assertThat(b.sequence().classTargets()).containsExactly(a.sequence().classTargets());
        assertThat(b.sequenceText()).isEqualTo("dbdbedc");
        assertThat(b.preset()).isEqualTo("lstm_8");
        assertThat(b.seed()).isEqualTo(42L);
        assertThat(b.init()).isEqualTo("pytorch_default");
        assertThat(b.position()).isEqualTo(5);
        assertThat(b.visibleViews()).containsExactly("view.lstm", "view.unrolled");
        assertThat(b.settings()).containsEntry("theme", "dark").containsEntry("font_scale", "1.5").hasSize(2);
        // no temporary file left beside the target
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("x.rnnlab.json");
        }
    }

    @Test
    void badVersionIsRefusedWithTheFieldAndTheSupportedVersion() throws Exception {
        ObjectNode json = ScenarioIO.toJson(sample());
        json.put("version", 2);
        Path f = dir.resolve("v2.rnnlab.json");
        Files.writeString(f, json.toString());
        assertThatThrownBy(() -> ScenarioIO.read(f)).isInstanceOf(InputException.class)
                .hasMessageContaining("v2.rnnlab.json").hasMessageContaining("version")
                .hasMessageContaining("version 2 is not supported");
    }

    @Test
    void missingKeyIsNamed() throws Exception {
        ObjectNode json = ScenarioIO.toJson(sample());
        json.remove("position");
        Path f = dir.resolve("nopos.rnnlab.json");
        Files.writeString(f, json.toString());
        assertThatThrownBy(() -> ScenarioIO.read(f)).isInstanceOf(InputException.class)
                .hasMessage(f + ": position: missing key");
    }

    @Test
    void errorsInsideTheEmbeddedModelNameTheirPath() throws Exception {
        ObjectNode json = ScenarioIO.toJson(sample());
        ((ObjectNode) json.get("model")).put("hidden_size", -3);
        Path f = dir.resolve("badmodel.rnnlab.json");
        Files.writeString(f, json.toString());
        assertThatThrownBy(() -> ScenarioIO.read(f)).isInstanceOf(InputException.class)
                .hasMessageContaining("model.hidden_size").hasMessageContaining("found -3");
    }

    @Test
    void positionBeyondTheTimelineIsRefused() throws Exception {
        ObjectNode json = ScenarioIO.toJson(sample());
        json.put("position", 13); // 6 steps with a loss: timeline 0..12
        Path f = dir.resolve("far.rnnlab.json");
        Files.writeString(f, json.toString());
        assertThatThrownBy(() -> ScenarioIO.read(f)).isInstanceOf(InputException.class)
                .hasMessageContaining("position").hasMessageContaining("from 0 to 12, found 13");
    }

    @Test
    void formatOfRoutesDroppedFiles() throws Exception {
        assertThat(ScenarioIO.formatOf(Fixtures.path("lstm_onehot_ce.model.json"))).isEqualTo(ModelIO.FORMAT);
        assertThat(ScenarioIO.formatOf(Fixtures.path("lstm_onehot_ce.seq.json"))).isEqualTo(SequenceIO.FORMAT);
    }
}
