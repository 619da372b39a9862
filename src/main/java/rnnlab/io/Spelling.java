package rnnlab.io;

import java.util.Collection;

/** "Did you mean …": the closest known word to a misspelt one, for the messages about bad input. */
public final class Spelling {
    private Spelling() {
    }

    /** The known word within 2 edits of {@code word} with the fewest edits, or null. */
    public static String nearest(String word, Collection<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(word, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    /** Levenshtein distance: the fewest insertions, deletions and substitutions from a to b. */
    public static int distance(String a, String b) {
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
}
