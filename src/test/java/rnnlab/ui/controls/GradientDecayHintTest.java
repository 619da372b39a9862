package rnnlab.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import rnnlab.i18n.Messages;
import rnnlab.ui.layout.LayoutChecker;

/**
 * Issue 12: before the backward pass the gradient-decay view writes "Step into the backward pass (BPTT): …" in its
 * empty plot. Centred on the plot, a one-line hint sat exactly on the 10⁻² grid line (the empty axis runs 1 to
 * 10⁻⁴): the layout checker found the zh hint "drawn over graphics" at 1920x1080 (lessons 6 and 7). The hint now
 * goes between two grid lines, and is still shown.
 */
@ExtendWith(ApplicationExtension.class)
class GradientDecayHintTest {
    @AfterEach
    void english() throws Exception {
        fx(() -> {
            AppLanguage.set(Locale.ENGLISH);
            return null;
        });
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    private record Shown(List<LayoutChecker.Problem> problems, List<CanvasLabels.Placed> labels, Rectangle2D hint,
                         Rectangle2D decade2, boolean lineUnderHint) {
    }

    /** The view before the backward pass (11 steps, nothing plotted) in a w × h pane, checked as the checker does. */
    private static Shown show(Locale lang, double w, double h) throws Exception {
        return fx(() -> {
            AppLanguage.set(lang);
            GradientDecay d = new GradientDecay();
            d.setFontSize(16);
            d.stepsProperty().set(11);
            d.backwardProperty().set(false);
            Pane root = new Pane(d);
            Scene s = new Scene(root, w + 20, h + 20);
            d.setMinSize(w, h);
            d.setPrefSize(w, h);
            d.setMaxSize(w, h);
            root.applyCss();
            root.layout();
            LabCanvasSkin<?> skin = (LabCanvasSkin<?>) d.getSkin();
            skin.redrawNow();
            Rectangle2D hint = skin.regionBounds("decay.hint");
            Rectangle2D decade = skin.regionBounds("decay.decade.-2");
            boolean line = false;
            if (hint != null && decade != null) {
                // the middle of the plot on the line's row, in the paint without labels
                CanvasLabels.Drawing drawing = skin.labels().drawing();
                int x = (int) (hint.getMinX() + hint.getWidth() / 2);
                int y = (int) (decade.getMinY() + 1);
                javafx.scene.paint.Color on = drawing.image().getPixelReader().getColor(x, y);
                javafx.scene.paint.Color off = drawing.image().getPixelReader().getColor(x, y - 4); // the plot's ground
                line = Math.abs(on.getBrightness() - off.getBrightness()) > 0.02;
            }
            return new Shown(LayoutChecker.check(s), skin.labels().placed(), hint, decade, line);
        });
    }

    @Test
    void theHintIsNotDrawnOverAGridLineAtAnySize() throws Exception {
        for (Locale lang : List.of(Locale.ENGLISH, AppLanguage.CHINESE)) {
            for (double[] wh : new double[][] {{700, 420}, {900, 300}, {560, 520}, {420, 260}, {1000, 600}}) {
                Shown s = show(lang, wh[0], wh[1]);
                String at = lang + " " + (int) wh[0] + "x" + (int) wh[1];
                String hint = fx(() -> {
                    AppLanguage.set(lang);
                    return Messages.get("decay.hint");
                });
                // the hint is shown (its first words at least), and nothing is drawn over the plot's lines
                assertThat(s.labels()).as(at).anyMatch(l -> l.text().length() > 4 && hint.startsWith(l.text()));
                assertThat(s.problems()).as(at).noneMatch(p -> p.kind().equals("drawn over graphics"));
                assertThat(s.hint()).as(at).isNotNull();
                // the 10⁻² line, where the old hint sat, passes above or below the hint's lines, or (a hint no band
                // between two lines holds) is not drawn under it: the drawing without labels is the ground there
                if (s.decade2() != null) {
                    double y = s.decade2().getMinY() + 1;
                    boolean under = y >= s.hint().getMinY() && y <= s.hint().getMaxY();
                    if (under) {
                        assertThat(s.lineUnderHint()).as(at + ": 10⁻² line drawn through the hint " + s.hint()).isFalse();
                    }
                }
            }
        }
    }
}
