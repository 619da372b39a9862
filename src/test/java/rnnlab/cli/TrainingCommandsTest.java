package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCommandsTest {
    record Out(int status, String out, String err) {
    }

    static synchronized Out run(String... args) {
        PrintStream o = System.out;
        PrintStream e = System.err;
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        ByteArrayOutputStream be = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bo, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(be, true, StandardCharsets.UTF_8));
            int s = Main.execute(args);
            return new Out(s, bo.toString(StandardCharsets.UTF_8), be.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(o);
            System.setErr(e);
        }
    }

    static JsonNode lastJson(String out) throws Exception {
        String[] lines = out.strip().split("\n");
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }

    @Test
    void trainCharModelSavesItAndSampleWritesText(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("t.txt");
        Files.writeString(text, "abcabcabd ".repeat(200));
        Path model = dir.resolve("m.model.json");
        Out r = run("train", "--task", "charlm", "--text", text.toString(), "--input", "onehot", "--cell", "gru",
                "--hidden", "16", "--layers", "1", "--seq", "10", "--steps", "60", "--optimizer", "adam", "--lr", "1e-2",
                "--clip", "5", "--seed", "3", "--save", model.toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = lastJson(r.out());
        for (String k : new String[] {"final_loss", "metric", "windows_per_sec", "tokens_per_sec", "steps"}) {
            assertThat(j.has(k)).as(k).isTrue();
        }
        assertThat(j.get("steps").asInt()).isEqualTo(60);
        assertThat(j.get("tokens_per_sec").asDouble()).isCloseTo(10 * j.get("windows_per_sec").asDouble(),
                org.assertj.core.data.Offset.offset(1.0));
        assertThat(r.err()).contains("[#").contains("60/60");
        Out s = run("sample", "--model", model.toString(), "--length", "30", "--temperature", "0.5");
        assertThat(s.status()).isZero();
        assertThat(s.out().strip()).hasSizeGreaterThanOrEqualTo(30).matches("[abcd \uFFFD]+");
    }

    @Test
    void trainOnTheCharModelReportsPerplexityAndBitsPerCharOnHeldOutText(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("t.txt");
        Files.writeString(text, "abcabcabd ".repeat(200));
        Out r = run("train", "--task", "charlm", "--text", text.toString(), "--input", "onehot", "--cell", "gru",
                "--hidden", "16", "--seq", "10", "--steps", "60", "--lr", "1e-2", "--seed", "3", "--val-every", "30");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode j = lastJson(r.out());
        assertThat(j.get("metric_name").asText()).isEqualTo("bits per char");
        double bpc = j.get("metric").asDouble();
        double valBpc = j.get("val_metric").asDouble();
        assertThat(j.get("perplexity").asDouble()).isCloseTo(Math.pow(2, bpc), org.assertj.core.data.Percentage.withPercentage(0.01));
        assertThat(j.get("val_perplexity").asDouble()).isCloseTo(Math.pow(2, valBpc),
                org.assertj.core.data.Percentage.withPercentage(0.01));
        // 5 letters + the "other" symbol: a uniform guess has perplexity 6; 60 steps on a repeating text beat it
        assertThat(j.get("val_perplexity").asDouble()).isBetween(1.0, 5.0);
        assertThat(r.err()).contains("(perplexity ");
        Out plain = run("train", "--task", "adding", "--seq", "10", "--steps", "5", "--seed", "3");
        assertThat(lastJson(plain.out()).has("perplexity")).isFalse();
    }

    @Test
    void experimentPrintsTheTableAndWritesCsv(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("r.csv");
        Out r = run("experiment", "--task", "binary-addition", "--cells", "rnn_tanh,gru", "--lengths", "3,4",
                "--seeds", "1", "--steps", "20", "--out", csv.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("rnn_tanh", "gru", "T=3", "T=4", "params");
        assertThat(Files.readAllLines(csv)).hasSize(5);
        assertThat(r.err()).contains("[4/4]");
    }

    @Test
    void badInputGetsOneClearLine() {
        Out r = run("train", "--task", "parity");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: unknown task 'parity'").doesNotContain("\tat ");
        Out m = run("train", "--task", "charlm", "--text", "/no/such/file.txt");
        assertThat(m.status()).isEqualTo(2);
        assertThat(m.err()).contains("/no/such/file.txt");
    }
}
