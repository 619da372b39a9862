package rnnlab.lessons;

import java.util.List;
import java.util.Map;

/**
 * One lesson of the library in all its languages, with what is wrong with it. A lesson with problems
 * still appears in the list (showing them) but cannot be opened.
 *
 * @param id       the lesson's id
 * @param number   its place in the list
 * @param lessons  by language ({@code en}, {@code zh}); empty when no file could be read
 * @param problems file:line messages; empty when the lesson is fine
 */
public record LessonEntry(String id, int number, Map<String, Lesson> lessons, List<Problem> problems) {
    public LessonEntry {
        lessons = Map.copyOf(lessons);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty() && !lessons.isEmpty();
    }

    /** The lesson in {@code lang}, else in English, else in any language; null when none was read. */
    public Lesson lesson(String lang) {
        Lesson l = lessons.get(lang);
        if (l == null) {
            l = lessons.get("en");
        }
        if (l == null && !lessons.isEmpty()) {
            l = lessons.values().iterator().next();
        }
        return l;
    }

    /** The title in {@code lang} (falling back as {@link #lesson} does), or the id. */
    public String title(String lang) {
        Lesson l = lesson(lang);
        return l == null ? id : l.title();
    }
}
