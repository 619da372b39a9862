package rnnlab.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.AttentionKind;
import rnnlab.engine.Seq2SeqModel;
import rnnlab.engine.Seq2SeqRun;
import rnnlab.io.Seq2SeqIO;
import rnnlab.training.seq2seq.Seq2SeqTask;

/**
 * The headless step-by-step cursor over one encoder–decoder pair, for the views and the lessons: forward
 * steps are first the encoder's (one per schedule group, as for the other models), then one per decoder
 * step, each exposing the attention scores, weights and context ({@link #decoderStep}); backward steps
 * walk BPTT from the last decoder step to the first (through the attention weights into every encoder
 * state) and then back through the encoder. No JavaFX: the UI calls it off the FX thread and reads the
 * arrays it returns (copies, safe to keep).
 *
 * <ul>
 *   <li>{@link #teacherForced}: decoder inputs are the true previous tokens; a loss and BPTT exist.</li>
 *   <li>{@link #greedy}: decoder inputs are the model's own previous predictions, up to the end token;
 *       no targets, so no BPTT.</li>
 * </ul>
 */
public final class Seq2SeqCursor {
    /** Where the forward cursor is. */
    public enum Phase { ENCODER, DECODER, DONE }

    /**
     * Decoder step t: its input token (y_{t−1}), the scores e_{t,s}, the weights a_{t,s}, the context c_t
     * (all empty without attention), the state s_t, the output probabilities, the arg max, the step loss
     * (0 without targets) and, once BPTT has passed the step, dL/da_{t,s} (else null).
     */
    public record DecoderStep(int t, int inputToken, double[] scores, double[] weights, double[] context,
                              double[] state, double[] probabilities, int predicted, double loss,
                              double[] weightGradients) {
    }

    private final Seq2SeqRun run;
    private final List<String> sourceVocab;
    private final List<String> targetVocab;
    private final boolean hasTargets;

    private Seq2SeqCursor(Seq2SeqRun run, List<String> sourceVocab, List<String> targetVocab, boolean hasTargets) {
        this.run = run;
        this.sourceVocab = List.copyOf(sourceVocab);
        this.targetVocab = List.copyOf(targetVocab);
        this.hasTargets = hasTargets;
    }

    /** Teacher forcing on (source → target); {@code target} without start and end tokens. */
    public static Seq2SeqCursor teacherForced(Seq2SeqModel model, List<String> sourceVocab, List<String> targetVocab,
                                              int[] source, int[] target) {
        int n = target.length + 1;
        int[] in = new int[n];
        int[] out = new int[n];
        in[0] = Seq2SeqTask.START_TOKEN;
        System.arraycopy(target, 0, in, 1, n - 1);
        System.arraycopy(target, 0, out, 0, n - 1);
        out[n - 1] = Seq2SeqTask.END_TOKEN;
        Seq2SeqRun r = new Seq2SeqRun(model, source.length, n);
        r.load(source, in, out);
        return new Seq2SeqCursor(r, sourceVocab, targetVocab, true);
    }

    public static Seq2SeqCursor teacherForced(Seq2SeqIO.Loaded m, int[] source, int[] target) {
        return teacherForced(m.model(), m.sourceVocab(), m.targetVocab(), source, target);
    }

    /** Greedy generation: as many decoder steps as the model takes to emit the end token (at most {@code maxSteps}). */
    public static Seq2SeqCursor greedy(Seq2SeqModel model, List<String> sourceVocab, List<String> targetVocab,
                                       int[] source, int maxSteps) {
        Seq2SeqRun probe = new Seq2SeqRun(model, source.length, maxSteps);
        probe.load(source, new int[] {Seq2SeqTask.START_TOKEN}, null, true);
        probe.forward();
        int[] p = probe.predictions();
        int n = 0;
        while (n < p.length && p[n] != Seq2SeqTask.END_TOKEN) {
            n++;
        }
        int steps = Math.min(maxSteps, n + 1);
        Seq2SeqRun r = new Seq2SeqRun(model, source.length, steps);
        r.load(source, new int[] {Seq2SeqTask.START_TOKEN}, null, true);
        return new Seq2SeqCursor(r, sourceVocab, targetVocab, false);
    }

    public static Seq2SeqCursor greedy(Seq2SeqIO.Loaded m, int[] source, int maxSteps) {
        return greedy(m.model(), m.sourceVocab(), m.targetVocab(), source, maxSteps);
    }

    // ---- cursors ----------------------------------------------------------------------------------

    public Phase phase() {
        if (run.position() < run.encoderSteps()) {
            return Phase.ENCODER;
        }
        return run.forwardComplete() ? Phase.DONE : Phase.DECODER;
    }

    /** Forward steps: encoder groups, then decoder steps. */
    public int forwardSteps() {
        return run.forwardSteps();
    }

    public int encoderSteps() {
        return run.encoderSteps();
    }

    public int position() {
        return run.position();
    }

    /** Decoder steps computed so far. */
    public int decoderDone() {
        return run.decoderDone();
    }

    public boolean stepForward() {
        return run.stepForward();
    }

    public void forwardToEnd() {
        run.forward();
    }

    /** Whether BPTT is possible (teacher forcing, after the whole forward pass). */
    public boolean canBackward() {
        return hasTargets && run.forwardComplete();
    }

    /** One BPTT step (see {@link Seq2SeqRun#stepBackward()}); false when complete or impossible. */
    public boolean stepBackward() {
        return canBackward() && run.stepBackward();
    }

    public int backwardSteps() {
        return run.backwardSteps();
    }

    public int backwardPosition() {
        return run.backwardPosition();
    }

    /** Decoder steps BPTT has passed (from the last one back). */
    public int decoderStepsBackwarded() {
        return Math.min(run.backwardPosition(), run.targetLength());
    }

    // ---- what the views read ------------------------------------------------------------------------

    public DecoderStep decoderStep(int t) {
        if (t < 0 || t >= run.decoderDone()) {
            throw new IndexOutOfBoundsException("decoder step " + t + " is not computed yet (" + run.decoderDone() + " are)");
        }
        boolean att = run.model().config().attention() != AttentionKind.NONE;
        boolean passed = hasTargets && t >= run.targetLength() - decoderStepsBackwarded();
        return new DecoderStep(t, run.decoderInputs()[t], att ? row(run.scores(), t) : new double[0],
                att ? row(run.attentionWeights(), t) : new double[0], att ? row(run.contexts(), t) : new double[0],
                row(run.decoderStates(), t), row(run.probabilities(), t), run.predictions()[t], run.stepLoss(t),
                passed && att ? row(run.attentionWeightGradients(), t) : null);
    }

    /** The encoder's top-layer states h_s computed so far (T_src × K; rows not yet reached are stale). */
    public double[][] encoderStates() {
        return rows(run.encoderStates());
    }

    /** s_0 after the bridge (the classic context vector), once the encoder is done. */
    public double[] initialDecoderState() {
        return run.initialDecoderState().clone();
    }

    /** Attention weights of the computed decoder steps (rows) over the source steps (columns). */
    public double[][] attentionMatrix() {
        double[][] all = rows(run.attentionWeights());
        return Arrays.copyOf(all, run.decoderDone());
    }

    /** Generated (greedy) or predicted tokens of the computed steps, up to the end token. */
    public int[] generated() {
        int[] p = run.predictions();
        int n = 0;
        while (n < p.length && p[n] != Seq2SeqTask.END_TOKEN) {
            n++;
        }
        return Arrays.copyOf(p, n);
    }

    public List<String> sourceTokens() {
        return tokens(sourceVocab, sourceOf());
    }

    private int[] sourceOf() {
        return run.sourceTokens();
    }

    public List<String> sourceVocab() {
        return sourceVocab;
    }

    public List<String> targetVocab() {
        return targetVocab;
    }

    public double loss() {
        return run.loss();
    }

    /** The engine run underneath (for gradients by state_dict name and the encoder's layer states). */
    public Seq2SeqRun run() {
        return run;
    }

    // ---- text ⇄ tokens ----------------------------------------------------------------------------

    /** Whether a vocabulary is of words (any symbol longer than one character) rather than characters. */
    public static boolean words(List<String> vocab) {
        for (String s : vocab) {
            if (!s.startsWith("<") && s.codePointCount(0, s.length()) > 1) {
                return true;
            }
        }
        return false;
    }

    /** Tokens of {@code text} in {@code vocab} (characters, or words split on spaces); a clear message otherwise. */
    public static int[] encode(List<String> vocab, String text, String what) {
        List<String> parts = new ArrayList<>();
        if (words(vocab)) {
            for (String w : text.trim().split("\\s+")) {
                if (!w.isEmpty()) {
                    parts.add(w);
                }
            }
        } else {
            text.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException(what + ": the input is empty");
        }
        if (parts.size() > 500) {
            throw new IllegalArgumentException(what + ": at most 500 tokens, found " + parts.size());
        }
        int[] out = new int[parts.size()];
        for (int i = 0; i < out.length; i++) {
            int k = vocab.indexOf(parts.get(i));
            if (k < 0) {
                throw new IllegalArgumentException(what + ": '" + parts.get(i) + "' (token " + (i + 1)
                        + ") is not in the model's source vocabulary " + vocab);
            }
            out[i] = k;
        }
        return out;
    }

    public static List<String> tokens(List<String> vocab, int[] ids) {
        List<String> out = new ArrayList<>();
        for (int t : ids) {
            out.add(vocab.get(t));
        }
        return out;
    }

    public static String show(List<String> vocab, int[] ids) {
        return String.join(words(vocab) ? " " : "", tokens(vocab, ids));
    }

    private static double[] row(DMatrixRMaj m, int r) {
        return Arrays.copyOfRange(m.data, r * m.numCols, (r + 1) * m.numCols);
    }

    private static double[][] rows(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][];
        for (int r = 0; r < m.numRows; r++) {
            out[r] = row(m, r);
        }
        return out;
    }
}
