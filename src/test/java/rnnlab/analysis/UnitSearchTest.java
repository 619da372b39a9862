package rnnlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;

class UnitSearchTest {
    static final String TEXT = "x = \"ab\"; // c\nif (y) { z(\"q\"); }\n".repeat(40);

    @Test
    void chunkedActivationsEqualOneRunOverTheWholeText() {
        Model m = AnalysisFixtures.model(CellType.LSTM, "xyzqabcif=\"(){};/ \n", 4, 2, false, 3);
        CharText ct = CharText.encode(TEXT, m.config());
        assertThat(ct.length()).isGreaterThan(Activations.CHUNK); // the state crosses a chunk boundary
        Activations a = Activations.of(m, ct);
        assertThat(a.units()).hasSize(2 * 2 * 4);
        Run run = new Run(m, ct.length());
        run.load(Sequence.ofTokens(ct.tokens(), null, null));
        run.forward();
        for (int t : new int[] {0, Activations.CHUNK - 1, Activations.CHUNK, ct.length() - 1}) {
            assertThat((double) a.trace(a.indexOf(new UnitId(1, 2, false)))[t]).isCloseTo(run.layer(1, 0).hidden(t, 2), within(1e-6));
            assertThat((double) a.trace(a.indexOf(new UnitId(0, 3, true)))[t]).isCloseTo(run.layer(0, 0).cell(t, 3), within(1e-6));
        }
    }

    @Test
    void ranksByAbsoluteCorrelationWhichMatchesPearsonComputedByHand() {
        Model m = AnalysisFixtures.model(CellType.GRU, "xyzqabcif=\"(){};/ \n", 6, 1, true, 5);
        CharText ct = CharText.encode(TEXT, m.config());
        Activations a = Activations.of(m, ct);
        assertThat(a.units()).hasSize(6); // a GRU has no cell state
        double[] sig = TextPattern.parse("inside-quotes").signal(ct.codePoints());
        List<UnitSearch.Hit> hits = UnitSearch.rank(a, sig, 6);
        assertThat(hits).hasSize(6);
        for (int i = 1; i < hits.size(); i++) {
            assertThat(Math.abs(hits.get(i - 1).corr())).isGreaterThanOrEqualTo(Math.abs(hits.get(i).corr()));
        }
        UnitSearch.Hit best = hits.get(0);
        float[] x = a.trace(best.index());
        double mx = 0, ms = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            ms += sig[i];
        }
        mx /= x.length;
        ms /= x.length;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (sig[i] - ms);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (sig[i] - ms) * (sig[i] - ms);
        }
        assertThat(best.corr()).isCloseTo(sxy / Math.sqrt(sxx * syy), within(1e-9));
        assertThat(Math.abs(best.corr())).isGreaterThan(0.05);
    }

    @Test
    void aUnitThatIsThePatternRanksFirstWithCorrelationOne() {
        double[] sig = {0, 1, 1, 0, 2, 0};
        double ss = 0;
        double mean = 4.0 / 6;
        double[] c = new double[6];
        for (int i = 0; i < 6; i++) {
            c[i] = sig[i] - mean;
            ss += c[i] * c[i];
        }
        assertThat(UnitSearch.pearson(new float[] {1, 3, 3, 1, 5, 1}, c, ss)).isCloseTo(1.0, within(1e-9));
        assertThat(UnitSearch.pearson(new float[] {0, -1, -1, 0, -2, 0}, c, ss)).isCloseTo(-1.0, within(1e-9));
        assertThat(UnitSearch.pearson(new float[] {7, 7, 7, 7, 7, 7}, c, ss)).isZero();
    }

    @Test
    void aConstantPatternOrAWrongModelGetsOneSentence() {
        Model m = AnalysisFixtures.model(CellType.LSTM, "ab", 3, 1, false, 1);
        Activations a = Activations.of(m, CharText.encode("abab", m.config()));
        assertThatThrownBy(() -> UnitSearch.rank(a, new double[] {1, 1, 1, 1}, 3))
                .hasMessageContaining("the same at every character");
        var noVocab = rnnlab.engine.Model.zeros(rnnlab.engine.ModelConfig.simple(CellType.LSTM, 3, 2, 3,
                rnnlab.engine.Activation.SOFTMAX));
        assertThatThrownBy(() -> CharText.encode("ab", noVocab.config())).hasMessageContaining("no character vocabulary");
        assertThat(CharText.encode("a🙂b", m.config()).tokens()).containsExactly(0, 2, 1); // 🙂 → the "other" symbol
    }
}
