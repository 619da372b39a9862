package rnnlab.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress is kept by checkpoint id plus a hash of the question: a reworded question starts fresh. */
class ProgressQuestionHashTest {
    static final Path GOOD = Path.of("src/test/resources/lessons/good");

    @TempDir
    Path dir;

    LessonEntry copy(String from, String to) throws Exception {
        for (String lang : new String[] {"en", "zh"}) {
            String t = Files.readString(GOOD.resolve("01-forget." + lang + ".md"));
            Files.writeString(dir.resolve("01-forget." + lang + ".md"), t.replace(from, to));
        }
        LessonEntry e = LessonLibrary.load(dir).entry("forget");
        assertThat(e.ok()).isTrue();
        return e;
    }

    @Test
    void aRewordedQuestionDoesNotShowTheOldAnswer() throws Exception {
        LessonEntry before = copy("x", "x");
        String hash = before.questionHash("forget-next");
        assertThat(hash).hasSize(12);
        Path f = dir.resolve("progress.json");
        LessonProgress p = LessonProgress.load(f);
        p.setAnswer("forget", "forget-next", new LessonProgress.Answer("above 0.5", true, hash));
        p.save();
        LessonProgress q = LessonProgress.load(f);
        assertThat(q.answer("forget", "forget-next", hash)).isEqualTo(new LessonProgress.Answer("above 0.5", true, hash));
        // the explanation may change without losing answers; the question may not
        assertThat(copy("explain: It is {value}.", "explain: It was {value}.").questionHash("forget-next")).isEqualTo(hash);
        String reworded = copy("will the forget gate of unit 2 be", "is the forget gate of unit 2").questionHash("forget-next");
        assertThat(reworded).isNotEqualTo(hash);
        assertThat(q.answer("forget", "forget-next", reworded)).isNull();
        // other options are another question too
        assertThat(copy("| <= 0.5", "| < 0.5").questionHash("forget-next")).isNotEqualTo(hash);
        // answers saved before hashes were kept still count
        LessonProgress old = LessonProgress.load(f);
        old.setAnswer("forget", "forget-next", new LessonProgress.Answer("above 0.5", true));
        assertThat(old.answer("forget", "forget-next", reworded)).isNotNull();
        assertThat(before.questionHash("nothing")).isNull();
    }
}
