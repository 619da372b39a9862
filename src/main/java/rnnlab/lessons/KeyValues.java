package rnnlab.lessons;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A {@code key: value} line of a scene, check or front-matter block, and spelling help for unknown keys. */
record KeyValues(String key, String value, int line) {

    /** Reads {@code key: value}; null when the line has no colon after a key. */
    static KeyValues parse(String text, int line) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String key = text.substring(0, colon).trim();
        if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return null;
        }
        return new KeyValues(key, text.substring(colon + 1).trim(), line);
    }

    /** "; did you mean "x"?" for a near miss among {@code known}, else "". */
    static String suggest(String word, Collection<String> known) {
        String best = rnnlab.io.Spelling.nearest(word.toLowerCase(java.util.Locale.ROOT), known);
        return best == null ? "" : "; did you mean \"" + best + "\"?";
    }

    /** Splits a comma-separated list, trimming and dropping empty items. */
    static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
