package rnnlab.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Front matter (objectives, prerequisites, minutes, references) and exercises of a lesson file. */
class LessonFrontTest {
    static final String FRONT = "objective: compute one step\nobjective: read $h_t$\nprerequisites: forget\nminutes: 25\n"
            + "reference: Hochreiter, Schmidhuber (1997)\n";
    static final String EXERCISES = "\n```exercise\nid: ex-a\nquestion: How many steps?\nvalue: steps\nanswer: one per character\n```\n"
            + "\n```exercise\nid: ex-b\nquestion: Why tanh?\nanswer: it is bounded\n```\n";

    static String withFront(String text, String front) {
        return text.replaceFirst("\n---\n", java.util.regex.Matcher.quoteReplacement("\n" + front + "---\n"));
    }

    @Test
    void readsFrontMatterAndExercises() throws Exception {
        String text = withFront(LessonParserTest.good(), FRONT) + EXERCISES;
        LessonParser.Result r = LessonParser.parse(Path.of("02-x.en.md"), LessonParserTest.GOOD, text.replace("id: forget", "id: x"));
        assertThat(r.problems()).isEmpty();
        LessonFront f = r.lesson().front();
        assertThat(f.objectives()).containsExactly("compute one step", "read $h_t$");
        assertThat(f.prerequisites()).containsExactly("forget");
        assertThat(f.minutes()).isEqualTo(25);
        assertThat(f.references()).containsExactly("Hochreiter, Schmidhuber (1997)");
        assertThat(r.lesson().exercises()).extracting(Exercise::id).containsExactly("ex-a", "ex-b");
        Exercise a = r.lesson().exercises().get(0);
        assertThat(a.value()).isEqualTo(Quantity.parse("steps"));
        assertThat(a.step()).isEqualTo(3);
        // students see the question in the last step's narration, never the answer
        String last = r.lesson().steps().get(3).narration();
        assertThat(last).contains("**Exercise 1.** How many steps?").contains("**Exercise 2.** Why tanh?")
                .doesNotContain("one per character").doesNotContain("```exercise");
        String md = f.markdown("en", id -> id.equals("forget") ? "01 Forget" : null);
        assertThat(md).contains("- compute one step").contains("**Prerequisites:** 01 Forget").contains("about 25 minutes")
                .contains("- Hochreiter, Schmidhuber (1997)");
        assertThat(f.markdown("zh", id -> null)).contains("**学习目标**").contains("约 25 分钟").contains("**先修课程：** forget");
    }

    @Test
    void badFrontMatterAndExercisesAreNamedOnTheirLine() throws Exception {
        String text = withFront(LessonParserTest.good(), "minutes: 500\nprerequisites: Forget!\n")
                + "\n```exercise\nid: ex-a\nquestion: What?\n```\n\n```exercise\nid: ex-b\nquestion: Q\nanswer: A\nvalu: steps\n```\n";
        LessonParser.Result r = LessonParser.parse(Path.of("01-forget.en.md"), LessonParserTest.GOOD, text);
        assertThat(r.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m).startsWith("minutes: expected the time in class"))
                .anySatisfy(m -> assertThat(m).startsWith("prerequisites: expected lesson ids"))
                .anySatisfy(m -> assertThat(m).isEqualTo("an exercise needs id, question, and answer or value (or both)"))
                .anySatisfy(m -> assertThat(m).startsWith("valu: unknown exercise key \"valu\""));
    }

    @Test
    void aPrerequisiteMustBeAnEarlierLessonAndBothLanguagesMustAgree(@TempDir Path dir) throws Exception {
        String good = LessonParserTest.good();
        Files.writeString(dir.resolve("01-forget.en.md"), withFront(good, "prerequisites: later\nminutes: 20\n") + EXERCISES);
        Files.writeString(dir.resolve("01-forget.zh.md"), withFront(good, "prerequisites: later\nminutes: 30\n")
                + EXERCISES.replace("ex-b", "ex-c"));
        Files.writeString(dir.resolve("02-later.en.md"), good.replace("id: forget", "id: later"));
        Files.writeString(dir.resolve("02-later.zh.md"), good.replace("id: forget", "id: later"));
        LessonLibrary lib = LessonLibrary.load(dir);
        assertThat(lib.allProblems()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).isEqualTo("prerequisites: \"later\" is not an earlier lesson (it is number 2)"))
                .anySatisfy(m -> assertThat(m).startsWith("exercise 2 differs from the English file's"));
        assertThat(lib.entry("later").ok()).isTrue();
    }

    /**
     * Every shipped lesson has front matter and at least two exercises. A lesson whose scenes show a single
     * recurrent model has at least one exercise the engine computes; a seq2seq lesson (17, 18: its scenes
     * show an encoder-decoder model, which an exercise's {@code value:} cannot address, since it is computed
     * on the scene's single RNN) has author-written answers for every exercise instead.
     */
    @Test
    void everyShippedLessonHasFrontMatterAndExercises() {
        LessonLibrary lib = LessonLibrary.load(Path.of("lessons"));
        assertThat(lib.entries()).hasSize(20);
        int seq2seqLessons = 0;
        for (LessonEntry e : lib.entries()) {
            boolean seq2seq = false;
            for (String lang : LessonLibrary.LANGUAGES) {
                Lesson l = e.lessons().get(lang);
                assertThat(l).as(e.id() + " " + lang).isNotNull();
                assertThat(l.front().objectives()).as(e.id() + " objectives").isNotEmpty();
                assertThat(l.front().minutes()).as(e.id() + " minutes").isBetween(10, 60);
                assertThat(l.front().references()).as(e.id() + " references").isNotEmpty();
                assertThat(l.exercises()).as(e.id() + " exercises").hasSizeGreaterThanOrEqualTo(2);
                seq2seq = l.steps().stream().anyMatch(s -> s.scene() != null && s.scene().seq2seq() != null);
                if (seq2seq) {
                    // written answers where the engine computes nothing; the encoder-decoder quantities
                    // (grad_enc, attention, ...) are computed from the step's seq2seq model
                    assertThat(l.exercises()).as(e.id() + " " + lang + " seq2seq exercises have written answers or a value")
                            .allSatisfy(x -> assertThat(x.value() != null || (x.answer() != null && !x.answer().isBlank())).isTrue());
                }
                assertThat(l.exercises()).as(e.id() + " " + lang + " computed exercise")
                        .anySatisfy(x -> assertThat(x.value()).isNotNull());
            }
            if (seq2seq) {
                seq2seqLessons++;
            }
            assertThat(e.lesson("en").front().prerequisites().isEmpty()).isEqualTo(e.number() == 1);
        }
        assertThat(lib.entry("attention").lesson("en").title()).isEqualTo("Attention: looking back at every input");
        assertThat(lib.entry("attention").lesson("zh").title()).isEqualTo("注意力：回头看每一个输入");
        assertThat(seq2seqLessons).as("lessons 17 and 18 show encoder-decoder models").isEqualTo(2);
        assertThat(lib.allProblems()).isEmpty();
    }
}
