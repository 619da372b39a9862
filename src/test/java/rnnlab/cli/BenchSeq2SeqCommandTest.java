package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchSeq2SeqCommandTest {
    @Test
    void printsRnnLabAndThePyTorchScriptsNumbersSideBySide(@TempDir Path dir) throws Exception {
        // a stand-in for the PyTorch script: what bench_seq2seq.py prints, whatever its arguments
        Path fake = dir.resolve("fake.sh");
        Files.writeString(fake, "echo 'warming up'\necho 'pytorch gru $4 T=3 H=8 pairs/s 12.5 13.25 torch 2.0 threads 1'\n");
        TrainingCommandsTest.Out r = TrainingCommandsTest.run("bench-seq2seq", "--length", "3", "--hidden", "8",
                "--rounds", "1", "--seconds", "0.05", "--attention", "dot", "--python", "/bin/sh", "--script",
                fake.toString());
        assertThat(r.status()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("rnnlab   gru  dot       T=3 H=8  pairs/s");
        double rate = Double.parseDouble(lines[1].split("pairs/s")[1].trim().split("\\s+")[0]);
        assertThat(rate).isPositive();
        assertThat(lines[2]).isEqualTo("pytorch  gru  dot       T=3 H=8  pairs/s     12.5  max     13.3  (torch 2.0)");
    }

    @Test
    void withoutPythonThePyTorchLineSaysWhy(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("bench.py");
        Files.writeString(script, "");
        TrainingCommandsTest.Out r = TrainingCommandsTest.run("bench-seq2seq", "--length", "2", "--hidden", "4",
                "--rounds", "1", "--seconds", "0.05", "--attention", "none", "--python", dir.resolve("no-python").toString(),
                "--script", script.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("rnnlab   gru  none").contains("pytorch  not run: cannot start");
        r = TrainingCommandsTest.run("bench-seq2seq", "--rounds", "1", "--seconds", "0.05", "--length", "2",
                "--attention", "none", "--script", dir.resolve("missing.py").toString());
        assertThat(r.out()).contains("pytorch  not run: ").contains("missing.py not found");
    }
}
