package rnnlab.analysis;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A pattern over a text as one number per character, the signal a unit's activation is compared with:
 * inside string quotes, inside a comment, bracket depth, position in the line, after a space, a regular
 * expression's matches, or a selected range of characters.
 */
public final class TextPattern {
    /** The named patterns {@link #parse} knows besides {@code regex:…} and {@code range:A-B}. */
    public static final String NAMES = "inside-quotes, inside-comment, bracket-depth, line-position, after-space, "
            + "regex:EXPR (or any other text, read as a regular expression), range:FROM-TO";

    private final String name;
    private final Kind kind;
    private final Pattern regex;
    private final int from;
    private final int to;

    private enum Kind { QUOTES, COMMENT, DEPTH, LINE_POSITION, AFTER_SPACE, REGEX, RANGE }

    private TextPattern(String name, Kind kind, Pattern regex, int from, int to) {
        this.name = name;
        this.kind = kind;
        this.regex = regex;
        this.from = from;
        this.to = to;
    }

    /**
     * Reads a pattern: one of the names in {@link #NAMES}, {@code regex:EXPR}, {@code range:FROM-TO}
     * (character indices, TO exclusive), or any other text as a regular expression. Bad input throws
     * {@link IllegalArgumentException} with one sentence.
     */
    public static TextPattern parse(String spec) {
        if (spec == null || spec.isEmpty()) {
            throw new IllegalArgumentException("the pattern is empty; expected one of " + NAMES);
        }
        switch (spec.toLowerCase(Locale.ROOT)) {
            case "inside-quotes": return new TextPattern(spec, Kind.QUOTES, null, 0, 0);
            case "inside-comment": return new TextPattern(spec, Kind.COMMENT, null, 0, 0);
            case "bracket-depth": return new TextPattern(spec, Kind.DEPTH, null, 0, 0);
            case "line-position": return new TextPattern(spec, Kind.LINE_POSITION, null, 0, 0);
            case "after-space": return new TextPattern(spec, Kind.AFTER_SPACE, null, 0, 0);
            default: break;
        }
        if (spec.startsWith("range:")) {
            String[] ab = spec.substring(6).split("-", -1);
            try {
                if (ab.length == 2) {
                    return range(Integer.parseInt(ab[0].trim()), Integer.parseInt(ab[1].trim()));
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new IllegalArgumentException("pattern '" + spec + "': expected range:FROM-TO with character "
                    + "indices, e.g. range:120-180");
        }
        String expr = spec.startsWith("regex:") ? spec.substring(6) : spec;
        if (expr.isEmpty()) {
            throw new IllegalArgumentException("pattern '" + spec + "': the regular expression is empty");
        }
        try {
            return new TextPattern(spec, Kind.REGEX, Pattern.compile(expr), 0, 0);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern '" + spec + "' is neither one of " + NAMES
                    + " nor a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    /** The selected characters {@code from} (inclusive) to {@code to} (exclusive): 1 inside, 0 outside. */
    public static TextPattern range(int from, int to) {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("the range " + from + "-" + to + " is empty or negative; "
                    + "expected 0 <= FROM < TO");
        }
        return new TextPattern("range:" + from + "-" + to, Kind.RANGE, null, from, to);
    }

    public String name() {
        return name;
    }

    /** One value per character of {@code cps} (code points). */
    public double[] signal(int[] cps) {
        int n = cps.length;
        double[] s = new double[n];
        switch (kind) {
            case QUOTES -> quotes(cps, s);
            case COMMENT -> comments(cps, s);
            case DEPTH -> depth(cps, s);
            case LINE_POSITION -> {
                int col = 0;
                for (int i = 0; i < n; i++) {
                    s[i] = col;
                    col = cps[i] == '\n' ? 0 : col + 1;
                }
            }
            case AFTER_SPACE -> {
                for (int i = 1; i < n; i++) {
                    s[i] = cps[i - 1] == ' ' ? 1 : 0;
                }
            }
            case RANGE -> {
                if (from >= n) {
                    throw new IllegalArgumentException("the range " + from + "-" + to + " starts after the end of "
                            + "the text (" + n + " characters)");
                }
                for (int i = from; i < Math.min(to, n); i++) {
                    s[i] = 1;
                }
            }
            case REGEX -> {
                String text = new String(cps, 0, n);
                Matcher m = regex.matcher(text);
                while (m.find()) {
                    int a = text.codePointCount(0, m.start());
                    int b = a + text.codePointCount(m.start(), m.end());
                    for (int i = a; i < b; i++) {
                        s[i] = 1;
                    }
                    if (m.end() == m.start() && m.end() >= text.length()) {
                        break;
                    }
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        return s;
    }

    /** 1 from an opening double quote to its closing quote (both included), outside comments; escapes honoured. */
    private static void quotes(int[] c, double[] s) {
        boolean in = false;
        int comment = 0; // 1 line comment, 2 block comment
        for (int i = 0; i < c.length; i++) {
            int ch = c[i];
            int next = i + 1 < c.length ? c[i + 1] : -1;
            if (in) {
                s[i] = 1;
                if (ch == '\\' && next >= 0) {
                    s[++i] = 1;
                } else if (ch == '"' || ch == '\n') {
                    in = false;
                }
            } else if (comment == 1) {
                comment = ch == '\n' ? 0 : 1;
            } else if (comment == 2) {
                if (ch == '*' && next == '/') {
                    comment = 0;
                    i++;
                }
            } else if (ch == '/' && next == '/') {
                comment = 1;
            } else if (ch == '/' && next == '*') {
                comment = 2;
                i++;
            } else if (ch == '\'') {
                // a char literal such as '"' must not open a string
                int close = ch;
                int j = i + 1;
                if (j < c.length && c[j] == '\\') {
                    j++;
                }
                if (j + 1 < c.length && c[j + 1] == close) {
                    i = j + 1;
                }
            } else if (ch == '"') {
                in = true;
                s[i] = 1;
            }
        }
    }

    /** 1 inside // and /* … *&#47; comments (markers included), not when they appear inside a string. */
    private static void comments(int[] c, double[] s) {
        boolean str = false;
        int comment = 0;
        for (int i = 0; i < c.length; i++) {
            int ch = c[i];
            int next = i + 1 < c.length ? c[i + 1] : -1;
            if (comment == 1) {
                if (ch == '\n') {
                    comment = 0;
                } else {
                    s[i] = 1;
                }
            } else if (comment == 2) {
                s[i] = 1;
                if (ch == '*' && next == '/') {
                    s[++i] = 1;
                    comment = 0;
                }
            } else if (str) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"' || ch == '\n') {
                    str = false;
                }
            } else if (ch == '"') {
                str = true;
            } else if (ch == '\'' && i + 2 < c.length && c[i + 2] == '\'') {
                i += 2;
            } else if (ch == '/' && (next == '/' || next == '*')) {
                comment = next == '/' ? 1 : 2;
                s[i] = 1;
                s[++i] = 1;
            }
        }
    }

    /** The nesting depth of (), [] and {} at each character (an opening bracket counts itself). */
    private static void depth(int[] c, double[] s) {
        int d = 0;
        for (int i = 0; i < c.length; i++) {
            int ch = c[i];
            if (ch == '(' || ch == '[' || ch == '{') {
                d++;
            }
            s[i] = d;
            if ((ch == ')' || ch == ']' || ch == '}') && d > 0) {
                d--;
            }
        }
    }
}
