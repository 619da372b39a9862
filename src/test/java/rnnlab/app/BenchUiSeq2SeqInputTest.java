package rnnlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench-ui --seq2seq} with a model it cannot use fails before any window opens (it used to wait 60 s
 * for a window that never became ready and then fail without the reason): one line naming the file, the
 * place in it and what was expected; no stack trace.
 */
class BenchUiSeq2SeqInputTest {
    private record Out(int status, String out, String err) {
    }

    private static Out run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int s = rnnlab.cli.Main.execute(new PrintWriter(o, true), new PrintWriter(e, true), Launcher.windowCommands(), args);
        return new Out(s, o.toString(), e.toString());
    }

    private static void oneLineNoTrace(Out r) {
        assertThat(r.err().strip().split("\n")).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("error: ").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aMissingModelFileFailsAtOnceNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere.s2s.json");
        Out r = run("bench-ui", "--seq2seq", missing.toString());
        assertThat(r.status()).isEqualTo(2);
        oneLineNoTrace(r);
        assertThat(r.err()).contains(missing.toString()).contains("--seq2seq").contains("no such file")
                .contains("expects an encoder-decoder model (*.s2s.json, format rnnlab-seq2seq)");
    }

    @Test
    void aCorruptModelFileFailsAtOnceNamingThePlaceAndTheExpectation(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("broken.s2s.json");
        Files.writeString(bad, "{\"format\": \"rnnlab-seq2seq\", \"version\": 1, \"encoder\": 5}");
        Out r = run("bench-ui", "--seq2seq", bad.toString());
        assertThat(r.status()).isEqualTo(2);
        oneLineNoTrace(r);
        assertThat(r.err()).contains(bad.toString()).contains("encoder").contains("expected");
        // not JSON at all
        Files.writeString(bad, "this is not a model");
        r = run("bench-ui", "--seq2seq", bad.toString());
        assertThat(r.status()).isEqualTo(2);
        oneLineNoTrace(r);
        assertThat(r.err()).contains(bad.toString()).contains("expects an encoder-decoder model");
    }

    @Test
    void anInputOrTargetTheModelCannotReadFailsAtOnce() throws Exception {
        Path model = Path.of(getClass().getResource("/rnnlab/ui/seq2seq/s2s-reverse-additive.s2s.json").toURI());
        Out r = run("bench-ui", "--seq2seq", model.toString(), "--s2s-input", "12x4");
        assertThat(r.status()).isEqualTo(2);
        oneLineNoTrace(r);
        assertThat(r.err()).contains("--s2s-input \"12x4\"").contains("s2s-reverse-additive.s2s.json").contains("“x”")
                .contains("0 1 2");
        r = run("bench-ui", "--seq2seq", model.toString(), "--s2s-input", "1234", "--s2s-target", "4y");
        assertThat(r.status()).isEqualTo(2);
        oneLineNoTrace(r);
        assertThat(r.err()).contains("--s2s-target \"4y\"").contains("“y”");
    }
}
