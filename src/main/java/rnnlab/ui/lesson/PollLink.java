package rnnlab.ui.lesson;

import rnnlab.i18n.Bundles;
import rnnlab.ui.common.Ids;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import rnnlab.lessons.Checkpoint;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.LessonEntry;
import rnnlab.lessons.LessonLibrary;
import rnnlab.ui.poll.ClassPoll;
import rnnlab.ui.poll.ClassPollWindow;
import rnnlab.ui.poll.LessonLink;

/**
 * Joins the class poll (rnnlab.ui.poll) to the lesson player and the window: the poll follows the lesson's
 * steps, reveals through the lesson panel, and a checkpoint in presentation mode gets a Class poll button.
 * The poll stops when the lesson closes and when the window goes.
 */
public final class PollLink implements LessonLink {
    private final LessonHost w;
    private final LessonPlayer p;
    private ClassPoll poll;
    private ClassPollWindow window;

    public PollLink(LessonHost w) {
        this.w = w;
        this.p = w.lessons();
        p.setCheckpointExtra(this::checkpointButton);
    }

    /** The poll (created on first use; off until started). */
    public ClassPoll poll() {
        if (poll == null) {
            poll = new ClassPoll(this);
        }
        return poll;
    }

    /** Lesson ▸ Class poll…: the class screen window. */
    public ClassPollWindow show() {
        if (window == null) {
            window = new ClassPollWindow(poll(), w.stage());
            window.followTheme(w.theme().darkProperty(), w.theme().projectorProperty());
        }
        window.show();
        return window;
    }

    /** The app quits or the window is rebuilt: the server stops. */
    public void shutdown() {
        if (window != null) {
            window.stage().hide();
        }
        if (poll != null) {
            poll.stop();
        }
    }

    private Node checkpointButton(Checkpoint c) {
        if (c.kind() == Checkpoint.Kind.GOAL) {
            return null;
        }
        Button b = new Button(rnnlab.i18n.Messages.get("poll.checkpoint.button"));
        b.setId(Ids.of("poll.checkpoint.button"));
        b.visibleProperty().bind(w.presentation().onProperty());
        b.managedProperty().bind(b.visibleProperty());
        b.setOnAction(e -> show());
        return b;
    }

    @Override
    public ReadOnlyIntegerProperty stepShownProperty() {
        return p.shownProperty();
    }

    @Override
    public ReadOnlyBooleanProperty lessonOpenProperty() {
        return p.openProperty();
    }

    @Override
    public String stepKey() {
        Lesson l = p.lesson();
        return l == null ? null : l.id() + "/" + (p.stepIndex() + 1);
    }

    @Override
    public Map<String, Checkpoint> checkpoints() {
        Lesson l = p.lesson();
        Checkpoint shown = p.checkpoint();
        Map<String, Checkpoint> out = new LinkedHashMap<>();
        if (l == null || shown == null) {
            return out;
        }
        LessonEntry e = p.library().entry(l.id());
        for (String lang : LessonLibrary.LANGUAGES) {
            Lesson t = e == null ? null : e.lesson(lang);
            if (t != null && p.stepIndex() < t.steps().size()) {
                Checkpoint c = t.steps().get(p.stepIndex()).checkpoint();
                if (c != null && c.id().equals(shown.id())) {
                    out.put(lang, c);
                }
            }
        }
        out.put(LessonPlayer.language(), shown);
        return out;
    }

    @Override
    public void reveal(String given) {
        p.revealWith(given);
    }

    @Override
    public void onRevealed(BiConsumer<Checkpoint, Double> listener) {
        p.setOnRevealed(listener);
    }

    @Override
    public javafx.scene.Node typeset(String markdown, double px, javafx.scene.paint.Color fg) {
        return p.typeset(markdown, px, fg);
    }

    @Override
    public void next() {
        p.next();
    }
}
