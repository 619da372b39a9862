package rnnlab.ui.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import rnnlab.lessons.Checkpoint;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.LessonEntry;
import rnnlab.lessons.LessonLibrary;

/**
 * Every checkpoint question and option of the shipped lessons (en and zh), as the students' page shows
 * them: no TeX command, no $ around math, no backslash or brace left.
 */
class PollQuestionTextTest {
    @Test
    void everyShippedCheckpointReadsAsPlainText() {
        LessonLibrary lib = LessonLibrary.load(Path.of("lessons"));
        List<String> texts = new ArrayList<>();
        int checkpoints = 0;
        for (LessonEntry e : lib.entries()) {
            for (String lang : LessonLibrary.LANGUAGES) {
                Lesson l = e.lesson(lang);
                if (l == null) {
                    continue;
                }
                for (var step : l.steps()) {
                    Checkpoint c = step.checkpoint();
                    if (c == null || c.kind() == Checkpoint.Kind.GOAL) {
                        continue;
                    }
                    checkpoints++;
                    texts.add(c.question());
                    c.options().forEach(o -> texts.add(o.label()));
                }
            }
        }
        assertThat(checkpoints).as("checkpoints in the shipped lessons").isGreaterThan(20);
        long withMath = texts.stream().filter(t -> t.contains("\\")).count();
        assertThat(withMath).as("questions and options with TeX commands").isGreaterThan(5);
        List<String> left = new ArrayList<>();
        for (String t : texts) {
            String p = ClassPoll.plain(t);
            // lesson 1's "*dog bites man.*" showed its asterisks on a real class screen (issue 20)
            if (p.contains("\\") || p.contains("$") || p.contains("{") || p.contains("}") || p.contains("*")) {
                left.add(t + "  ->  " + p);
            }
        }
        assertThat(left).as("texts still showing TeX on the students' page").isEmpty();
    }

    @Test
    void italicsLoseTheirAsterisks() {
        assertThat(ClassPoll.plain("same for *dog bites man.* and *man bites dog.*?"))
                .isEqualTo("same for dog bites man. and man bites dog.?");
        assertThat(ClassPoll.plain("**bold** and *it*")).isEqualTo("bold and it");
    }

    @Test
    void theIssuesExampleReads() {
        assertThat(ClassPoll.plain("Is $\\|\\delta h_9\\|$ **larger**?")).isEqualTo("Is \u2016\u03b4h\u2089\u2016 larger?");
    }
}
