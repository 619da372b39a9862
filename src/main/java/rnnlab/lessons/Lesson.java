package rnnlab.lessons;

import java.nio.file.Path;
import java.util.List;

/**
 * One lesson in one language, as read from {@code NN-id.lang.md}.
 *
 * @param id      the name part of the file name, also in the front matter
 * @param lang    {@code en} or {@code zh}
 * @param number  the file name's number (orders the list)
 * @param title   from the front matter
 * @param summary one sentence for the lesson list
 * @param file    where it was read
 * @param steps   4 … 12 steps
 * @param front   objectives, prerequisites, time in class and references ({@link LessonFront#NONE} when not given)
 * @param exercises the questions for after class, in order (usually in the last step)
 */
public record Lesson(String id, String lang, int number, String title, String summary, Path file, List<Step> steps,
        LessonFront front, List<Exercise> exercises) {
    public Lesson {
        steps = List.copyOf(steps);
        front = front == null ? LessonFront.NONE : front;
        exercises = List.copyOf(exercises);
    }

    public Lesson(String id, String lang, int number, String title, String summary, Path file, List<Step> steps) {
        this(id, lang, number, title, summary, file, steps, LessonFront.NONE, List.of());
    }

    /** The checkpoints, in order. */
    public List<Checkpoint> checkpoints() {
        return steps.stream().map(Step::checkpoint).filter(java.util.Objects::nonNull).toList();
    }
}
