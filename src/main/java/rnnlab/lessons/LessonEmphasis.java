package rnnlab.lessons;

import java.nio.file.Path;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import rnnlab.i18n.Messages;
import rnnlab.tex.MathSpans;

/**
 * Finds emphasis marks that Markdown leaves as written: CommonMark closes {@code **} only where it is not
 * between a punctuation mark and a letter, so Chinese narration such as {@code **丢弃法（dropout）**在} shows its
 * asterisks (lesson 20 did, while presenting). The narration renders exactly with CommonMark, so what this
 * parser leaves as text the student sees.
 */
final class LessonEmphasis {
    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{[a-z]+\\}");

    private LessonEmphasis() {
    }

    /** Checks Markdown whose k-th line (from 0) is line {@code lines.get(k)} of the file: one problem per such mark. */
    static void check(Path file, String markdown, List<Integer> lines, List<Problem> problems) {
        // formulas are typeset, not parsed as Markdown: blanked (same length, same lines) so their * and _ count not
        StringBuilder md = new StringBuilder(markdown);
        for (MathSpans.Span sp : MathSpans.find(markdown)) {
            for (int i = sp.start(); i < sp.end(); i++) {
                if (md.charAt(i) != '\n') {
                    md.setCharAt(i, 'x');
                }
            }
        }
        // an explanation's {value} and {answer} are filled in before it is rendered (a number or an option's words)
        String filled = PLACEHOLDER.matcher(md).replaceAll("0");
        PARSER.parse(filled).accept(new AbstractVisitor() {
            @Override
            public void visit(Code code) {
                // inline code shows its asterisks on purpose
            }

            @Override
            public void visit(Text text) {
                String s = text.getLiteral();
                int at = Math.max(s.indexOf("**"), s.indexOf("__"));
                if (at >= 0) {
                    int k = text.getSourceSpans().isEmpty() ? 0 : text.getSourceSpans().get(0).getLineIndex();
                    int line = lines.isEmpty() ? 0 : lines.get(Math.min(k, lines.size() - 1));
                    problems.add(new Problem(file, line, Messages.format("check.emphasis.unclosed", around(s, at))));
                }
            }
        });
    }

    /** Checks one line of text (a checkpoint's question, explanation or hint). */
    static void check(Path file, String text, int line, List<Problem> problems) {
        if (text != null) {
            check(file, text, List.of(line), problems);
        }
    }

    /** A few characters either side of index {@code at}, on one line. */
    private static String around(String s, int at) {
        int from = Math.max(0, at - 12);
        int to = Math.min(s.length(), at + 14);
        return (from > 0 ? "…" : "") + s.substring(from, to).replace('\n', ' ') + (to < s.length() ? "…" : "");
    }
}
