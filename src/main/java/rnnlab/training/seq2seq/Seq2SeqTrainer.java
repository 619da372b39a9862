package rnnlab.training.seq2seq;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import rnnlab.engine.AttentionKind;
import rnnlab.engine.CellType;
import rnnlab.engine.Parameters;
import rnnlab.engine.Seq2SeqConfig;
import rnnlab.engine.Seq2SeqModel;
import rnnlab.engine.Seq2SeqRun;
import rnnlab.training.optim.Clipper;
import rnnlab.training.optim.Optimizer;

/**
 * Trains an encoder–decoder on a {@link Seq2SeqTask} with teacher forcing: each step draws {@code batch}
 * pairs, sums their gradients (the loss is Σ over decoder steps of the cross-entropy, averaged over the
 * batch), clips the global norm and takes one optimiser step ({@code training.Optimizer}). Evaluation
 * decodes greedily (the decoder's own predictions as inputs) on held-out pairs from another seed.
 */
public final class Seq2SeqTrainer {
    /** Sizes and schedule; {@code cell} is the encoder's, {@code decoderCell} the decoder's. */
    public record Settings(CellType cell, int embedding, int hidden, int layers, boolean bidirectional,
                           AttentionKind attention, int steps, int batch, String optimizer, double lr, double clip,
                           long seed, CellType decoderCell) {
        public Settings {
            if (steps < 1 || batch < 1 || hidden < 1 || embedding < 1 || layers < 1) {
                throw new IllegalArgumentException("steps, batch, sizes and layers must be at least 1");
            }
            if (decoderCell == null) {
                decoderCell = cell;
            }
        }

        /** The same cell for encoder and decoder. */
        public Settings(CellType cell, int embedding, int hidden, int layers, boolean bidirectional,
                        AttentionKind attention, int steps, int batch, String optimizer, double lr, double clip,
                        long seed) {
            this(cell, embedding, hidden, layers, bidirectional, attention, steps, batch, optimizer, lr, clip, seed, cell);
        }

        /** Quick defaults: GRU, E = 16, H = 32, Adam 0.01, batch 16, clip 5. */
        public static Settings defaults(AttentionKind attention, long seed) {
            return new Settings(CellType.GRU, 16, 32, 1, false, attention, 600, 16, "adam", 0.01, 5.0, seed);
        }

        public Settings withSteps(int s) {
            return new Settings(cell, embedding, hidden, layers, bidirectional, attention, s, batch, optimizer, lr, clip, seed, decoderCell);
        }

        /** Both cells. */
        public Settings withCell(CellType c) {
            return new Settings(c, embedding, hidden, layers, bidirectional, attention, steps, batch, optimizer, lr, clip, seed, c);
        }

        public Settings withAttention(AttentionKind a) {
            return new Settings(cell, embedding, hidden, layers, bidirectional, a, steps, batch, optimizer, lr, clip, seed, decoderCell);
        }

        public Settings withSeed(long s) {
            return new Settings(cell, embedding, hidden, layers, bidirectional, attention, steps, batch, optimizer, lr, clip, s, decoderCell);
        }
    }

    /** Exact-sequence accuracy (whole output right, end token included) and token accuracy. */
    public record Accuracy(double sequence, double token, int examples) {
    }

    private final Seq2SeqTask task;
    private final Settings settings;
    private final Seq2SeqModel model;
    private final Parameters grads;
    private final Optimizer optimizer;
    private final Clipper clipper;
    private final Random data;
    private final Map<Long, Seq2SeqRun> runs = new HashMap<>();
    private int steps;

    public Seq2SeqTrainer(Seq2SeqTask task, Settings s) {
        this.task = task;
        this.settings = s;
        int k = s.hidden() * (s.bidirectional() ? 2 : 1);
        Seq2SeqConfig cfg = new Seq2SeqConfig(s.cell(), task.sourceVocab().size(), s.embedding(), s.hidden(), s.layers(),
                s.bidirectional(), s.decoderCell(), task.targetVocab().size(), s.embedding(), k, s.attention(),
                s.attention() == AttentionKind.ADDITIVE ? k : 0);
        model = Seq2SeqModel.zeros(cfg);
        model.initialise(s.seed());
        grads = Parameters.zeros(cfg.parameterShapes());
        optimizer = Optimizer.create(s.optimizer(), model.params(), grads, s.lr());
        clipper = s.clip() > 0 ? new Clipper(grads, Clipper.Mode.NORM, s.clip()) : Clipper.none(grads);
        data = new Random(s.seed() * 7919 + 17);
    }

    public Seq2SeqModel model() {
        return model;
    }

    public Seq2SeqTask task() {
        return task;
    }

    public int steps() {
        return steps;
    }

    private Seq2SeqRun run(int src, int tgt) {
        return runs.computeIfAbsent(((long) src << 32) | tgt, k -> new Seq2SeqRun(model, src, tgt));
    }

    /** One optimiser step; returns the mean loss per pair, or NaN when a weight became non-finite. */
    public double step() {
        grads.zero();
        double loss = 0;
        for (int b = 0; b < settings.batch(); b++) {
            Seq2SeqTask.Pair p = task.sample(data);
            int n = p.target().length + 1;
            int[] in = new int[n];
            int[] out = new int[n];
            in[0] = Seq2SeqTask.START_TOKEN;
            System.arraycopy(p.target(), 0, in, 1, n - 1);
            System.arraycopy(p.target(), 0, out, 0, n - 1);
            out[n - 1] = Seq2SeqTask.END_TOKEN;
            Seq2SeqRun r = run(p.source().length, n);
            r.load(p.source(), in, out);
            loss += r.forwardBackward();
            Parameters g = r.gradients();
            for (var e : grads.asMap().entrySet()) {
                double[] dst = e.getValue().data;
                double[] src = g.get(e.getKey()).data;
                for (int i = 0; i < dst.length; i++) {
                    dst[i] += src[i] / settings.batch();
                }
            }
        }
        clipper.clip();
        boolean ok = optimizer.step();
        steps++;
        return ok ? loss / settings.batch() : Double.NaN;
    }

    /** Greedy decoding: the tokens up to (not including) the end token, at most {@code task.maxTarget()+1} steps. */
    public int[] greedy(int[] source) {
        return greedy(model, task, source, runs);
    }

    static int[] greedy(Seq2SeqModel model, Seq2SeqTask task, int[] source, Map<Long, Seq2SeqRun> cache) {
        int max = task.maxTarget() + 1;
        Seq2SeqRun r = cache.computeIfAbsent(((long) source.length << 32) | max, k -> new Seq2SeqRun(model, source.length, max));
        r.load(source, new int[] {Seq2SeqTask.START_TOKEN}, null, true);
        r.forward();
        int[] p = r.predictions();
        int n = 0;
        while (n < p.length && p[n] != Seq2SeqTask.END_TOKEN) {
            n++;
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = p[i];
        }
        return out;
    }

    /** Accuracy of greedy decoding on {@code n} held-out pairs drawn from {@code seed}. */
    public Accuracy evaluate(long seed, int n) {
        Random r = new Random(seed * 1_000_003L + 99991);
        int exact = 0;
        long right = 0;
        long total = 0;
        for (int i = 0; i < n; i++) {
            Seq2SeqTask.Pair p = task.sample(r);
            int[] got = greedy(p.source());
            int len = p.target().length + 1; // the end token counts
            for (int t = 0; t < len; t++) {
                int want = t < p.target().length ? p.target()[t] : Seq2SeqTask.END_TOKEN;
                int have = t < got.length ? got[t] : (t == got.length ? Seq2SeqTask.END_TOKEN : -1);
                if (want == have) {
                    right++;
                }
            }
            total += len;
            if (java.util.Arrays.equals(got, p.target())) {
                exact++;
            }
        }
        return new Accuracy((double) exact / n, (double) right / total, n);
    }

    /** A few held-out examples as "input → output (expected)". */
    public List<String> samples(long seed, int n) {
        Random r = new Random(seed * 1_000_003L + 99991);
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            Seq2SeqTask.Pair p = task.sample(r);
            String in = task.show(task.sourceVocab(), p.source(), task.sourceWords());
            String got = task.show(task.targetVocab(), greedy(p.source()), false);
            String want = task.show(task.targetVocab(), p.target(), false);
            out.add(in + " → " + got + (got.equals(want) ? "" : "  (" + want + ")"));
        }
        return out;
    }
}
