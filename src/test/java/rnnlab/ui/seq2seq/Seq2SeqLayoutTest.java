package rnnlab.ui.seq2seq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.i18n.Messages;
import rnnlab.lessons.LessonLibrary;
import rnnlab.ui.controls.AppLanguage;
import rnnlab.ui.layout.LayoutChecker;

/**
 * The encoder–decoder window at 1024×768 and 1920×1080, in English and Chinese, light, dark and projector,
 * with the shipped dates model (13 input characters, 11 output steps): at a decoder step and in BPTT,
 * no text of the window ({@link LayoutChecker}: cut with "…", outside the window, clipped, overlapping)
 * and no text drawn on the two canvases (outside the canvas, over another text) may be unreadable. One
 * exception: a row of the values half scrolled out of the step pane (a scroll pane ending at the window's
 * bottom edge) reaches past the window for LayoutChecker; that is allowed only while the values are no
 * wider than the pane and the pane lies inside the window.
 * Screenshots: target/screenshots/seq2seq-layout-{en,zh}-{light,dark,projector}-{1024,1920}-{forward,bptt}.png.
 */
class Seq2SeqLayoutTest extends ApplicationTest {
    private static final int[][] SIZES = {{1024, 768}, {1920, 1080}};
    /** Canvas text may overlap another by this share of the smaller box (as LayoutChecker). */
    private static final double OVERLAP_SHARE = 0.25;

    @Override
    public void start(Stage s) {
        // the window is its own stage
    }

    @AfterEach
    void english() throws Exception {
        Seq2SeqWindowTest.fx(() -> {
            if (Seq2SeqWindow.current() != null) {
                Seq2SeqWindow.current().close();
            }
            return null;
        });
        AppLanguage.set(Locale.ENGLISH);
        Messages.setLocale(Locale.ENGLISH);
    }

    /** Texts of a canvas view that leave the canvas or lie over each other. */
    static List<String> canvasProblems(String view, List<S2sSkin.DrawnText> texts, double w, double h) {
        List<String> out = new ArrayList<>();
        for (S2sSkin.DrawnText t : texts) {
            Rectangle2D b = t.box();
            if (b.getMinX() < -1.5 || b.getMinY() < -1.5 || b.getMaxX() > w + 1.5 || b.getMaxY() > h + 1.5) {
                out.add(view + ": outside the canvas \"" + t.text() + "\" " + b);
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                Rectangle2D a = texts.get(i).box();
                Rectangle2D b = texts.get(j).box();
                double ow = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
                double oh = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
                double smaller = Math.min(a.getWidth() * a.getHeight(), b.getWidth() * b.getHeight());
                if (ow > 0 && oh > 0 && smaller > 0 && ow * oh > OVERLAP_SHARE * smaller) {
                    out.add(view + ": overlaps \"" + texts.get(i).text() + "\" / \"" + texts.get(j).text() + "\"");
                }
            }
        }
        return out;
    }

    @Test
    void nothingIsCutOrOverlapsAtEitherSizeLanguageOrTheme() throws Exception {
        Path model = LessonLibrary.builtInFolder().resolve("models/dates-additive.s2s.json");
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        List<String> problems = new ArrayList<>();
        List<String> report = new ArrayList<>();
        for (String lang : new String[] {"en", "zh"}) {
            Locale loc = Locale.forLanguageTag(lang);
            AppLanguage.set(loc);
            Messages.setLocale(loc);
            Seq2SeqWindowTest.fx(() -> {
                if (Seq2SeqWindow.current() != null) {
                    Seq2SeqWindow.current().close();
                }
                return null;
            });
            Seq2SeqWindow w = Seq2SeqWindowTest.fx(() -> Seq2SeqWindow.show(null, null, null));
            Seq2SeqWindowTest.fx(() -> {
                w.setInput("March 5, 2021");
                w.setTarget("2021-03-05");
                w.openFile(model, "March 5, 2021");
                return null;
            });
            Seq2SeqWindowTest.until(() -> w.ready() && w.playback().teacherForced());
            String style = AppLanguage.isChinese() ? "-fx-font-size: 14px; -fx-font-family: \"" + AppLanguage.family() + "\";" : null;
            for (String phase : new String[] {"forward", "bptt"}) {
                Seq2SeqWindowTest.fx(() -> {
                    // forward: the fourth decoder step, attention lines drawn; BPTT: a few steps back into the decoder
                    w.go(phase.equals("forward") ? w.playback().encoderSteps() + 4 : w.playback().steps() + 3);
                    return null;
                });
                for (String theme : new String[] {"light", "dark", "projector"}) {
                    for (int[] size : SIZES) {
                        String name = "seq2seq-layout-" + lang + "-" + theme + "-" + size[0] + "-" + phase;
                        Seq2SeqWindowTest.fx(() -> {
                            w.stage().setWidth(size[0]);
                            w.stage().setHeight(size[1]);
                            w.applyTheme(theme.equals("dark"), theme.equals("projector"), style);
                            return null;
                        });
                        // the window takes its new size on a later pulse
                        Seq2SeqWindowTest.until(() -> w.scene().getWidth() == size[0] && w.scene().getHeight() == size[1]);
                        WaitForAsyncUtils.waitForFxEvents();
                        WritableImage img = Seq2SeqWindowTest.fx(() -> {
                            w.scene().getRoot().applyCss();
                            w.scene().getRoot().layout();
                            // the step pane scrolls up and down: a row of the values half scrolled out of it at the
                            // window's bottom edge is cut by the scroll pane, not by the layout, as long as the values
                            // are no wider than the pane (nothing cut at the side) and the pane lies inside the window
                            javafx.scene.Node table = w.stepSkin().table();
                            javafx.scene.Node pane = table;
                            while (!(pane instanceof javafx.scene.control.ScrollPane)) {
                                pane = pane.getParent();
                            }
                            javafx.geometry.Bounds tb = table.localToScene(table.getLayoutBounds());
                            javafx.geometry.Bounds pb = pane.localToScene(pane.getLayoutBounds());
                            boolean fits = tb.getMaxX() <= pb.getMaxX() + 1 && pb.getMaxX() <= w.scene().getWidth() + 1
                                    && pb.getMaxY() <= w.scene().getHeight() + 1;
                            if (!fits) {
                                problems.add(name + ": the values reach outside the step pane or the window " + tb + " " + pb);
                            }
                            for (LayoutChecker.Problem p : LayoutChecker.check(w.scene())) {
                                if (!(fits && p.where().equals("#s2s.values") && p.kind().equals("outside the window"))) {
                                    problems.add(name + ": " + p);
                                }
                            }
                            EncoderDecoderSkin u = w.unrolledSkin();
                            AttentionMatrixSkin m = w.matrixSkin();
                            problems.addAll(canvasProblems(name + " unrolled", u.drawnTexts(), u.canvas().getWidth(), u.canvas().getHeight()));
                            problems.addAll(canvasProblems(name + " matrix", m.drawnTexts(), m.canvas().getWidth(), m.canvas().getHeight()));
                            report.add(name + ": " + u.drawnTexts().size() + " texts on the unrolled view, "
                                    + m.drawnTexts().size() + " on the matrix");
                            return w.scene().snapshot(null);
                        });
                        assertThat((int) img.getWidth()).as(name).isEqualTo(size[0]);
                        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", dir.resolve(name + ".png").toFile());
                    }
                }
            }
        }
        report.forEach(System.out::println);
        problems.forEach(System.out::println);
        assertThat(report).hasSize(24);
        assertThat(problems).as("text cut, outside or overlapping").isEmpty();
    }

    @Test
    void theCanvasCheckFindsAPlantedOverlapAndAnOverflow() {
        // the check itself must be able to fail: two boxes over each other, one past the edge
        S2sSkin.DrawnText a = new S2sSkin.DrawnText("0.46", new Rectangle2D(10, 10, 30, 14));
        S2sSkin.DrawnText b = new S2sSkin.DrawnText("0.45", new Rectangle2D(20, 12, 30, 14));
        S2sSkin.DrawnText c = new S2sSkin.DrawnText("⟨end⟩", new Rectangle2D(90, 10, 30, 14));
        List<String> found = check(List.of(a, b, c), 100, 50);
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).contains("outside the canvas").contains("⟨end⟩");
        assertThat(found.get(1)).contains("overlaps").contains("0.46").contains("0.45");
        assertThat(check(List.of(a, c), 200, 50)).isEmpty();
    }

    private static List<String> check(List<S2sSkin.DrawnText> texts, double w, double h) {
        return canvasProblems("planted", texts, w, h);
    }
}
