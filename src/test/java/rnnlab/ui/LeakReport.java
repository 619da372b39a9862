package rnnlab.ui;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.management.ObjectName;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the test JVM keeps alive after each test class (off unless {@code -Drnnlab.leakReport=FILE}): after a
 * full GC it appends to FILE the heap in use, the windows JavaFX still knows ({@link Window#getWindows()}: open
 * ones, with their title and scene root) and the live instance counts of the scene-graph classes that
 * leaked before (a class histogram through the JVM's own diagnostic command). Registered for every test class
 * through the service file and {@code junit.jupiter.extensions.autodetection.enabled}.
 */
public final class LeakReport implements AfterAllCallback {
    private static final List<String> CLASSES = List.of("javafx.stage.Stage", "javafx.scene.Scene",
            "com.sun.javafx.sg.prism.NGRegion", "com.sun.javafx.geom.RectBounds", "javafx.scene.image.WritableImage",
            "javafx.scene.canvas.Canvas", "rnnlab.ui.shell.MainWindow", "rnnlab.ui.viewmodel.RunViewModel",
            "rnnlab.ui.compare.CompareWindow", "[I");

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        String file = System.getProperty("rnnlab.leakReport");
        if (file == null || file.isBlank()) {
            return;
        }
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        StringBuilder out = new StringBuilder();
        Runtime rt = Runtime.getRuntime();
        out.append(String.format("== %s: heap used %d MB%n", context.getRequiredTestClass().getSimpleName(),
                (rt.totalMemory() - rt.freeMemory()) >> 20));
        out.append(windows());
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        for (String line : histogram.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && CLASSES.contains(f[3])) {
                out.append(String.format("   %-40s %9s instances %8d KB%n", f[3], f[1], Long.parseLong(f[2]) >> 10));
            }
        }
        Files.writeString(Path.of(file), out, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static String windows() throws Exception {
        if (!isFxRunning()) {
            return "   (JavaFX not started)\n";
        }
        CompletableFuture<String> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            List<String> open = new ArrayList<>();
            for (Window w : Window.getWindows()) {
                String title = w instanceof Stage s ? s.getTitle() : w.getClass().getSimpleName();
                String root = w.getScene() == null || w.getScene().getRoot() == null ? "-"
                        : w.getScene().getRoot().getClass().getSimpleName() + "#" + w.getScene().getRoot().getId();
                open.add(String.format("'%s' showing=%s root=%s", title, w.isShowing(), root));
            }
            f.complete("   windows: " + open.size() + " " + open + "\n");
        });
        return f.get(10, TimeUnit.SECONDS);
    }

    private static boolean isFxRunning() {
        try {
            Platform.runLater(() -> { });
            return true;
        } catch (IllegalStateException notStarted) {
            return false;
        }
    }
}
