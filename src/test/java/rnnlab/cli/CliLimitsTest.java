package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line refuses sizes out of range, and work that cannot fit in memory, at once, with the
 * allowed range or the estimate and the limit, and exit status 2 (before: out of memory after many
 * seconds, no output at all, or "--seq 0" silently meaning the default).
 */
class CliLimitsTest {
    @TempDir
    Path dir;

    static TrainingCommandsTest.Out run(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> TrainingCommandsTest.run(args));
    }

    static void refused(TrainingCommandsTest.Out r, String message) {
        assertThat(r.status()).as(r.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: " + message);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void hiddenOutOfRange() {
        refused(run("train", "--task", "sine", "--hidden", "10000000"), "--hidden must be from 1 to 4096, found 10000000");
        refused(run("train", "--task", "sine", "--hidden", "0"), "--hidden must be from 1 to 4096, found 0");
    }

    @Test
    void layersOutOfRange() {
        refused(run("train", "--task", "sine", "--layers", "1000000"), "--layers must be from 1 to 16, found 1000000");
    }

    @Test
    void batchOutOfRange() {
        refused(run("train", "--task", "sine", "--batch", "1000000000"), "--batch must be from 1 to 10000, found 1000000000");
        refused(run("train", "--task", "sine", "--batch", "-1"), "--batch must be from 1 to 10000, found -1");
    }

    @Test
    void seqOutOfRangeIncludingZero() {
        refused(run("train", "--task", "copy", "--seq", "0"), "--seq must be from 1 to 100000, found 0");
        refused(run("train", "--task", "copy", "--seq", "1000000"), "--seq must be from 1 to 100000, found 1000000");
        refused(run("experiment", "--task", "copy", "--lengths", "5,0"), "--seq must be from 1 to 100000, found 0");
    }

    @Test
    void trainingThatCannotFitIsRefusedWithTheEstimateAndTheLimit() {
        TrainingCommandsTest.Out r = run("train", "--task", "charlm", "--hidden", "4096", "--layers", "16", "--seq",
                "5000", "--optimizer", "adam");
        assertThat(r.status()).as(r.err()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).startsWith("error: training lstm H=4096 with 16 layers over 5000 steps needs about ")
                .contains(" GB of memory, more than the limit of ").contains("of the Java heap");
        assertThat(r.err().strip()).doesNotContain("\n");
    }

    @Test
    void traceOfAFileDeclaringHugeSizesIsRefusedAtOnce() throws Exception {
        Path m = dir.resolve("huge.model.json");
        Files.writeString(m, rnnlab.io.ModelSizeLimitsTestAccess.hugeDeclaredModel());
        Path s = dir.resolve("x.seq.json");
        Files.writeString(s, "{\"format\":\"rnnlab-sequence\",\"version\":1,\"tokens\":[0],\"inputs\":null}");
        for (String cmd : new String[] {"trace", "gradcheck"}) {
            var r = cmd.equals("trace")
                    ? run(cmd, "--model", m.toString(), "--seq", s.toString(), "--out", dir.resolve("t.json").toString())
                    : run(cmd, "--model", m.toString(), "--seq", s.toString());
            refused(r, m + ": state_dict.rnn.weight_ih_l0: expected 4096 rows of 100000 numbers, found 1");
        }
        refused(run("sample", "--model", m.toString()),
                m + ": state_dict.rnn.weight_ih_l0: expected 4096 rows of 100000 numbers, found 1");
    }

    @Test
    void aTorchSaveFileIsNamedWithoutEchoingItsBytes() throws Exception {
        // a zip is read as a torch.save file whatever its name; this one is cut short
        Path pt = dir.resolve("net.model.json");
        Files.write(pt, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 8, 8, 0, 0, 0, 0x1b, ']', '0', ';', 7, 'x'});
        var r = run("trace", "--model", pt.toString(), "--seq", pt.toString(), "--out", dir.resolve("t.json").toString());
        assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).startsWith("error: " + pt + ": damaged zip archive");
        assertThat(r.err().strip().chars().filter(c -> c < 0x20 || c == 0x7f)).isEmpty();
    }
}
