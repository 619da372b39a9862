package rnnlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@code bench-ui --text-lab}, headless on Monocle: the shipped code LSTM over the Java corpus opens in the text
 * lab window, its long text view scrolls for a fraction of a second and the report has finite figures (not a
 * timed test: nothing asserts a frame rate). Bad input fails before any window opens, in one line.
 */
class BenchUiTextLabTest extends ApplicationTest {
    private Stage stage;

    @Override
    public void start(Stage s) {
        stage = s;
    }

    @Test
    void textLabScrollsTheLongTextViewAndReportsFiniteFigures() throws Exception {
        UiBenchmark.withTextLab(UiBenchmark.defaultTextLab());
        UiBenchmark.Result r;
        try {
            var future = WaitForAsyncUtils.asyncFx(() -> UiBenchmark.startOn(stage,
                    new UiBenchmark.Options(16, 10, 6, 60, 2, false, 0, false, 1, List.of())))
                    .get(60, TimeUnit.SECONDS);
            r = future.get(180, TimeUnit.SECONDS);
        } finally {
            UiBenchmark.withTextLab(null);
        }
        String out = r.report();
        assertThat(r.ok()).as(out).isTrue();
        // the window reads the corpus's last 50,000 characters and shades them by the best unit
        assertThat(out).startsWith("bench-ui --text-lab: code-lstm.model.json over rnnlab-java.txt (50000 characters")
                .contains("shaded by the best inside-quotes unit").contains("CPU ms per frame by thread:");
        assertThat(number(out, "average ([0-9.]+) fps")).isPositive();
        Matcher m = Pattern.compile("frame interval ms: p50 ([0-9.]+), p95 ([0-9.]+), p99 ([0-9.]+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        for (int i = 1; i <= 3; i++) {
            assertThat(Double.parseDouble(m.group(i))).isFinite().isPositive();
        }
        assertThat(number(out, "long text view: (\\d+) redraws")).isPositive();
        // it scrolled: down from the top, 6 px a frame
        assertThat(number(out, "final scroll position: (\\d+) of")).isPositive();
    }

    private record Out(int status, String out, String err) {
    }

    private static Out run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int s = rnnlab.cli.Main.execute(new PrintWriter(o, true), new PrintWriter(e, true), Launcher.windowCommands(), args);
        return new Out(s, o.toString(), e.toString());
    }

    private static void oneLineNoTrace(Out r) {
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip().split("\n")).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("error: ").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badInputFailsAtOnceInOneLine(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nowhere.model.json");
        Out r = run("bench-ui", "--text-lab", missing.toString());
        oneLineNoTrace(r);
        assertThat(r.err()).contains(missing.toString()).contains("expects a character model");

        Path noText = dir.resolve("nowhere.txt");
        r = run("bench-ui", "--text-lab", "--text-lab-text", noText.toString());
        oneLineNoTrace(r);
        assertThat(r.err()).contains(noText.toString()).contains("no such file");

        Path shortText = dir.resolve("short.txt");
        Files.writeString(shortText, "int x = \"quote\";\n".repeat(10));
        r = run("bench-ui", "--text-lab", "--text-lab-text", shortText.toString());
        oneLineNoTrace(r);
        assertThat(r.err()).contains(shortText.toString()).contains("170 characters").contains("at least 2000");

        // a model that is not a character model (the encoder-decoder's file is not even a single network)
        Path s2s = Path.of(getClass().getResource("/rnnlab/ui/seq2seq/s2s-reverse-additive.s2s.json").toURI());
        r = run("bench-ui", "--text-lab", s2s.toString());
        oneLineNoTrace(r);
        assertThat(r.err()).contains(s2s.toString());
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        assertThat(m.find()).as(regex + " in\n" + out).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
