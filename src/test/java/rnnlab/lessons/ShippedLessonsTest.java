package rnnlab.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The lessons that ship in lessons/: all twenty, in both languages, and every one passes the validator. */
class ShippedLessonsTest {
    static final Path SHIPPED = Path.of("lessons");

    @Test
    void twentyLessonsInEnglishAndChineseAllFine() {
        LessonLibrary lib = LessonLibrary.load(SHIPPED);
        assertThat(lib.allProblems()).extracting(p -> p.describe(SHIPPED)).isEmpty();
        assertThat(lib.entries()).extracting(LessonEntry::number).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 20).boxed().toList());
        for (LessonEntry e : lib.entries()) {
            assertThat(e.lessons().keySet()).as(e.id()).containsExactlyInAnyOrder("en", "zh");
            Lesson en = e.lesson("en");
            assertThat(en.steps().size()).as(e.id()).isBetween(4, 12);
            assertThat(en.checkpoints()).as(e.id()).isNotEmpty();
            assertThat(e.lesson("zh").title()).as(e.id()).isNotEqualTo(en.title())
                    .matches(t -> t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
        }
    }
}
