package rnnlab.tex;

import java.util.Locale;

/**
 * Why a formula is not typeset: a refused command or environment, a size limit, or the time budget.
 * {@link #message()} is the English sentence {@code lessons check} prints; the app shows the same
 * refusal in the user's language from {@link #kind()} and {@link #detail()}.
 *
 * @param kind   what kind of refusal
 * @param detail the command ({@code \includegraphics}), environment name or limit, as shown
 * @param hint   an extra clause ("; did you mean \frac?") or ""
 */
public record TexRefusal(Kind kind, String detail, String hint) {
    public enum Kind {
        /** loads a file or URL: {@code \includegraphics}, {@code \input} … */
        LOADS_FILES,
        /** defines or changes macros: {@code \newcommand}, {@code \def} … */
        DEFINES_MACROS,
        /** any other command outside the allow-list */
        UNKNOWN_COMMAND,
        /** {@code \begin{name}} with a name outside the allow-list */
        UNKNOWN_ENVIRONMENT,
        /** more characters than {@link TexPolicy#MAX_CHARS} */
        TOO_LONG,
        /** more commands and groups than {@link TexPolicy#MAX_TOKENS} */
        TOO_MANY_TOKENS,
        /** braces nested deeper than {@link TexPolicy#MAX_DEPTH} */
        TOO_DEEP,
        /** typesetting took longer than the budget (or earlier formulas are still stuck) */
        TIMED_OUT;

        /** The key of this refusal's message in the app's resource bundles ({@code tex.refused.…}). */
        public String bundleKey() {
            return "tex.refused." + name().toLowerCase(Locale.ROOT).replace('_', '.');
        }
    }

    public TexRefusal {
        hint = hint == null ? "" : hint;
    }

    /** The refusal as one short English sentence, without a place. */
    public String message() {
        return switch (kind) {
            case LOADS_FILES -> detail + " is not allowed in lesson math (it loads files or URLs)";
            case DEFINES_MACROS -> detail + " is not allowed in lesson math (it defines macros)";
            case UNKNOWN_COMMAND -> detail + " is not an allowed command in lesson math" + hint
                    + " (lessons/README.md, \"Math\", lists the allowed ones)";
            case UNKNOWN_ENVIRONMENT -> "environment \"" + detail + "\" is not allowed in lesson math; allowed: "
                    + String.join(", ", TexPolicy.ENVIRONMENTS);
            case TOO_LONG -> "a formula has " + detail + " characters; lesson math allows at most " + TexPolicy.MAX_CHARS;
            case TOO_MANY_TOKENS -> "a formula has " + detail + " commands and groups; lesson math allows at most "
                    + TexPolicy.MAX_TOKENS;
            case TOO_DEEP -> "a formula nests braces " + detail + " deep; lesson math allows at most " + TexPolicy.MAX_DEPTH;
            case TIMED_OUT -> "a formula took longer than " + detail + " to typeset";
        };
    }

    @Override
    public String toString() {
        return message();
    }
}
