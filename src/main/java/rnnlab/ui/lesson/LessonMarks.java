package rnnlab.ui.lesson;

import rnnlab.lessons.Checkpoint;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.LessonEntry;
import rnnlab.lessons.LessonProgress;
import rnnlab.i18n.Messages;

/** How the lesson player judges an answer, and the mark the lesson list shows for a lesson. */
final class LessonMarks {
    private LessonMarks() {
    }

    /** Whether an answer is right for the engine's value (an option's index, or a typed number). */
    static boolean judge(Checkpoint c, String given, double v) {
        if (c.kind() == Checkpoint.Kind.CHOICE) {
            try {
                return Integer.parseInt(given) == c.rightOption(v);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        try {
            return c.accepts(Double.parseDouble(given.replace(',', '.').replace('\u2212', '-')), v);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The lesson list's mark for an entry: ✓, "step n of m", nothing, or ⚠ and the first problem. */
    static String mark(LessonEntry e, LessonProgress progress, String lang, java.nio.file.Path dir) {
        if (!e.ok()) {
            return Messages.format("lesson.mark.broken", e.problems().isEmpty() ? ""
                    : e.problems().get(0).describe(dir));
        }
        Lesson l = e.lesson(lang);
        if (progress.done(e.id())) {
            return Messages.get("lesson.mark.done");
        }
        if (progress.started(e.id())) {
            return Messages.format("lesson.mark.step", progress.step(e.id()) + 1, l.steps().size());
        }
        return "";
    }
}
