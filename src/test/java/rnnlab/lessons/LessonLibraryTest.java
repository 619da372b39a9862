package rnnlab.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonLibraryTest {
    static final Path GOOD = LessonParserTest.GOOD;

    @TempDir
    Path dir;

    /** Copies the good pair into the temp folder, applying {@code from → to} to the English file (and zh when both). */
    void copy(String from, String to, boolean alsoZh) throws Exception {
        for (String lang : List.of("en", "zh")) {
            String t = Files.readString(GOOD.resolve("01-forget." + lang + ".md"));
            if (from != null && (lang.equals("en") || alsoZh)) {
                assertThat(t).contains(from);
                t = t.replace(from, to);
            }
            Files.writeString(dir.resolve("01-forget." + lang + ".md"), t);
        }
    }

    List<String> problems() {
        return LessonLibrary.load(dir).allProblems().stream().map(p -> p.describe(dir)).toList();
    }

    @Test
    void theGoodPairLoadsInBothLanguages() {
        LessonLibrary lib = LessonLibrary.load(GOOD);
        assertThat(lib.allProblems()).isEmpty();
        LessonEntry e = lib.entry("forget");
        assertThat(e.ok()).isTrue();
        assertThat(e.title("en")).isEqualTo("The forget gate");
        assertThat(e.title("zh")).isEqualTo("遗忘门");
        assertThat(e.lesson("zh").steps().get(1).checkpoint().options().get(0).label()).isEqualTo("高于 0.5");
        assertThat(e.lesson("fr").lang()).isEqualTo("en");
    }

    @Test
    void namesThatTheStepsModelDoesNotHave() throws Exception {
        copy("unit: 2\n", "unit: 9\n", true);
        assertThat(problems()).contains("01-forget.en.md:7: step \"The cell state\": unit 9 does not exist: the model has 8 units");
        copy("value: gate f unit 2 step 5", "value: gate z unit 2 step 5", true);
        assertThat(problems()).contains("01-forget.en.md:25: \"gate z unit 2 step 5\": \"z\" is not a gate of a lstm cell (i, f, g, o)");
        copy("value: gate f unit 2 step 5", "value: gate f unit 2 step 50", true);
        assertThat(problems()).contains("01-forget.en.md:25: \"gate f unit 2 step 50\": step 50 is past the sequence's 10 steps");
        copy("highlight: lstm.gate.f", "highlight: decay.plot", true);
        assertThat(problems()).contains(
                "01-forget.en.md:18: step \"Predict\": the highlight \"decay.plot\" is drawn by view.decay, which this step does not show");
        copy("preset: lstm_8", "preset: gru_6", true);
        assertThat(problems()).anyMatch(p -> p.contains("the view view.lstm draws lstm cells; this step's model is gru"));
    }

    @Test
    void theTranslationMustHaveTheSameStepsAndCheckpoints() throws Exception {
        copy("option: above 0.5 | > 0.5", "option: above 0.5 | > 0.6", false);
        assertThat(problems()).contains("01-forget.zh.md:25: checkpoint \"forget-next\" differs from the English file's (line 25): "
                + "id, kind, value, tolerance, goal, reveal, require and the options' conditions must be the same");
        copy("step: 4\n", "step: 5\n", false);
        assertThat(problems()).contains(
                "01-forget.zh.md:18: step 2's scene differs from the English file's (line 18); only the words may differ");
        Files.delete(dir.resolve("01-forget.zh.md"));
        assertThat(problems()).contains("01-forget.en.md: no Chinese version: 01-forget.zh.md is missing");
    }

    @Test
    void aBrokenLessonDoesNotStopTheOthers() throws Exception {
        copy(null, null, false);
        Files.writeString(dir.resolve("02-broken.en.md"), "---\nid: broken\n");
        Files.write(dir.resolve("03-binary.en.md"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
        Files.writeString(dir.resolve("notes.md"), "not a lesson");
        LessonLibrary lib = LessonLibrary.load(dir);
        assertThat(lib.entries()).extracting(LessonEntry::id).containsExactly("forget", "broken", "binary");
        assertThat(lib.entry("forget").ok()).isTrue();
        assertThat(lib.entry("broken").ok()).isFalse();
        assertThat(problems()).contains("02-broken.en.md:1: the front matter is not closed with a line \"---\"",
                "03-binary.en.md: the file is not UTF-8 text",
                "notes.md: not read: a lesson file is named NN-name.en.md or NN-name.zh.md");
        assertThat(LessonLibrary.load(dir.resolve("nowhere")).problems()).extracting(Problem::message)
                .containsExactly("there is no lessons folder here");
    }

    @Test
    void progressIsSavedAtomicallyAndSurvivesARestart() throws Exception {
        Path f = dir.resolve("user/progress.json");
        LessonProgress p = LessonProgress.load(f);
        assertThat(p.step("forget")).isZero();
        p.setStep("forget", 2);
        p.setAnswer("forget", "forget-next", new LessonProgress.Answer("above 0.5", true));
        p.save();
        LessonProgress q = LessonProgress.load(f);
        assertThat(q.started("forget")).isTrue();
        assertThat(q.step("forget")).isEqualTo(2);
        assertThat(q.answer("forget", "forget-next")).isEqualTo(new LessonProgress.Answer("above 0.5", true));
        assertThat(q.done("forget")).isFalse();
        try (var s = Files.list(f.getParent())) {
            assertThat(s.map(x -> x.getFileName().toString())).containsExactly("progress.json");
        }
        Files.writeString(f, "{ not json");
        assertThat(LessonProgress.load(f).started("forget")).isFalse();
    }
}
