package rnnlab.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A choice's options are shown on buttons, which cannot typeset: their inline math is shown as Unicode,
 * never as TeX source (lesson 6's "$h_9$ and $h_{10}$ only" showed its dollars and braces, issue 12).
 */
class OptionTextTest {

    @Test
    void inlineMathBecomesUnicode() {
        assertThat(new Checkpoint.Option("$h_9$ and $h_{10}$ only", null, true).text()).isEqualTo("h₉ and h₁₀ only");
        assertThat(new Checkpoint.Option("the last four, $h_7 \\dots h_{10}$", null, false).text())
                .isEqualTo("the last four, h₇ … h₁₀");
        assertThat(new Checkpoint.Option("$[0, 0, 0, 0, 1]$", null, false).text()).isEqualTo("[0, 0, 0, 0, 1]");
        assertThat(new Checkpoint.Option("plain words", null, false).text()).isEqualTo("plain words");
    }

    @Test
    void noShippedOptionShowsTexSource() {
        LessonLibrary lib = LessonLibrary.load(Path.of("lessons"));
        List<String> texts = new ArrayList<>();
        int withMath = 0;
        for (LessonEntry e : lib.entries()) {
            for (String lang : LessonLibrary.LANGUAGES) {
                Lesson l = e.ok() ? e.lesson(lang) : null;
                if (l == null) {
                    continue;
                }
                for (Step s : l.steps()) {
                    for (Checkpoint c : s.checkpoints()) {
                        for (Checkpoint.Option o : c.options()) {
                            texts.add(l.file() + ": " + o.text());
                            withMath += o.label().contains("$") ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertThat(withMath).as("shipped options with inline math").isGreaterThanOrEqualTo(20);
        assertThat(texts).noneMatch(t -> t.contains("$") || t.contains("\\") || t.contains("_{") || t.contains("^{"));
    }
}
