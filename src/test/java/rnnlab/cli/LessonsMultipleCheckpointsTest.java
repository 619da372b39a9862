package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.lessons.Checkpoint;
import rnnlab.lessons.LessonEntry;
import rnnlab.lessons.LessonLibrary;
import rnnlab.lessons.LessonProgress;
import rnnlab.lessons.Step;

/**
 * Issue 19: more than one checkpoint in a step. The good lesson's "Predict" step gets a second question
 * (the input gate beside the forget gate): both are read in file order, both are computed by
 * {@code lessons check} (and listed by {@code --answers}), a mistake in the second is reported on the
 * second block's line, the Chinese file must have as many, each is saved under its own id and hash, and
 * a fourth block in one step is refused.
 */
public class LessonsMultipleCheckpointsTest {
    static final Path GOOD = Path.of("src/test/resources/lessons/good");

    @TempDir
    Path dir;

    /** The second check block, in English or Chinese words; {@code value} is its quantity. */
    static String second(boolean zh, String value) {
        return "\n```check\nid: input-next\nkind: choice\nquestion: " + (zh ? "第 5 步时，隐藏单元 2 的输入门会高于还是低于 0.5？"
                : "At step 5, will the input gate of unit 2 be above or below 0.5?") + "\nvalue: " + value + "\noption: "
                + (zh ? "高于 0.5" : "above 0.5") + " | > 0.5\noption: " + (zh ? "低于 0.5" : "below 0.5") + " | <= 0.5\nexplain: {value}\n```\n";
    }

    /** The good lesson file of {@code lang} with the second check block after the first (it opens on line 35). */
    static String withSecond(String lang, String value) throws Exception {
        String text = Files.readString(GOOD.resolve("01-forget." + lang + ".md"));
        int at = text.indexOf("```\n", text.indexOf("id: forget-next")) + 4;
        return text.substring(0, at) + second(lang.equals("zh"), value) + text.substring(at);
    }

    /** Writes the pair into {@code into}; the Chinese file has the second block too unless {@code zhToo} is false. */
    public static void writePair(Path into, String value, boolean zhToo) throws Exception {
        Files.writeString(into.resolve("01-forget.en.md"), withSecond("en", value));
        Files.writeString(into.resolve("01-forget.zh.md"), zhToo ? withSecond("zh", value)
                : Files.readString(GOOD.resolve("01-forget.zh.md")));
    }

    @Test
    void twoCheckpointsInAStepAreReadComputedAndListed() throws Exception {
        writePair(dir, "gate i unit 2 step 5", true);
        LessonLibrary lib = LessonLibrary.load(dir);
        assertThat(lib.allProblems()).isEmpty();
        LessonEntry e = lib.entry("forget");
        Step predict = e.lesson("en").steps().get(1);
        assertThat(predict.checkpoints()).extracting(Checkpoint::id).containsExactly("forget-next", "input-next");
        assertThat(predict.checkpoints()).extracting(Checkpoint::line).containsExactly(25, 35);
        assertThat(predict.checkpoint().id()).isEqualTo("forget-next");

        MainTest.Result r = MainTest.run("lessons", "check", "--answers", dir.toString());
        assertThat(r.status()).as(r.out()).isZero();
        assertThat(r.out()).contains("01-forget.en.md:25: forget-next: gate f unit 2 step 5 = ")
                .contains("01-forget.en.md:35: input-next: gate i unit 2 step 5 = ");

        // the teacher's answer key lists both, in order
        assertThat(rnnlab.session.AnswerKey.items(e.lesson("en"), k -> k)).filteredOn(i -> !i.exercise())
                .extracting(rnnlab.session.AnswerKey.Item::id).containsExactly("forget-next", "input-next", "grad-size", "scale-up");

        // progress: each checkpoint has its own hash and its own saved answer
        String h1 = e.questionHash("forget-next");
        String h2 = e.questionHash("input-next");
        assertThat(h1).isNotNull().isNotEqualTo(h2);
        LessonProgress p = LessonProgress.load(dir.resolve("progress.json"));
        p.setAnswer("forget", "input-next", new LessonProgress.Answer("0", true, h2));
        p.save();
        LessonProgress again = LessonProgress.load(dir.resolve("progress.json"));
        assertThat(again.answer("forget", "input-next", h2)).isNotNull();
        assertThat(again.answer("forget", "forget-next", h1)).isNull();
    }

    @Test
    void aMistakeInTheSecondCheckpointIsReportedOnItsOwnLine() throws Exception {
        writePair(dir, "gate i unit 9 step 5", true);
        MainTest.Result r = MainTest.run("lessons", "check", dir.toString());
        assertThat(r.status()).isEqualTo(Main.CHECK_FAILED);
        assertThat(r.out()).contains("01-forget.en.md:35: \"gate i unit 9 step 5\": unit 9 does not exist: the model has 8 units");
        assertThat(r.out()).doesNotContain("01-forget.en.md:25:");
    }

    @Test
    void theChineseFileMustHaveAsManyCheckpoints() throws Exception {
        writePair(dir, "gate i unit 2 step 5", false);
        List<String> p = LessonLibrary.load(dir).allProblems().stream().map(x -> x.describe(dir)).toList();
        assertThat(p).contains("01-forget.zh.md:18: step 2 has 1 checkpoint(s) but the English file's has 2");
    }

    @Test
    void aStepHasAtMostThreeCheckBlocks() throws Exception {
        String text = withSecond("en", "gate i unit 2 step 5");
        int at = text.indexOf("## How big");
        String more = second(false, "gate o unit 2 step 5").replace("input-next", "out-next")
                + second(false, "gate g unit 2 step 5").replace("input-next", "cand-next") + "\n";
        Files.writeString(dir.resolve("01-forget.en.md"), text.substring(0, at) + more + text.substring(at));
        List<String> p = LessonLibrary.load(dir).allProblems().stream().map(x -> x.describe(dir)).toList();
        assertThat(p).anyMatch(m -> m.matches("01-forget\\.en\\.md:\\d+: a step has at most 3 check blocks; this is its 4th "
                + "\\(move a question to a step of its own\\)"));
    }
}
