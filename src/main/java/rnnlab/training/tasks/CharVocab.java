package rnnlab.training.tasks;

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

    /** Whether the vocabulary has the character itself (not only through the catch-all {@link #OTHER}). */
    public boolean contains(int codePoint) {
        return index.containsKey(codePoint) || symbols.get(symbols.size() - 1).codePointAt(0) == codePoint;
    }

    /**
     * The characters of {@code text} the vocabulary does not have, as "'z' at 1, 'q' at 3" (positions
     * count characters from 1; control and invisible characters are shown as U+XXXX); at most
     * {@code max} are listed, then "and N more". Empty when every character is in the vocabulary.
     */
    public String describeOutside(String text, int max) {
        StringBuilder b = new StringBuilder();
        int pos = 0;
        int count = 0;
        for (int cp : text.codePoints().toArray()) {
            pos++;
            if (contains(cp)) {
                continue;
            }
            count++;
            if (count <= max) {
                if (b.length() > 0) {
                    b.append(", ");
                }
                b.append(show(cp)).append(" at ").append(pos);
            }
        }
        if (count > max) {
            b.append(" and ").append(count - max).append(" more");
        }
        return b.toString();
    }

    /** A character for a message: 'z', or U+0007 for one that does not print. */
    static String show(int cp) {
        int type = Character.getType(cp);
        boolean invisible = Character.isISOControl(cp) || Character.isWhitespace(cp) && cp != ' '
                || type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
        return invisible ? String.format(java.util.Locale.ROOT, "U+%04X", cp) : "'" + new String(Character.toChars(cp)) + "'";
    }

    /** Every character of {@code text} as an id. */
    public int[] encode(String text) {
        return text.codePoints().map(this::id).toArray();
    }
}
