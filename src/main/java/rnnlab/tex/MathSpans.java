package rnnlab.tex;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the math is in lesson Markdown: {@code $inline$} and {@code $$display$$}, outside {@code `code`}
 * spans and fences; {@code \$} is a dollar sign, a lone {@code $} is text, and an inline formula does not
 * cross a blank line. The narration typesets exactly these spans and {@code lessons check} checks exactly
 * these, so the two can never disagree about what is math.
 */
public final class MathSpans {
    /**
     * One formula.
     *
     * @param start   index of its opening dollar in the Markdown
     * @param end     index just after its closing dollar(s)
     * @param source  the TeX between the dollars, trimmed
     * @param display true for {@code $$…$$}
     */
    public record Span(int start, int end, String source, boolean display) {
    }

    private MathSpans() {
    }

    /** The formulas of {@code md} in order. */
    public static List<Span> find(String md) {
        List<Span> out = new ArrayList<>();
        scan(md, out, null);
        return out;
    }

    /**
     * Where {@code md} has a dollar that opens no formula (no closing one after it, or only past a blank
     * line), outside code and not written {@code \$}: shown as a dollar sign, with whatever follows it as
     * plain text. {@code lessons check} reports one followed by TeX (a formula left unclosed).
     */
    public static List<Integer> loneDollars(String md) {
        List<Integer> out = new ArrayList<>();
        scan(md, new ArrayList<>(), out);
        return out;
    }

    private static void scan(String md, List<Span> out, List<Integer> lone) {
        if (md == null) {
            return;
        }
        int i = 0;
        int n = md.length();
        while (i < n) {
            char c = md.charAt(i);
            if (c == '`') {
                int run = 0;
                while (i + run < n && md.charAt(i + run) == '`') {
                    run++;
                }
                int end = md.indexOf("`".repeat(run), i + run);
                i = end < 0 ? i + run : end + run;
            } else if (c == '\\' && i + 1 < n && md.charAt(i + 1) == '$') {
                i += 2;
            } else if (c == '$') {
                boolean twice = i + 1 < n && md.charAt(i + 1) == '$';
                String close = twice ? "$$" : "$";
                int end = md.indexOf(close, i + close.length());
                if (end < 0 || (!twice && md.substring(i + 1, end).contains("\n\n"))) {
                    if (lone != null) {
                        lone.add(i);
                    }
                    i++;
                    continue;
                }
                out.add(new Span(i, end + close.length(), md.substring(i + close.length(), end).trim(), twice));
                i = end + close.length();
            } else {
                i++;
            }
        }
    }
}
