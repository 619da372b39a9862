package rnnlab.ui.poll;

import java.util.Map;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import rnnlab.lessons.Checkpoint;

/** What the class poll needs of the lesson player (implemented beside it, so this package does not reach into the views). */
public interface LessonLink {
    /** Changes whenever the lesson shows another step or closes. */
    ReadOnlyIntegerProperty stepShownProperty();

    ReadOnlyBooleanProperty lessonOpenProperty();

    /** A key naming the step shown (lesson and step), or null without a lesson. */
    String stepKey();

    /** The shown step's checkpoint in each of the lesson's languages (en, zh), or an empty map. */
    Map<String, Checkpoint> checkpoints();

    /** Reveals the engine's answer in the lesson panel as if {@code given} had been checked (the class's answer); null: no verdict. */
    void reveal(String given);

    /** Told the checkpoint and the engine's value whenever the lesson panel reveals an answer. */
    void onRevealed(BiConsumer<Checkpoint, Double> listener);

    /**
     * {@code markdown} as the lesson panel draws it (math typeset by the app's TeX sandbox, refused math
     * as its source), at {@code px} in {@code fg}; null when the lesson cannot typeset.
     */
    default javafx.scene.Node typeset(String markdown, double px, javafx.scene.paint.Color fg) {
        return null;
    }

    /** The lesson's next step. */
    void next();
}
