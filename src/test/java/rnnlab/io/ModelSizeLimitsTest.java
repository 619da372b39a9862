package rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;

/**
 * Files that declare sizes they do not hold, or work that cannot fit in the heap, are refused before
 * anything is allocated: at once, with the file, the place and (for memory) the estimate and the limit.
 */
class ModelSizeLimitsTest {
    @TempDir
    Path dir;

    /** The file: about 6 KB, declaring input 100000, hidden 1024 and 16 bidirectional LSTM layers. */
    static String hugeDeclaredModel(int input, int embedding) {
        ObjectNode j = JsonNav.MAPPER.createObjectNode();
        j.put("format", "rnnlab-model").put("version", 1).put("cell", "lstm").put("input_size", input)
                .put("hidden_size", 1024).put("num_layers", 16).put("bidirectional", true);
        if (embedding > 0) {
            j.putObject("embedding").put("num_embeddings", embedding);
        } else {
            j.putNull("embedding");
        }
        j.putNull("output");
        j.putNull("vocab");
        ObjectNode sd = j.putObject("state_dict");
        if (embedding > 0) {
            sd.putArray("embedding.weight").addArray().add(0.5);
        }
        for (int l = 0; l < 16; l++) {
            for (int d = 0; d < 2; d++) {
                sd.putArray(ModelConfig.weightIh(l, d)).addArray().add(0.1).add(0.2);
                sd.putArray(ModelConfig.weightHh(l, d)).addArray().add(0.1);
                sd.putArray(ModelConfig.biasIh(l, d)).add(0.0);
                sd.putArray(ModelConfig.biasHh(l, d)).add(0.0);
            }
        }
        return j.toString();
    }

    @Test
    void aSmallFileDeclaringHugeSizesIsRefusedByShapeBeforeAnythingIsAllocated() throws Exception {
        Path p = dir.resolve("huge.model.json");
        Files.writeString(p, hugeDeclaredModel(100_000, 0));
        assertThat(Files.size(p)).isLessThan(8_000);
        long before = usedHeap();
        InputException e = catchThrowableOfType(InputException.class, () -> ModelIO.read(p));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo(p + ": state_dict.rnn.weight_ih_l0: expected 4096 rows of 100000 numbers, found 1");
        // 4096 × 100000 doubles would be 3.3 GB: nothing of that size was allocated
        assertThat(usedHeap() - before).isLessThan(200L << 20);
    }

    @Test
    void sizesPastAnIntAreRefusedByNameNotByTheMatrixLibrary() throws Exception {
        // embedding 1000000 × 100000 = 10^11 numbers: EJML said "Matrix size exceeds the size of an integer"
        Path p = dir.resolve("past-int.model.json");
        Files.writeString(p, hugeDeclaredModel(100_000, 1_000_000));
        InputException e = catchThrowableOfType(InputException.class, () -> ModelIO.read(p));
        assertThat(e).isNotNull();
        assertThat(e.file()).isEqualTo(p.toString());
        assertThat(e.where()).isEqualTo("state_dict.embedding.weight");
        assertThat(e.problem()).isEqualTo("expected 1000000 rows of 100000 numbers, found 1");
    }

    @Test
    void aRowOfTheWrongLengthIsFoundBeforeAllocation() throws Exception {
        ObjectNode j = ModelFileErrorsTest.validModel();
        ArrayNode rows = (ArrayNode) j.get("state_dict").get("rnn.weight_ih_l0");
        ((ArrayNode) rows.get(7)).add(1.0);
        Path p = dir.resolve("row.model.json");
        Files.writeString(p, j.toString());
        InputException e = catchThrowableOfType(InputException.class, () -> ModelIO.read(p));
        assertThat(e.where()).isEqualTo("state_dict.rnn.weight_ih_l0[7]");
        assertThat(e.problem()).isEqualTo("expected 4 numbers, found 5");
    }

    @Test
    void theParameterCountOfHugeSizesDoesNotOverflow() {
        ModelConfig cfg = new ModelConfig(CellType.LSTM, 100_000, 1024, 16, true, 1_000_000, 0, null, null);
        assertThat(cfg.parameterCount()).isGreaterThan(100_000_000_000L);
    }

    @Test
    void theEstimateCountsWeightsStatesGradientsAndOptimiserState() {
        ModelConfig cfg = ModelConfig.simple(CellType.LSTM, 1, 200, 1, Activation.IDENTITY);
        long p = cfg.parameterCount();
        assertThat(p).isEqualTo(4 * 200 * (1 + 200 + 2) + 200 + 1);
        assertThat(MemoryBudget.weights(cfg)).isEqualTo(8 * p);
        // per step: 3 gate rows of 800, 5 hidden rows of 200, the input, h and dh (2 × 200), the input,
        // 3 output rows of 1 and the head's input gradient (200)
        long perStep = 3 * 800 + 5 * 200 + 1 + 2 * 200 + 1 + 3 + 200;
        assertThat(MemoryBudget.run(cfg, 100)).isEqualTo(8 * (100 * perStep + p));
        assertThat(MemoryBudget.forwardBackward(cfg, 100)).isEqualTo(8 * (100 * perStep + 2 * p));
        assertThat(MemoryBudget.training(cfg, 100, 1, "sgd")).isEqualTo(8 * (100 * perStep + 3 * p));
        assertThat(MemoryBudget.training(cfg, 100, 8, "adam")).isEqualTo(8 * (100 * perStep + 6 * p));
    }

    @Test
    void layerNormalisationBuffersAreCounted() {
        ModelConfig plain = ModelConfig.simple(CellType.LSTM, 1, 200, 1, Activation.IDENTITY);
        ModelConfig ln = plain.withOptions(false, true);
        // its gains: g_ih, g_hh (800 each), LSTM g_c and b_c (200 each)
        assertThat(ln.parameterCount() - plain.parameterCount()).isEqualTo(2 * 800 + 2 * 200);
        // per step: N(W_ih x), N(W_hh h) and their deltas (4 × 800) and two 1/σ; N(c_t), dL/dĉ_t (2 × 200) and
        // its 1/σ; once: the cell's three scratch rows of 800; and the gains' gradients
        long extra = 100 * (4 * 800 + 2 + 2 * 200 + 1) + 3 * 800 + 2000;
        assertThat(MemoryBudget.run(ln, 100) - MemoryBudget.run(plain, 100)).isEqualTo(8 * extra);
        ModelConfig gru = ModelConfig.simple(CellType.GRU, 1, 100, 1, Activation.IDENTITY);
        ModelConfig gruLn = gru.withOptions(false, true);
        assertThat(MemoryBudget.run(gruLn, 50) - MemoryBudget.run(gru, 50))
                .isEqualTo(8 * (50 * (4 * 300 + 2) + 3 * 300 + 2 * 300));
        // two layers, both directions: every layer and direction has its own buffers
        ModelConfig deep = new ModelConfig(CellType.GRU, 3, 100, 2, true, 0, 1, Activation.IDENTITY, null);
        ModelConfig deepLn = deep.withOptions(false, true);
        assertThat(MemoryBudget.run(deepLn, 50) - MemoryBudget.run(deep, 50))
                .isEqualTo(8 * (4 * (50 * (4 * 300 + 2) + 3 * 300) + deepLn.parameterCount() - deep.parameterCount()));
    }

    /** A sequence length at which the plain LSTM's training fits the heap and the layer-normalised one does not. */
    @Test
    void aBigModelWithLayerNormIsRefusedWhereThePlainOneFits() {
        ModelConfig plain = ModelConfig.simple(CellType.LSTM, 1, 512, 1, Activation.IDENTITY);
        ModelConfig ln = plain.withOptions(false, true);
        long perStep = MemoryBudget.run(plain, 2) - MemoryBudget.run(plain, 1);
        int steps = (int) (0.7 * MemoryBudget.limit() / perStep);
        assertThat(MemoryBudget.check(MemoryBudget.training(plain, steps, 1, "adam"), "plain")).isNull();
        String m = MemoryBudget.check(MemoryBudget.training(ln, steps, 1, "adam"), "training with layer norm");
        assertThat(m).startsWith("training with layer norm needs about ");
        // the normalisation nearly doubles what a step keeps: 18 H more against 20 H
        assertThat((double) MemoryBudget.run(ln, steps) / MemoryBudget.run(plain, steps)).isBetween(1.85, 2.0);
    }

    @Test
    void theRefusalGivesTheEstimateAndTheLimit() {
        assertThat(MemoryBudget.check(1000, "x")).isNull();
        String m = MemoryBudget.check(5L << 40, "training this model");
        assertThat(m).startsWith("training this model needs about 5.0 TB of memory, more than the limit of ")
                .contains("% of the Java heap").contains("-Xmx");
        assertThat(MemoryBudget.size(3_400_000_000L)).isEqualTo("3.2 GB");
        assertThat(MemoryBudget.size(512)).isEqualTo("512 bytes");
    }

    /** The lesson case: a model of a few MB and a sequence of 100000 steps, whose BPTT needs about 3 GB. */
    @Test
    void aSequenceTooLongForTheHeapIsRefusedBeforeItsArraysAreAllocated() throws Exception {
        ModelConfig cfg = ModelConfig.simple(CellType.LSTM, 1, 200, 1, Activation.IDENTITY);
        long need = MemoryBudget.forwardBackward(cfg, 100_000);
        assumeThat(need).as("the test runs with -Xmx2g (pom.xml)").isGreaterThan(MemoryBudget.limit());
        Path m = dir.resolve("long.model.json");
        ModelIO.write(Model.zeros(cfg), m);
        Model model = ModelIO.read(m);
        StringBuilder sb = new StringBuilder("{\"format\":\"rnnlab-sequence\",\"version\":1,\"inputs\":[");
        for (int t = 0; t < 100_000; t++) {
            sb.append(t == 0 ? "[0.5]" : ",[0.5]");
        }
        sb.append("],\"tokens\":null}");
        Path s = dir.resolve("long.seq.json");
        Files.writeString(s, sb);
        InputException e = catchThrowableOfType(InputException.class, () -> rnnlab.io.SequenceIO.read(s, model.config()));
        assertThat(e).isNotNull();
        assertThat(e.file()).isEqualTo(s.toString());
        assertThat(e.where()).isEqualTo("inputs");
        assertThat(e.problem()).startsWith("running this model forward and through BPTT over 100000 steps needs about "
                + MemoryBudget.size(need) + " of memory, more than the limit of " + MemoryBudget.size(MemoryBudget.limit()));
    }

    static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
