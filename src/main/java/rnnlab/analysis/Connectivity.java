package rnnlab.analysis;

import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;

/**
 * Distill-style connectivity: for the prediction made after reading character {@code p} (of the
 * character {@code target}), the norm of the gradient of log p(target) with respect to each earlier
 * input x_t (the one-hot vector or the embedding row), computed by the engine's BPTT. Characters before
 * the window start the run through their final state, but get no gradient of their own.
 */
public final class Connectivity {
    /** The longest window looked back over. */
    public static final int MAX_WINDOW = 2000;

    /** The result: the window's first character, the log-probability, and one gradient norm per window character. */
    public record Result(int from, int position, int target, double logProb, double[] norms) {
        /** The norm at character {@code i} of the text (0 outside the window). */
        public double at(int i) {
            int k = i - from;
            return k >= 0 && k < norms.length ? norms[k] : 0;
        }
    }

    private Connectivity() {
    }

    /**
     * The gradient norms for the prediction after character {@code position}; {@code target} is a token
     * id or −1 for the character that actually follows (or, at the end of the text, the likeliest).
     */
    public static Result of(Model model, CharText text, int position, int target, int window) {
        ModelConfig cfg = model.config();
        CharText.requireCharModel(cfg);
        int n = text.length();
        if (position < 0 || position >= n) {
            throw new IllegalArgumentException("position " + position + " is outside the text (0 to " + (n - 1) + ")");
        }
        if (window < 1 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("the window must be 1 to " + MAX_WINDOW + " characters, got " + window);
        }
        int[] tokens = text.tokensShared();
        int from = Math.max(0, position - window + 1);
        DMatrixRMaj h0 = null;
        DMatrixRMaj c0 = null;
        if (from > 0) {
            DMatrixRMaj[] st = stateAfter(model, tokens, from);
            h0 = st[0];
            c0 = st[1];
        }
        int len = position - from + 1;
        int[] x = java.util.Arrays.copyOfRange(tokens, from, position + 1);
        if (target < 0) {
            target = position + 1 < n ? tokens[position + 1] : likeliest(model, x, h0, c0);
        }
        if (target >= cfg.outputSize()) {
            throw new IllegalArgumentException("target " + target + " is outside the vocabulary of " + cfg.outputSize());
        }
        Run run = new Run(model, len);
        Sequence s = Sequence.ofTokens(x, new int[] {target}, TargetSteps.LAST);
        if (h0 != null) {
            s = s.withInitialState(h0, c0);
        }
        run.setInputGradients(true);
        run.load(s);
        double loss = run.forwardBackward(); // −log p(target): its gradient is minus that of log p
        var l0 = run.layer(0, 0);
        double[] g = new double[l0.inputSize()];
        double[] norms = new double[len];
        for (int t = 0; t < len; t++) {
            l0.gradInput(t, g);
            double sum = 0;
            for (double v : g) {
                sum += v * v;
            }
            norms[t] = Math.sqrt(sum);
        }
        return new Result(from, position, target, -loss, norms);
    }

    /** h and c after the first {@code k} tokens (run in chunks). */
    static DMatrixRMaj[] stateAfter(Model model, int[] tokens, int k) {
        ModelConfig cfg = model.config();
        DMatrixRMaj h = new DMatrixRMaj(cfg.numLayers(), cfg.hiddenSize());
        DMatrixRMaj c = cfg.cell().hasCellState() ? new DMatrixRMaj(cfg.numLayers(), cfg.hiddenSize()) : null;
        Run run = null;
        for (int start = 0; start < k; start += Activations.CHUNK) {
            int len = Math.min(Activations.CHUNK, k - start);
            if (run == null || run.length() != len) {
                run = new Run(model, len);
            }
            Sequence s = Sequence.ofTokens(java.util.Arrays.copyOfRange(tokens, start, start + len), null, null);
            if (start > 0) {
                s = s.withInitialState(h.copy(), c == null ? null : c.copy());
            }
            run.load(s);
            run.forward();
            run.finalState(h, c);
        }
        return new DMatrixRMaj[] {h, c};
    }

    private static int likeliest(Model model, int[] x, DMatrixRMaj h0, DMatrixRMaj c0) {
        Run run = new Run(model, x.length);
        Sequence s = Sequence.ofTokens(x, null, null);
        if (h0 != null) {
            s = s.withInitialState(h0, c0);
        }
        run.load(s);
        run.forward();
        DMatrixRMaj y = run.outputs();
        int row = x.length - 1;
        int best = 0;
        for (int j = 1; j < y.numCols; j++) {
            if (y.get(row, j) > y.get(row, best)) {
                best = j;
            }
        }
        return best;
    }
}
