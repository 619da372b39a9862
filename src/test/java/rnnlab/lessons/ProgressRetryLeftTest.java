package rnnlab.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first wrong answer whose retry is still left is saved as such ({@code "retryLeft": true}), and only then:
 * a settled answer is written as before, and an answer from a file written before retries were kept is settled.
 * A retry's answer is kept beside the first ({@code "last"}) only when it differs; files without it show the first.
 */
class ProgressRetryLeftTest {
    @TempDir
    Path dir;

    @Test
    void aRetryLeftIsSavedAndReadAndOldAnswersAreSettled() throws Exception {
        Path f = dir.resolve("progress.json");
        LessonProgress p = LessonProgress.load(f);
        p.setAnswer("l", "pending", new LessonProgress.Answer("0", false, "abc", true));
        p.setAnswer("l", "settled", new LessonProgress.Answer("2", false, "def"));
        p.save();
        String text = Files.readString(f);
        assertThat(text).containsOnlyOnce("retryLeft");
        LessonProgress q = LessonProgress.load(f);
        assertThat(q.problem()).isNull();
        assertThat(q.answer("l", "pending")).isEqualTo(new LessonProgress.Answer("0", false, "abc", true));
        assertThat(q.answer("l", "settled")).isEqualTo(new LessonProgress.Answer("2", false, "def", false));
        // the retry used: the first answer stays, only its retry is gone
        assertThat(q.answer("l", "pending").settled()).isEqualTo(new LessonProgress.Answer("0", false, "abc", false));

        // the retry used, revealed with another answer: the first stays the score, the last is kept beside it
        // ("last", written only then) and is what the question shows again
        q.setAnswer("l", "retried", new LessonProgress.Answer("0", false, "abc", true).settledWith("2"));
        q.setAnswer("l", "same", new LessonProgress.Answer("1", false, "abc", true).settledWith("1"));
        q.save();
        assertThat(Files.readString(f)).containsOnlyOnce("\"last\"");
        LessonProgress r = LessonProgress.load(f);
        assertThat(r.answer("l", "retried")).isEqualTo(new LessonProgress.Answer("0", false, "abc", false, "2"));
        assertThat(r.answer("l", "retried").shown()).isEqualTo("2");
        assertThat(r.answer("l", "same")).isEqualTo(new LessonProgress.Answer("1", false, "abc", false, null));
        assertThat(r.answer("l", "same").shown()).isEqualTo("1");
        assertThat(r.answer("l", "settled").shown()).isEqualTo("2");

        // a file from before: no retryLeft, the answer counts as settled (shown revealed)
        Files.writeString(f, """
                {"format": "rnnlab-progress", "version": 1,
                 "lessons": {"l": {"step": 1, "done": false, "answers": {"a": {"given": "1", "right": false}}}}}
                """);
        LessonProgress old = LessonProgress.load(f);
        assertThat(old.problem()).isNull();
        assertThat(old.answer("l", "a")).isEqualTo(new LessonProgress.Answer("1", false, null, false));
        assertThat(old.answer("l", "a").shown()).isEqualTo("1");
    }
}
