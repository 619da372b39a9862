package rnnlab.analysis;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.TemperatureDraw;
import rnnlab.engine.LayerState;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;

/**
 * Generation one character at a time with the inside visible: after each character the caller can read
 * every unit of every layer (h, and the LSTM cell state c) and every gate, so a view can show the gates
 * and the belt while the model writes. The same draw as {@code Sampler}: p_i ∝ y_i^{1/τ}.
 */
public final class StepSampler {
    private final ModelConfig cfg;
    private final java.util.List<String> vocab;
    private final Run run;
    private final DMatrixRMaj h;
    private final DMatrixRMaj c;
    private final int[] tok = new int[1];
    private final Sequence seq;
    private final double[] p;
    private final SplittableRandom rnd;
    private final double temperature;
    private int next = -1;

    /** A sampler of {@code model} at {@code temperature} (&gt; 0) with a seeded random draw. */
    public StepSampler(Model model, double temperature, long seed) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a positive number, got " + temperature);
        }
        this.cfg = model.config();
        CharText.requireCharModel(cfg);
        this.vocab = cfg.vocab();
        int rows = cfg.numLayers() * cfg.directions();
        this.h = new DMatrixRMaj(rows, cfg.hiddenSize());
        this.c = new DMatrixRMaj(rows, cfg.hiddenSize());
        this.seq = Sequence.of(null, tok, null, null, null, null, h, c);
        this.run = new Run(model, 1);
        this.p = new double[vocab.size()];
        this.rnd = new SplittableRandom(seed);
        this.temperature = temperature;
    }

    /** Feeds the prime text (characters outside the vocabulary become the catch-all symbol). */
    public void prime(String text) {
        int[] t = CharText.encode(text.isEmpty() ? vocab.get(0) : text, cfg).tokens();
        for (int x : t) {
            feed(x);
        }
    }

    /** Draws the next character from the last output, feeds it, and returns it. */
    public String step() {
        if (next < 0) {
            throw new IllegalStateException("prime the sampler first");
        }
        int x = TemperatureDraw.draw(run.outputs().data, p, temperature, rnd);
        feed(x);
        return vocab.get(x);
    }

    /** Feeds a chosen character (a quatrain's punctuation) instead of drawing one. */
    public void force(String ch) {
        feed(CharText.encode(ch, cfg).tokens()[0]);
    }

    /** Draws until a CJK ideograph comes (at most 50 draws, then the last draw), feeds it and returns it. */
    public String stepIdeograph() {
        if (next < 0) {
            throw new IllegalStateException("prime the sampler first");
        }
        int x = 0;
        for (int k = 0; k < 50; k++) {
            x = TemperatureDraw.draw(run.outputs().data, p, temperature, rnd);
            String s = vocab.get(x);
            if (!s.isEmpty() && Character.isIdeographic(s.codePointAt(0))) {
                break;
            }
        }
        feed(x);
        return vocab.get(x);
    }

    /**
     * A 五言 (n = 5) or 七言 (n = 7) quatrain from {@code first}: four lines of n characters the model
     * draws (only ideographs), with "，" after lines 1 and 3 and "。" plus a new line after lines 2 and 4.
     */
    public static String quatrain(Model model, String first, int n, double temperature, long seed) {
        if (n != 5 && n != 7) {
            throw new IllegalArgumentException("a quatrain has 5 or 7 characters a line, not " + n);
        }
        StepSampler s = new StepSampler(model, temperature, seed);
        StringBuilder b = new StringBuilder(first);
        s.prime(first);
        for (int line = 0; line < 4; line++) {
            for (int k = line == 0 ? first.codePointCount(0, first.length()) : 0; k < n; k++) {
                b.append(s.stepIdeograph());
            }
            String end = line % 2 == 0 ? "，" : "。\n";
            for (int k = 0; k < end.length(); k++) {
                s.force(end.substring(k, k + 1));
            }
            b.append(end);
        }
        return b.toString();
    }

    private void feed(int x) {
        tok[0] = x;
        run.load(seq);
        run.forward();
        run.finalState(h, c);
        next = x;
    }

    /** The value of hidden unit {@code unit} of {@code layer} (or its cell state) after the last character. */
    public double unit(UnitId id) {
        LayerState st = run.layer(id.layer(), 0);
        return id.cellState() ? st.cell(0, id.unit()) : st.hidden(0, id.unit());
    }

    /** Gate block {@code block} of layer {@code layer}, unit {@code unit}, at the last character. */
    public double gate(int layer, int block, int unit) {
        return run.layer(layer, 0).gate(0, block, unit);
    }

    public ModelConfig config() {
        return cfg;
    }

    public rnnlab.engine.CellType cell() {
        return cfg.cell();
    }

    public int hiddenSize() {
        return cfg.hiddenSize();
    }
}
