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
            assertThat(brightness(lit, r)).as(v.id()).isGreaterThan(brightness(plain, r) + 1);
            if (v instanceof LstmView || v instanceof HeatmapView) {
                screenshot(v, v.id().substring(5) + "-highlight");
            }
            interact(v::unbind);
        }
    }

    /** Mean brightness of pixels away from the part. */
    private static double brightness(WritableImage img, Rectangle2D away) {
        double sum = 0;
        int n = 0;
        for (int x = 2; x < img.getWidth() - 2; x += 7) {
            for (int y = 2; y < img.getHeight() - 2; y += 7) {
                if (x > away.getMinX() - 12 && x < away.getMaxX() + 12 && y > away.getMinY() - 12 && y < away.getMaxY() + 12) {
                    continue;
                }
                int c = argb(img, x, y);
                sum += ((c >> 16) & 0xFF) + ((c >> 8) & 0xFF) + (c & 0xFF);
                n++;
            }
        }
        return sum / n / 3;
    }
}
