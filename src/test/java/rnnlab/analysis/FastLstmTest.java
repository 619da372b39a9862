package rnnlab.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;

/**
 * {@link FastLstm} (single precision, the input projection batched per chunk) gives the engine's activations:
 * every h and c of every layer of random stacked LSTMs over a text longer than two chunks (so the state is
 * carried from chunk to chunk), one-hot and embedded input, and of the shipped code LSTM, within float rounding.
 * (A large random LSTM with big weights is chaotic: there rounding alone, float or a different order of the
 * sums in double, sends the trajectory elsewhere after a few hundred characters; the README says so.)
 */
class FastLstmTest {
    private static final String SYMBOLS = "abcdefgh \"{}();\n";

    private static CharText text(Model m, int n, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(SYMBOLS.charAt(r.nextInt(SYMBOLS.length())));
        }
        // a character outside the vocabulary reads as the "other" symbol
        sb.append('Z');
        return CharText.encode(sb.toString(), m.config());
    }

    private static void sameAsTheEngine(Model m, CharText t) {
        sameAsTheEngine(m, t, 2e-4);
    }

    private static void sameAsTheEngine(Model m, CharText t, double tolerance) {
        assertThat(FastLstm.applies(m.config())).isTrue();
        Activations fast = Activations.of(m, t, () -> false, k -> { }, true);
        Activations engine = Activations.of(m, t, () -> false, k -> { }, false);
        assertThat(fast.units()).isEqualTo(engine.units());
        double worst = 0;
        double spread = 0;
        for (int k = 0; k < fast.units().size(); k++) {
            float[] a = fast.trace(k);
            float[] b = engine.trace(k);
            for (int i = 0; i < a.length; i++) {
                worst = Math.max(worst, Math.abs(a[i] - b[i]));
                spread = Math.max(spread, Math.abs(b[i]));
            }
        }
        assertThat(spread).as("the activations are not all zero").isGreaterThan(0.3);
        assertThat(worst).as("largest difference from the engine").isLessThan(tolerance);
    }

    @Test
    void theShippedCodeLstmGivesTheEnginesActivationsOnAFileItWasNotTrainedOn() throws Exception {
        Model m = rnnlab.io.imports.ModelFiles.read(java.nio.file.Path.of("assets", "models", "code-lstm.model.json"))
                .modelFor(rnnlab.engine.LossType.CROSS_ENTROPY);
        String s = java.nio.file.Files.readString(java.nio.file.Path.of("src", "test", "java", "rnnlab", "analysis",
                "UnitSearchTest.java"));
        // a trained model is not chaotic: single precision stays within 1e-5 of the engine's doubles over the file
        sameAsTheEngine(m, CharText.encode(s, m.config()), 1e-5);
    }

    @Test
    void aTwoLayerOneHotLstmGivesTheEnginesActivationsAcrossChunks() {
        Model m = AnalysisFixtures.model(CellType.LSTM, SYMBOLS, 24, 2, false, 5);
        sameAsTheEngine(m, text(m, 2 * Activations.CHUNK + 77, 1));
    }

    @Test
    void anEmbeddedThreeLayerLstmGivesTheEnginesActivations() {
        Model m = AnalysisFixtures.model(CellType.LSTM, SYMBOLS, 19, 3, true, 6);
        sameAsTheEngine(m, text(m, Activations.CHUNK + 3, 2));
    }

    @Test
    void otherCellsAndOptionsKeepTheEnginePath() {
        assertThat(FastLstm.applies(AnalysisFixtures.model(CellType.GRU, SYMBOLS, 8, 1, false, 1).config())).isFalse();
        Model m = AnalysisFixtures.model(CellType.LSTM, SYMBOLS, 8, 2, false, 1);
        assertThat(FastLstm.applies(m.config().withOptions(true, false))).isFalse();
        assertThat(FastLstm.applies(m.config().withOptions(false, true))).isFalse();
    }
}
