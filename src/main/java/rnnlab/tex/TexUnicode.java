package rnnlab.tex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The TeX of our lessons as readable plain Unicode text, for places that cannot typeset (the students'
 * poll page: no scripts or fonts are fetched, so no MathJax): {@code \|\delta h_9\|} becomes {@code ‖δh₉‖},
 * {@code \frac{a}{b}} {@code a/b}, {@code \text{x}} {@code x}, Greek letters and operators their symbols,
 * sub- and superscripts Unicode sub/superscript characters where every character has one (else
 * {@code _x} / {@code ^(..)}). A command it does not know is left as written. Pure string work: no
 * macros are expanded, nothing is executed, the output is never longer than about twice the input.
 */
public final class TexUnicode {
    private static final Map<String, String> SYMBOLS = new HashMap<>();
    private static final Map<String, Character> ACCENTS = new HashMap<>();
    private static final String SUP_FROM = "0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW";
    private static final String SUP_TO = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207a\u207b\u207c\u207d\u207e"
            + "\u1d43\u1d47\u1d9c\u1d48\u1d49\u1da0\u1d4d\u02b0\u2071\u02b2\u1d4f\u02e1\u1d50\u207f\u1d52\u1d56\u02b3\u02e2\u1d57\u1d58\u1d5b\u02b7\u02e3\u02b8\u1dbb"
            + "\u1d2c\u1d2e\u1d30\u1d31\u1d33\u1d34\u1d35\u1d36\u1d37\u1d38\u1d39\u1d3a\u1d3c\u1d3e\u1d3f\u1d40\u1d41\u2c7d\u1d42";
    private static final String SUB_FROM = "0123456789+-=()aehijklmnoprstuvx";
    private static final String SUB_TO = "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089\u208a\u208b\u208c\u208d\u208e"
            + "\u2090\u2091\u2095\u1d62\u2c7c\u2096\u2097\u2098\u2099\u2092\u209a\u1d63\u209b\u209c\u1d64\u1d65\u2093";

    static {
        String[] greek = {"alpha", "\u03b1", "beta", "\u03b2", "gamma", "\u03b3", "delta", "\u03b4", "epsilon", "\u03f5",
            "varepsilon", "\u03b5", "zeta", "\u03b6", "eta", "\u03b7", "theta", "\u03b8", "iota", "\u03b9", "kappa", "\u03ba",
            "lambda", "\u03bb", "mu", "\u03bc", "nu", "\u03bd", "xi", "\u03be", "pi", "\u03c0", "rho", "\u03c1",
            "sigma", "\u03c3", "tau", "\u03c4", "upsilon", "\u03c5", "phi", "\u03d5", "varphi", "\u03c6", "chi", "\u03c7",
            "psi", "\u03c8", "omega", "\u03c9", "Gamma", "\u0393", "Delta", "\u0394", "Theta", "\u0398", "Lambda", "\u039b",
            "Pi", "\u03a0", "Sigma", "\u03a3", "Phi", "\u03a6", "Psi", "\u03a8", "Omega", "\u03a9"};
        String[] ops = {"partial", "\u2202", "approx", "\u2248", "cdot", "\u00b7", "times", "\u00d7", "odot", "\u2299",
            "otimes", "\u2297", "oplus", "\u2295", "le", "\u2264", "leq", "\u2264", "ge", "\u2265", "geq", "\u2265",
            "ne", "\u2260", "neq", "\u2260", "pm", "\u00b1", "to", "\u2192", "rightarrow", "\u2192", "leftarrow", "\u2190",
            "Rightarrow", "\u21d2", "Leftarrow", "\u21d0", "mapsto", "\u21a6", "infty", "\u221e", "in", "\u2208",
            "sim", "~", "propto", "\u221d", "nabla", "\u2207", "ell", "\u2113", "sum", "\u03a3", "prod", "\u03a0",
            "int", "\u222b", "dots", "\u2026", "ldots", "\u2026", "cdots", "\u22ef", "circ", "\u2218", "top", "\u1d40",
            "lVert", "\u2016", "rVert", "\u2016", "Vert", "\u2016", "lvert", "|", "rvert", "|", "vert", "|", "mid", "|",
            "langle", "\u27e8", "rangle", "\u27e9", "equiv", "\u2261", "ll", "\u226a", "gg", "\u226b",
            "quad", "\u2003", "qquad", "\u2003\u2003", "max", "max", "min", "min", "tanh", "tanh", "log", "log",
            "ln", "ln", "exp", "exp", "sin", "sin", "cos", "cos", "lim", "lim", "det", "det", "arg", "arg",
            "sinh", "sinh", "cosh", "cosh", "argmax", "argmax", "argmin", "argmin",
            "left", "", "right", "", "big", "", "Big", "", "bigl", "", "bigr", "", "Bigl", "", "Bigr", "", "bigg", "",
            "displaystyle", "", "textstyle", ""};
        for (String[] table : new String[][] {greek, ops}) {
            for (int i = 0; i < table.length; i += 2) {
                SYMBOLS.put(table[i], table[i + 1]);
            }
        }
        ACCENTS.put("tilde", '\u0303');
        ACCENTS.put("widetilde", '\u0303');
        ACCENTS.put("hat", '\u0302');
        ACCENTS.put("widehat", '\u0302');
        ACCENTS.put("bar", '\u0304');
        ACCENTS.put("overline", '\u0305');
        ACCENTS.put("vec", '\u20d7');
        ACCENTS.put("overrightarrow", '\u20d7');
        ACCENTS.put("overleftarrow", '\u20d6');
        ACCENTS.put("dot", '\u0307');
    }

    private final String s;
    private int i;
    /** The commands left as written, in order (when asked for by {@link #unconverted}), else null. */
    private List<String> raw;

    private TexUnicode(String s) {
        this.s = s;
    }

    /**
     * The commands of one formula's TeX (without the $) that {@link #convert} cannot turn into text and so
     * leaves as written ({@code \binom}, {@code \mathfrak} …), each once, in order: what a place that cannot
     * typeset (an option button) would show as TeX source. {@code lessons check} reports them.
     */
    public static List<String> unconverted(String tex) {
        if (tex == null || tex.isEmpty()) {
            return List.of();
        }
        TexUnicode t = new TexUnicode(tex);
        t.raw = new ArrayList<>();
        t.sequence(false);
        return List.copyOf(new LinkedHashSet<>(t.raw));
    }

    /** One formula's TeX (without the $) as plain Unicode text. */
    public static String convert(String tex) {
        if (tex == null || tex.isEmpty()) {
            return "";
        }
        TexUnicode t = new TexUnicode(tex);
        return t.sequence(false).strip();
    }

    /**
     * A line of lesson text with {@code $..$} / {@code $$..$$} math: each formula converted, the dollar
     * signs dropped, the rest left as it is; {@code \$} is a dollar sign. An unclosed $ is kept as written.
     */
    public static String inText(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf('$', at);
            if (open < 0) {
                out.append(text, at, text.length());
                break;
            }
            if (open > at && text.charAt(open - 1) == '\\') {
                // \$ is a dollar sign, as in the narration
                out.append(text, at, open - 1).append('$');
                at = open + 1;
                continue;
            }
            boolean dbl = text.startsWith("$$", open);
            String delim = dbl ? "$$" : "$";
            int close = text.indexOf(delim, open + delim.length());
            if (close < 0) {
                out.append(text, at, text.length());
                break;
            }
            out.append(text, at, open).append(convert(text.substring(open + delim.length(), close)));
            at = close + delim.length();
        }
        return out.toString();
    }

    /** Reads until the end, or a closing brace when {@code inGroup}. */
    private String sequence(boolean inGroup) {
        StringBuilder out = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '}' && inGroup) {
                i++;
                return out.toString();
            }
            out.append(atom());
        }
        return out.toString();
    }

    /** One thing: a command with its arguments, a group, a script, or a character. */
    private String atom() {
        char c = s.charAt(i);
        switch (c) {
            case '{' -> {
                i++;
                return sequence(true);
            }
            case '}' -> { // a stray closing brace outside any group: shown as written
                i++;
                return "}";
            }
            case '^', '_' -> {
                i++;
                return script(c == '^', argument());
            }
            case '\\' -> {
                return command();
            }
            default -> {
                i++;
                return String.valueOf(c);
            }
        }
    }

    /** The next argument: a group, a command, or one character (spaces before it skipped). */
    private String argument() {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        if (i >= s.length()) {
            return "";
        }
        return atom();
    }

    private String command() {
        int start = i;
        i++; // the backslash
        if (i >= s.length()) {
            return "\\";
        }
        char c = s.charAt(i);
        if (!Character.isLetter(c)) {
            i++;
            return switch (c) {
                case '|' -> "\u2016";
                case ',', ';', ':', ' ' -> " ";
                case '!' -> "";
                case '{', '}', '%', '$', '_', '#', '&' -> String.valueOf(c);
                case '\\' -> " ";
                default -> unknown(s.substring(start, i));
            };
        }
        while (i < s.length() && Character.isLetter(s.charAt(i))) {
            i++;
        }
        String name = s.substring(start + 1, i);
        String sym = SYMBOLS.get(name);
        // the space after a letter's name only ends the name (TeX ignores it): \delta h is δh; after an
        // operator or a function name (\cdot x, \max x) it stays, for reading
        boolean letter = sym != null && (sym.codePointCount(0, sym.length()) == 1 && Character.isLetter(sym.codePointAt(0))
                || name.equals("partial") || name.equals("nabla") || name.equals("lVert") || name.equals("langle") || name.equals("lvert"));
        if (i + 1 < s.length() && s.charAt(i) == ' ' && Character.isLetterOrDigit(s.charAt(i + 1))
                && (sym == null || letter || sym.isEmpty())) {
            i++;
        }
        if (sym != null) {
            return sym;
        }
        Character accent = ACCENTS.get(name);
        if (accent != null) {
            String arg = argument();
            StringBuilder b = new StringBuilder();
            arg.codePoints().forEach(cp -> {
                b.appendCodePoint(cp);
                if (Character.isLetterOrDigit(cp)) {
                    b.append(accent.charValue());
                }
            });
            return b.toString();
        }
        switch (name) {
            case "text", "textrm", "textit", "textbf", "mathrm", "mathit", "mathbf", "boldsymbol", "bm", "operatorname",
                 "mathcal", "mathbb", "mathsf", "mathtt", "emph" -> {
                return argument();
            }
            case "frac", "dfrac", "tfrac" -> {
                String a = argument();
                String b = argument();
                return wrap(a) + "/" + wrap(b);
            }
            case "sqrt" -> {
                return "\u221a" + wrap(argument());
            }
            case "underbrace", "overbrace" -> {
                String a = argument();
                // the brace's label (_{..} or ^{..}) is dropped: the expression stays readable
                int save = i;
                while (i < s.length() && s.charAt(i) == ' ') {
                    i++;
                }
                if (i < s.length() && (s.charAt(i) == '_' || s.charAt(i) == '^')) {
                    i++;
                    argument();
                } else {
                    i = save;
                }
                return a;
            }
            default -> {
                return unknown(s.substring(start, i).stripTrailing()); // unknown: left as written
            }
        }
    }

    /** A command this class does not know: left as written (and noted when {@link #unconverted} asks). */
    private String unknown(String command) {
        if (raw != null) {
            raw.add(command);
        }
        return command;
    }

    /** {@code x} as a super- or subscript: Unicode characters when all have one, else ^x / ^(xy). */
    private static String script(boolean sup, String arg) {
        String a = arg.strip();
        if (a.isEmpty()) {
            return "";
        }
        if (sup && a.equals("\u1d40")) {
            return a; // ^\top
        }
        String from = sup ? SUP_FROM : SUB_FROM;
        String to = sup ? SUP_TO : SUB_TO;
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < a.length(); k++) {
            char ch = a.charAt(k);
            if (ch == ',' || ch == ' ') {
                b.append(ch == ',' ? ',' : ' ');
                continue;
            }
            int at = from.indexOf(ch);
            if (at < 0) {
                return (sup ? "^" : "_") + (a.length() == 1 || a.codePoints().allMatch(Character::isLetterOrDigit) ? a : "(" + a + ")");
            }
            b.append(to.charAt(at));
        }
        return b.toString();
    }

    /** A fraction's part in parentheses unless it is one word or number. */
    private static String wrap(String part) {
        String p = part.strip();
        boolean simple = !p.isEmpty() && p.codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || cp == '.'
                || Character.getType(cp) == Character.NON_SPACING_MARK || "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089\u1d40".indexOf(cp) >= 0
                || (cp >= 0x2090 && cp <= 0x209c) || (cp >= 0x1d2c && cp <= 0x1dbf) || (cp >= 0x2070 && cp <= 0x207f));
        return simple ? p : "(" + p + ")";
    }
}
