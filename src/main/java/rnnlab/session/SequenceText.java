package rnnlab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.Activation;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;

/**
 * Turns what the user types in the sequence editor into a {@link Sequence} and back.
 * <ul>
 * <li>CHARS: text; every character is a symbol; x_t = text[t], target = text[t+1] (next character).</li>
 * <li>SYMBOLS: symbols (or token indices) separated by spaces; same next-token targets.</li>
 * <li>NUMBERS: one time step per line, the input vector's numbers separated by commas or spaces.</li>
 * </ul>
 */
public final class SequenceText {
    /** How the editor reads text. */
    public enum Mode { CHARS, SYMBOLS, NUMBERS }

    /** A localized complaint about the text (bundle key + arguments). */
    public static final class Problem extends Exception {
        public final String key;
        public final transient Object[] args;

        public Problem(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = args;
        }
    }

    /** The vocabulary a character model needs for {@code text}: its distinct characters, sorted. */
    public static List<String> vocabOf(String text) {
        TreeSet<String> set = new TreeSet<>();
        text.codePoints().forEach(c -> set.add(new String(Character.toChars(c))));
        return new ArrayList<>(set);
    }

    /** The mode that fits a model (and the sequence it runs, which decides tokens vs vectors). */
    public static Mode modeFor(ModelConfig cfg, Sequence seq) {
        if (seq != null && !seq.hasTokens()) {
            return Mode.NUMBERS;
        }
        if (cfg.vocab() != null && cfg.vocab().stream().allMatch(s -> s.codePointCount(0, s.length()) == 1)) {
            return Mode.CHARS;
        }
        return seq == null && !cfg.hasEmbedding() && cfg.vocab() == null ? Mode.NUMBERS : Mode.SYMBOLS;
    }

    private SequenceText() {
    }

    /** Parses {@code text} for {@code cfg}; {@code previous} lends its targets to NUMBERS text of the same length. */
    public static Sequence parse(String text, Mode mode, ModelConfig cfg, Sequence previous) throws Problem {
        if (mode == Mode.NUMBERS) {
            return numbers(text, cfg, previous);
        }
        List<String> symbols = new ArrayList<>();
        if (mode == Mode.CHARS) {
            text.codePoints().forEach(c -> symbols.add(new String(Character.toChars(c))));
        } else {
            for (String s : text.trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    symbols.add(s);
                }
            }
        }
        if (symbols.size() < 2) {
            throw new Problem("seq.error.tooShort");
        }
        int[] all = new int[symbols.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = index(symbols.get(i), cfg);
        }
        if (previous != null && keepsItsTargets(previous)) {
            // a sequence from a file with targets of its own (not the next symbol): editing changes its
            // symbols, never what it is — same length, same targets, same loss
            if (all.length != previous.length()) {
                throw new Problem("seq.error.fileLength", previous.length(), all.length);
            }
            return Sequence.of(null, all, previous.classTargets(), previous.vectorTargets(), previous.targetSteps(),
                    previous.loss(), previous.h0(), previous.c0());
        }
        int n = all.length - 1;
        int[] tokens = java.util.Arrays.copyOf(all, n);
        boolean nextToken = cfg.hasHead() && cfg.outputActivation() == Activation.SOFTMAX
                && cfg.outputSize() == cfg.tokenCount();
        if (!nextToken) {
            return Sequence.ofTokens(java.util.Arrays.copyOf(all, all.length), null, null);
        }
        int[] targets = java.util.Arrays.copyOfRange(all, 1, all.length);
        return Sequence.ofTokens(tokens, targets, TargetSteps.ALL);
    }

    private static int index(String symbol, ModelConfig cfg) throws Problem {
        if (cfg.vocab() != null) {
            int i = cfg.vocab().indexOf(symbol);
            if (i < 0) {
                throw new Problem("seq.error.unknownSymbol", symbol, String.join(" ", cfg.vocab()));
            }
            return i;
        }
        try {
            int i = Integer.parseInt(symbol);
            if (i >= 0 && i < cfg.tokenCount()) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Problem("seq.error.badToken", symbol, cfg.tokenCount() - 1);
    }

    private static Sequence numbers(String text, ModelConfig cfg, Sequence previous) throws Problem {
        List<double[]> rows = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int li = 0; li < lines.length; li++) {
            String line = lines[li].trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("[,;\\s]+");
            if (parts.length != cfg.inputSize()) {
                throw new Problem("seq.error.width", li + 1, cfg.inputSize(), parts.length);
            }
            double[] r = new double[parts.length];
            for (int k = 0; k < parts.length; k++) {
                try {
                    r[k] = Double.parseDouble(parts[k]);
                } catch (NumberFormatException e) {
                    throw new Problem("seq.error.number", li + 1, parts[k]);
                }
                if (!Double.isFinite(r[k])) {
                    throw new Problem("seq.error.number", li + 1, parts[k]);
                }
            }
            rows.add(r);
        }
        if (rows.isEmpty()) {
            throw new Problem("seq.error.empty");
        }
        DMatrixRMaj in = new DMatrixRMaj(rows.toArray(new double[0][]));
        if (previous != null && previous.hasLoss() && !previous.hasTokens() && previous.length() == rows.size()) {
            return Sequence.of(in, null, previous.classTargets(), previous.vectorTargets(), previous.targetSteps(),
                    previous.loss(), previous.h0(), previous.c0());
        }
        return Sequence.ofInputs(in, null, null, null);
    }

    /** The editor text of a sequence (next-token sequences get their last target appended back). */
    public static String format(Sequence seq, Mode mode, ModelConfig cfg) {
        StringBuilder sb = new StringBuilder();
        if (mode == Mode.NUMBERS) {
            DMatrixRMaj in = seq.inputs();
            for (int t = 0; t < in.numRows; t++) {
                for (int k = 0; k < in.numCols; k++) {
                    if (k > 0) {
                        sb.append(", ");
                    }
                    sb.append(in.get(t, k));
                }
                sb.append('\n');
            }
            return sb.toString();
        }
        int[] tk = seq.tokens();
        List<Integer> all = new ArrayList<>();
        for (int t : tk) {
            all.add(t);
        }
        int[] ct = seq.classTargets();
        if (ct != null && seq.targetSteps() == TargetSteps.ALL && isNextToken(tk, ct)) {
            all.add(ct[ct.length - 1]);
        }
        for (int i = 0; i < all.size(); i++) {
            if (mode == Mode.SYMBOLS && i > 0) {
                sb.append(' ');
            }
            int t = all.get(i);
            sb.append(cfg.vocab() != null ? cfg.vocab().get(t) : String.valueOf(t));
        }
        return sb.toString();
    }

    /**
     * Whether a token sequence has targets that are not simply the next symbol (a sequence from a file,
     * e.g. binary addition's sum bits): its text is edited symbol for symbol, keeping length and targets.
     */
    public static boolean keepsItsTargets(Sequence seq) {
        if (!seq.hasTokens() || (seq.classTargets() == null && seq.vectorTargets() == null)) {
            return false;
        }
        int[] ct = seq.classTargets();
        return !(ct != null && seq.vectorTargets() == null && seq.targetSteps() == TargetSteps.ALL
                && ct.length == seq.tokens().length && isNextToken(seq.tokens(), ct));
    }

    private static boolean isNextToken(int[] tokens, int[] targets) {
        for (int t = 0; t + 1 < tokens.length; t++) {
            if (targets[t] != tokens[t + 1]) {
                return false;
            }
        }
        return true;
    }
}
