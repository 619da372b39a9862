package rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.engine.Model;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;

/** The streamed trace is the same document as the tree, and one the app could not read is refused. */
class TraceStreamTest {
    @TempDir
    Path dir;

    @Test
    void streamingWritesExactlyTheBytesOfTheTree() throws Exception {
        for (String name : new String[] {"lstm_2layer", "x_gru_2layer_bidir_bce_h0", "x_rnn_relu_bidir_embed_ce"}) {
            Path fx = Path.of("src/test/resources/fixtures");
            Model m = ModelIO.read(fx.resolve(name + ".model.json"));
            Sequence s = SequenceIO.read(fx.resolve(name + ".seq.json"), m.config());
            Run a = new Run(m, s.length());
            a.load(s);
            Path out = dir.resolve(name + ".trace.json");
            TraceIO.write(a, out);
            Run b = new Run(m, s.length());
            b.load(s);
            assertThat(Files.readString(out)).as(name).isEqualTo(JsonNav.MAPPER.writeValueAsString(TraceIO.toJson(b)));
        }
    }

    @Test
    void aTraceLargerThanTheReadLimitIsRefusedAndLeavesNothing() throws Exception {
        Path fx = Path.of("src/test/resources/fixtures");
        Model m = ModelIO.read(fx.resolve("lstm_2layer.model.json"));
        Sequence s = SequenceIO.read(fx.resolve("lstm_2layer.seq.json"), m.config());
        Run run = new Run(m, s.length());
        run.load(s);
        long numbers = TraceIO.numberCount(run);
        Path out = dir.resolve("t.trace.json");
        // surely too large: refused before any work
        assertThatThrownBy(() -> TraceIO.write(run, out, numbers * 5)).isInstanceOf(TraceIO.TooLargeException.class)
                .hasMessageContaining("more than the 0 MB RNN Lab reads");
        // too large only once written: stopped as the bytes pass the limit
        assertThatThrownBy(() -> TraceIO.write(run, out, numbers * 13)).isInstanceOf(TraceIO.TooLargeException.class)
                .hasMessageContaining("larger than");
        try (var l = Files.list(dir)) {
            assertThat(l.count()).isZero();
        }
        assertThat(TraceIO.MAX_BYTES).isEqualTo(Limits.MAX_FILE_BYTES);
    }
}
