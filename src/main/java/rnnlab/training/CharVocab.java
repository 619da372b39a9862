package rnnlab.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The character vocabulary of a text: its most frequent characters (ties: first seen first) plus one
 * symbol, {@link #OTHER}, for every other character — the same mapping as the PyTorch benchmark
 * (64 commonest + 1 = 65 symbols). Characters are Unicode code points.
 */
public final class CharVocab {
    /** The symbol that stands for every character outside the vocabulary. */
    public static final String OTHER = "\uFFFD";
    public static final int DEFAULT_COMMON = 64;
    private final List<String> symbols;
    private final Map<Integer, Integer> index = new HashMap<>();

    private CharVocab(List<String> symbols) {
        this.symbols = List.copyOf(symbols);
        for (int i = 0; i < symbols.size() - 1; i++) {
            index.put(symbols.get(i).codePointAt(0), i);
        }
    }

    /** The {@code common} most frequent characters of {@code text} plus {@link #OTHER}. */
    public static CharVocab of(String text, int common) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        text.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(counts.entrySet());
        // stable sort by count, descending: ties keep first-seen order
        entries.sort(Collections.reverseOrder(Map.Entry.comparingByValue()));
        List<String> s = new ArrayList<>();
        for (int i = 0; i < Math.min(common, entries.size()); i++) {
            s.add(new String(Character.toChars(entries.get(i).getKey())));
        }
        s.add(OTHER);
        return new CharVocab(s);
    }

    /** A vocabulary read back from a model file (last symbol is the catch-all). */
    public static CharVocab ofSymbols(List<String> symbols) {
        if (symbols == null || symbols.isEmpty()) {
            throw new IllegalArgumentException("the model has no vocabulary: it was not trained on characters");
        }
        for (int i = 0; i < symbols.size() - 1; i++) {
            if (symbols.get(i).codePointCount(0, symbols.get(i).length()) != 1) {
                throw new IllegalArgumentException("vocabulary symbol " + i + " is not one character");
            }
        }
        return new CharVocab(symbols);
    }

    public int size() {
        return symbols.size();
    }

    public List<String> symbols() {
        return symbols;
    }

    /** The id of a code point (the catch-all id for characters outside the vocabulary). */
    public int id(int codePoint) {
        return index.getOrDefault(codePoint, symbols.size() - 1);
    }

    public String symbol(int id) {
        return symbols.get(id);
    }

    /** Every character of {@code text} as an id. */
    public int[] encode(String text) {
        return text.codePoints().map(this::id).toArray();
    }
}
