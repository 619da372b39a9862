package rnnlab.engine;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/** Random architectures, weights and sequences for cross-checks (every combination the engine supports). */
final class RandomModels {
    private RandomModels() {
    }

    record Case(Model model, Sequence seq, String description) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Case random(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        CellType cell = CellType.values()[r.nextInt(4)];
        int hidden = 1 + r.nextInt(6);
        int layers = 1 + r.nextInt(3);
        boolean bidi = r.nextBoolean();
        boolean tokens = r.nextBoolean();
        int embVocab = tokens && r.nextBoolean() ? 2 + r.nextInt(5) : 0;
        int input = 1 + r.nextInt(5);
        // Head: none, softmax, sigmoid or identity; the loss must suit it.
        int headKind = r.nextInt(4);
        int out = headKind == 0 ? 0 : 1 + r.nextInt(4);
        Activation act = headKind == 0 ? null : Activation.values()[headKind - 1];
        LossType loss;
        if (act == Activation.SOFTMAX) {
            loss = r.nextBoolean() ? LossType.CROSS_ENTROPY : LossType.MSE;
        } else if (act == Activation.SIGMOID) {
            loss = r.nextBoolean() ? LossType.BCE : LossType.MSE;
        } else {
            loss = LossType.MSE;
        }
        TargetSteps steps = r.nextBoolean() ? TargetSteps.ALL : TargetSteps.LAST;
        ModelConfig cfg = new ModelConfig(cell, input, hidden, layers, bidi, embVocab, out, act, null);
        Model model = Model.zeros(cfg);
        double scale = 0.3 + r.nextDouble();
        for (DMatrixRMaj m : model.params().asMap().values()) {
            for (int i = 0; i < m.getNumElements(); i++) {
                m.data[i] = (r.nextDouble() * 2 - 1) * scale;
            }
        }
        int len = 1 + r.nextInt(7);
        int[] toks = null;
        DMatrixRMaj inputs = null;
        if (tokens) {
            toks = new int[len];
            for (int t = 0; t < len; t++) {
                toks[t] = r.nextInt(cfg.tokenCount());
            }
        } else {
            inputs = uniform(r, len, input);
        }
        int n = steps == TargetSteps.ALL ? len : 1;
        int[] classes = null;
        DMatrixRMaj vectors = null;
        if (loss == LossType.CROSS_ENTROPY) {
            classes = new int[n];
            for (int k = 0; k < n; k++) {
                classes[k] = r.nextInt(out);
            }
        } else {
            vectors = uniform(r, n, cfg.outputWidth());
            if (loss == LossType.BCE) {
                for (int i = 0; i < vectors.getNumElements(); i++) {
                    vectors.data[i] = Math.abs(vectors.data[i]);
                }
            }
        }
        int rows = layers * cfg.directions();
        DMatrixRMaj h0 = r.nextBoolean() ? uniform(r, rows, hidden) : null;
        DMatrixRMaj c0 = cell == CellType.LSTM && r.nextBoolean() ? uniform(r, rows, hidden) : null;
        Sequence seq = Sequence.of(inputs, toks, classes, vectors, steps, loss, h0, c0);
        String desc = String.format("seed=%d %s H=%d L=%d bidi=%b emb=%d in=%d head=%s %s %s T=%d", seed, cell.id(),
                hidden, layers, bidi, embVocab, tokens ? cfg.tokenCount() : input, act, loss.id(), steps.id(), len);
        return new Case(model, seq, desc);
    }

    static DMatrixRMaj uniform(SplittableRandom r, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] = r.nextDouble() * 2 - 1;
        }
        return m;
    }
}
