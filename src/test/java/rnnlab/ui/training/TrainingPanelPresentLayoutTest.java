package rnnlab.ui.training;

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
import rnnlab.i18n.Messages;
import rnnlab.ui.TestLanguage;
import rnnlab.ui.layout.LayoutChecker;
import rnnlab.ui.shell.MainWindow;
import rnnlab.ui.views.ViewCatalog;

/**
 * The training panel in presentation mode (issue 12), as a lesson step with {@code panel: training} opens it while
 * presenting, at 1024×768 and 1280×720 in English and Chinese, with the character model (the samples column takes
 * a fifth of the width) and with binary addition (no samples): the layout checker finds no text of the panel cut
 * with an ellipsis, outside the window, clipped or drawn over other text. Before the compact form, `lessons check
 * --layout --present` found 268 such problems (the figures and the chart switches cut, "Step 0 of 500" over
 * "Samples", "Log scale" over the samples' prompt). The Settings toggle of the compact form shows the settings in
 * the charts' place and Start brings the charts back. Screenshots: target/screenshots/training-present-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingPanelPresentLayoutTest {
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
    void noTextOfTheTrainingPanelIsCutOrOverlapsWhilePresenting() throws Exception {
        List<String> report = new ArrayList<>();
        List<String> faults = new ArrayList<>();
        int checked = 0;
        for (String lang : List.of("en", "zh")) {
            if (!TestLanguage.use(lang)) {
                continue;
            }
            MainWindow w = fx(() -> {
                MainWindow m = new MainWindow(stage, ViewCatalog.createAll());
                stage.show();
                return m;
            });
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> w.viewModel().frameProperty().get() != null);
            fx(() -> {
                w.presentation().enterInWindow();
                // as a lesson step does: the panel opens while presenting
                w.training().shownProperty().set(true);
                return null;
            });
            TrainingPanel panel = fx(() -> (TrainingPanel) w.training().panel());
            for (String task : List.of("charlm", "adding")) {
                fx(() -> {
                    w.training().viewModel().taskProperty().set(task);
                    return null;
                });
                for (int[] size : SIZES) {
                    resize(w, size);
                    String name = "training-present-" + task + "-" + size[0] + "x" + size[1] + "-" + lang;
                    assertThat(fx(() -> panel.compactProperty().get())).as(name + ": compact form").isTrue();
                    assertThat(fx(() -> shown(panel.lossChart()) && panel.lossChart().getHeight() >= 90))
                            .as(name + ": the loss chart shows").isTrue();
                    // issue 12: no chart narrower than 200 px (they were 60-90 px beside the lesson strip), the loss among them
                    List<String> narrow = fx(() -> panel.chartDeck().shown().stream()
                            .filter(c -> c.getWidth() < ChartDeck.MIN_CHART_PX).map(c -> c.getId() + " " + c.getWidth()).toList());
                    assertThat(narrow).as(name + ": charts narrower than 200 px").isEmpty();
                    assertThat(fx(() -> panel.chartDeck().shown())).as(name + ": charts shown").contains(panel.lossChart())
                            .hasSizeGreaterThanOrEqualTo(2);
                    shoot(w, name);
                    List<LayoutChecker.Problem> found = fx(() -> LayoutChecker.check(w.scene()));
                    checked++;
                    for (LayoutChecker.Problem p : found) {
                        report.add(name + ": " + p);
                        if (p.where().startsWith("#training") || inPanel(w, p)) {
                            faults.add(name + ": " + p);
                        }
                    }
                }
            }
            report.forEach(System.out::println);
            assertThat(faults).as("text of the training panel cut, clipped or overlapping while presenting (" + lang + ")")
                    .isEmpty();
            // the settings on demand, in the charts' place
            fx(() -> {
                panel.settingsToggle().fire();
                return null;
            });
            resize(w, SIZES[0]);
            assertThat(fx(() -> panel.settingsToggle().isSelected())).as("settings toggle selected").isTrue();
            assertThat(fx(() -> shown(stage.getScene().lookup("#training-cell")))).as("settings shown").isTrue();
            assertThat(fx(() -> shown(panel.lossChart()))).as("charts hidden for the settings").isFalse();
            // in the charts' place: the width under the controls, not a narrow column beside empty space
            assertThat(fx(() -> stage.getScene().lookup("#training-cell").getLayoutBounds().getWidth()))
                    .as("the cell's field's width").isGreaterThan(200);
            List<LayoutChecker.Problem> withSettings = fx(() -> LayoutChecker.check(w.scene()));
            for (LayoutChecker.Problem p : withSettings) {
                report.add("settings-" + lang + ": " + p);
                if (p.where().startsWith("#training") || inPanel(w, p)) {
                    faults.add("settings-" + lang + ": " + p);
                }
            }
            shoot(w, "training-present-settings-1024x768-" + lang);
            fx(() -> {
                w.training().viewModel().stepsProperty().set(3);
                w.training().viewModel().startOrTogglePause();
                return null;
            });
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> !panel.settingsToggle().isSelected()
                    && shown(panel.lossChart())));
            fx(() -> {
                w.training().viewModel().shutdown();
                w.presentation().leave();
                return null;
            });
            w.training().viewModel().awaitEnd();
            // back in the window: the settings column on the left again, no toggle
            resize(w, new int[] {1280, 720});
            fx(() -> {
                w.training().shownProperty().set(true);
                return null;
            });
            resize(w, new int[] {1280, 720});
            assertThat(fx(() -> !panel.compactProperty().get() && panel.getLeft() != null
                    && !panel.settingsToggle().isVisible())).as("normal form after presenting").isTrue();
        }
        System.out.println("---- training panel, presenting ----");
        assertThat(checked).isGreaterThanOrEqualTo(4);
        assertThat(faults).as("text of the training panel cut, clipped or overlapping while presenting").isEmpty();
    }

    /** Visible with every ancestor. */
    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    /** A problem of a text inside the training panel (its nearest id may be an inner node's or none). */
    private static boolean inPanel(MainWindow w, LayoutChecker.Problem p) {
        String t = p.text();
        return t != null && (t.equals(Messages.get("training.samples")) || t.equals(Messages.get("training.samples.empty"))
                || t.equals(Messages.get("training.logScale")));
    }

    private void resize(MainWindow w, int[] size) throws Exception {
        fx(() -> {
            w.stage().setWidth(size[0]);
            w.stage().setHeight(size[1]);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        for (int i = 0; i < 2; i++) {
            fx(() -> {
                w.scene().getRoot().applyCss();
                w.scene().getRoot().layout();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static void shoot(MainWindow w, String name) throws Exception {
        WritableImage img = fx(() -> w.scene().snapshot(null));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve(name + ".png").toFile());
    }
}
