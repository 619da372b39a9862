package rnnlab.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;

/** Small random character models for the analysis tests. */
final class AnalysisFixtures {
    private AnalysisFixtures() {
    }

    /** A character model over {@code symbols} (one-hot, or a 3-wide embedding) with weights U(−0.6, 0.6). */
    static Model model(CellType cell, String symbols, int hidden, int layers, boolean embedding, long seed) {
        List<String> vocab = new ArrayList<>();
        symbols.codePoints().forEach(c -> vocab.add(new String(Character.toChars(c))));
        vocab.add(CharText.OTHER);
        int v = vocab.size();
        ModelConfig cfg = new ModelConfig(cell, embedding ? 3 : v, hidden, layers, false, embedding ? v : 0, v,
                Activation.SOFTMAX, vocab);
        Model m = Model.zeros(cfg);
        Random r = new Random(seed);
        for (String name : m.params().names()) {
            DMatrixRMaj w = m.params().get(name);
            for (int i = 0; i < w.data.length; i++) {
                w.data[i] = (r.nextDouble() * 2 - 1) * 0.6;
            }
        }
        return m;
    }
}
