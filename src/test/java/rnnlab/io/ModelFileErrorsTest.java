package rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;

/** Every kind of bad model file gets one message naming the file, the JSON path and what was expected. */
class ModelFileErrorsTest {
    @TempDir
    Path dir;

    /** An LSTM, input 4, H 8 (so weight_hh_l0 is 32 × 8), softmax head of 3. */
    static ObjectNode validModel() {
        ModelConfig cfg = ModelConfig.simple(CellType.LSTM, 4, 8, 3, Activation.SOFTMAX);
        Model m = Model.zeros(cfg);
        m.param(ModelConfig.weightHh(0, 0)).set(3, 5, 0.25);
        return ModelIO.toJson(m);
    }

    Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    Path write(ObjectNode json) throws Exception {
        return write("m.model.json", JsonNav.MAPPER.writeValueAsString(json));
    }

    InputException readError(Path p) {
        InputException e = catchThrowableOfType(InputException.class, () -> ModelIO.read(p));
        assertThat(e).as("reading %s must fail", p).isNotNull();
        assertThat(e.file()).isEqualTo(p.toString());
        assertThat(e.getMessage()).startsWith(p + ": ").doesNotContain("\n");
        return e;
    }

    @Test
    void validModelReads() throws Exception {
        Model m = ModelIO.read(write(validModel()));
        assertThat(m.param(ModelConfig.weightHh(0, 0)).get(3, 5)).isEqualTo(0.25);
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws Exception {
        Path p = write("m.model.json", "{\"format\": \"rnnlab-model\",\n  \"version\": 1,,\n}");
        InputException e = readError(p);
        assertThat(e.where()).isEqualTo("line 2, column 16");
        assertThat(e.problem()).startsWith("malformed JSON: ");
    }

    @Test
    void emptyFile() throws Exception {
        InputException e = readError(write("m.model.json", ""));
        assertThat(e.problem()).isEqualTo("file is empty; expected a JSON object");
    }

    @Test
    void missingFile() {
        InputException e = readError(dir.resolve("nope.model.json"));
        assertThat(e.problem()).isEqualTo("no such file");
    }

    @Test
    void missingKey() throws Exception {
        ObjectNode j = validModel();
        j.remove("hidden_size");
        InputException e = readError(write(j));
        assertThat(e.where()).isEqualTo("hidden_size");
        assertThat(e.problem()).isEqualTo("missing key");
    }

    @Test
    void misspelledKeyGetsASuggestion() throws Exception {
        ObjectNode j = validModel();
        j.set("hiden_size", j.remove("hidden_size"));
        InputException e = readError(write(j));
        assertThat(e.where()).isEqualTo("hiden_size");
        assertThat(e.problem()).isEqualTo("unknown key; did you mean \"hidden_size\"?");
    }

    @Test
    void misspelledStateDictKeyGetsASuggestion() throws Exception {
        ObjectNode j = validModel();
        ObjectNode sd = (ObjectNode) j.get("state_dict");
        sd.set("rnn.weight_hh_10", sd.remove("rnn.weight_hh_l0"));
        InputException e = readError(write(j));
        assertThat(e.getMessage()).isEqualTo(dir.resolve("m.model.json")
                + ": state_dict.rnn.weight_hh_10: unknown key; did you mean \"rnn.weight_hh_l0\"?");
    }

    @Test
    void rowTooShort() throws Exception {
        ObjectNode j = validModel();
        ((ArrayNode) j.get("state_dict").get("rnn.weight_hh_l0").get(3)).remove(7);
        InputException e = readError(write(j));
        assertThat(e.where()).isEqualTo("state_dict.rnn.weight_hh_l0[3]");
        assertThat(e.problem()).isEqualTo("expected 8 numbers, found 7");
    }

    @Test
    void tooFewRows() throws Exception {
        ObjectNode j = validModel();
        ((ArrayNode) j.get("state_dict").get("rnn.weight_hh_l0")).remove(31);
        InputException e = readError(write(j));
        assertThat(e.where()).isEqualTo("state_dict.rnn.weight_hh_l0");
        assertThat(e.problem()).isEqualTo("expected 32 rows of 8 numbers, found 31");
    }

    @Test
    void biasOfWrongLength() throws Exception {
        ObjectNode j = validModel();
        ((ArrayNode) j.get("state_dict").get("fc.bias")).add(0.0);
        InputException e = readError(write(j));
        assertThat(e.where()).isEqualTo("state_dict.fc.bias");
        assertThat(e.problem()).isEqualTo("expected 3 numbers, found 4");
    }

    @Test
    void bareNaNFromPythonIsRefusedWithItsPath() throws Exception {
        String text = JsonNav.MAPPER.writeValueAsString(validModel()).replace("0.25", "NaN");
        assertThat(text).contains("NaN");
        InputException e = readError(write("m.model.json", text));
        assertThat(e.where()).isEqualTo("state_dict.rnn.weight_hh_l0[3][5]");
        assertThat(e.problem()).isEqualTo("expected a finite number, found NaN");
    }

    @Test
    void infinityIsRefusedWithItsPath() throws Exception {
        String text = JsonNav.MAPPER.writeValueAsString(validModel()).replace("0.25", "-Infinity");
        InputException e = readError(write("m.model.json", text));
        assertThat(e.where()).isEqualTo("state_dict.rnn.weight_hh_l0[3][5]");
        assertThat(e.problem()).isEqualTo("expected a finite number, found -Infinity");
    }

    @Test
    void numberWrittenAsString() throws Exception {
        ObjectNode j = validModel();
        ((ArrayNode) j.get("state_dict").get("fc.bias")).set(1, "0.5");
        InputException e = readError(write(j));
        assertThat(e.where()).isEqualTo("state_dict.fc.bias[1]");
        assertThat(e.problem()).isEqualTo("expected a number, found the string \"0.5\"");
    }

    @Test
    void unknownCell() throws Exception {
        ObjectNode j = validModel();
        j.put("cell", "lstn");
        InputException e = readError(write(j));
        assertThat(e.where()).isEqualTo("cell");
        assertThat(e.problem()).isEqualTo("unknown cell \"lstn\"; expected rnn_tanh, rnn_relu, lstm or gru");
    }

    @Test
    void unknownActivation() throws Exception {
        ObjectNode j = validModel();
        ((ObjectNode) j.get("output")).put("activation", "relu");
        InputException e = readError(write(j));
        assertThat(e.where()).isEqualTo("output.activation");
        assertThat(e.problem()).contains("expected softmax, sigmoid or identity");
    }

    @Test
    void unknownVersion() throws Exception {
        ObjectNode j = validModel();
        j.put("version", 2);
        InputException e = readError(write(j));
        assertThat(e.where()).isEqualTo("version");
        assertThat(e.problem()).isEqualTo("version 2 is not supported; this RNN Lab reads version 1");
    }

    @Test
    void wrongFormatSuchAsASequenceFile() throws Exception {
        ObjectNode j = validModel();
        j.put("format", "rnnlab-sequence");
        InputException e = readError(write(j));
        assertThat(e.where()).isEqualTo("format");
        assertThat(e.problem()).isEqualTo("expected \"rnnlab-model\", found \"rnnlab-sequence\"");
    }

    @Test
    void hiddenSizeAboveLimit() throws Exception {
        ObjectNode j = validModel();
        j.put("hidden_size", 5000);
        InputException e = readError(write(j));
        assertThat(e.where()).isEqualTo("hidden_size");
        assertThat(e.problem()).isEqualTo("expected a whole number from 1 to 4096, found 5000");
    }

    @Test
    void fractionalSize() throws Exception {
        ObjectNode j = validModel();
        j.put("input_size", 4.5);
        InputException e = readError(write(j));
        assertThat(e.where()).isEqualTo("input_size");
        assertThat(e.problem()).isEqualTo("expected a whole number from 1 to 100000, found the number 4.5");
    }

    @Test
    void vocabularyOfWrongLength() throws Exception {
        ObjectNode j = validModel();
        j.putArray("vocab").add("a").add("b");
        InputException e = readError(write(j));
        assertThat(e.where()).isEqualTo("vocab");
        assertThat(e.problem()).isEqualTo("expected 4 symbols (input_size), found 2");
    }

    @Test
    void topLevelNotAnObject() throws Exception {
        InputException e = readError(write("m.model.json", "[1, 2]"));
        assertThat(e.where()).isEmpty();
        assertThat(e.problem()).isEqualTo("expected a JSON object, found an array of 2");
    }

    @Test
    void fileOverTheSizeLimitIsRefusedBeforeParsing() throws Exception {
        Path p = dir.resolve("huge.model.json");
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(Limits.MAX_FILE_BYTES + 1); // sparse: takes no disk space
        }
        InputException e = readError(p);
        assertThat(e.where()).isEmpty();
        assertThat(e.problem()).isEqualTo("file is too large (201 MB); RNN Lab reads files of at most 200 MB");
    }

    @Test
    void fileExactlyAtTheLimitIsParsed() throws Exception {
        Path p = dir.resolve("big.model.json");
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(Limits.MAX_FILE_BYTES); // zero bytes: not JSON, but it gets past the size check
        }
        InputException e = readError(p);
        assertThat(e.problem()).startsWith("this is a binary file (byte 0 is 0x00)");
    }
}
