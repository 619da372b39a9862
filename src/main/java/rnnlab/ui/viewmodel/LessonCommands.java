package rnnlab.ui.viewmodel;

import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import rnnlab.lessons.Quantity;
import rnnlab.lessons.Scene;
import rnnlab.i18n.Messages;
import rnnlab.session.EngineSession;
import rnnlab.session.LessonEngine;
import rnnlab.session.SequenceText;

/**
 * What the lesson player asks of the engine, carried out on the view model's engine thread: build a
 * step's model and sequence (only when they differ from the last step's, so the weights stay), set its
 * W_hh factor, move the cursor to its forward or BPTT position; and compute a checkpoint's quantity on
 * the model as the app shows it now. Answers come back on the FX thread; a failure comes back as one
 * message (never an exception), so a broken lesson cannot break the app.
 */
public final class LessonCommands {
    private final EngineSide side;
    private final BooleanProperty playing;

    public LessonCommands(RunViewModel vm) {
        this.side = vm.engineSide();
        this.playing = vm.playingProperty();
    }

    /**
     * Applies a scene's engine part. {@code done} gets null, or the message of what went wrong.
     *
     * @param buildModel   false when the model and sequence are the last step's (then the weights stay)
     */
    public void apply(Scene scene, boolean buildModel, Consumer<String> done) {
        playing.set(false);
        side.engine().command(() -> {
            String problem = null;
            try {
                EngineSession s = side.session();
                double k = scene.wHhScale() == null ? 1.0 : Math.max(0, Math.min(RunViewModel.MAX_RECURRENT_SCALE, scene.wHhScale()));
                if (buildModel) {
                    LessonEngine.apply(s, scene);
                }
                // the run reads the weights live: a new factor means recomputing from the start
                s.tweaks.setScale(k);
                s.run.setGateOverrides(s.tweaks.overrides());
                s.run.seek(position(scene, s.sequence.length(), s.run.timelineLength()));
                side.frames().publish(false, 0, true);
            } catch (SequenceText.Problem e) {
                problem = Messages.format(e.key, e.args);
            } catch (Exception e) {
                problem = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            String p = problem;
            Platform.runLater(() -> done.accept(p));
        });
    }

    /** The timeline position of a scene: {@code step} forward steps, or the whole forward pass and {@code backward} BPTT steps. */
    static int position(Scene scene, int length, int timelineLength) {
        if (scene.backward() != null) {
            return scene.backward() == Scene.END ? timelineLength : Math.min(timelineLength, length + scene.backward());
        }
        if (scene.step() != null) {
            return scene.step() == Scene.END ? length : Math.max(0, Math.min(length, scene.step()));
        }
        return 0;
    }

    /**
     * Computes {@code q} on the model, sequence and W_hh factor the app shows now; {@code result} gets
     * it on the FX thread (NaN when it cannot be computed).
     */
    public void evaluate(Quantity q, DoubleConsumer result) {
        evaluate(q, null, result);
    }

    /** As {@link #evaluate(Quantity, DoubleConsumer)}; an encoder–decoder quantity reads the step's {@code seq2seq:} model. */
    public void evaluate(Quantity q, rnnlab.lessons.Seq2SeqShow seq2seq, DoubleConsumer result) {
        side.engine().quick(() -> {
            double v;
            try {
                v = LessonEngine.evaluate(q, side.session(), seq2seq);
            } catch (RuntimeException e) {
                v = Double.NaN;
            }
            double out = v;
            Platform.runLater(() -> result.accept(out));
        });
    }
}
