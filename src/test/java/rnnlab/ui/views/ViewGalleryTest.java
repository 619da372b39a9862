package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.session.Frame;
import rnnlab.session.FrameBuilder;

/**
 * Every view as a 2×2 tile of a 1280×720 window (630×300), before the first step, mid-forward and
 * mid-BPTT, into target/screenshots/tile-*.png for a human to look at; asserts that empty-state
 * messages stay inside the tile.
 */
class ViewGalleryTest extends ViewTestBase {

    @Test
    void tilesAtProjectorSize() throws Exception {
        Frame none = FrameBuilder.build(ViewFixtures.run(CellType.LSTM, 8, 0, 0, 7));
        Frame fwd = ViewFixtures.lstmMiddle();
        Frame back = ViewFixtures.backward(CellType.LSTM, 8, 4, 0);
        for (LabView v : ViewCatalog.createAll()) {
            String name = v.id().substring(5);
            Frame[] frames = {none, fwd, back};
            String[] tags = {"none", "forward", "backward"};
            if (v instanceof GruView || v instanceof RnnView) {
                CellType cell = v instanceof GruView ? CellType.GRU : CellType.RNN_TANH;
                frames = new Frame[] {FrameBuilder.build(ViewFixtures.run(cell, 8, 0, 0, 7)),
                    FrameBuilder.build(ViewFixtures.run(cell, 8, 6, 0, 7)), ViewFixtures.backward(cell, 8, 4, 0)};
            }
            for (int k = 0; k < frames.length; k++) {
                show(v, frames[k], 630, 300);
                for (String id : skin(v).regionIds()) {
                    if (id.endsWith("empty")) {
                        var r = region(v, id);
                        assertThat(r.getMinX()).as(id).isGreaterThanOrEqualTo(0);
                        assertThat(r.getMaxX()).as(id).isLessThanOrEqualTo(630);
                    }
                }
                screenshot(v, "tile-" + name + "-" + tags[k]);
                interact(v::unbind);
            }
        }
    }

    @Test
    void fullWindowAndPresentationSize() throws Exception {
        Frame back = ViewFixtures.backward(CellType.LSTM, 8, 4, 0);
        for (LabView v : ViewCatalog.createAll()) {
            Frame f = v instanceof GruView ? ViewFixtures.backward(CellType.GRU, 8, 4, 0)
                    : v instanceof RnnView ? ViewFixtures.backward(CellType.RNN_TANH, 8, 4, 0) : back;
            String name = v.id().substring(5);
            ViewContext ctx = show(v, f, 1280, 720);
            screenshot(v, "large-" + name + "-backward");
            interact(() -> ctx.darkThemeProperty().set(true));
            repaint(v);
            screenshot(v, "dark-" + name + "-backward");
            interact(() -> ctx.darkThemeProperty().set(false));
            interact(() -> ((FrameView<?>) v).control().setFontSize(24));
            repaint(v);
            screenshot(v, "present-" + name + "-backward");
            interact(v::unbind);
        }
    }
}
