package rnnlab.ui.layout;

import static rnnlab.ui.FxWait.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.lessons.LessonLibrary;
import rnnlab.lessons.LessonProgress;
import rnnlab.ui.TestLanguage;
import rnnlab.ui.shell.MainWindow;
import rnnlab.ui.views.ViewCatalog;

/**
 * The views' tab headers in presentation mode (issue 12): lesson 1's step 3 (text, unrolled network and heatmap,
 * the heatmap spotlit) and lesson 14's step 3 at 1024×768 and 1280×720 in English and Chinese. The headers fit the
 * views area: no tab's name is outside the window or cut (before, the header scrolled to the selected third tab
 * and "Text activation" / "Unrolled network" ran past the window's left edge: `lessons check --layout --present`
 * found 14 such problems at 1024×768 in English). Screenshots: target/screenshots/present-tabs-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class PresentationTabsLayoutTest {
    private static final int[][] SIZES = {{1024, 768}, {1280, 720}};
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterAll
    static void english() {
        TestLanguage.english();
    }


    @Test
    void theViewsTabHeadersFitWhilePresenting() throws Exception {
        List<String> faults = new ArrayList<>();
        List<String> report = new ArrayList<>();
        int checked = 0;
        for (String lang : List.of("en", "zh")) {
            if (!TestLanguage.use(lang)) {
                continue;
            }
            MainWindow w = fx(() -> {
                MainWindow m = new MainWindow(stage, ViewCatalog.createAll());
                m.lessons().setLibrary(LessonLibrary.load(Path.of("lessons")));
                Path prog = Path.of("target", "test-home", "tabs-progress.json");
                Files.createDirectories(prog.getParent());
                Files.deleteIfExists(prog);
                m.lessons().setProgress(LessonProgress.load(prog));
                stage.show();
                return m;
            });
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> w.viewModel().frameProperty().get() != null);
            for (String lesson : List.of("why-sequences", "binary-addition")) {
                assertThat(fx(() -> w.lessons().open(lesson))).isNull();
                fx(() -> {
                    w.lessons().go(2);
                    return null;
                });
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> w.lessons().stepIndex() == 2
                        && !w.viewModel().busyProperty().get()
                        && w.lessons().appliedPosition() == w.viewModel().positionProperty().get()));
                fx(() -> {
                    w.presentation().enterInWindow();
                    return null;
                });
                for (int[] size : SIZES) {
                    resize(w, size);
                    String name = "present-tabs-" + lesson + "-" + size[0] + "x" + size[1] + "-" + lang;
                    shoot(w, name);
                    List<LayoutChecker.Problem> found = fx(() -> LayoutChecker.check(w.scene()));
                    checked++;
                    for (LayoutChecker.Problem p : found) {
                        report.add(name + ": " + p);
                        if (p.where().startsWith("#tab-")) {
                            faults.add(name + ": " + p);
                        }
                    }
                }
                fx(() -> {
                    w.presentation().leave();
                    w.lessons().close();
                    return null;
                });
            }
        }
        System.out.println("---- views' tabs, presenting ----");
        report.forEach(System.out::println);
        assertThat(checked).isGreaterThanOrEqualTo(4);
        assertThat(faults).as("a view's tab name outside the window, cut or overlapping while presenting").isEmpty();
    }

    private void resize(MainWindow w, int[] size) throws Exception {
        fx(() -> {
            w.stage().setWidth(size[0]);
            w.stage().setHeight(size[1]);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        for (int i = 0; i < 3; i++) {
            fx(() -> {
                w.scene().getRoot().applyCss();
                w.scene().getRoot().layout();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(100);
        }
    }

    private static void shoot(MainWindow w, String name) throws Exception {
        WritableImage img = fx(() -> w.scene().snapshot(null));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve(name + ".png").toFile());
    }
}
