package rnnlab.tex;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What TeX RNN Lab typesets: one policy for lesson narration, checkpoints, {@code lessons check} and
 * every view that draws formulas. TeX is a programming language and jlatexmath implements part of it:
 * {@code \includegraphics} fetches files and URLs, {@code \newcommand} can define a macro that expands
 * for ever. So a formula may only use the commands of {@link #COMMANDS} (ordinary maths and everything the
 * shipped lessons and the app's own formulas use) and the environments of {@link #ENVIRONMENTS}, and its
 * size is bounded before anything parses it: {@link #MAX_CHARS} characters, {@link #MAX_TOKENS} commands
 * and groups, braces {@link #MAX_DEPTH} deep. Every command listed is one jlatexmath 1.0.7 knows.
 *
 * <p>The scan reads commands exactly as TeX (and jlatexmath) do: a backslash and then either a run of
 * letters or one other character; it looks everywhere in the source, inside {@code \text{…}} too, so
 * nothing hides from it. Pure and fast (one pass); any thread.
 */
public final class TexPolicy {
    public static final int MAX_CHARS = 2000;
    public static final int MAX_TOKENS = 600;
    public static final int MAX_DEPTH = 12;

    /** Commands that read files or URLs; named for a clearer message (all are outside the allow-list). */
    static final Set<String> LOADS_FILES = Set.of("includegraphics", "input", "include", "includeonly", "href",
            "url", "usepackage", "RequirePackage", "documentclass", "openin", "read", "immediate", "write",
            "jlmExternalFont", "jlmDynamic", "loadTeXFont", "special");
    /** Commands that define or change macros, environments or the parser itself. */
    static final Set<String> DEFINES_MACROS = Set.of("newcommand", "renewcommand", "providecommand", "def", "edef",
            "gdef", "xdef", "let", "futurelet", "newenvironment", "renewenvironment", "DeclareMathOperator",
            "catcode", "makeatletter", "makeatother", "csname", "expandafter", "newif", "newcount", "newdimen",
            "newlength", "setlength", "addtolength", "global", "long", "outer", "uppercase", "lowercase");

    /** Control symbols: a backslash and one non-letter. */
    static final String SYMBOLS = ",:;! |{}\\#$%&_^'`\"";

    /** The allowed control words, without the backslash. */
    public static final Set<String> COMMANDS = Set.copyOf(new TreeSet<>(List.of(
            // Greek
            "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota",
            "kappa", "lambda", "mu", "nu", "xi", "pi", "varpi", "rho", "varrho", "sigma", "varsigma", "tau",
            "upsilon", "phi", "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi",
            "Sigma", "Upsilon", "Phi", "Psi", "Omega",
            // operators and functions
            "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "coth",
            "exp", "log", "ln", "lg", "lim", "liminf", "limsup", "max", "min", "sup", "inf", "arg", "det", "dim",
            "ker", "deg", "gcd", "Pr", "operatorname",
            // big operators
            "sum", "prod", "coprod", "int", "iint", "iiint", "oint", "bigcup", "bigcap", "bigoplus", "bigotimes",
            "limits", "nolimits",
            // binary operators
            "pm", "mp", "times", "div", "cdot", "ast", "star", "circ", "bullet", "odot", "oplus", "ominus", "otimes",
            "oslash", "setminus", "wedge", "vee", "land", "lor", "cap", "cup", "sqcap", "sqcup", "dagger", "ddagger",
            "amalg",
            // relations and arrows
            "le", "leq", "ge", "geq", "ne", "neq", "lt", "gt", "ll", "gg", "equiv", "sim", "simeq", "approx", "cong",
            "propto", "doteq", "prec", "succ", "preceq", "succeq", "in", "notin", "ni", "subset", "supset",
            "subseteq", "supseteq", "mid", "nmid", "parallel", "perp", "models", "vdash", "dashv", "not",
            "to", "gets", "mapsto", "rightarrow", "leftarrow", "leftrightarrow", "Rightarrow", "Leftarrow",
            "Leftrightarrow", "longrightarrow", "longleftarrow", "longleftrightarrow", "Longrightarrow",
            "Longleftarrow", "Longleftrightarrow", "implies", "iff", "uparrow", "downarrow", "updownarrow",
            "Uparrow", "Downarrow", "nearrow", "searrow", "swarrow", "nwarrow", "rightleftharpoons",
            "hookrightarrow", "hookleftarrow", "leadsto",
            // symbols
            "infty", "partial", "nabla", "forall", "exists", "nexists", "neg", "lnot", "emptyset", "varnothing",
            "ell", "hbar", "imath", "jmath", "Re", "Im", "aleph", "wp", "prime", "top", "bot", "angle", "triangle",
            "square", "Box", "diamond", "clubsuit", "heartsuit", "spadesuit", "diamondsuit", "checkmark", "flat",
            "sharp", "natural", "surd", "S", "P", "dots", "ldots", "cdots", "vdots", "ddots", "colon",
            "therefore", "because", "degree",
            // accents and over/under
            "hat", "widehat", "bar", "overline", "underline", "tilde", "widetilde", "vec", "dot", "ddot", "check",
            "breve", "acute", "grave", "mathring", "overbrace", "underbrace", "overrightarrow", "overleftarrow",
            "overleftrightarrow", "stackrel", "overset", "underset", "boxed",
            // fractions, roots, binomials
            "frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom", "sqrt", "choose", "over",
            // fonts and text
            "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "mathcal", "mathbb", "mathfrak", "mathscr",
            "boldsymbol", "text", "textrm", "textbf", "textit", "texttt", "textsf", "mbox",
            "rm", "bf", "it", "sf", "tt", "cal",
            "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle",
            // colour (the app's own formulas tint gate letters)
            "textcolor",
            // delimiters and their sizes
            "left", "right", "middle", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl",
            "biggr", "Biggl", "Biggr", "langle", "rangle", "lVert", "rVert",
            "vert", "Vert", "lfloor", "rfloor", "lceil", "rceil", "lbrace", "rbrace", "lbrack", "rbrack",
            "backslash",
            // spacing (fixed amounts only: \hspace, \kern and \rule could make an image of any size)
            "quad", "qquad", "thinspace", "medspace", "thickspace", "negthinspace",
            // binary relations as operators, environments, line breaks
            "mathrel", "mathbin", "mathop", "mathord", "begin", "end", "cr", "hline")));

    /** The allowed environments. */
    public static final List<String> ENVIRONMENTS = List.of("aligned", "gathered", "array", "matrix", "pmatrix",
            "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix", "cases");

    private TexPolicy() {
    }

    /** True when {@code tex} may be typeset. */
    public static boolean allows(String tex) {
        return check(tex).isEmpty();
    }

    /** The first refusal, or null when {@code tex} may be typeset. */
    public static TexRefusal firstRefusal(String tex) {
        List<TexRefusal> all = check(tex);
        return all.isEmpty() ? null : all.get(0);
    }

    /**
     * Every reason {@code tex} may not be typeset, in order of appearance, each command once; empty when it
     * may. A source over {@link #MAX_CHARS} is refused without reading it further.
     */
    public static List<TexRefusal> check(String tex) {
        List<TexRefusal> out = new ArrayList<>();
        if (tex == null) {
            return out;
        }
        if (tex.length() > MAX_CHARS) {
            out.add(new TexRefusal(TexRefusal.Kind.TOO_LONG, Integer.toString(tex.length()), ""));
            return out;
        }
        Set<String> seen = new LinkedHashSet<>();
        int tokens = 0;
        int depth = 0;
        int deepest = 0;
        int n = tex.length();
        for (int i = 0; i < n; i++) {
            char c = tex.charAt(i);
            if (c == '{') {
                tokens++;
                depth++;
                deepest = Math.max(deepest, depth);
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == '^' || c == '_') {
                tokens++;
            } else if (c == '\\') {
                tokens++;
                if (i + 1 >= n) {
                    break;
                }
                int start = i + 1;
                int end = start;
                while (end < n && Character.isLetter(tex.charAt(end))) {
                    end++;
                }
                if (end == start) {
                    // a control symbol: \, \{ \| \\ …
                    char s = tex.charAt(start);
                    if (SYMBOLS.indexOf(s) < 0 && !Character.isWhitespace(s) && seen.add(String.valueOf(s))) {
                        out.add(new TexRefusal(TexRefusal.Kind.UNKNOWN_COMMAND, "\\" + s, ""));
                    }
                    i = start;
                    continue;
                }
                String name = tex.substring(start, end);
                i = end - 1;
                if (name.equals("begin") || name.equals("end")) {
                    String env = environment(tex, end);
                    if (!ENVIRONMENTS.contains(env) && seen.add("{" + env)) {
                        out.add(new TexRefusal(TexRefusal.Kind.UNKNOWN_ENVIRONMENT, env, ""));
                    }
                } else if (!COMMANDS.contains(name) && seen.add(name)) {
                    out.add(refusal(name));
                }
            }
        }
        if (deepest > MAX_DEPTH) {
            out.add(new TexRefusal(TexRefusal.Kind.TOO_DEEP, Integer.toString(deepest), ""));
        }
        if (tokens > MAX_TOKENS) {
            out.add(new TexRefusal(TexRefusal.Kind.TOO_MANY_TOKENS, Integer.toString(tokens), ""));
        }
        return out;
    }

    private static TexRefusal refusal(String name) {
        String shown = "\\" + name;
        if (LOADS_FILES.contains(name)) {
            return new TexRefusal(TexRefusal.Kind.LOADS_FILES, shown, "");
        }
        if (DEFINES_MACROS.contains(name)) {
            return new TexRefusal(TexRefusal.Kind.DEFINES_MACROS, shown, "");
        }
        String near = name.length() < 3 ? null : nearest(name);
        return new TexRefusal(TexRefusal.Kind.UNKNOWN_COMMAND, shown, near == null ? "" : "; did you mean \\" + near + "?");
    }

    /** The name in {@code \begin{name}} starting at {@code from} (spaces skipped), or "?" when there is none. */
    private static String environment(String tex, int from) {
        int i = from;
        while (i < tex.length() && Character.isWhitespace(tex.charAt(i))) {
            i++;
        }
        if (i >= tex.length() || tex.charAt(i) != '{') {
            return "?";
        }
        int close = tex.indexOf('}', i);
        if (close < 0 || close - i > 40) {
            return "?";
        }
        return tex.substring(i + 1, close).trim();
    }

    /** An allowed command one or two edits away (a typo), or null. */
    private static String nearest(String name) {
        String best = null;
        int bestD = 3;
        for (String c : new TreeSet<>(COMMANDS)) {
            if (Math.abs(c.length() - name.length()) >= bestD) {
                continue;
            }
            int d = rnnlab.io.Spelling.distance(name, c);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return bestD <= (name.length() <= 4 ? 1 : 2) ? best : null;
    }
}
