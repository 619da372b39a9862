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

    /** " (did you mean "x"?)" for a near miss among {@code known}, else "". */
    static String suggest(String word, Collection<String> known) {
        String best = null;
        int bestD = 3;
        for (String k : known) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), k);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best == null ? "" : "; did you mean \"" + best + "\"?";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
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
