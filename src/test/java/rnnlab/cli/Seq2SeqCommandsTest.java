package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.engine.AttentionKind;
import rnnlab.io.Seq2SeqIO;

class Seq2SeqCommandsTest {
    @Test
    void trainASeq2SeqTaskWithAttentionSavesAnS2sFileThatDecodeRuns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rev.s2s.json");
        TrainingCommandsTest.Out r = TrainingCommandsTest.run("train", "--task", "s2s-reverse", "--seq", "3",
                "--attention", "dot", "--cell", "lstm", "--decoder-cell", "rnn_tanh", "--layers", "2", "--bidirectional", "--hidden", "8", "--steps", "20", "--seed", "2", "--beam", "3", "--save",
                file.toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = TrainingCommandsTest.lastJson(r.out());
        assertThat(j.get("attention").asText()).isEqualTo("dot");
        assertThat(j.get("steps").asInt()).isEqualTo(20);
        assertThat(j.get("length").asInt()).isEqualTo(3);
        assertThat(j.get("token_accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(r.err()).contains("exact-sequence accuracy").contains("beam 3:").contains("  1. ").contains("  3. ");
        Seq2SeqIO.Loaded m = Seq2SeqIO.read(file);
        assertThat(m.model().config().attention()).isEqualTo(AttentionKind.DOT);
        // dot attention needs decoder width = encoder width × 2 directions
        assertThat(m.model().config().decoderHidden()).isEqualTo(16);
        assertThat(m.model().config().encoderCell()).isEqualTo(rnnlab.engine.CellType.LSTM);
        assertThat(m.model().config().decoderCell()).isEqualTo(rnnlab.engine.CellType.RNN_TANH);
        assertThat(m.model().config().encoderLayers()).isEqualTo(2);
        assertThat(m.model().config().bidirectional()).isTrue();
        assertThat(j.get("decoder_cell").asText()).isEqualTo("rnn_tanh");
        TrainingCommandsTest.Out d = TrainingCommandsTest.run("decode", "--model", file.toString(), "--input", "120",
                "--beam", "2", "--show-attention");
        assertThat(d.status()).as(d.err()).isZero();
        String[] lines = d.out().strip().split("\n");
        assertThat(lines[0]).matches("[0-9]*");
        assertThat(lines[1]).startsWith("candidates (beam 2)");
        assertThat(d.out()).contains("  2. ").contains("← 1:").contains(" 2:").contains(" 0:");
    }

    @Test
    void badAttentionNamesAndMisplacedOptionsGetOneClearMessage(@TempDir Path dir) throws Exception {
        TrainingCommandsTest.Out r = TrainingCommandsTest.run("train", "--task", "sort", "--attention", "luong", "--steps", "1");
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains("--attention: unknown kind 'luong'").doesNotContain("Exception");
        r = TrainingCommandsTest.run("train", "--task", "parity", "--attention", "dot", "--steps", "1");
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains("--attention, --decoder-cell and --bidirectional are for the encoder–decoder tasks");
        r = TrainingCommandsTest.run("train", "--task", "dates", "--attention", "none,dot", "--steps", "1");
        assertThat(r.err()).contains("train takes one --attention kind");
        Path bad = dir.resolve("m.s2s.json");
        Files.writeString(bad, "{\"format\": \"nope\"}");
        r = TrainingCommandsTest.run("decode", "--model", bad.toString(), "--input", "1");
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains(bad.getFileName().toString()).doesNotContain("at rnnlab.");
    }

    @Test
    void experimentComparesAttentionKindsWithOneCsvColumnForIt(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bottleneck.csv");
        TrainingCommandsTest.Out r = TrainingCommandsTest.run("experiment", "--task", "s2s-reverse", "--lengths", "2,3",
                "--attention", "none,additive", "--seeds", "1", "--steps", "2", "--held-out", "10", "--hidden", "8",
                "--out", csv.toString());
        assertThat(r.status()).as(r.err()).isZero();
        var lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("task,attention,length,seed");
        assertThat(lines.subList(1, 5)).extracting(l -> l.split(",")[1]).containsExactly("none", "additive", "none", "additive");
        assertThat(r.out()).contains("none seq%").contains("additive seq%");
    }
}
