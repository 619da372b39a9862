package rnnlab.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ```note blocks: hidden from the class unless the teacher shows them; an empty one is a problem. */
class TeacherNotesTest {
    static final Path GOOD = Path.of("src/test/resources/lessons/good");

    @TempDir
    Path dir;

    @Test
    void notesAreHiddenOrQuoted() {
        String md = "Before.\n\n```note\nAsk the class first.\nThen show $h_t$.\n```\nAfter.\n";
        String hidden = TeacherNotes.apply(md, false, "Teacher note:");
        assertThat(hidden).isEqualTo("Before.\n\nAfter.\n").doesNotContain("Ask");
        assertThat(TeacherNotes.apply(md, true, "Teacher note:"))
                .isEqualTo("Before.\n\n> **Teacher note:** Ask the class first.\n> Then show $h_t$.\n\nAfter.\n");
        assertThat(TeacherNotes.has(md)).isTrue();
        assertThat(TeacherNotes.has(hidden)).isFalse();
    }

    @Test
    void anEmptyNoteIsAProblemOnItsLine() throws Exception {
        for (String lang : new String[] {"en", "zh"}) {
            String t = Files.readString(GOOD.resolve("01-forget." + lang + ".md"));
            Files.writeString(dir.resolve("01-forget." + lang + ".md"),
                    t.replace("Look at the forget gate of unit 2.\n", "Look at the forget gate of unit 2.\n\n```note\n\n```\n"));
        }
        assertThat(LessonLibrary.load(dir).allProblems()).extracting(p -> p.describe(dir))
                .contains("01-forget.en.md:25: this note block is empty");
    }

    /**
     * Every shipped lesson gives the teacher a note in both languages (a misconception, a question for the class,
     * what to point at); none is let off. Lessons 17 and 18 (encoder-decoder, attention) were the last to get
     * theirs, and have one on every step, in both languages.
     */
    @Test
    void everyShippedLessonHasATeacherNoteInBothLanguages() {
        LessonLibrary lib = LessonLibrary.load(Path.of("lessons"));
        java.util.Set<String> without = new java.util.TreeSet<>();
        for (LessonEntry e : lib.entries()) {
            for (String lang : new String[] {"en", "zh"}) {
                Lesson l = e.lesson(lang);
                if (l == null || l.steps().stream().noneMatch(st -> TeacherNotes.has(st.narration()))) {
                    without.add(e.id());
                }
            }
        }
        assertThat(without).isEmpty();
        java.util.List<String> stepsWithout = new java.util.ArrayList<>();
        for (String id : new String[] {"encoder-decoder", "attention"}) {
            for (String lang : new String[] {"en", "zh"}) {
                for (var st : lib.entry(id).lesson(lang).steps()) {
                    if (!TeacherNotes.has(st.narration())) {
                        stepsWithout.add(id + "." + lang + ": " + st.title());
                    }
                }
            }
        }
        assertThat(stepsWithout).isEmpty();
        Lesson zh = lib.entry("vanishing-gradients").lesson("zh");
        String shown = TeacherNotes.apply(zh.steps().get(0).narration(), true, "教师备注：");
        assertThat(shown).contains("> **教师备注：** 常见误解").contains("> 讨论：").contains("> 指给学生看：");
    }
}
