package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.session.Frame;
import rnnlab.session.FrameBuilder;

/** Prints what one step's repaint costs per view for a large LSTM (H = 128, T = 100); not a timed assertion. */
class ViewRedrawCostTest extends ViewTestBase {

    @Test
    void printsRepaintCostPerViewForALargeLstm() {
        String text = "the quick brown fox jumps over the lazy dog. ".repeat(3).substring(0, 100);
        Frame f = FrameBuilder.build(ViewFixtures.run(CellType.LSTM, 128, text, 50, 1.0, 9));
        Frame next = FrameBuilder.build(ViewFixtures.run(CellType.LSTM, 128, text, 51, 1.0, 9));
        for (LabView v : ViewCatalog.createAll()) {
            ViewContext ctx = show(v, f, 1280, 720);
            double[] ms = new double[1];
            interact(() -> {
                for (int k = 0; k < 40; k++) {
                    ctx.frameProperty().set(k % 2 == 0 ? next : f);
                    skin(v).redrawNow();
                }
                long t0 = System.nanoTime();
                for (int k = 0; k < 40; k++) {
                    ctx.frameProperty().set(k % 2 == 0 ? next : f);
                    skin(v).redrawNow();
                }
                ms[0] = (System.nanoTime() - t0) / 40 / 1e6;
            });
            System.out.printf("%-14s update + repaint per step: %6.2f ms%n", v.id(), ms[0]);
            assertThat(skin(v).regionIds()).isNotEmpty();
            try {
                screenshot(v, v.id().substring(5) + "-large");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
