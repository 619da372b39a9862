package rnnlab.ui.layout;

import static rnnlab.ui.FxWait.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static rnnlab.ui.TestWindows.layout;
import static rnnlab.ui.TestWindows.shoot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.BoundingBox;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.i18n.Messages;
import rnnlab.io.Preset;
import rnnlab.ui.controls.AppLanguage;
import rnnlab.ui.TestLanguage;
import rnnlab.ui.TestWindows;
import rnnlab.ui.controls.CanvasLabels;
import rnnlab.ui.shell.MainWindow;
import rnnlab.ui.views.LabView;

/**
 * Every main-window view, one at a time filling the views area and all of them tiled, checked with the
 * layout checker including the labels the canvas views report (issue 12): nothing clipped, nothing over
 * other text, no label drawn over the view's own drawing, nothing under 10 px (14 px on the projector). By default a sample of sizes × languages ×
 * themes; {@code -Drnnlab.allLayouts=true} takes 1024×768, 1280×720 and 1920×1080 × en, zh × light,
 * dark, projector. Screenshots go to target/screenshots/views-*.png.
 */
@ExtendWith(ApplicationExtension.class)
class ViewLabelsLayoutTest {
    private static final boolean ALL = Boolean.getBoolean("rnnlab.allLayouts");
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterAll
    static void english() {
        TestLanguage.english();
    }


    /** The checker sees labels a canvas reports: two placed over each other, one cut by the edge, one too small. */
    @Test
    void findsAPlantedOverlapOfCanvasLabels() throws Exception {
        List<LayoutChecker.Problem> found = fx(() -> {
            Canvas c = new Canvas(200, 100);
            c.setId("planted");
            c.getProperties().put(CanvasLabels.KEY, CanvasLabels.drawn(List.of(
                    new CanvasLabels.Placed("W_hh", 10, 10, 40, 16, 13),
                    new CanvasLabels.Placed("RNN", 30, 14, 30, 16, 13),
                    new CanvasLabels.Placed("Unrolled network", 150, 60, 90, 16, 13),
                    new CanvasLabels.Placed("t = 3", 10, 70, 30, 10, 8))));
            Pane p = new Pane(c);
            new Scene(p, 400, 300);
            return LayoutChecker.check(p, new BoundingBox(0, 0, 400, 300), LayoutChecker.MIN_TEXT_PX);
        });
        assertThat(found).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo("overlaps");
            assertThat(f.text()).isEqualTo("W_hh");
            assertThat(f.other()).isEqualTo("RNN");
            assertThat(f.where()).isEqualTo("#planted");
        });
        assertThat(found).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo("clipped by the canvas");
            assertThat(f.text()).isEqualTo("Unrolled network");
        });
        assertThat(found).anySatisfy(f -> {
            assertThat(f.kind()).startsWith("too small (8.0 px");
            assertThat(f.text()).isEqualTo("t = 3");
        });
        // and the three labels apart: nothing
        List<LayoutChecker.Problem> apart = fx(() -> {
            Canvas c = new Canvas(200, 100);
            c.getProperties().put(CanvasLabels.KEY, CanvasLabels.drawn(List.of(
                    new CanvasLabels.Placed("W_hh", 10, 10, 40, 16, 13),
                    new CanvasLabels.Placed("RNN", 50, 10, 30, 16, 13))));
            Pane p = new Pane(c);
            new Scene(p, 400, 300);
            return LayoutChecker.check(p, new BoundingBox(0, 0, 400, 300), LayoutChecker.MIN_TEXT_PX);
        });
        assertThat(apart).isEmpty();
    }

    /** size, language, theme (light, dark, projector) */
    private record Case(int w, int h, String lang, String theme) {
        String name() {
            return w + "x" + h + "-" + lang + "-" + theme;
        }
    }

    private static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        if (ALL) {
            for (int[] s : new int[][] {{1024, 768}, {1280, 720}, {1920, 1080}}) {
                for (String lang : List.of("en", "zh")) {
                    for (String theme : List.of("light", "dark", "projector")) {
                        out.add(new Case(s[0], s[1], lang, theme));
                    }
                }
            }
            return out;
        }
        return List.of(new Case(1024, 768, "en", "light"), new Case(1024, 768, "zh", "dark"),
                new Case(1280, 720, "en", "projector"), new Case(1920, 1080, "zh", "light"));
    }

    @Test
    void everyViewAtEverySizeLanguageAndTheme() throws Exception {
        // 1920×1080 is larger than Monocle's headless screen: its frame buffer overflows on the render thread
        rnnlab.ui.FxWait.ignoringRenderThreadOverflow(this::checkEveryView);
    }

    private void checkEveryView() throws Exception {
        List<String> report = new ArrayList<>();
        List<String> inViews = new ArrayList<>();
        int canvasLabels = 0;
        String lastLang = null;
        MainWindow w = null;
        for (Case k : cases()) {
            if (k.lang().equals("zh") && !fx(AppLanguage::canShowChinese)) {
                continue;
            }
            if (!k.lang().equals(lastLang)) {
                Locale loc = Locale.forLanguageTag(k.lang());
                Locale.setDefault(loc);
                Messages.setLocale(loc);
                AppLanguage.set(loc);
                w = TestWindows.open(stage, k.w(), k.h(), m -> {
                });
                lastLang = k.lang();
            }
            MainWindow m = w;
            fx(() -> {
                m.theme().setDark(k.theme().equals("dark"));
                m.theme().projectorProperty().set(k.theme().equals("projector"));
                m.stage().setWidth(k.w());
                m.stage().setHeight(k.h());
                return null;
            });
            for (Preset preset : List.of(Preset.LSTM_8, Preset.GRU_6)) {
                fx(() -> {
                    m.viewModel().applyPreset(preset);
                    return null;
                });
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !m.viewModel().busyProperty().get());
                // a few steps in, so that values, the current step and the heatmap's columns are drawn
                for (int i = 0; i < 3; i++) {
                    fx(() -> {
                        m.viewModel().stepForward();
                        return null;
                    });
                    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !m.viewModel().busyProperty().get());
                }
                List<String> ids = fx(() -> m.viewsArea().views().stream().map(LabView::id).toList());
                for (String id : ids) {
                    String name = "views-" + id + "-" + preset.name().toLowerCase(Locale.ROOT) + "-" + k.name();
                    List<LayoutChecker.Problem> found = showAndCheck(m, List.of(id));
                    canvasLabels += fx(() -> labelCount(m));
                    if (k.w() == 1024 || k.theme().equals("projector")) {
                        shoot(m, name);
                    }
                    collect(name, found, report, inViews);
                }
                // everything tiled (issue 12: "with all views tiled everything overlaps")
                List<LayoutChecker.Problem> found = showAndCheck(m, ids);
                String name = "views-all-" + preset.name().toLowerCase(Locale.ROOT) + "-" + k.name();
                shoot(m, name);
                collect(name, found, report, inViews);
            }
        }
        System.out.println("---- view labels layout check ----");
        report.forEach(System.out::println);
        assertThat(canvasLabels).as("canvas labels reported to the checker").isGreaterThan(100);
        assertThat(inViews).as("clipped, overlapping, too small or drawn over graphics: text in the views").isEmpty();
    }

    private static void collect(String name, List<LayoutChecker.Problem> found, List<String> report, List<String> inViews) {
        report.add(name + ": " + found.size() + " problems");
        for (LayoutChecker.Problem p : found) {
            report.add("    " + p.area() + ": " + p.kind() + " " + p);
            // every finding in a view fails, "drawn over graphics" too (a label over the view's own drawing)
            if (p.area().startsWith("view ")) {
                inViews.add(name + ": " + p.area() + ": " + p.kind() + " " + p);
            }
        }
    }

    private static int labelCount(MainWindow m) {
        int[] n = {0};
        count(m.scene().getRoot(), n);
        return n[0];
    }

    private static void count(javafx.scene.Node node, int[] n) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Canvas c && c.getProperties().get(CanvasLabels.KEY) instanceof CanvasLabels l) {
            n[0] += l.placed().size();
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(ch -> count(ch, n));
        }
    }

    private List<LayoutChecker.Problem> showAndCheck(MainWindow m, List<String> ids) throws Exception {
        fx(() -> {
            m.showViewsByHand(ids);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(150);
        layout(m);
        return fx(() -> LayoutChecker.check(m.scene()));
    }
}
