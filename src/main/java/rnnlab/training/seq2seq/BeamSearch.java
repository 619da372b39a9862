package rnnlab.training.seq2seq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rnnlab.engine.Seq2SeqModel;
import rnnlab.engine.Seq2SeqRun;

/**
 * Beam-search decoding with a chosen width: at every decoder step each live candidate is extended by
 * every target symbol, and the {@code width} best by total log-probability survive; a candidate that
 * emits the end token is finished. Width 1 is greedy decoding. Every step's beam is kept, so a view or
 * the CLI can show the candidates as they compete.
 *
 * <p>Each extension is scored by a teacher-forced {@link Seq2SeqRun} over the candidate's prefix, so
 * the numbers are exactly the engine's (no second decoder implementation); this costs O(length²) per
 * candidate, which is nothing at the lengths these tasks use.
 */
public final class BeamSearch {
    /** One hypothesis: its tokens (without start and end), Σ log p, and whether it emitted the end token. */
    public record Candidate(int[] tokens, double logProb, boolean finished) {
        @Override
        public String toString() {
            return Arrays.toString(tokens) + String.format(java.util.Locale.ROOT, " %.4f", logProb)
                    + (finished ? " </s>" : "");
        }
    }

    /** The final candidates, best first, and the beam after every decoder step. */
    public record Result(List<Candidate> candidates, List<List<Candidate>> steps) {
        public Candidate best() {
            return candidates.get(0);
        }
    }

    private final Seq2SeqModel model;
    private final Map<Long, Seq2SeqRun> runs = new HashMap<>();

    public BeamSearch(Seq2SeqModel model) {
        this.model = model;
    }

    /** Decodes {@code source} with {@code width} candidates and at most {@code maxSteps} decoder steps (end token included). */
    public Result search(int[] source, int width, int maxSteps) {
        if (width < 1 || width > 1000) {
            throw new IllegalArgumentException("beam width must be 1 … 1000, got " + width);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("beam search needs at least one decoder step");
        }
        int v = model.config().targetVocab();
        List<Candidate> beam = List.of(new Candidate(new int[0], 0.0, false));
        List<List<Candidate>> steps = new ArrayList<>();
        for (int step = 0; step < maxSteps; step++) {
            List<Candidate> next = new ArrayList<>();
            boolean any = false;
            for (Candidate c : beam) {
                if (c.finished()) {
                    next.add(c);
                    continue;
                }
                any = true;
                double[] logp = nextLogProbs(source, c.tokens());
                for (int j = 0; j < v; j++) {
                    if (j == Seq2SeqTask.START_TOKEN) {
                        continue; // the start token is never an output
                    }
                    boolean end = j == Seq2SeqTask.END_TOKEN;
                    int[] toks = end ? c.tokens() : append(c.tokens(), j);
                    next.add(new Candidate(toks, c.logProb() + logp[j], end));
                }
            }
            if (!any) {
                break;
            }
            next.sort(Comparator.comparingDouble(Candidate::logProb).reversed());
            beam = List.copyOf(next.subList(0, Math.min(width, next.size())));
            steps.add(beam);
        }
        return new Result(beam, List.copyOf(steps));
    }

    /** log p(y | source, prefix) over the target vocabulary, from a teacher-forced run over the prefix. */
    public double[] nextLogProbs(int[] source, int[] prefix) {
        int n = prefix.length + 1;
        Seq2SeqRun r = runs.computeIfAbsent(((long) source.length << 32) | n,
                k -> new Seq2SeqRun(model, source.length, n));
        int[] in = new int[n];
        in[0] = Seq2SeqTask.START_TOKEN;
        System.arraycopy(prefix, 0, in, 1, prefix.length);
        r.load(source, in, null);
        r.forward();
        int v = model.config().targetVocab();
        double[] out = new double[v];
        for (int j = 0; j < v; j++) {
            out[j] = Math.log(r.probabilities().get(n - 1, j));
        }
        return out;
    }

    private static int[] append(int[] a, int x) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = x;
        return b;
    }
}
