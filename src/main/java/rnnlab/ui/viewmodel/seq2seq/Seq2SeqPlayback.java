package rnnlab.ui.viewmodel.seq2seq;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.AttentionKind;
import rnnlab.engine.Seq2SeqModel;
import rnnlab.engine.Seq2SeqRun;

/**
 * The encoder–decoder window's model and cursor, without JavaFX: a source text is turned into tokens,
 * decoded greedily (each output fed back as the next input) until the end token, and then replayed one
 * step at a time: encoder steps first, then one decoder step each with its attention scores, weights and
 * context. {@link #at(int)} gives an immutable {@link Snapshot} of any position, computed by stepping the
 * pair's {@link Seq2SeqRun} to it (forward from where it is, or from the start when going back).
 *
 * <p>Not thread-safe: {@link #load} and {@link #at(int)} compute, and must run on one thread. The window
 * never calls them on the FX thread: {@link Seq2SeqStepper} runs them on its worker and publishes the
 * snapshots.
 */
public final class Seq2SeqPlayback {
    /** Index of the start and end symbols in every target vocabulary the trainer writes. */
    public static final int START = 0;
    public static final int END = 1;
    /** Greedy decoding stops after this many outputs if the model never says the end token. */
    public static final int MAX_OUTPUT = 40;

    /** A problem with the user's input, as a bundle key and its arguments. */
    public static final class Problem extends Exception {
        private final String key;
        private final transient Object[] args;

        public Problem(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    /**
     * The numbers at one cursor position.
     *
     * @param position     steps taken (0 … {@link #steps()})
     * @param encoderDone  encoder steps taken
     * @param decoderStep  the decoder step just taken (0-based), −1 while still encoding
     * @param encoderStates h_s of the top layer, a row per source step (rows past the cursor are null)
     * @param bridge       s_0 (the context vector of the classic model), null until the encoder is done
     * @param decoderStates s_t, a row per computed decoder step
     * @param scores       e_{t,s} per computed decoder step (empty without attention)
     * @param weights      a_{t,s} per computed decoder step
     * @param contexts     c_t per computed decoder step
     * @param outputs      the token emitted at each computed decoder step
     * @param confidence   the probability of that token
     */
    public record Snapshot(int position, int encoderDone, int decoderStep, double[][] encoderStates, double[] bridge,
                           double[][] decoderStates, double[][] scores, double[][] weights, double[][] contexts,
                           int[] outputs, double[] confidence, Backward grad) {
        public boolean encoding() {
            return decoderStep < 0;
        }

        /** Whether this position is in BPTT (after the whole forward pass of a teacher-forced pair). */
        public boolean backward() {
            return grad != null;
        }
    }

    /**
     * BPTT at one backward cursor position, read from the engine's {@link Seq2SeqRun} after {@code step}
     * calls of {@link Seq2SeqRun#stepBackward()}.
     *
     * @param step            backward steps taken (1 … {@link #backwardSteps()})
     * @param decoderPassed   decoder steps BPTT has passed, from the last one back
     * @param encoderPassed   encoder groups BPTT has passed (after every decoder step)
     * @param current         the decoder step just passed (0-based), −1 once BPTT is in the encoder
     * @param weightGradients dL/da_{t,s}, a row per decoder step (null for rows not passed yet; empty without attention)
     * @param scoreGradients  dL/de_{t,s}, likewise
     * @param decoderStateGradients dL/ds_t, a row per decoder step (null for rows not passed yet)
     * @param encoderStateGradients dL/dh_s as attention and the bridge deliver it to every encoder top state
     * @param encoderTotalGradients dL/dh_s in total: attention and the bridge plus what comes back through the
     *                        encoder's own recurrence, a row per encoder step once BPTT has reached it (else null)
     * @param loss            the pair's loss (mean cross-entropy over decoder steps)
     */
    public record Backward(int step, int decoderPassed, int encoderPassed, int current, double[][] weightGradients,
                           double[][] scoreGradients, double[][] decoderStateGradients,
                           double[][] encoderStateGradients, double[][] encoderTotalGradients, double loss) {
        /** ‖dL/dh_s‖ for every encoder step, from attention and the bridge only. */
        public double[] encoderGradientNorms() {
            double[] out = new double[encoderStateGradients.length];
            for (int s = 0; s < out.length; s++) {
                out[s] = norm(encoderStateGradients[s]);
            }
            return out;
        }

        /** ‖dL/dh_s‖ in total for every encoder step BPTT has reached; NaN for the others. */
        public double[] encoderTotalNorms() {
            double[] out = new double[encoderTotalGradients.length];
            for (int s = 0; s < out.length; s++) {
                out[s] = encoderTotalGradients[s] == null ? Double.NaN : norm(encoderTotalGradients[s]);
            }
            return out;
        }

        public static double norm(double[] v) {
            double n = 0;
            for (double x : v) {
                n += x * x;
            }
            return Math.sqrt(n);
        }
    }

    private final Seq2SeqModel model;
    private final List<String> sourceVocab;
    private final List<String> targetVocab;
    private final boolean words;
    private int[] source = new int[0];
    private int[] decoderInputs = new int[0];
    private int[] targets;
    private int outputSteps;
    private Seq2SeqRun run;

    public Seq2SeqPlayback(Seq2SeqModel model, List<String> sourceVocab, List<String> targetVocab) {
        this.model = model;
        this.sourceVocab = sourceVocab;
        this.targetVocab = targetVocab;
        this.words = sourceVocab != null && sourceVocab.stream().anyMatch(s -> s.length() > 1);
    }

    public Seq2SeqModel model() {
        return model;
    }

    public AttentionKind attention() {
        return model.config().attention();
    }

    /** The attention's id: none, additive, dot or general. */
    public String attentionId() {
        return model.config().attention().id();
    }

    public boolean hasAttention() {
        return model.config().attention() != AttentionKind.NONE;
    }

    /** Encoder cell id, encoder units, decoder cell id, decoder units (for the window's model line). */
    public Object[] shape() {
        var c = model.config();
        return new Object[] {c.encoderCell().id(), c.encoderHidden(), c.decoderCell().id(), c.decoderHidden()};
    }

    /** Reads a {@code .s2s.json} model (call off the FX thread). */
    public static Seq2SeqPlayback read(java.nio.file.Path file) throws rnnlab.io.InputException {
        rnnlab.io.Seq2SeqIO.Loaded l = rnnlab.io.Seq2SeqIO.read(file);
        return new Seq2SeqPlayback(l.model(), l.sourceVocab(), l.targetVocab());
    }

    /** Writes the model with its vocabularies (atomically). */
    public void save(java.nio.file.Path file) throws java.io.IOException {
        List<String> src = new ArrayList<>();
        for (int i = 0; i < model.config().sourceVocab(); i++) {
            src.add(sourceSymbol(i));
        }
        List<String> tgt = new ArrayList<>();
        for (int i = 0; i < model.config().targetVocab(); i++) {
            tgt.add(targetSymbol(i));
        }
        rnnlab.io.Seq2SeqIO.write(model, src, tgt, file);
    }

    /** Whether the source is typed as words separated by spaces (e.g. "one hundred") rather than characters. */
    public boolean words() {
        return words;
    }

    /** The source vocabulary's symbols (or "#i" when the file has none), for hints. */
    public List<String> sourceSymbols() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < model.config().sourceVocab(); i++) {
            out.add(sourceSymbol(i));
        }
        return out;
    }

    public String sourceSymbol(int i) {
        return sourceVocab == null ? "#" + i : sourceVocab.get(i);
    }

    public String targetSymbol(int i) {
        return targetVocab == null ? "#" + i : targetVocab.get(i);
    }

    /** Reads a source text into tokens: characters, or words when the vocabulary has words. */
    public int[] tokens(String text) throws Problem {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new Problem("s2s.error.empty");
        }
        List<String> parts = new ArrayList<>();
        if (words || sourceVocab == null) {
            for (String p : t.split("\\s+")) {
                parts.add(p);
            }
        } else {
            t.codePoints().forEach(c -> parts.add(new String(Character.toChars(c))));
        }
        if (parts.size() > MAX_OUTPUT) {
            throw new Problem("s2s.error.long", parts.size(), MAX_OUTPUT);
        }
        int[] out = new int[parts.size()];
        for (int i = 0; i < out.length; i++) {
            String p = parts.get(i);
            int k = sourceVocab == null ? parseIndex(p) : sourceVocab.indexOf(p);
            if (k < 0 || k >= model.config().sourceVocab()) {
                throw new Problem("s2s.error.symbol", p, i + 1, String.join(" ", sourceSymbols()));
            }
            out[i] = k;
        }
        return out;
    }

    private static int parseIndex(String p) {
        try {
            return Integer.parseInt(p.startsWith("#") ? p.substring(1) : p);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * A new playback of the same model and vocabularies with {@code text} (and {@code target}, blank: greedy)
     * loaded, this one unchanged. {@link Seq2SeqStepper} makes one per decode on its worker and hands it to
     * the FX thread, which then only reads what describes the pair (lengths, tokens, step counts: never
     * changed after loading) while the worker alone calls {@link #at(int)} on it.
     */
    public Seq2SeqPlayback loaded(String text, String target) throws Problem {
        Seq2SeqPlayback p = new Seq2SeqPlayback(model, sourceVocab, targetVocab);
        p.load(text, target);
        return p;
    }

    /**
     * A beam search of {@code width} candidates over {@code text} with this model
     * ({@link rnnlab.training.seq2seq.BeamSearch}, at most {@link #MAX_OUTPUT} decoder steps, end token
     * included); this playback is unchanged. The encoder–decoder window runs it on its worker.
     */
    public rnnlab.training.seq2seq.BeamSearch.Result beamSearch(String text, int width) throws Problem {
        return new rnnlab.training.seq2seq.BeamSearch(model).search(tokens(text), width, MAX_OUTPUT);
    }

    /** Target tokens as text, as {@link #outputText()} writes them (symbols joined, no end token). */
    public String targetText(int[] tokens) {
        StringBuilder sb = new StringBuilder();
        for (int t : tokens) {
            sb.append(targetSymbol(t));
        }
        return sb.toString();
    }

    /** Decodes {@code text} greedily and puts the cursor at 0. */
    public void load(String text) throws Problem {
        int[] src = tokens(text);
        Seq2SeqRun probe = new Seq2SeqRun(model, src.length, MAX_OUTPUT);
        probe.load(src, new int[] {START}, null, true);
        probe.forward();
        int[] p = probe.predictions();
        int n = 0;
        while (n < p.length && p[n] != END) {
            n++;
        }
        outputSteps = Math.min(MAX_OUTPUT, n + 1); // the end token is a step too
        targets = null;
        int[] in = probe.decoderInputs();
        decoderInputs = java.util.Arrays.copyOf(in, outputSteps);
        source = src;
        run = new Seq2SeqRun(model, src.length, outputSteps);
        run.load(source, decoderInputs, null, false);
    }

    /**
     * Teacher forcing: the decoder reads the true previous tokens of {@code target} (in the target
     * vocabulary), so the pair has a loss and the cursor continues past the forward pass into BPTT. A blank
     * target decodes greedily (no BPTT).
     */
    public void load(String text, String target) throws Problem {
        if (target == null || target.isBlank()) {
            load(text);
            return;
        }
        int[] src = tokens(text);
        int[] tgt = targetTokens(target);
        int n = tgt.length + 1;
        int[] in = new int[n];
        int[] out = new int[n];
        in[0] = START;
        System.arraycopy(tgt, 0, in, 1, n - 1);
        System.arraycopy(tgt, 0, out, 0, n - 1);
        out[n - 1] = END;
        source = src;
        decoderInputs = in;
        targets = out;
        outputSteps = n;
        run = new Seq2SeqRun(model, src.length, n);
        run.load(source, decoderInputs, targets, false);
    }

    /** Reads a target text into tokens of the target vocabulary (words when it has words). */
    public int[] targetTokens(String text) throws Problem {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new Problem("s2s.error.empty");
        }
        boolean w = targetVocab != null && targetVocab.stream().anyMatch(x -> !x.startsWith("<") && x.codePointCount(0, x.length()) > 1);
        List<String> parts = new ArrayList<>();
        if (w || targetVocab == null) {
            for (String p : t.split("\\s+")) {
                parts.add(p);
            }
        } else {
            t.codePoints().forEach(c -> parts.add(new String(Character.toChars(c))));
        }
        if (parts.size() >= MAX_OUTPUT) {
            throw new Problem("s2s.error.longTarget", parts.size(), MAX_OUTPUT - 1);
        }
        int[] out = new int[parts.size()];
        for (int i = 0; i < out.length; i++) {
            String p = parts.get(i);
            int k = targetVocab == null ? parseIndex(p) : targetVocab.indexOf(p);
            if (k <= END || k >= model.config().targetVocab()) {
                List<String> syms = new ArrayList<>();
                for (int j = END + 1; j < model.config().targetVocab(); j++) {
                    syms.add(targetSymbol(j));
                }
                throw new Problem("s2s.error.targetSymbol", p, i + 1, String.join(" ", syms));
            }
            out[i] = k;
        }
        return out;
    }

    /** Whether the loaded pair is teacher-forced (has a target, a loss and BPTT). */
    public boolean teacherForced() {
        return targets != null;
    }

    /** BPTT steps after the forward pass (0 when decoding greedily). */
    public int backwardSteps() {
        return run == null || targets == null ? 0 : run.backwardSteps();
    }

    /** Forward steps plus BPTT steps: the cursor's last position. */
    public int totalSteps() {
        return steps() + backwardSteps();
    }

    public boolean loaded() {
        return run != null;
    }

    public int[] source() {
        return source.clone();
    }

    public int sourceLength() {
        return source.length;
    }

    public int outputLength() {
        return outputSteps;
    }

    /** Encoder groups plus decoder steps. */
    public int steps() {
        return run == null ? 0 : run.forwardSteps();
    }

    public int encoderSteps() {
        return run == null ? 0 : run.encoderSteps();
    }

    /** The decoded output as text, without the end token (teacher forcing: the arg max at every step). */
    public String outputText() {
        StringBuilder sb = new StringBuilder();
        if (targets != null) {
            for (int tok : at(steps()).outputs()) {
                if (tok == END) {
                    break;
                }
                sb.append(targetSymbol(tok));
            }
            return sb.toString();
        }
        for (int i = 1; i < decoderInputs.length; i++) {
            sb.append(targetSymbol(decoderInputs[i]));
        }
        if (outputSteps == MAX_OUTPUT && run != null) {
            Snapshot s = at(steps());
            int last = s.outputs()[s.outputs().length - 1];
            if (last != END) {
                sb.append(targetSymbol(last));
            }
        }
        return sb.toString();
    }

    /**
     * The numbers after {@code position} steps (clamped to 0 … {@link #totalSteps()}): forward steps up to
     * {@link #steps()}, then BPTT steps (teacher forcing only).
     */
    public Snapshot at(int position) {
        if (run == null) {
            throw new IllegalStateException("load a source first");
        }
        int all = Math.max(0, Math.min(position, totalSteps()));
        int k = all - steps();
        int p = Math.min(all, steps());
        if (run.position() > p || (k > 0 && run.backwardPosition() > k)) {
            run.load(source, decoderInputs, targets, false);
        }
        while (run.position() < p) {
            run.stepForward();
        }
        int encDone = Math.min(p, run.encoderSteps());
        int dec = p - run.encoderSteps() - 1;
        int srcLen = source.length;
        double[][] enc = new double[srcLen][];
        DMatrixRMaj top = run.encoderStates();
        boolean bidi = model.config().bidirectional();
        if (encDone == run.encoderSteps()) {
            for (int s = 0; s < srcLen; s++) {
                enc[s] = row(top, s);
            }
        } else if (!bidi && model.config().encoderLayers() == 1) {
            for (int s = 0; s < encDone; s++) {
                enc[s] = row(top, s);
            }
        }
        double[] bridge = encDone == run.encoderSteps() ? run.initialDecoderState() : null;
        int rows = Math.max(0, dec + 1);
        double[][] states = new double[rows][];
        double[][] sc = new double[model.config().attention() == AttentionKind.NONE ? 0 : rows][];
        double[][] w = new double[sc.length][];
        double[][] ctx = new double[sc.length][];
        int[] out = new int[rows];
        double[] conf = new double[rows];
        DMatrixRMaj probs = run.probabilities();
        int[] pred = run.predictions();
        for (int t = 0; t < rows; t++) {
            states[t] = row(run.decoderStates(), t);
            if (sc.length > 0) {
                sc[t] = row(run.scores(), t);
                w[t] = row(run.attentionWeights(), t);
                ctx[t] = row(run.contexts(), t);
            }
            out[t] = pred[t];
            conf[t] = probs.get(t, pred[t]);
        }
        Backward grad = null;
        if (k > 0) {
            while (run.backwardPosition() < k) {
                run.stepBackward();
            }
            grad = backward(k);
            dec = grad.current() >= 0 ? grad.current() : 0;
        }
        return new Snapshot(all, encDone, dec, enc, bridge, states, sc, w, ctx, out, conf, grad);
    }

    private Backward backward(int k) {
        int td = outputSteps;
        int passed = Math.min(k, td);
        int encPassed = Math.max(0, k - td);
        boolean att = hasAttention();
        double[][] wg = new double[att ? td : 0][];
        double[][] sg = new double[wg.length][];
        double[][] dg = new double[td][];
        for (int t = td - passed; t < td; t++) {
            if (att) {
                wg[t] = row(run.attentionWeightGradients(), t);
                sg[t] = row(run.scoreGradients(), t);
            }
            dg[t] = row(run.decoderStateGradients(), t);
        }
        DMatrixRMaj eg = run.encoderStateGradients();
        DMatrixRMaj total = run.encoderStateTotalGradients();
        double[][] enc = new double[eg.numRows][];
        double[][] tot = new double[eg.numRows][];
        for (int s = 0; s < enc.length; s++) {
            enc[s] = row(eg, s);
            tot[s] = encPassed > 0 && run.encoderStateTotalReached(s) ? row(total, s) : null;
        }
        return new Backward(k, passed, encPassed, k <= td ? td - k : -1, wg, sg, dg, enc, tot, run.loss());
    }

    private static double[] row(DMatrixRMaj m, int r) {
        double[] out = new double[m.numCols];
        System.arraycopy(m.data, r * m.numCols, out, 0, m.numCols);
        return out;
    }
}
