package rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.engine.Model;
import rnnlab.engine.Sequence;

/** A scenario that names something that does not exist (or names it twice) is refused, not replaced by a default. */
class ScenarioNamesTest {
    @TempDir
    Path dir;

    static ObjectNode scenario() throws Exception {
        Model m = ModelIO.read(Fixtures.path("lstm_onehot_ce.model.json"));
        Sequence s = SequenceIO.read(Fixtures.path("lstm_onehot_ce.seq.json"), m.config());
        return ScenarioIO.toJson(new Scenario(m, s, null, "lstm_8", 42L, "pytorch_default", 2,
                List.of("view.lstm", "view.heatmap"), Map.of("theme", "dark")));
    }

    InputException error(String text) throws Exception {
        Path p = dir.resolve("s.rnnlab.json");
        Files.writeString(p, text);
        InputException e = catchThrowableOfType(InputException.class, () -> ScenarioIO.read(p));
        assertThat(e).isNotNull();
        assertThat(e.file()).isEqualTo(p.toString());
        return e;
    }

    @Test
    void theValidScenarioReads() throws Exception {
        Path p = dir.resolve("ok.rnnlab.json");
        Files.writeString(p, scenario().toString());
        assertThat(ScenarioIO.read(p).visibleViews()).containsExactly("view.lstm", "view.heatmap");
    }

    @Test
    void aDuplicateSeed() throws Exception {
        InputException e = error(scenario().toString().replace("\"seed\":42", "\"seed\":42,\"seed\":7"));
        assertThat(e.where()).isEqualTo("seed");
        assertThat(e.problem()).contains("appears twice");
    }

    @Test
    void anUnknownInit() throws Exception {
        ObjectNode j = scenario();
        j.put("init", "pytorch_defualt");
        InputException e = error(j.toString());
        assertThat(e.where()).isEqualTo("init");
        assertThat(e.problem()).isEqualTo("unknown init \"pytorch_defualt\"; did you mean \"pytorch_default\"?");
    }

    @Test
    void anUnknownPreset() throws Exception {
        ObjectNode j = scenario();
        j.put("preset", "lstm_80000");
        InputException e = error(j.toString());
        assertThat(e.where()).isEqualTo("preset");
        assertThat(e.problem()).startsWith("unknown preset \"lstm_80000\"; expected one of tiny_rnn, lstm_8");
    }

    @Test
    void anUnknownViewIdWithASuggestion() throws Exception {
        ObjectNode j = scenario();
        j.putArray("visible_views").add("view.lstm").add("view.heatmop");
        InputException e = error(j.toString());
        assertThat(e.where()).isEqualTo("visible_views[1]");
        assertThat(e.problem()).isEqualTo("unknown view id \"view.heatmop\"; did you mean \"view.heatmap\"?");
    }

    @Test
    void aViewListedTwice() throws Exception {
        ObjectNode j = scenario();
        j.putArray("visible_views").add("view.lstm").add("view.lstm");
        InputException e = error(j.toString());
        assertThat(e.where()).isEqualTo("visible_views[1]");
        assertThat(e.problem()).isEqualTo("the view \"view.lstm\" is listed twice; expected each view once");
    }

    @Test
    void aViewTheWindowRegisteredIsKnown() {
        assertThat(rnnlab.catalog.ViewRegistry.known("view.extra-for-test")).isFalse();
        rnnlab.catalog.ViewRegistry.register(new rnnlab.catalog.ViewRegistry.View("view.extra-for-test", "extra-for-test", "view.extra-for-test.title"));
        assertThat(rnnlab.catalog.ViewRegistry.known("view.extra-for-test")).isTrue();
    }

    @Test
    void aDuplicateSetting() throws Exception {
        InputException e = error(scenario().toString().replace("\"theme\":\"dark\"", "\"theme\":\"dark\",\"theme\":\"light\""));
        assertThat(e.where()).isEqualTo("settings.theme");
    }
}
