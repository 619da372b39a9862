package rnnlab.lessons;

/**
 * A question at the end of a lesson for work after class (an {@code exercise} block). Its answer is
 * either written by the author ({@code answer:}) or computed by the engine on the step's scene
 * ({@code value:}, like a checkpoint's), or both (the text then explains the number). Students see the
 * question in the narration; the answer is only in the teacher's answer key
 * ({@code lessons check --exercises}).
 *
 * @param id       unique in the lesson, the same in both languages
 * @param number   1, 2, … in the lesson
 * @param question shown to students
 * @param answer   the author's answer or explanation, or null
 * @param value    a quantity the engine computes for the answer key, or null
 * @param step     the index of the step it belongs to (its scene computes {@code value})
 * @param line     the line of the block in the file
 */
public record Exercise(String id, int number, String question, String answer, Quantity value, int step, int line) {
}
