package rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.engine.Model;

/**
 * JSON that means two things is refused, not read one way: a key given twice (Jackson keeps the last),
 * data after the object, a vocabulary with a symbol twice. Each message names the file, the place and
 * the expectation.
 */
class AmbiguousJsonTest {
    @TempDir
    Path dir;

    Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static InputException modelError(Path p) {
        InputException e = catchThrowableOfType(InputException.class, () -> ModelIO.read(p));
        assertThat(e).as("reading %s must fail", p).isNotNull();
        assertThat(e.file()).isEqualTo(p.toString());
        assertThat(e.getMessage()).doesNotContain("\n");
        return e;
    }

    /** The valid model's text with one weight matrix given a second time, with other numbers. */
    @Test
    void aDuplicateWeightMatrixIsRefusedWithItsPathAndLine() throws Exception {
        ObjectNode j = ModelFileErrorsTest.validModel();
        String text = JsonNav.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(j);
        String key = "\"rnn.bias_hh_l0\"";
        int at = text.indexOf(key);
        String dup = text.substring(0, at) + key + " : [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,"
                + "26,27,28,29,30,31,32],\n    " + text.substring(at);
        Path p = write("dup.model.json", dup);
        InputException e = modelError(p);
        assertThat(e.where()).isEqualTo("state_dict.rnn.bias_hh_l0");
        assertThat(e.problem()).startsWith("key \"rnn.bias_hh_l0\" appears twice (again on line ")
                .endsWith("); expected each key once");
    }

    @Test
    void aDuplicateCellIsBlamedOnTheKeyNotOnARowCount() throws Exception {
        Path p = write("cell.model.json", JsonNav.MAPPER.writeValueAsString(ModelFileErrorsTest.validModel())
                .replaceFirst("\"cell\":\"lstm\"", "\"cell\":\"lstm\",\"cell\":\"gru\""));
        InputException e = modelError(p);
        assertThat(e.where()).isEqualTo("cell");
        assertThat(e.problem()).contains("appears twice");
    }

    @Test
    void aDuplicateKeyInsideAnArrayNamesTheIndex() throws Exception {
        Path p = write("arr.json", "{\"a\": [{\"x\": 1}, {\"x\": 1, \"x\": 2}]}");
        InputException e = catchThrowableOfType(InputException.class, () -> ModelIO.read(p));
        assertThat(e.where()).isEqualTo("a[1].x");
    }

    @Test
    void trailingTextAfterTheObjectIsRefused() throws Exception {
        String valid = JsonNav.MAPPER.writeValueAsString(ModelFileErrorsTest.validModel());
        InputException e = modelError(write("t.model.json", valid + " this is not json }{"));
        assertThat(e.where()).startsWith("line 1, column ");
        assertThat(e.problem()).isEqualTo(
                "unexpected data after the end of the JSON object; expected the end of the file (one JSON value per file)");
    }

    @Test
    void twoObjectsAreRefused() throws Exception {
        String valid = JsonNav.MAPPER.writeValueAsString(ModelFileErrorsTest.validModel());
        InputException e = modelError(write("two.model.json", valid + "\n" + valid));
        assertThat(e.problem()).startsWith("unexpected data after the end of the JSON object");
    }

    @Test
    void whitespaceAfterTheObjectIsFine() throws Exception {
        String valid = JsonNav.MAPPER.writeValueAsString(ModelFileErrorsTest.validModel());
        Model m = ModelIO.read(write("ok.model.json", valid + "\n\n  \t\n"));
        assertThat(m.config().hiddenSize()).isEqualTo(8);
    }

    @Test
    void aVocabularyWithARepeatedSymbolIsRefused() throws Exception {
        ObjectNode j = ModelFileErrorsTest.validModel();
        ArrayNode v = j.putArray("vocab");
        v.add("a").add("b").add("c").add("b");
        InputException e = modelError(write("v.model.json", JsonNav.MAPPER.writeValueAsString(j)));
        assertThat(e.where()).isEqualTo("vocab[3]");
        assertThat(e.problem()).isEqualTo(
                "the symbol \"b\" is already vocab[1]; expected each symbol once (a token could not tell which one it means)");
    }

    @Test
    void aDuplicateKeyInASequenceIsRefused() throws Exception {
        Model m = ModelIO.read(Fixtures.path("lstm_onehot_ce.model.json"));
        String seq = Files.readString(Fixtures.path("lstm_onehot_ce.seq.json"));
        Path p = write("d.seq.json", seq.replaceFirst("\\{", "{\"loss\": \"mse\", "));
        InputException e = catchThrowableOfType(InputException.class, () -> SequenceIO.read(p, m.config()));
        assertThat(e).isNotNull();
        assertThat(e.where()).isEqualTo("loss");
        assertThat(e.problem()).contains("appears twice");
    }
}
