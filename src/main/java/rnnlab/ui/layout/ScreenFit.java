package rnnlab.ui.layout;

import java.util.List;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * Sizes a new window to the screen it opens on: its preferred size, shrunk to fit the usable part of
 * that screen (a 1024×768 projector has no room for a 1280×720 window plus its title bar), so that
 * buttons at its edges stay reachable.
 */
public final class ScreenFit {
    /** Room left for the window manager's title bar and borders. */
    static final double FRAME_W = 16;
    static final double FRAME_H = 48;

    private ScreenFit() {
    }

    /** The scene size for a window preferring {@code prefW × prefH} on a screen with these usable bounds. */
    public static Dimension2D fit(double prefW, double prefH, Rectangle2D usable) {
        double w = Math.min(prefW, Math.max(320, usable.getWidth() - FRAME_W));
        double h = Math.min(prefH, Math.max(240, usable.getHeight() - FRAME_H));
        return new Dimension2D(Math.floor(w), Math.floor(h));
    }

    /** The usable bounds of the screen {@code near} is on (the primary screen when null or not shown). */
    public static Rectangle2D usableBounds(Window near) {
        Screen s = Screen.getPrimary();
        if (near != null && near.isShowing()) {
            List<Screen> on = Screen.getScreensForRectangle(near.getX(), near.getY(), Math.max(1, near.getWidth()),
                    Math.max(1, near.getHeight()));
            if (!on.isEmpty()) {
                s = on.get(0);
            }
        }
        return s.getVisualBounds();
    }

    /** The scene size for a window preferring {@code prefW × prefH}, opened from {@code near}. */
    public static Dimension2D sceneSize(double prefW, double prefH, Window near) {
        return fit(prefW, prefH, usableBounds(near));
    }
}
