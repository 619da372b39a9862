package rnnlab.lessons;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rnnlab.i18n.Messages;
import rnnlab.tex.MathSpans;
import rnnlab.tex.TexPolicy;
import rnnlab.tex.TexRefusal;
import rnnlab.tex.TexUnicode;

/**
 * Checks the math of a lesson's narration and checkpoint texts against the {@link TexPolicy} (the one the
 * app typesets with): each refusal is a problem on the line of the refused command. A formula whose braces
 * do not pair up, and a {@code $} left unclosed before TeX (shown as source), are problems too; their
 * messages are in the app's language. A checkpoint's options are shown on buttons, which cannot typeset:
 * {@link #checkOption} checks them as {@link Checkpoint.Option#text()} shows them.
 */
final class LessonMath {
    /** TeX that shows as source when it is not between dollars: a command, or a sub- or superscript. */
    private static final Pattern TEX = Pattern.compile("\\\\[A-Za-z]+|[A-Za-z0-9)\\]}][_^](?:\\{|[A-Za-z0-9])");
    /** How much of the text after an unclosed $ a message quotes. */
    private static final int QUOTED = 40;

    private LessonMath() {
    }

    /**
     * Checks Markdown whose k-th line (from 0) is line {@code lines.get(k)} of the file.
     */
    static void check(Path file, String markdown, List<Integer> lines, List<Problem> problems) {
        check(file, markdown, lines, problems, true);
    }

    /** As above; without {@code syntax} only the policy's refusals (an option: {@link #checkOption} does the rest). */
    private static void check(Path file, String markdown, List<Integer> lines, List<Problem> problems, boolean syntax) {
        for (MathSpans.Span sp : MathSpans.find(markdown)) {
            for (TexRefusal r : TexPolicy.check(sp.source())) {
                int at = sp.start();
                int cmd = r.detail().startsWith("\\") ? markdown.indexOf(r.detail(), sp.start()) : -1;
                if (cmd >= 0 && cmd < sp.end()) {
                    at = cmd;
                }
                problems.add(new Problem(file, line(markdown, at, lines), r.message()));
            }
            int[] braces = braces(sp.source());
            if (syntax && (braces[0] != braces[1] || braces[2] > 0)) {
                problems.add(new Problem(file, line(markdown, sp.start(), lines), Messages.format("check.math.braces",
                        quote(sp.source()), braces[0], braces[1])));
            }
        }
        for (int at : syntax ? MathSpans.loneDollars(markdown) : List.<Integer>of()) {
            int para = markdown.indexOf("\n\n", at);
            String after = markdown.substring(at + 1, para < 0 ? markdown.length() : para);
            if (TEX.matcher(after).find()) {
                problems.add(new Problem(file, line(markdown, at, lines), Messages.format("check.math.unclosed",
                        quote(after.strip()))));
                break; // the first one: the dollars after it pair up differently once it is closed
            }
        }
    }

    /** Checks one line of text (a checkpoint's question, option or explanation). */
    static void check(Path file, String text, int line, List<Problem> problems) {
        if (text != null) {
            check(file, text, List.of(line), problems);
        }
    }

    /**
     * Checks option {@code option} (from 1) of a checkpoint of step {@code step} (from 1), {@code label} on
     * line {@code line}, as its button shows it ({@link TexUnicode#inText}): a {@code $} not closed, a formula
     * whose braces do not pair up, a command the conversion leaves as written, and TeX outside the dollars;
     * and the policy's refusals, as {@link #check} reports them (a command it refuses only so). Each is one problem,
     * {@code step N: option K: …}, in the app's language.
     */
    static void checkOption(Path file, String label, int line, int step, int option, List<Problem> problems) {
        if (label == null) {
            return;
        }
        check(file, label, List.of(line), problems, false);
        int at = 0;
        StringBuilder plain = new StringBuilder();
        while (at < label.length()) {
            int open = label.indexOf('$', at);
            if (open < 0) {
                plain.append(label, at, label.length());
                break;
            }
            if (open > at && label.charAt(open - 1) == '\\') {
                plain.append(label, at, open - 1).append(' ');
                at = open + 1;
                continue;
            }
            plain.append(label, at, open).append(' ');
            String delim = label.startsWith("$$", open) ? "$$" : "$";
            int close = label.indexOf(delim, open + delim.length());
            String tex = label.substring(open + delim.length(), close < 0 ? label.length() : close);
            if (close < 0) {
                problems.add(new Problem(file, line, Messages.format("check.option.unclosed", step, option,
                        quote(label.substring(open + delim.length()).strip()))));
            }
            int[] braces = braces(tex);
            if (braces[0] != braces[1] || braces[2] > 0) {
                problems.add(new Problem(file, line, Messages.format("check.option.braces", step, option, quote(tex.strip()),
                        braces[0], braces[1])));
            }
            for (String cmd : TexUnicode.unconverted(tex)) {
                String name = cmd.substring(1);
                boolean refused = name.chars().allMatch(Character::isLetter) && !TexPolicy.COMMANDS.contains(name);
                if (!refused) {
                    problems.add(new Problem(file, line, Messages.format("check.option.raw", step, option, cmd)));
                }
            }
            if (close < 0) {
                break;
            }
            at = close + delim.length();
        }
        Matcher m = TEX.matcher(plain);
        if (m.find()) {
            problems.add(new Problem(file, line, Messages.format("check.option.outside", step, option, m.group())));
        }
    }

    /**
     * The braces of one formula: {@code [opened, closed, closed before any was open]}; {@code \{}, {@code \}}
     * and {@code \\} are not braces.
     */
    static int[] braces(String tex) {
        int open = 0;
        int close = 0;
        int stray = 0;
        int depth = 0;
        for (int i = 0; i < tex.length(); i++) {
            char c = tex.charAt(i);
            if (c == '\\') {
                i++; // the escaped character: \{ \} \\
            } else if (c == '{') {
                open++;
                depth++;
            } else if (c == '}') {
                close++;
                if (depth == 0) {
                    stray++;
                } else {
                    depth--;
                }
            }
        }
        return new int[] {open, close, stray};
    }

    /** The line of index {@code at} of {@code markdown} whose k-th line is file line {@code lines.get(k)}. */
    private static int line(String markdown, int at, List<Integer> lines) {
        int k = 0;
        for (int i = 0; i < at; i++) {
            if (markdown.charAt(i) == '\n') {
                k++;
            }
        }
        return lines.isEmpty() ? 0 : lines.get(Math.min(k, lines.size() - 1));
    }

    /** At most {@link #QUOTED} characters of {@code s}, on one line. */
    private static String quote(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= QUOTED ? one : one.substring(0, QUOTED - 1) + "…";
    }
}
