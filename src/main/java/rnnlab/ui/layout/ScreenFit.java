package rnnlab.ui.layout;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ScrollPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Sizes a new window to the screen it opens on: its preferred size, shrunk to fit the usable part of
 * that screen (a 1024×768 projector has no room for a 1280×720 window plus its title bar), so that
 * buttons at its edges stay reachable.
 *
 * <p>Under a real window manager (openbox on an X server) a window could still open wrong whatever size
 * it asked for: mapped before its content was measured it kept a lost size (the lesson list 844 × 122, the
 * gradient check 202 × 225 with its title bar above the screen), and a dialog whose content is taller than
 * the screen (the keyboard shortcuts at 1024 × 768) had its buttons below the screen's edge. {@link #install(Window)}
 * watches every secondary window (one with an owner) as it is shown and repairs it ({@link #repair}): a lost
 * size becomes the content's preferred size within the screen, a title bar off the screen comes back on it,
 * and a dialog's content scrolls when it cannot fit.
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

    /** Below this scene size (or the content's preferred size, when smaller) a window's size counts as lost. */
    static final double LOST_W = 400;
    static final double LOST_H = 300;
    private static boolean installed;

    /**
     * Where a window just shown should be (its bounds, frame included), as a pure function of the bounds it
     * got, its scene's size, its content's preferred width and height (for a width), and the usable bounds
     * of its screen: a width or height smaller than {@link #LOST_W} × {@link #LOST_H} (or than the
     * preferred size, when that is smaller) is a lost size and becomes the preferred size, at most the
     * screen's, and the window grown so is moved to lie all on the screen; a window whose title bar is off the screen (or whose top-left corner leaves less than
     * 120 × 60 of it on the screen) is moved inside. Otherwise the bounds are returned as they are: a
     * window sized on purpose keeps its size.
     */
    public static Rectangle2D repair(Rectangle2D stage, Dimension2D scene, double prefW, DoubleUnaryOperator prefH,
                                     Rectangle2D usable) {
        return repair(stage, scene, prefW, prefH, usable, false);
    }

    /**
     * As {@link #repair(Rectangle2D, Dimension2D, double, DoubleUnaryOperator, Rectangle2D)}; a {@code dialog}
     * (a dialog pane: its content does not scroll, its buttons are at the bottom) counts any size smaller than
     * its preferred one as lost (the gradient check opened 18 px short at 1920 × 1080, its Close button cut).
     */
    public static Rectangle2D repair(Rectangle2D stage, Dimension2D scene, double prefW, DoubleUnaryOperator prefH,
                                     Rectangle2D usable, boolean dialog) {
        double lostW = dialog ? Double.MAX_VALUE : LOST_W;
        double lostH = dialog ? Double.MAX_VALUE : LOST_H;
        double frameW = Math.max(0, stage.getWidth() - scene.getWidth());
        double frameH = Math.max(0, stage.getHeight() - scene.getHeight());
        double maxW = Math.max(1, usable.getWidth() - frameW);
        double maxH = Math.max(1, usable.getHeight() - frameH);
        double w = scene.getWidth();
        if (w < Math.min(Math.min(prefW, maxW), lostW) - 0.5) {
            w = Math.min(prefW, maxW);
        }
        double h = scene.getHeight();
        double wantH = prefH.applyAsDouble(w);
        if (h < Math.min(Math.min(wantH, maxH), lostH) - 0.5) {
            h = Math.min(wantH, maxH);
        }
        double sw = Math.floor(w + frameW);
        double sh = Math.floor(h + frameH);
        double x = stage.getMinX();
        double y = stage.getMinY();
        boolean grown = sw > Math.floor(stage.getWidth()) || sh > Math.floor(stage.getHeight());
        if (grown) { // a window given back its size: all of it on the screen
            x = Math.max(usable.getMinX(), Math.min(usable.getMaxX() - sw, x));
            y = Math.max(usable.getMinY(), Math.min(usable.getMaxY() - sh, y));
        }
        if (x < usable.getMinX() || x > usable.getMaxX() - 120) {
            x = Math.max(usable.getMinX(), Math.min(usable.getMaxX() - sw, x));
        }
        if (y < usable.getMinY() || y > usable.getMaxY() - 60) {
            y = Math.max(usable.getMinY(), Math.min(usable.getMaxY() - sh, y));
        }
        return new Rectangle2D(x, y, sw, sh);
    }

    /**
     * From now on every window but {@code main} (and the other main windows given) is repaired as it is
     * shown (see {@link #watch}); the compare window has no owner and lost its size too.
     */
    public static void install(Window main) {
        MAIN.add(main);
        if (installed) {
            return;
        }
        installed = true;
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                for (Window w : c.getAddedSubList()) {
                    // a window without an owner only on a real display (the compare window): tests under Monocle
                    // show controls in small ownerless stages of their own on purpose
                    if (w instanceof Stage s && !MAIN.contains(s) && (s.getOwner() != null || !HEADLESS)) {
                        watch(s);
                    }
                }
            }
        });
    }

    private static final boolean HEADLESS = "Monocle".equalsIgnoreCase(System.getProperty("glass.platform"));

    /** The main windows, which are not watched (they are sized and placed by the app's start and the user). */
    private static final java.util.Set<Window> MAIN = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    /**
     * Repairs {@code s}, just shown: the size it asked for is read now (the window manager may lose it when it
     * maps the window), and the window is repaired at the next pulse and whenever its place or size changes
     * in the next {@link #WATCH_SECONDS} seconds (the window manager's lost size, and a dialog centring
     * itself on its owner above the screen's edge, arrive as such changes, late on a loaded machine).
     */
    private static void watch(Stage s) {
        Dimension2D asked = s.getWidth() > 0 && s.getHeight() > 0 ? new Dimension2D(s.getWidth(), s.getHeight()) : null;
        boolean[] queued = {false};
        Runnable fit = () -> {
            queued[0] = false;
            fitShown(s, asked);
        };
        // a change listener, not an invalidation one: that fires once and then not again until someone reads
        // the value (the lesson list's height lost after the first repair went unseen)
        javafx.beans.value.ChangeListener<Number> changed = (o, a, b) -> {
            if (!queued[0]) {
                queued[0] = true;
                Platform.runLater(fit);
            }
        };
        changed.changed(null, null, null);
        List<javafx.beans.value.ObservableValue<Number>> watched = List.of(s.xProperty(), s.yProperty(),
                s.widthProperty(), s.heightProperty());
        watched.forEach(p -> p.addListener(changed));
        javafx.animation.PauseTransition stop = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(WATCH_SECONDS));
        stop.setOnFinished(e -> watched.forEach(p -> p.removeListener(changed)));
        stop.play();
    }

    /** How long after it is shown a window is watched. */
    static final double WATCH_SECONDS = 5;

    /** Repairs a window that is showing (see {@link #repair}); a dialog's content scrolls when taller than the screen. */
    public static void fitShown(Stage s) {
        fitShown(s, null);
    }

    /** Repairs a window that is showing (see {@link #repair}); a dialog's content scrolls when taller than the screen. */
    /**
     * As {@link #fitShown(Stage)}, for a window that asked for {@code asked} (its width and height, frame
     * included, when shown; null: none): a window smaller than that lost it and gets it back, within the screen.
     */
    static void fitShown(Stage s, Dimension2D asked) {
        Scene scene = s.getScene();
        if (!s.isShowing() || scene == null || scene.getRoot() == null || s.isFullScreen()) {
            return;
        }
        if (asked != null && (s.getWidth() < asked.getWidth() - 2 || s.getHeight() < asked.getHeight() - 2)) {
            Rectangle2D u = usableBounds(s);
            s.setWidth(Math.min(Math.max(s.getWidth(), asked.getWidth()), u.getWidth()));
            s.setHeight(Math.min(Math.max(s.getHeight(), asked.getHeight()), u.getHeight()));
        }
        Rectangle2D usable = usableBounds(s);
        Parent root = scene.getRoot();
        DialogPane dialog = dialogPane(root);
        double frameH = Math.max(0, s.getHeight() - scene.getHeight());
        // decided at a sane width only: at a lost width (200 px) every text wraps and the content looks tall
        boolean saneWidth = scene.getWidth() >= Math.min(root.prefWidth(-1), LOST_W) - 0.5;
        if (dialog != null && saneWidth && dialog.getContent() != null && !(dialog.getContent() instanceof ScrollPane)
                && root.prefHeight(scene.getWidth()) > usable.getHeight() - frameH) {
            // the content scrolls, so that the dialog fits the screen with its buttons on it
            Node content = dialog.getContent();
            double w = scene.getWidth();
            // (never below 0: a root whose preferred height is still the one of an earlier pass, below its
            // content's, gave a viewport taller than the screen and the dialog kept its height)
            double others = Math.max(0, root.prefHeight(w) - content.prefHeight(w));
            ScrollPane scroll = new ScrollPane(content);
            scroll.setFitToWidth(true);
            // the dialog sizes itself to its pane's preferred size: the viewport's is what is left of the screen
            scroll.setPrefViewportHeight(Math.max(80, usable.getHeight() - frameH - others - 8));
            scroll.getStyleClass().add("dialog-scroll");
            dialog.setContent(scroll);
            dialog.setMinHeight(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
            root.applyCss();
            root.layout();
            double h = Math.min(root.prefHeight(scene.getWidth()), usable.getHeight() - frameH);
            s.setHeight(Math.floor(h + frameH));
            if (s.getY() + s.getHeight() > usable.getMaxY()) {
                s.setY(Math.max(usable.getMinY(), usable.getMaxY() - s.getHeight()));
            }
        } else if (dialog != null && dialog.getContent() instanceof ScrollPane sp && sp.getStyleClass().contains("dialog-scroll")
                && s.getHeight() > usable.getHeight() + 0.5) {
            // its content scrolls already, yet the window is taller than the screen again: a size the platform
            // reported late (Monocle posts resizes; a window manager may too) undid the repair; the content
            // scrolls, so the screen's height is enough
            s.setHeight(usable.getHeight());
            s.setY(Math.max(usable.getMinY(), Math.min(s.getY(), usable.getMaxY() - s.getHeight())));
        }
        Rectangle2D now = new Rectangle2D(s.getX(), s.getY(), s.getWidth(), s.getHeight());
        Rectangle2D want = repair(now, new Dimension2D(scene.getWidth(), scene.getHeight()), root.prefWidth(-1),
                root::prefHeight, usable, dialog != null);
        boolean resized = false;
        if (want.getWidth() != Math.floor(now.getWidth())) {
            s.setWidth(want.getWidth());
            resized = true;
        }
        if (want.getHeight() != Math.floor(now.getHeight())) {
            s.setHeight(want.getHeight());
            resized = true;
        }
        if (resized) {
            // asked once more a moment later, by a pixel and back: a size asked while openbox was still mapping
            // the window could stay unapplied on the X server while the stage reported it. This did not bring
            // the gradient check back (584 × 420 for JavaFX, 584 × 402 on the screen, the pixel and back
            // reported too and never applied): that window now opens as tall as its result needs, so that no
            // resize is asked for just after it is mapped (GradientCheckWindow#reserveVerdict)
            javafx.animation.PauseTransition again = new javafx.animation.PauseTransition(javafx.util.Duration.millis(700));
            again.setOnFinished(e -> {
                if (s.isShowing() && s.getHeight() == want.getHeight() && s.getWidth() == want.getWidth()) {
                    s.setHeight(want.getHeight() + 1);
                    Platform.runLater(() -> s.setHeight(want.getHeight()));
                }
            });
            again.play();
        }
        // GTK may place the window's inside where its frame was asked for (the title bar then stays 20 px above
        // the screen): asked again, the window goes as far below the edge as it was above it
        if (want.getMinX() != now.getMinX()) {
            s.setX(now.getMinX() < usable.getMinX() && want.getMinX() == usable.getMinX()
                    ? usable.getMinX() + Math.min(40, usable.getMinX() - now.getMinX()) : want.getMinX());
        }
        if (want.getMinY() != now.getMinY()) {
            double y = now.getMinY() < usable.getMinY() && want.getMinY() == usable.getMinY()
                    ? usable.getMinY() + Math.min(40, usable.getMinY() - now.getMinY()) : want.getMinY();
            s.setY(y);
            if (y + s.getHeight() > usable.getMaxY()) { // a window as tall as the screen: its bottom stays on it
                s.setHeight(usable.getMaxY() - y);
            }
        }
    }

    /** The dialog pane a dialog's window shows (its scene's root or that root's child), or null. */
    private static DialogPane dialogPane(Parent root) {
        if (root instanceof DialogPane d) {
            return d;
        }
        for (Node n : root.getChildrenUnmodifiable()) {
            if (n instanceof DialogPane d) {
                return d;
            }
        }
        return null;
    }
}
