package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.i18n.Messages;
import rnnlab.session.Frame;
import rnnlab.training.NormHistory;
import rnnlab.ui.controls.CanvasLabels;
import rnnlab.ui.controls.Palette;

/**
 * Issue 17, "the weights view shows the norm shrinking": under the norms line, ‖W‖_F of every matrix over
 * the last training run as small line charts, placed with the view's labels; left out in a small tile, and
 * when the history belongs to another model than the one shown.
 */
class WeightsNormHistoryTest extends ViewTestBase {
    private static final List<String> NAMES = List.of("rnn.weight_ih_l0", "rnn.weight_hh_l0", "fc.weight");

    /** A history of 40 reports that shrinks each matrix by 2 % a report and ends at the frame's norms. */
    private static NormHistory shrinking(Frame f, boolean ended, double endFactor) {
        double[] steps = new double[40];
        List<double[]> values = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            steps[k] = 25 * (k + 1);
            double[] v = new double[NAMES.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = WeightsView.norm(f.weights().get(NAMES.get(i))) * endFactor * Math.pow(1.02, 39 - k);
            }
            values.add(v);
        }
        return NormHistory.empty(NAMES).with(steps, values, ended);
    }

    private static List<String> texts(WeightsView view) {
        return skin(view).labels().placed().stream().map(CanvasLabels.Placed::text).toList();
    }

    /** The smallest colour distance to {@code c} among the pixels within 3 px of (x, y) inside the image. */
    private static int nearest(javafx.scene.image.WritableImage img, double x, double y, javafx.scene.paint.Color c) {
        int best = 255;
        for (int dx = -3; dx <= 3; dx++) {
            for (int dy = -3; dy <= 3; dy++) {
                int px = (int) Math.floor(x) + dx;
                int py = (int) Math.floor(y) + dy;
                if (px >= 0 && py >= 0 && px < img.getWidth() && py < img.getHeight()) {
                    best = Math.min(best, distance(argb(img, px, py), argb(c)));
                }
            }
        }
        return best;
    }

    @Test
    void theNormsOfTheLastRunAreDrawnUnderTheNormsLine() throws Exception {
        Frame f = ViewFixtures.backward(CellType.GRU, 8, 3, 0);
        WeightsView view = new WeightsView();
        ViewContext ctx = show(view, f, 1000, 600);
        assertThat(region(view, "weights.history.1")).isNull(); // no run yet
        NormHistory h = shrinking(f, true, 1);
        interact(() -> ctx.trainingNormsProperty().set(h));
        repaint(view);
        screenshot(view, "weights-norm-history-en-light");
        for (int i = 0; i < 3; i++) {
            assertThat(region(view, "weights.history." + i)).as("chart " + i).isNotNull();
        }
        Rectangle2D hh = region(view, "weights.history.1");
        Rectangle2D norms = region(view, "weights.norm.1");
        assertThat(hh.getMinY()).isGreaterThan(norms.getMaxY()); // under the norms line
        double first = h.of("rnn.weight_hh_l0")[0];
        double last = h.of("rnn.weight_hh_l0")[39];
        String a = rnnlab.ui.controls.NumberText.num3(first);
        String b = rnnlab.ui.controls.NumberText.num3(last);
        assertThat(texts(view)).contains("Norms while training, steps 25\u20131000:", "\u2016W_hh\u2016 " + a + " \u2192 " + b);
        String[] hover = new String[1];
        interact(() -> hover[0] = skin(view).hoverAt(hh.getMinX() + 4, hh.getMinY() + 4));
        assertThat(hover[0]).startsWith("W_hh, layer 1 over the last training run: \u2016W\u2016 = " + a + " at step 25, " + b
                + " at step 1000");
        // the line of the matrix shown (W_hh) is drawn in the weight-norm colour and ends low on the right: shrinking
        javafx.scene.image.WritableImage img = canvasPixels(view);
        assertThat(nearest(img, hh.getMaxX(), hh.getMaxY(), Palette.SKY)).as("end, low right").isLessThanOrEqualTo(30);
        assertThat(nearest(img, hh.getMinX(), hh.getMinY(), Palette.SKY)).as("start, high left").isLessThanOrEqualTo(30);
        assertThat(nearest(img, hh.getMinX(), hh.getMaxY(), Palette.SKY)).as("nothing low left").isGreaterThan(60);

        // another model shown than the one the run ended with: no history
        interact(() -> ctx.trainingNormsProperty().set(shrinking(f, true, 1.5)));
        repaint(view);
        assertThat(region(view, "weights.history.1")).isNull();
        // while a run goes on the frames lag behind it: shown
        interact(() -> ctx.trainingNormsProperty().set(shrinking(f, false, 1.5)));
        repaint(view);
        assertThat(region(view, "weights.history.1")).isNotNull();
        // a tile too small for it (every view tiled at 1024×768): left out, the heatmaps keep the room
        interact(() -> ((javafx.scene.layout.Region) view.node()).setPrefSize(480, 300));
        repaint(view);
        assertThat(region(view, "weights.history.1")).isNull();
        assertThat(texts(view)).noneMatch(t -> t.contains("\u2192"));
    }

    @Test
    void inChineseAndDark() throws Exception {
        try {
            Messages.setLocale(Locale.CHINESE);
            Frame f = ViewFixtures.backward(CellType.LSTM, 8, 3, 0);
            WeightsView view = new WeightsView();
            ViewContext ctx = show(view, f, 1000, 600);
            interact(() -> {
                ctx.darkThemeProperty().set(true);
                ctx.trainingNormsProperty().set(shrinking(f, true, 1));
            });
            repaint(view);
            assertThat(region(view, "weights.history.1")).isNotNull();
            assertThat(texts(view)).contains("\u8bad\u7ec3\u4e2d\u7684\u8303\u6570\uff0c\u7b2c 25\u20131000 \u6b65\uff1a");
            screenshot(view, "weights-norm-history-zh-dark");
        } finally {
            Messages.setLocale(Locale.ENGLISH);
        }
    }
}
