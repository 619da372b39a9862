package rnnlab.lessons;

/**
 * One screen of a lesson.
 *
 * @param index      from 0
 * @param title      the step's heading
 * @param narration  Markdown (emphasis, lists, code, $inline$ and $$display$$ math)
 * @param scene      what the app shows, merged with the steps before
 * @param checkpoint a question or goal, or null
 * @param line       the line of the heading in the file
 */
public record Step(int index, String title, String narration, Scene scene, Checkpoint checkpoint, int line) {
}
