package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.ui.diagrams.CellStateBeltSkin;
import rnnlab.ui.controls.Palette;
import rnnlab.session.Frame;
import rnnlab.session.FrameBuilder;
import rnnlab.ui.controls.NumberText;

class BeltViewTest extends ViewTestBase {

    @Test
    void barsShowTheCellStateForgetRemovesAndInputAdds() throws Exception {
        // a large forget bias makes f ≈ 1: content should ride on
        Frame f = FrameBuilder.build(ViewFixtures.run(CellType.LSTM, 8, 6, 3.5, 11));
        BeltView view = new BeltView();
        show(view, f, 1280, 720);
        double[][] c = f.layer(0, 0).c();
        double[][] fg = f.layer(0, 0).gates()[1];
        Rectangle2D lane = region(view, "belt.unit.2");
        double hh = lane.getHeight() / 2 - 4;
        Rectangle2D bar = region(view, "belt.step.4.unit.2");
        CellStateBeltSkin skin = (CellStateBeltSkin) skin(view);
        double max = 1;
        for (int t = 0; t < 6; t++) {
            for (double v : c[t]) {
                max = Math.max(max, Math.abs(v));
            }
        }
        assertThat(skin.scaleMax()).isEqualTo(max);
        assertThat(bar.getHeight()).isEqualTo(Math.max(1, Math.abs(CellStateBeltSkin.barHeight(c[4][2], hh, max))));
        WritableImage img = canvasPixels(view);
        int colour = Palette.diverging(Palette.symlog(c[4][2]), Palette.LIGHT_NEUTRAL);
        assertThat(distance(argb(img, bar.getMinX() + bar.getWidth() / 2, bar.getMinY() + bar.getHeight() / 2), colour))
                .isLessThanOrEqualTo(3);
        // the forget gate's removal is drawn where |c_{t-1}| shrinks visibly
        Rectangle2D removed = region(view, "belt.forget.4.unit.2");
        double prev = c[3][2];
        double expected = Math.abs(CellStateBeltSkin.barHeight(prev, hh, max) - CellStateBeltSkin.barHeight(fg[4][2] * prev, hh, max));
        if (expected > 0) {
            assertThat(removed.getHeight()).isEqualTo(expected);
        }
        long carried = skin(view).regionIds().stream().filter(id -> id.startsWith("belt.carried.")).count();
        assertThat(carried).isGreaterThan(0);
        // hovering a bar spells out c = f·c_prev + i·c̃ with this step's numbers; clicking selects the unit
        String[] text = new String[1];
        interact(() -> text[0] = skin.hoverAt(bar.getMinX() + bar.getWidth() / 2, bar.getMinY() + bar.getHeight() / 2));
        assertThat(text[0]).contains("t = 5").contains(NumberText.num(fg[4][2]))
                .endsWith(NumberText.num(c[4][2]));
        interact(() -> skin.clickAt(bar.getMinX() + bar.getWidth() / 2, bar.getMinY() + bar.getHeight() / 2));
        assertThat(view.control().getSelectedUnit()).isEqualTo(2);
        screenshot(view, "belt");
    }

    @Test
    void emptyForCellsWithoutCellState() {
        Frame f = FrameBuilder.build(ViewFixtures.run(CellType.GRU, 8, 6, 0, 3));
        BeltView view = new BeltView();
        show(view, f, 800, 400);
        assertThat(skin(view).regionIds()).noneMatch(id -> id.startsWith("belt.step."));
    }
}
