package rnnlab.training;

import rnnlab.training.tasks.CharVocab;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.TemperatureDraw;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;

/**
 * One-to-many generation from a character model: feed a start text, then repeatedly draw the next
 * character from the softmax at temperature τ (p_i ∝ y_i^{1/τ}, i.e. softmax(z / τ)) and feed it back.
 * τ → 0 approaches always taking the likeliest character; τ = 1 samples the model as it is.
 */
public final class Sampler {
    private Sampler() {
    }

    /** Generates {@code length} characters after {@code start}; a start character the model does not know is refused. */
    public static String sample(Model model, String start, int length, double temperature, long seed) {
        return sample(model, start, length, temperature, seed, true);
    }

    /**
     * The same; with {@code strictStart} false, start characters outside the vocabulary are read as the
     * catch-all symbol instead (the training panel primes every model with "The ").
     */
    public static String sample(Model model, String start, int length, double temperature, long seed,
                                boolean strictStart) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a positive number, got " + temperature);
        }
        if (length < 0 || length > 1_000_000) {
            throw new IllegalArgumentException("length must be between 0 and 1000000");
        }
        ModelConfig c = model.config();
        CharVocab vocab = CharVocab.ofSymbols(c.vocab());
        if (c.outputSize() != vocab.size() || c.tokenCount() != vocab.size()) {
            throw new IllegalArgumentException("the model is not a character model (its output size "
                    + c.outputSize() + " differs from its vocabulary of " + vocab.size() + ")");
        }
        String outside = vocab.describeOutside(start, 10);
        if (strictStart && !outside.isEmpty()) {
            throw new IllegalArgumentException("the start text has characters the model does not know: " + outside
                    + "; the model's vocabulary has " + (vocab.size() - 1) + " characters (see \"vocab\" in its file)");
        }
        int rows = c.numLayers() * c.directions();
        DMatrixRMaj h = new DMatrixRMaj(rows, c.hiddenSize());
        DMatrixRMaj cs = new DMatrixRMaj(rows, c.hiddenSize());
        int[] tok = new int[1];
        Sequence s = Sequence.of(null, tok, null, null, null, null, h, cs);
        Run run = new Run(model, 1);
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder out = new StringBuilder(start);
        int[] prime = vocab.encode(start.isEmpty() ? vocab.symbol(0) : start);
        double[] p = new double[vocab.size()];
        for (int i = 0; i < prime.length + length - 1; i++) {
            tok[0] = i < prime.length ? prime[i] : tok[0];
            run.load(s);
            run.forward();
            run.finalState(h, cs);
            if (i >= prime.length - 1) {
                tok[0] = draw(run.outputs().data, p, temperature, rnd);
                out.append(vocab.symbol(tok[0]));
            }
        }
        return out.toString();
    }

    /** Draws an index from y^{1/τ} (normalised); see {@link TemperatureDraw}. */
    static int draw(double[] y, double[] p, double temperature, SplittableRandom rnd) {
        return TemperatureDraw.draw(y, p, temperature, rnd);
    }
}
