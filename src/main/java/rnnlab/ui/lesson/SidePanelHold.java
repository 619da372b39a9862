package rnnlab.ui.lesson;

import java.util.EnumSet;
import java.util.Set;
import javafx.beans.property.BooleanProperty;

/**
 * Who hides the side panel besides the user, and the user's own choice under them. The window's side panel
 * shows exactly when the user wants it (View ▸ Side panel, Ctrl+B, a scenario's setting) and nothing holds it
 * hidden: a lesson step's training panel in a narrow window, presentation mode, a lesson's {@code hide:
 * side_panel}. Each reason is taken and given back on its own, in any order, so the user's choice comes back
 * exactly when the last one goes (before, presentation mode remembered the panel as the training step had left
 * it, hidden, and a step change while presenting dropped the training step's reason: the panel stayed hidden
 * after presenting, or came back on a training step in a narrow window).
 * <p>
 * The user showing the panel while it is held overrides the reasons (it shows, and stays until a reason is taken
 * again); hiding it is the user's choice for when the reasons go.
 */
public final class SidePanelHold {
    /** Why the side panel is hidden now besides the user's choice. */
    public enum Reason {
        /** A lesson step opened the training panel in a window narrower than {@link LessonScene#ROOMY_WIDTH}. */
        TRAINING,
        /** Presentation mode (F5). */
        PRESENTING,
        /** The lesson step hides it ({@code hide: side_panel}). */
        LESSON
    }

    private final BooleanProperty shown;
    private boolean wanted;
    private final Set<Reason> reasons = EnumSet.noneOf(Reason.class);
    /** This hold is setting {@link #shown}: not the user's choice. */
    private boolean writing;

    public SidePanelHold(BooleanProperty shown) {
        this.shown = shown;
        this.wanted = shown.get();
        shown.addListener((o, a, now) -> {
            if (writing) {
                return;
            }
            wanted = now;
            if (now) {
                reasons.clear();
            }
        });
    }

    /** Hides the side panel for {@code r} until {@link #release} (again while held: no change). */
    public void hide(Reason r) {
        reasons.add(r);
        update();
    }

    /** {@code r} no longer holds the side panel: it shows again if the user wants it and no other reason holds it. */
    public void release(Reason r) {
        reasons.remove(r);
        update();
    }

    public boolean holds(Reason r) {
        return reasons.contains(r);
    }

    /** The user's own choice, whatever holds the panel hidden now (what a scenario saves). */
    public boolean wanted() {
        return wanted;
    }

    private void update() {
        boolean show = wanted && reasons.isEmpty();
        if (shown.get() != show) {
            writing = true;
            try {
                shown.set(show);
            } finally {
                writing = false;
            }
        }
    }
}
