package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import rnnlab.io.FixtureTraceTest;
import rnnlab.io.Fixtures;

/** The commands end to end: exit status, stdout and the one-line errors on stderr. */
class MainTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Result(int status, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(status, out.toString(), err.toString());
    }

    static String fixture(String file) {
        return Fixtures.path(file).toString();
    }

    @Test
    void traceOfEveryFixtureMatchesPyTorch() throws Exception {
        for (String name : Fixtures.names()) {
            Path out = dir.resolve(name + ".trace.json");
            Result r = run("trace", "--model", fixture(name + ".model.json"), "--seq", fixture(name + ".seq.json"),
                    "--out", out.toString());
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).startsWith("wrote " + out);
            JsonNode expected = JSON.readTree(Fixtures.path(name + ".trace.json").toFile());
            List<String> problems = new ArrayList<>();
            int[] count = new int[1];
            FixtureTraceTest.compare("", expected, JSON.readTree(out.toFile()), problems, count);
            assertThat(problems).as(name).isEmpty();
            assertThat(count[0]).isGreaterThan(100);
        }
    }

    @Test
    void gradcheckPassesOnAFixture() {
        Result r = run("gradcheck", "--model", fixture("lstm_onehot_ce.model.json"),
                "--seq", fixture("lstm_onehot_ce.seq.json"), "--max-per-param", "20");
        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).startsWith("worst at ").contains("OK: every number is within atol + rtol*|numeric|");
    }

    /**
     * A tanh unit whose input is 100: the loss as a function of weight_ih is so steep that finite
     * differences with step 1e-3 are off by about 1e-5 (relative), so the check reports a failure.
     * (With a correct engine, disagreement can only come from the numeric side; this proves the
     * command reports it and exits 1.)
     */
    @Test
    void gradcheckFailsWhenTheNumbersDisagree() throws Exception {
        Path model = dir.resolve("steep.model.json");
        Files.writeString(model, """
                {"format": "rnnlab-model", "version": 1, "cell": "rnn_tanh",
                 "input_size": 1, "hidden_size": 1, "num_layers": 1, "bidirectional": false,
                 "embedding": null, "output": {"size": 1, "activation": "identity"}, "vocab": null,
                 "state_dict": {"rnn.weight_ih_l0": [[0.005]], "rnn.weight_hh_l0": [[0.0]],
                   "rnn.bias_ih_l0": [0.0], "rnn.bias_hh_l0": [0.0],
                   "fc.weight": [[1.0]], "fc.bias": [0.0]}}
                """);
        Path seq = dir.resolve("steep.seq.json");
        Files.writeString(seq, """
                {"format": "rnnlab-sequence", "version": 1, "inputs": [[100.0]], "tokens": null,
                 "targets": [[1.0]], "target_steps": "last", "loss": "mse", "h0": null, "c0": null}
                """);
        Result r = run("gradcheck", "--model", model.toString(), "--seq", seq.toString());
        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).startsWith("worst at rnn.weight_ih_l0[0]").contains("max relative error 1.0")
                .contains("FAILED at rnn.weight_ih_l0[0]: the absolute error 0.000444 is above atol 6.66e-11 and the "
                        + "relative error 1.05e-05 is above rtol 1e-06");
    }

    @Test
    void gradcheckWithoutALoss() throws Exception {
        Path seq = dir.resolve("noloss.seq.json");
        Files.writeString(seq, "{\"format\": \"rnnlab-sequence\", \"version\": 1, \"tokens\": [0, 1, 2]}");
        Result r = run("gradcheck", "--model", fixture("lstm_onehot_ce.model.json"), "--seq", seq.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + seq + ": loss: a gradient check needs a loss: expected "
                + "\"targets\", \"target_steps\" and \"loss\", found null" + System.lineSeparator());
    }

    @Test
    void badModelFileGivesOneLineAndStatus2() throws Exception {
        Path model = dir.resolve("bad.model.json");
        Files.writeString(model, Files.readString(Fixtures.path("lstm_onehot_ce.model.json"))
                .replace("\"hidden_size\"", "\"hidden_sise\""));
        Result r = run("trace", "--model", model.toString(), "--seq", fixture("lstm_onehot_ce.seq.json"),
                "--out", dir.resolve("t.json").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + model + ": hidden_sise: unknown key; did you mean \"hidden_size\"?"
                + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("t.json")).doesNotExist();
    }

    @Test
    void badSequenceFileGivesOneLineAndStatus2() throws Exception {
        Path seq = dir.resolve("bad.seq.json");
        Files.writeString(seq, "{\"format\": \"rnnlab-sequence\", \"version\": 1, \"tokens\": [0, 99],"
                + " \"targets\": [0, 1], \"target_steps\": \"all\", \"loss\": \"cross_entropy\"}");
        Result r = run("trace", "--model", fixture("lstm_onehot_ce.model.json"), "--seq", seq.toString(),
                "--out", dir.resolve("t.json").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + seq + ": tokens[1]: expected a token index from 0 to 4 "
                + "(the model's vocabulary has 5 entries), found 99" + System.lineSeparator());
    }

    @Test
    void missingFile() {
        Path none = dir.resolve("none.model.json");
        Result r = run("trace", "--model", none.toString(), "--seq", "x", "--out", "y");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + none + ": no such file" + System.lineSeparator());
    }

    @Test
    void unwritableOutput() throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "not a directory");
        Path out = blocker.resolve("t.json");
        Result r = run("trace", "--model", fixture("lstm_onehot_ce.model.json"),
                "--seq", fixture("lstm_onehot_ce.seq.json"), "--out", out.toString());
        assertThat(r.status()).isEqualTo(2);
        // checked before the model is read; the message names the path given, then why
        assertThat(r.err()).isEqualTo("error: " + out + ": " + blocker + " is not a folder" + System.lineSeparator());
    }

    @Test
    void missingOptionGivesOneLineAndStatus2() {
        Result r = run("trace", "--model", "m.json");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: Missing required options: '--seq=FILE', '--out=FILE'"
                + " (see: rnnlab trace --help)" + System.lineSeparator());
    }

    @Test
    void unknownCommand() {
        Result r = run("trian");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("error: Unmatched argument at index 0: 'trian'");
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"trace", "gradcheck", "bench"}) {
            Result r = run(cmd, "--help");
            assertThat(r.status()).isZero();
            assertThat(r.out()).startsWith("Usage: rnnlab " + cmd);
        }
        Result top = run("--help");
        assertThat(top.out()).contains("trace", "gradcheck", "bench");
    }

    @Test
    void benchPrintsTimeAndAllocation() {
        Result r = run("bench", "--cell", "gru", "--hidden", "8", "--steps", "4", "--vocab", "5",
                "--windows", "20", "--warmup", "5");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("gru H=8 T=4 vocab=5").contains("mean ").contains("median ")
                .containsPattern("allocated per window: [0-9.]+ bytes");
    }

    @Test
    void benchRefusesAnUnknownCell() {
        Result r = run("bench", "--cell", "transformer");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --cell: unknown cell \"transformer\"");
    }

    @CommandLine.Command(name = "boom")
    static final class Boom implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("unexpected");
        }
    }

    @Test
    void unexpectedFailureGivesOneLineAndStatus3() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Boom());
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler(new ErrorHandler());
        assertThat(cl.execute()).isEqualTo(3);
        assertThat(err.toString()).startsWith("internal error: java.lang.IllegalStateException: unexpected");
        assertThat(err.toString().lines()).hasSize(1);
    }
}
