package rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;

/** The one CSV writer quotes what needs quoting and nothing else; the trace table keeps its shape. */
class CsvTest {

    @Test
    void textWithCommasAndQuotesIsQuotedNumbersAndEmptiesAreNot() {
        String csv = Csv.table(List.of("a", "b", "c"), rows -> {
            rows.row(1, 0.5, null);
            rows.row("x", "said \"no\", twice", "two\nlines");
        });
        assertThat(csv).isEqualTo("a,b,c\n1,0.5,\nx,\"said \"\"no\"\", twice\",\"two\nlines\"\n");
    }

    @Test
    void traceRowsHaveOneFieldPerColumnAndFullPrecision() {
        ModelConfig cfg = new ModelConfig(CellType.LSTM, 3, 2, 1, false, 0, 3, Activation.SOFTMAX, null);
        Model m = Model.zeros(cfg);
        m.params().asMap().values().forEach(w -> java.util.Arrays.fill(w.data, 0.1));
        Run run = new Run(m, 2);
        run.load(Sequence.ofTokens(new int[] {0, 1}, null, null));
        String[] lines = TraceCsv.toCsv(run).split("\n");
        assertThat(lines[0]).isEqualTo("layer,direction,step,unit,h,c,gate_i,gate_f,gate_g,gate_o,grad_h,grad_c");
        assertThat(lines).hasSize(1 + 2 * 2);
        String[] f = lines[1].split(",", -1);
        assertThat(f).hasSize(12);
        assertThat(f[0] + f[1] + f[2] + f[3]).isEqualTo("1011");
        assertThat(Double.parseDouble(f[4])).isEqualTo(run.layer(0, 0).hidden(0, 0));
        assertThat(f[4]).isEqualTo(String.valueOf(run.layer(0, 0).hidden(0, 0)));
        assertThat(f[10]).isEmpty(); // no loss: no gradients
        assertThat(f[11]).isEmpty();
    }
}
