package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.session.Frame;
import rnnlab.session.FrameBuilder;

/** Every view spotlights ViewContext.highlight: the part stays as drawn, the rest is veiled. */
class HighlightTest extends ViewTestBase {

    @Test
    void everyViewDimsAllButTheHighlightedPart() throws Exception {
        Frame lstm = ViewFixtures.lstmMiddle();
        Map<String, String> part = Map.of("view.unrolled", "unrolled.step.5", "view.heatmap", "heatmap.unit.3",
                "view.lstm", "lstm.gate.f", "view.belt", "belt.unit.2", "view.gru", "gru.gate.z", "view.rnn", "rnn.a",
                "view.formulas", "formula.f", "view.output", "output.target", "view.text", "text.char.3");
        part = new java.util.HashMap<>(part);
        part.put("view.decay", "decay.plot");
        part.put("view.weights", "weights.grad");
        for (LabView v : ViewCatalog.createAll()) {
            Frame f = v instanceof GruView ? FrameBuilder.build(ViewFixtures.run(CellType.GRU, 8, 6, 0, 7))
                    : v instanceof RnnView ? FrameBuilder.build(ViewFixtures.run(CellType.RNN_TANH, 8, 6, 0, 7)) : lstm;
            ViewContext ctx = show(v, f, 1000, 560);
            String id = part.get(v.id());
            Rectangle2D r = region(v, id);
            assertThat(r).as(id).isNotNull();
            WritableImage plain = canvasPixels(v);
            interact(() -> ctx.highlightProperty().set(id));
            repaint(v);
            WritableImage lit = canvasPixels(v);
            double cx = r.getMinX() + r.getWidth() / 2;
            double cy = r.getMinY() + r.getHeight() / 2;
            assertThat(argb(lit, cx, cy)).as(id).isEqualTo(argb(plain, cx, cy));
            // what is drawn away from the part gets paler (white background stays white)
            assertThat(paling(plain, lit, r)).as(v.id()).isGreaterThan(0.15);
            if (v instanceof LstmView || v instanceof HeatmapView) {
                screenshot(v, v.id().substring(5) + "-highlight");
            }
            interact(v::unbind);
        }
    }

    /** Issue 12: the spotlight's frames around the views' titles were half the tile wide, narrower than the titles. */
    @Test
    void theTitlesFrameFitsTheTitleAsDrawn() throws Exception {
        Map<String, String> titles = Map.of("view.lstm", "lstm.title", "view.unrolled", "unrolled.title",
                "view.belt", "belt.title", "view.output", "output.title", "view.decay", "decay.title", "view.text", "text.title");
        for (LabView v : ViewCatalog.createAll()) {
            String id = titles.get(v.id());
            if (id == null) {
                continue;
            }
            show(v, ViewFixtures.lstmMiddle(), 430, 520);
            Rectangle2D r = region(v, id);
            WritableImage img = canvasPixels(v);
            int bg = argb(img, img.getWidth() - 2, 2);
            int rightmost = -1;
            for (int x = 0; x < img.getWidth(); x++) {
                for (int y = (int) r.getMinY() + 2; y < r.getMaxY() - 2; y++) {
                    if (distance(argb(img, x, y), bg) > 60) {
                        rightmost = x;
                    }
                }
            }
            assertThat(rightmost).as(id).isPositive();
            assertThat(r.getMaxX()).as(id).isGreaterThanOrEqualTo(rightmost - 1.0);
            if (v instanceof LstmView) {
                // the LSTM title is longer than half the tile: the old frame (w / 2) cut it
                assertThat(rightmost).isGreaterThan(215);
            }
            interact(v::unbind);
        }
    }

    /** Issue 12: the veil hid pale colours; what the spotlight does not light keeps over half its contrast. */
    @Test
    void theVeilDimsLessThanHalf() throws Exception {
        LabView v = ViewCatalog.createAll().stream().filter(x -> x instanceof HeatmapView).findFirst().orElseThrow();
        ViewContext ctx = show(v, ViewFixtures.lstmMiddle(), 1000, 560);
        Rectangle2D r = region(v, "heatmap.unit.3");
        WritableImage plain = canvasPixels(v);
        interact(() -> ctx.highlightProperty().set("heatmap.unit.3"));
        repaint(v);
        WritableImage lit = canvasPixels(v);
        // the veil is the background (white) at opacity a: each pixel moves a of the way to white
        assertThat(paling(plain, lit, r)).isBetween(0.2, 0.5);
        interact(v::unbind);
    }

    /**
     * How far the pixels drawn away from the part (not background-white) moved towards white: 0 = not
     * at all, 1 = all the way (the mean of (lit − plain) / (255 − plain) per pixel).
     */
    private static double paling(WritableImage plain, WritableImage lit, Rectangle2D away) {
        double sum = 0;
        int n = 0;
        for (int x = 2; x < plain.getWidth() - 2; x += 3) {
            for (int y = 2; y < plain.getHeight() - 2; y += 3) {
                if (x > away.getMinX() - 12 && x < away.getMaxX() + 12 && y > away.getMinY() - 12 && y < away.getMaxY() + 12) {
                    continue;
                }
                double p = grey(argb(plain, x, y));
                if (p > 200) {
                    continue;
                }
                sum += (grey(argb(lit, x, y)) - p) / (255 - p);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static double grey(int c) {
        return (((c >> 16) & 0xFF) + ((c >> 8) & 0xFF) + (c & 0xFF)) / 3.0;
    }
}
