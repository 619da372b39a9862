package rnnlab.cli;

import rnnlab.lessons.Checkpoint;
import rnnlab.lessons.Exercise;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.LessonEntry;
import rnnlab.lessons.LessonLibrary;
import rnnlab.session.LessonEngine;

/** The teacher's answer key of every lesson's exercises, as Markdown: the question, the answer, the computed value. */
final class ExerciseKey {
    private ExerciseKey() {
    }

    static String markdown(LessonLibrary lib, String lang) {
        boolean zh = "zh".equals(lang);
        StringBuilder b = new StringBuilder(zh ? "# 练习答案（教师用）\n\n" : "# Exercises: answer key (for the teacher)\n\n");
        for (LessonEntry e : lib.entries()) {
            Lesson l = e.lesson(lang);
            if (l == null || l.exercises().isEmpty()) {
                continue;
            }
            b.append(String.format("## %02d %s%n%n", l.number(), l.title()));
            for (Exercise x : l.exercises()) {
                b.append(x.number()).append(". ").append(x.question()).append("\n\n");
                if (x.value() != null) {
                    b.append("   ").append(zh ? "**引擎算出：** " : "**Computed by the engine:** ").append('`')
                            .append(x.value().text()).append("` = ").append(value(l, x, zh)).append("\n\n");
                }
                if (x.answer() != null) {
                    b.append("   ").append(zh ? "**答案：** " : "**Answer:** ").append(x.answer()).append("\n\n");
                }
            }
        }
        return b.toString();
    }

    /** The exercise's value on its step's scene, or why it cannot be computed. */
    static String value(Lesson l, Exercise x) {
        return value(l, x, false);
    }

    /** As {@link #value(Lesson, Exercise)}, with the "cannot compute" note in Chinese when {@code zh}. */
    static String value(Lesson l, Exercise x, boolean zh) {
        try {
            LessonEngine.Built built = LessonEngine.build(l.steps().get(x.step()).scene());
            return Checkpoint.format(LessonEngine.evaluate(x.value(), built));
        } catch (Exception ex) {
            return zh ? "（无法计算：" + ex.getMessage() + "）" : "(cannot compute: " + ex.getMessage() + ")";
        }
    }
}
