package rnnlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@code bench-ui --seq2seq}, headless on Monocle: the shipped attention model opens in the encoder–decoder
 * window, its cursor steps a few times (into BPTT, with the target) and the report has finite figures.
 */
class BenchUiSeq2SeqTest extends ApplicationTest {
    private Stage stage;

    @Override
    public void start(Stage s) {
        stage = s;
    }

    @Test
    void seq2seqOptionStepsTheAttentionWindowAndReportsFiniteFigures() throws Exception {
        UiBenchmark.withSeq2Seq(UiBenchmark.defaultSeq2Seq());
        UiBenchmark.Result r;
        try {
            var future = WaitForAsyncUtils.asyncFx(() -> UiBenchmark.startOn(stage,
                    new UiBenchmark.Options(16, 10, 6, 60, 2, false, 0, false, 1, List.of())))
                    .get(60, TimeUnit.SECONDS);
            r = future.get(120, TimeUnit.SECONDS);
        } finally {
            UiBenchmark.withSeq2Seq(null);
        }
        String out = r.report();
        assertThat(r.ok()).as(out).isTrue();
        assertThat(out).contains("bench-ui --seq2seq: dates-additive.s2s.json").contains("view.attention");
        assertThat(number(out, "average ([0-9.]+) fps")).isPositive();
        Matcher m = Pattern.compile("frame interval ms: p50 ([0-9.]+), p95 ([0-9.]+), p99 ([0-9.]+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        for (int i = 1; i <= 3; i++) {
            assertThat(Double.parseDouble(m.group(i))).isFinite().isPositive();
        }
        assertThat(number(out, "\\(> 25 ms\\): \\d+ of \\d+ \\(([0-9.]+) %\\)")).isBetween(0.0, 100.0);
        assertThat(number(out, "step latency ms [^:]*: p50 ([0-9.]+)")).isFinite().isPositive();
        // 2 warm-up and 6 measured steps from the start: the cursor is at 8
        assertThat(out).contains("final cursor: 8 of ");
    }

    @Test
    void aTargetTheModelCannotReadEndsTheBenchmarkAtOnceWithTheWindowsMessage() throws Exception {
        UiBenchmark.Seq2Seq d = UiBenchmark.defaultSeq2Seq();
        UiBenchmark.withSeq2Seq(new UiBenchmark.Seq2Seq(d.model(), d.input(), "2021-03-0x"));
        UiBenchmark.Result r;
        try {
            // a stage of its own: the benchmark closes it, and the other test needs the primary stage open
            var future = WaitForAsyncUtils.asyncFx(() -> UiBenchmark.startOn(new Stage(),
                    new UiBenchmark.Options(16, 10, 6, 60, 2, false, 0, false, 1, List.of())))
                    .get(60, TimeUnit.SECONDS);
            // well within the 60 s the benchmark used to wait for a window that never became ready
            r = future.get(30, TimeUnit.SECONDS);
        } finally {
            UiBenchmark.withSeq2Seq(null);
        }
        assertThat(r.ok()).isFalse();
        assertThat(r.report()).startsWith("bench-ui --seq2seq: ").contains("dates-additive.s2s.json").contains("“x”")
                .doesNotContain("did not open");
    }

    private static double number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        assertThat(m.find()).as(regex + " in\n" + out).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
