package rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Sequence;

/** Every kind of bad sequence file gets one message naming the file, the JSON path and what was expected. */
class SequenceFileErrorsTest {
    /** One-hot vocabulary of 5, softmax head of 5. */
    static final ModelConfig SOFTMAX = ModelConfig.simple(CellType.LSTM, 5, 8, 5, Activation.SOFTMAX);
    /** Real inputs of width 3, identity head of 2. */
    static final ModelConfig IDENTITY = ModelConfig.simple(CellType.GRU, 3, 6, 2, Activation.IDENTITY);

    @TempDir
    Path dir;

    static ObjectNode tokens(int... tokens) {
        ObjectNode j = JsonNav.MAPPER.createObjectNode();
        j.put("format", "rnnlab-sequence");
        j.put("version", 1);
        ArrayNode t = j.putArray("tokens");
        ArrayNode y = j.putArray("targets");
        for (int k : tokens) {
            t.add(k);
            y.add((k + 1) % 5);
        }
        j.put("target_steps", "all");
        j.put("loss", "cross_entropy");
        return j;
    }

    Path write(String text) throws Exception {
        Path p = dir.resolve("s.seq.json");
        Files.writeString(p, text);
        return p;
    }

    Path write(ObjectNode json) throws Exception {
        return write(JsonNav.MAPPER.writeValueAsString(json));
    }

    InputException readError(Path p, ModelConfig cfg) {
        InputException e = catchThrowableOfType(InputException.class, () -> SequenceIO.read(p, cfg));
        assertThat(e).as("reading %s must fail", p).isNotNull();
        assertThat(e.file()).isEqualTo(p.toString());
        assertThat(e.getMessage()).startsWith(p + ": ").doesNotContain("\n");
        return e;
    }

    @Test
    void validSequenceReads() throws Exception {
        Sequence s = SequenceIO.read(write(tokens(0, 1, 4)), SOFTMAX);
        assertThat(s.tokens()).containsExactly(0, 1, 4);
        assertThat(s.classTargets()).containsExactly(1, 2, 0);
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws Exception {
        InputException e = readError(write("{\n\"tokens\": [1, 2\n"), SOFTMAX);
        assertThat(e.where()).startsWith("line ");
        assertThat(e.problem()).startsWith("malformed JSON: ");
    }

    @Test
    void tokenOutsideTheVocabulary() throws Exception {
        InputException e = readError(write(tokens(0, 1, 7)), SOFTMAX);
        assertThat(e.where()).isEqualTo("tokens[2]");
        assertThat(e.problem()).isEqualTo("expected a token index from 0 to 4 (the model's vocabulary has 5 entries), found 7");
    }

    @Test
    void negativeToken() throws Exception {
        InputException e = readError(write(tokens(-1, 1)), SOFTMAX);
        assertThat(e.where()).isEqualTo("tokens[0]");
        assertThat(e.problem()).endsWith("found -1");
    }

    @Test
    void misspelledKey() throws Exception {
        ObjectNode j = tokens(0, 1);
        j.set("target", j.remove("targets"));
        InputException e = readError(write(j), SOFTMAX);
        assertThat(e.where()).isEqualTo("target");
        assertThat(e.problem()).isEqualTo("unknown key; did you mean \"targets\"?");
    }

    @Test
    void missingFormat() throws Exception {
        ObjectNode j = tokens(0, 1);
        j.remove("format");
        InputException e = readError(write(j), SOFTMAX);
        assertThat(e.where()).isEqualTo("format");
        assertThat(e.problem()).isEqualTo("missing key");
    }

    @Test
    void unknownVersion() throws Exception {
        ObjectNode j = tokens(0, 1);
        j.put("version", 3);
        InputException e = readError(write(j), SOFTMAX);
        assertThat(e.where()).isEqualTo("version");
        assertThat(e.problem()).isEqualTo("version 3 is not supported; this RNN Lab reads version 1");
    }

    @Test
    void sequenceLongerThanTheLimit() throws Exception {
        int[] many = new int[Limits.MAX_STEPS + 1];
        InputException e = readError(write(tokens(many)), SOFTMAX);
        assertThat(e.where()).isEqualTo("tokens");
        assertThat(e.problem()).isEqualTo("expected 1 to 100000 tokens, found 100001");
    }

    @Test
    void emptySequence() throws Exception {
        InputException e = readError(write(tokens()), SOFTMAX);
        assertThat(e.where()).isEqualTo("tokens");
        assertThat(e.problem()).isEqualTo("expected 1 to 100000 tokens, found 0");
    }

    @Test
    void crossEntropyNeedsASoftmaxHead() throws Exception {
        ObjectNode j = JsonNav.MAPPER.createObjectNode();
        j.put("format", "rnnlab-sequence").put("version", 1);
        j.set("inputs", JsonNav.MAPPER.readTree("[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]"));
        j.set("targets", JsonNav.MAPPER.readTree("[0, 1]"));
        j.put("target_steps", "all").put("loss", "cross_entropy");
        InputException e = readError(write(j), IDENTITY);
        assertThat(e.where()).isEqualTo("loss");
        assertThat(e.problem()).isEqualTo("cross_entropy needs a softmax output, but the model's output is identity");
    }

    @Test
    void wrongTargetCount() throws Exception {
        ObjectNode j = tokens(0, 1, 2);
        ((ArrayNode) j.get("targets")).remove(2);
        InputException e = readError(write(j), SOFTMAX);
        assertThat(e.where()).isEqualTo("targets");
        assertThat(e.problem()).isEqualTo("expected 3 targets (one per time step), found 2");
    }

    @Test
    void lastStepTakesOneTarget() throws Exception {
        ObjectNode j = tokens(0, 1, 2);
        j.put("target_steps", "last");
        InputException e = readError(write(j), SOFTMAX);
        assertThat(e.where()).isEqualTo("targets");
        assertThat(e.problem()).isEqualTo("expected 1 target (target_steps is \"last\"), found 3");
    }

    @Test
    void classTargetOutOfRange() throws Exception {
        ObjectNode j = tokens(0, 1);
        ((ArrayNode) j.get("targets")).set(1, 9);
        InputException e = readError(write(j), SOFTMAX);
        assertThat(e.where()).isEqualTo("targets[1]");
        assertThat(e.problem()).isEqualTo("expected a class index from 0 to 4 (the model has 5 outputs), found 9");
    }

    @Test
    void inputVectorOfWrongWidth() throws Exception {
        String text = "{\"format\":\"rnnlab-sequence\",\"version\":1,\"inputs\":[[1,2,3],[4,5]],"
                + "\"targets\":[[0,0]],\"target_steps\":\"last\",\"loss\":\"mse\"}";
        InputException e = readError(write(text), IDENTITY);
        assertThat(e.where()).isEqualTo("inputs[1]");
        assertThat(e.problem()).isEqualTo("expected 3 numbers, found 2");
    }

    @Test
    void nanAmongInputsIsRefusedWithItsPath() throws Exception {
        String text = "{\"format\":\"rnnlab-sequence\",\"version\":1,\"inputs\":[[1,2,3],[4,NaN,6]],"
                + "\"targets\":[[0,0]],\"target_steps\":\"last\",\"loss\":\"mse\"}";
        InputException e = readError(write(text), IDENTITY);
        assertThat(e.where()).isEqualTo("inputs[1][1]");
        assertThat(e.problem()).isEqualTo("expected a finite number, found NaN");
    }

    @Test
    void infinityAmongTargets() throws Exception {
        String text = "{\"format\":\"rnnlab-sequence\",\"version\":1,\"inputs\":[[1,2,3]],"
                + "\"targets\":[[0,Infinity]],\"target_steps\":\"last\",\"loss\":\"mse\"}";
        InputException e = readError(write(text), IDENTITY);
        assertThat(e.where()).isEqualTo("targets[0][1]");
        assertThat(e.problem()).isEqualTo("expected a finite number, found Infinity");
    }

    @Test
    void bothInputsAndTokens() throws Exception {
        ObjectNode j = tokens(0, 1);
        j.set("inputs", JsonNav.MAPPER.readTree("[[1,0,0,0,0]]"));
        InputException e = readError(write(j), SOFTMAX);
        assertThat(e.where()).isEmpty();
        assertThat(e.problem()).isEqualTo("expected only one of \"inputs\" and \"tokens\", found both");
    }

    @Test
    void unknownLoss() throws Exception {
        ObjectNode j = tokens(0, 1);
        j.put("loss", "nll");
        InputException e = readError(write(j), SOFTMAX);
        assertThat(e.where()).isEqualTo("loss");
        assertThat(e.problem()).isEqualTo("unknown loss \"nll\"; expected cross_entropy, mse or bce");
    }

    @Test
    void cellStateForAModelWithoutOne() throws Exception {
        String text = "{\"format\":\"rnnlab-sequence\",\"version\":1,\"inputs\":[[1,2,3]],"
                + "\"c0\":[[0,0,0,0,0,0]]}";
        InputException e = readError(write(text), IDENTITY);
        assertThat(e.where()).isEqualTo("c0");
        assertThat(e.problem()).isEqualTo("a gru model has no cell state: expected null");
    }

    @Test
    void initialStateOfWrongShape() throws Exception {
        String text = "{\"format\":\"rnnlab-sequence\",\"version\":1,\"inputs\":[[1,2,3]],"
                + "\"h0\":[[0,0,0,0,0]]}";
        InputException e = readError(write(text), IDENTITY);
        assertThat(e.where()).isEqualTo("h0[0]");
        assertThat(e.problem()).isEqualTo("expected 6 numbers, found 5");
    }
}
