package rnnlab.poll;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One question put to the class: a choice among options or a number, with its text in each language the
 * students' page offers (en, zh). The text is shown on the page as plain text, never as HTML.
 *
 * @param id      unique in the session (the lesson's checkpoint id, with the lesson and step)
 * @param kind    choice or number
 * @param text    the question by language
 * @param options choice: the option labels by language (the same count in each); number: empty
 */
public record PollQuestion(String id, Kind kind, Map<String, String> text, Map<String, List<String>> options) {
    public enum Kind { CHOICE, NUMBER }

    /** The longest number answer accepted, in characters. */
    public static final int MAX_NUMBER_CHARS = 32;

    public PollQuestion {
        if (id == null || id.isEmpty() || kind == null) {
            throw new IllegalArgumentException("a poll question needs an id and a kind");
        }
        text = Map.copyOf(text);
        Map<String, List<String>> o = new LinkedHashMap<>();
        options.forEach((k, v) -> o.put(k, List.copyOf(v)));
        options = Map.copyOf(o);
        if (kind == Kind.CHOICE && optionCount(options) == 0) {
            throw new IllegalArgumentException("a choice question needs options");
        }
    }

    private static int optionCount(Map<String, List<String>> options) {
        return options.values().stream().mapToInt(List::size).max().orElse(0);
    }

    /** The number of options (0 for a number question). */
    public int optionCount() {
        return kind == Kind.CHOICE ? optionCount(options) : 0;
    }

    /** The question in {@code lang}, else in English, else in any language given. */
    public String text(String lang) {
        String t = text.get(lang);
        if (t == null) {
            t = text.getOrDefault("en", text.values().stream().findFirst().orElse(""));
        }
        return t;
    }

    /** The option labels in {@code lang}, else in English. */
    public List<String> options(String lang) {
        List<String> o = options.get(lang);
        if (o == null || o.size() != optionCount()) {
            o = options.getOrDefault("en", options.values().stream().findFirst().orElse(List.of()));
        }
        return o;
    }

    /**
     * The canonical form of an answer, or null when it is not one: a choice is the option's index from 0
     * ("0", "1" …); a number is a finite decimal number, at most {@link #MAX_NUMBER_CHARS} characters.
     */
    public String canonical(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty() || s.length() > MAX_NUMBER_CHARS) {
            return null;
        }
        if (kind == Kind.CHOICE) {
            if (!s.matches("\\d{1,3}")) {
                return null;
            }
            int i = Integer.parseInt(s);
            return i < optionCount() ? String.valueOf(i) : null;
        }
        // digits, one sign, one point, an exponent: nothing else (no hex, no "NaN", no "Infinity")
        s = s.replace(',', '.').replace('\u2212', '-');
        if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?")) {
            return null;
        }
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v)) {
            return null;
        }
        return number(v);
    }

    /** A number as the page and the export show it: plain, no trailing zeros. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
