package rnnlab.lessons;

import java.util.List;

/**
 * One screen of a lesson.
 *
 * @param index       from 0
 * @param title       the step's heading
 * @param narration   Markdown (emphasis, lists, code, $inline$ and $$display$$ math)
 * @param scene       what the app shows, merged with the steps before
 * @param checkpoints the step's questions and goals in file order (at most {@link #MAX_CHECKPOINTS}), maybe none
 * @param line        the line of the heading in the file
 */
public record Step(int index, String title, String narration, Scene scene, List<Checkpoint> checkpoints, int line) {
    /** How many check blocks one step may have. */
    public static final int MAX_CHECKPOINTS = 3;

    public Step {
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
    }

    /** The step's first checkpoint, or null when it has none. */
    public Checkpoint checkpoint() {
        return checkpoints.isEmpty() ? null : checkpoints.get(0);
    }
}
