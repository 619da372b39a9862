package rnnlab.ui.lesson;

import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Which screen shows what while presenting with two screens or more (issue 12), as a pure function of
 * the screens' bounds, so that it is tested without a display. The teacher's screen is the primary one
 * (the laptop's, as presentation programs assume); the class screen is the screen the main window is on
 * when that is not the primary one (the teacher dragged it to the projector), else the first other
 * screen, and the main window is moved there before it goes full screen. Many laptops make the projector
 * the primary screen: Swap screens (Shift+F7) exchanges the two for the rest of the session
 * ({@link #of(List, int, Rectangle2D, boolean)}, {@link #swapped()}).
 *
 * @param classScreen the index of the class screen (presentation mode, full screen)
 * @param teacherScreen the index of the teacher's screen (the presenter view, sized to that screen)
 */
public record ScreenPlan(int classScreen, int teacherScreen) {

    /**
     * The plan for {@code screens} (their bounds, in the order the toolkit gives them), the primary
     * screen's index and the main window's bounds; null with fewer than two screens (one screen: the
     * presenter view is a toggle, F7).
     */
    public static ScreenPlan of(List<Rectangle2D> screens, int primary, Rectangle2D main) {
        if (screens.size() < 2) {
            return null;
        }
        int teacher = primary >= 0 && primary < screens.size() ? primary : 0;
        int on = screenOf(screens, main);
        if (on >= 0 && on != teacher) {
            return new ScreenPlan(on, teacher);
        }
        for (int i = 0; i < screens.size(); i++) {
            if (i != teacher) {
                return new ScreenPlan(i, teacher);
            }
        }
        return null;
    }

    /**
     * The plan as {@link #of(List, int, Rectangle2D)} makes it, with the two screens exchanged when
     * {@code swap} (the teacher chose Swap screens: the class screen is the one that would be the
     * teacher's); null with fewer than two screens.
     */
    public static ScreenPlan of(List<Rectangle2D> screens, int primary, Rectangle2D main, boolean swap) {
        ScreenPlan plan = of(screens, primary, main);
        return plan == null || !swap ? plan : plan.swapped();
    }

    /** The same two screens with their jobs exchanged: the class screen becomes the teacher's and back. */
    public ScreenPlan swapped() {
        return new ScreenPlan(teacherScreen, classScreen);
    }

    /**
     * Where the presenter view opens when toggled by hand (F7): on the teacher's screen, sized to it, when
     * the main window is on another screen (presenting); -1 with one screen, or when the main window is on
     * the teacher's screen (not presenting yet): then it opens beside the main window, as a window, never on
     * the projector, where the class would read the teacher notes.
     */
    public static int presenterScreen(List<Rectangle2D> screens, int primary, Rectangle2D main) {
        return presenterScreen(screens, primary, main, false);
    }

    /** As {@link #presenterScreen(List, int, Rectangle2D)}, with the screens exchanged when {@code swap}. */
    public static int presenterScreen(List<Rectangle2D> screens, int primary, Rectangle2D main, boolean swap) {
        ScreenPlan plan = of(screens, primary, main, swap);
        if (plan == null) {
            return -1;
        }
        return screenOf(screens, main) == plan.teacherScreen() ? -1 : plan.teacherScreen();
    }

    /** The screen the window overlaps most (-1 when it overlaps none). */
    static int screenOf(List<Rectangle2D> screens, Rectangle2D window) {
        int best = -1;
        double most = 0;
        for (int i = 0; i < screens.size(); i++) {
            Rectangle2D s = screens.get(i);
            double w = Math.min(s.getMaxX(), window.getMaxX()) - Math.max(s.getMinX(), window.getMinX());
            double h = Math.min(s.getMaxY(), window.getMaxY()) - Math.max(s.getMinY(), window.getMinY());
            if (w > 0 && h > 0 && w * h > most) {
                most = w * h;
                best = i;
            }
        }
        return best;
    }

    /**
     * Where to put a window of {@code width × height} on {@code screen} before it goes full screen
     * there: inside it, at most its size (x, y, width, height).
     */
    public static Rectangle2D windowOn(Rectangle2D screen, double width, double height) {
        double w = Math.min(width, screen.getWidth());
        double h = Math.min(height, screen.getHeight());
        return new Rectangle2D(screen.getMinX() + (screen.getWidth() - w) / 2,
                screen.getMinY() + (screen.getHeight() - h) / 2, w, h);
    }
}
