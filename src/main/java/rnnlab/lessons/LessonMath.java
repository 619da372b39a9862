package rnnlab.lessons;

import java.nio.file.Path;
import java.util.List;
import rnnlab.tex.MathSpans;
import rnnlab.tex.TexPolicy;
import rnnlab.tex.TexRefusal;

/**
 * Checks the math of a lesson's narration and checkpoint texts against the {@link TexPolicy} (the one the
 * app typesets with): each refusal is a problem on the line of the refused command.
 */
final class LessonMath {
    private LessonMath() {
    }

    /**
     * Checks Markdown whose k-th line (from 0) is line {@code lines.get(k)} of the file.
     */
    static void check(Path file, String markdown, List<Integer> lines, List<Problem> problems) {
        for (MathSpans.Span sp : MathSpans.find(markdown)) {
            for (TexRefusal r : TexPolicy.check(sp.source())) {
                int at = sp.start();
                int cmd = r.detail().startsWith("\\") ? markdown.indexOf(r.detail(), sp.start()) : -1;
                if (cmd >= 0 && cmd < sp.end()) {
                    at = cmd;
                }
                int k = 0;
                for (int i = 0; i < at; i++) {
                    if (markdown.charAt(i) == '\n') {
                        k++;
                    }
                }
                int line = lines.isEmpty() ? 0 : lines.get(Math.min(k, lines.size() - 1));
                problems.add(new Problem(file, line, r.message()));
            }
        }
    }

    /** Checks one line of text (a checkpoint's question, option or explanation). */
    static void check(Path file, String text, int line, List<Problem> problems) {
        if (text != null) {
            check(file, text, List.of(line), problems);
        }
    }
}
