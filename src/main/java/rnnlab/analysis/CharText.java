package rnnlab.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import rnnlab.engine.ModelConfig;

/** A text as the token ids of a character model's vocabulary (characters outside it become the "other" symbol). */
public final class CharText {
    /** The symbol a character model uses for every character outside its vocabulary. */
    public static final String OTHER = "\uFFFD";

    private final String text;
    private final int[] codePoints;
    private final int[] tokens;

    private CharText(String text, int[] codePoints, int[] tokens) {
        this.text = text;
        this.codePoints = codePoints;
        this.tokens = tokens;
    }

    /**
     * Encodes {@code text} for {@code cfg}; throws {@link IllegalArgumentException} with one clear
     * sentence when the model is not a one-directional character model or a character cannot be encoded.
     */
    public static CharText encode(String text, ModelConfig cfg) {
        requireCharModel(cfg);
        List<String> vocab = cfg.vocab();
        Map<Integer, Integer> ids = new HashMap<>();
        for (int i = 0; i < vocab.size(); i++) {
            String s = vocab.get(i);
            if (s.codePointCount(0, s.length()) == 1) {
                ids.putIfAbsent(s.codePointAt(0), i);
            }
        }
        Integer other = ids.get(OTHER.codePointAt(0));
        int[] cps = text.codePoints().toArray();
        int[] tok = new int[cps.length];
        for (int i = 0; i < cps.length; i++) {
            Integer id = ids.get(cps[i]);
            if (id == null) {
                if (other == null) {
                    throw new IllegalArgumentException("character " + i + " ('" + new String(Character.toChars(cps[i]))
                            + "') is not in the model's vocabulary, which has no symbol for other characters");
                }
                id = other;
            }
            tok[i] = id;
        }
        return new CharText(text, cps, tok);
    }

    /** Refuses a model whose inputs are not characters (one clear sentence). */
    public static void requireCharModel(ModelConfig cfg) {
        if (cfg.vocab() == null || cfg.vocab().isEmpty()) {
            throw new IllegalArgumentException("the model has no character vocabulary: train it with --task charlm");
        }
        if (cfg.bidirectional()) {
            throw new IllegalArgumentException("the model is bidirectional; unit search and connectivity read "
                    + "one-directional character models");
        }
        if (!cfg.hasHead() || cfg.outputSize() != cfg.vocab().size() || cfg.tokenCount() != cfg.vocab().size()) {
            throw new IllegalArgumentException("the model is not a character model: its vocabulary has "
                    + cfg.vocab().size() + " symbols but it reads " + cfg.tokenCount() + " and writes "
                    + cfg.outputSize());
        }
    }

    public String text() {
        return text;
    }

    /** The characters as code points (one per token). */
    public int[] codePoints() {
        return codePoints.clone();
    }

    public int codePoint(int i) {
        return codePoints[i];
    }

    public int[] tokens() {
        return tokens.clone();
    }

    int[] tokensShared() {
        return tokens;
    }

    public int length() {
        return tokens.length;
    }
}
