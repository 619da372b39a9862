package rnnlab.ui.layout;

import static rnnlab.ui.FxWait.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
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
 * The layout checker on the real window: the main window and presentation mode (lessons 1, 9 and 14)
 * at 1024×768 and 1280×720 in English and Chinese. Writes a screenshot of each presentation to
 * target/screenshots and prints every problem found; asserts the lesson strip's own controls (title,
 * × and Next ▶) are never cut, and that the checker finds a planted overlap.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutCheckTest {
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
    void findsAPlantedOverlapAndAnEllipsis() throws Exception {
        List<LayoutChecker.Problem> found = fx(() -> {
            Label a = new Label("W_hh");
            Label b = new Label("RNN");
            a.relocate(10, 10);
            b.relocate(14, 12);
            Label cut = new Label("Unrolled network");
            cut.setMaxWidth(60);
            cut.resize(60, 20);
            cut.relocate(10, 60);
            Pane p = new Pane(a, b, cut);
            Scene s = new Scene(p, 300, 200);
            p.applyCss();
            p.layout();
            cut.resize(60, 20);
            p.layout();
            return LayoutChecker.check(s);
        });
        assertThat(found).extracting(LayoutChecker.Problem::kind).contains("overlaps", "cut with an ellipsis");
        assertThat(found).anySatisfy(f -> assertThat(f.toString()).contains("W_hh", "RNN"));
    }

    /** A wrapped label given fewer lines than its text needs is cut with the ellipsis too ("show the cel…"). */
    @Test
    void findsAWrappedLabelGivenTooFewLines() throws Exception {
        List<LayoutChecker.Problem> found = fx(() -> {
            Label cut = new Label("show the cell state c");
            cut.setWrapText(true);
            Label whole = new Label("all of it");
            whole.setWrapText(true);
            Pane p = new Pane(cut, whole);
            Scene s = new Scene(p, 300, 200);
            p.applyCss();
            // a pane sizes its children to their preferred sizes: one line's height for a three-line text
            double line = cut.getFont().getSize() * 1.5;
            cut.setMinSize(60, line);
            cut.setPrefSize(60, line);
            cut.setMaxSize(60, line);
            cut.relocate(10, 10);
            whole.setPrefSize(200, 40);
            whole.relocate(10, 100);
            p.layout();
            return LayoutChecker.check(s);
        });
        assertThat(found).hasSize(1);
        assertThat(found.get(0).kind()).isEqualTo("cut with an ellipsis");
        assertThat(found.get(0).text()).isEqualTo("show the cell state c");
    }

    /**
     * Issue 12: a choice's options scroll in a pane marked {@link LayoutChecker#WHOLE_TEXT} (the pinned
     * checkpoint's); an option whose last lines are below the pane's foot reads as the whole option (why-sequences
     * step 7 showed "about the same, −0.35 or" while presenting at 1280×720, and the checker said all fine). It is
     * clipped by the pane; one wholly out of view is not (the fit warning covers it), nor one whole in view, nor the
     * same cut in an unmarked pane (narration, which the reader scrolls on).
     */
    @Test
    void anOptionCutAtTheFootOfAWholeTextScrollPaneIsClipped() throws Exception {
        String long_ = "about the same, −0.35 or above, which would mean the order of the words made no difference at all";
        List<List<LayoutChecker.Problem>> found = new ArrayList<>();
        for (boolean whole : new boolean[] {true, false}) {
            found.add(fx(() -> {
                javafx.scene.control.RadioButton one = new javafx.scene.control.RadioButton("clearly lower");
                javafx.scene.control.RadioButton cut = new javafx.scene.control.RadioButton(long_);
                javafx.scene.control.RadioButton hidden = new javafx.scene.control.RadioButton("out of view below");
                javafx.scene.layout.VBox options = new javafx.scene.layout.VBox(6, one, cut, hidden);
                for (javafx.scene.Node n : options.getChildren()) {
                    ((javafx.scene.control.RadioButton) n).setWrapText(true);
                }
                javafx.scene.control.ScrollPane pane = new javafx.scene.control.ScrollPane(options);
                pane.setFitToWidth(true);
                pane.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
                pane.setId("options");
                if (whole) {
                    pane.getProperties().put(LayoutChecker.WHOLE_TEXT, Boolean.TRUE);
                }
                pane.setPrefSize(220, 60);
                pane.setMaxSize(220, 60);
                Pane p = new Pane(pane);
                Scene sc = new Scene(p, 300, 200);
                for (int i = 0; i < 3; i++) {
                    p.applyCss();
                    p.layout();
                }
                return LayoutChecker.check(sc);
            }));
        }
        assertThat(found.get(0)).filteredOn(f -> f.kind().startsWith("clipped")).extracting(LayoutChecker.Problem::toString)
                .containsExactly("#options: clipped by #options \"" + long_ + "\"");
        assertThat(found.get(1)).filteredOn(f -> f.kind().startsWith("clipped")).as("the same cut in an unmarked scroll pane").isEmpty();
    }

    /**
     * Issue 12: a paragraph scrolled partly above its scroll pane's viewport reaches outside the window, but
     * only its part in the viewport is drawn: not "outside the window" (the lesson panel's narration was
     * reported so in presentation mode). A scroll pane that itself reaches below the window still is.
     */
    @Test
    void textScrolledPartlyOutOfAViewportInsideTheWindowIsNotOutsideTheWindow() throws Exception {
        String paragraph = "A long paragraph of narration that wraps onto many lines in a narrow strip. ".repeat(12);
        javafx.scene.text.Text inView = new javafx.scene.text.Text(paragraph);
        javafx.scene.control.ScrollPane top = new javafx.scene.control.ScrollPane(new javafx.scene.layout.VBox(inView));
        javafx.scene.text.Text below = new javafx.scene.text.Text("Below the window: " + paragraph);
        javafx.scene.control.ScrollPane low = new javafx.scene.control.ScrollPane(new javafx.scene.layout.VBox(below));
        Scene s = fx(() -> {
            inView.setWrappingWidth(250);
            top.setPrefSize(300, 100);
            top.setLayoutY(20);
            below.setWrappingWidth(250);
            low.setPrefSize(300, 100);
            Scene scene = new Scene(new Pane(top, low), 300, 200);
            stage.setScene(scene);
            stage.sizeToScene();
            stage.show();
            return scene;
        });
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            // half of the lower pane past the window's bottom, whatever size the stage kept from earlier tests
            low.setLayoutY(s.getHeight() - 50);
            top.setVvalue(0.6);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        double[] textTop = new double[1];
        List<LayoutChecker.Problem> found = fx(() -> {
            s.getRoot().applyCss();
            s.getRoot().layout();
            textTop[0] = inView.localToScene(inView.getBoundsInLocal()).getMinY();
            return LayoutChecker.check(s);
        });
        assertThat(textTop[0]).as("the paragraph reaches above the window").isLessThan(-20);
        assertThat(found).filteredOn(f -> f.text().startsWith("A long paragraph")).as("the paragraph scrolled partly out of view").isEmpty();
        assertThat(found).filteredOn(f -> f.text().startsWith("Below the window")).extracting(LayoutChecker.Problem::kind)
                .containsExactly("outside the window");
    }

    @Test
    void mainWindowAndPresentationInBothLanguages() throws Exception {
        List<String> report = new ArrayList<>();
        List<String> lessonStripCut = new ArrayList<>();
        List<String> presentCut = new ArrayList<>();
        for (String lang : List.of("en", "zh")) {
            if (!TestLanguage.use(lang)) {
                continue;
            }
            MainWindow w = fx(() -> {
                MainWindow m = new MainWindow(stage, ViewCatalog.createAll());
                m.lessons().setLibrary(LessonLibrary.load(Path.of("lessons")));
                Path prog = Path.of("target", "test-home", "layout-progress.json");
                Files.createDirectories(prog.getParent());
                Files.deleteIfExists(prog);
                m.lessons().setProgress(LessonProgress.load(prog));
                stage.show();
                return m;
            });
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> w.viewModel().frameProperty().get() != null);
            for (int[] size : SIZES) {
                resize(w, size);
                List<LayoutChecker.Problem> main = fx(() -> LayoutChecker.check(w.scene()));
                report.add("main " + lang + " " + size[0] + "x" + size[1] + ": " + main.size() + " problems");
                main.forEach(p -> report.add("    " + p));
            }
            for (String lesson : List.of("why-sequences", "lstm-gates", "binary-addition")) {
                assertThat(fx(() -> w.lessons().open(lesson))).isNull();
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !w.viewModel().busyProperty().get());
                // the step's scene (views, panels) is applied after its model: let it land before F5
                Thread.sleep(1500);
                WaitForAsyncUtils.waitForFxEvents();
                fx(() -> {
                    w.presentation().enterInWindow();
                    return null;
                });
                for (int[] size : SIZES) {
                    resize(w, size);
                    String name = "present-" + lesson + "-" + size[0] + "x" + size[1] + "-" + lang;
                    assertThat(fx(() -> w.presentation().isOn())).as(name).isTrue();
                    shoot(w, name);
                    List<LayoutChecker.Problem> found = fx(() -> LayoutChecker.check(w.scene()));
                    report.add(name + ": " + found.size() + " problems");
                    found.forEach(p -> report.add("    " + p));
                    for (LayoutChecker.Problem p : found) {
                        if (!p.kind().equals("overlaps") && !p.kind().startsWith("clipped")) {
                            presentCut.add(name + ": " + p);
                        }
                        if (p.where().startsWith("#lesson-title") || p.where().startsWith("#lesson-close")
                                || p.where().startsWith("#lesson-next") || p.where().startsWith("#lesson-previous")) {
                            lessonStripCut.add(name + ": " + p);
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
        System.out.println("---- layout check ----");
        report.forEach(System.out::println);
        assertThat(report).isNotEmpty();
        // every lesson, size and language: the lesson strip's title, × and Next ▶ are inside the window
        // (lesson 1 in English at 1024×768 used to lay the window out wider than 1024 px), and nothing
        // in presentation mode reaches outside the window or ends in "…"
        assertThat(lessonStripCut).as("the lesson strip's title, × and Next ▶").isEmpty();
        assertThat(presentCut).as("text outside the window or cut with an ellipsis while presenting").isEmpty();
    }

    private void resize(MainWindow w, int[] size) throws Exception {
        fx(() -> {
            w.stage().setWidth(size[0]);
            w.stage().setHeight(size[1]);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        fx(() -> {
            w.scene().getRoot().applyCss();
            w.scene().getRoot().layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void shoot(MainWindow w, String name) throws Exception {
        WritableImage img = fx(() -> w.scene().snapshot(null));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve(name + ".png").toFile());
    }
}
