package rnnlab.ui;

import static rnnlab.ui.FxWait.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.ui.shell.MainWindow;
import rnnlab.ui.views.LabView;
import rnnlab.ui.views.ViewCatalog;

/**
 * The main window as window tests open it (every built-in view, a given size, shown), and what they do with
 * it: lay it out, write a screenshot, ask whether a part is inside another.
 */
public final class TestWindows {
    private TestWindows() {
    }

    /** Builds the main window on {@code stage} at {@code width}×{@code height} and shows it (call on the FX thread). */
    public static MainWindow show(Stage stage, double width, double height) {
        return show(stage, ViewCatalog.createAll(), width, height);
    }

    /** The same with only the given views. */
    public static MainWindow show(Stage stage, List<LabView> views, double width, double height) {
        MainWindow window = new MainWindow(stage, views);
        stage.setWidth(width);
        stage.setHeight(height);
        stage.show();
        return window;
    }

    /** What a test does to the window before it shows (give it lessons, a progress file). */
    public interface SetUp {
        void accept(MainWindow window) throws Exception;
    }

    /**
     * From the test's thread: the main window with every view, {@code setUp} given it before it shows at
     * {@code width}×{@code height}; returns once its first frame is computed (the views have something to draw).
     */
    public static MainWindow open(Stage stage, double width, double height, SetUp setUp) throws Exception {
        MainWindow w = fx(() -> {
            MainWindow m = new MainWindow(stage, ViewCatalog.createAll());
            setUp.accept(m);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
            return m;
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> w.viewModel().frameProperty().get() != null);
        return w;
    }

    /** Two CSS and layout passes of the whole window, after the events waiting (a change's layout settles in two). */
    public static void layout(MainWindow w) throws Exception {
        for (int i = 0; i < 2; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            fx(() -> {
                w.scene().getRoot().applyCss();
                w.scene().getRoot().layout();
                return null;
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Writes the window as it is now to target/screenshots/{@code name}.png. */
    public static void shoot(MainWindow w, String name) throws Exception {
        WritableImage img = fx(() -> w.scene().snapshot(null));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve(name + ".png").toFile());
    }

    /** Whether {@code b} is inside {@code outer}, give or take a pixel on every side. */
    public static boolean inside(Bounds outer, Bounds b) {
        double e = 1;
        return b.getMinX() >= outer.getMinX() - e && b.getMinY() >= outer.getMinY() - e
                && b.getMaxX() <= outer.getMaxX() + e && b.getMaxY() <= outer.getMaxY() + e;
    }

    /** Bounds as {@code [x,y w×h]}, whole pixels, for a failure's message. */
    public static String fmt(Bounds b) {
        return String.format(Locale.ROOT, "[%.0f,%.0f %.0f×%.0f]", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }
}
