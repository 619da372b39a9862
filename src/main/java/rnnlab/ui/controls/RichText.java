package rnnlab.ui.controls;

import java.util.ArrayList;
import java.util.List;

/** Splits label text into plain and subscript runs ("c_t−1" → "c", sub "t−1"; "W_{hh}x" → "W", sub "hh", "x"). */
final class RichText {
    private static final String STOPS = " ·()[],=+:⊙;|./‖\u00a0";

    private RichText() {
    }

    /** "t+1": a plus directly followed by a digit stays in the subscript. */
    private static boolean plusDigit(String text, int i) {
        return text.charAt(i) == '+' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
    }

    /** Runs as {subscript, null} or {null, plain}. */
    static List<String[]> runs(String text) {
        List<String[]> out = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char ch = text.charAt(i);
            if (ch == '_' && i + 1 < n && text.charAt(i + 1) != ' ') {
                int end;
                String sub;
                if (text.charAt(i + 1) == '{') {
                    end = text.indexOf('}', i + 2);
                    if (end < 0) {
                        end = n;
                    }
                    sub = text.substring(i + 2, end);
                    end = Math.min(n, end + 1);
                } else {
                    end = i + 1;
                    while (end < n && (STOPS.indexOf(text.charAt(end)) < 0 || plusDigit(text, end))) {
                        end++;
                    }
                    sub = text.substring(i + 1, end);
                }
                if (plain.length() > 0) {
                    out.add(new String[] {null, plain.toString()});
                    plain.setLength(0);
                }
                out.add(new String[] {sub, null});
                i = end;
            } else {
                plain.append(ch);
                i++;
            }
        }
        if (plain.length() > 0) {
            out.add(new String[] {null, plain.toString()});
        }
        return out;
    }
}
