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

    /**
     * Lesson 19 at 1024x768: in a station 29 px wide the current step's frame (25 px between its 3 px sides) ran its
     * sides through the step's name "t = 6" (35 px). The frame now closes above the name when the name does not fit
     * between its sides: in the drawing under the labels nothing orange is left in the name's box, the frame is still
     * drawn round the lanes, and the name is shown. In a wide station the name stays inside the frame.
     */
    @Test
    void theCurrentStepsFrameDoesNotCrossItsNameInANarrowStation() throws Exception {
        Frame f = FrameBuilder.build(ViewFixtures.run(CellType.LSTM, 8, 6, 3.5, 11));
        for (int w : new int[] {140, 420}) {
            BeltView view = new BeltView();
            show(view, f, w, 400);
            Rectangle2D station = region(view, "belt.station.5");
            rnnlab.ui.controls.CanvasLabels.Placed name = skin(view).labels().placed().stream()
                    .filter(p -> p.text().equals("t = 6")).findFirst().orElse(null);
            assertThat(name).as("the current step's name at width %d", w).isNotNull();
            javafx.scene.image.Image[] drawn = new javafx.scene.image.Image[1];
            interact(() -> drawn[0] = skin(view).labels().drawing().image());
            WritableImage[] under = {new WritableImage(drawn[0].getPixelReader(), (int) drawn[0].getWidth(),
                    (int) drawn[0].getHeight())};
            int orange = argb(Palette.ORANGE);
            double side = station.getMinX() + 2;
            if (w == 140) {
                assertThat(station.getWidth()).isEqualTo(29);
                assertThat(name.w()).isGreaterThan(station.getWidth() - 4);
            }
            // the frame's left side, on the row of a lane: orange
            assertThat(distance(argb(under[0], side, region(view, "belt.unit.3").getMinY() + 3), orange)).isLessThanOrEqualTo(8);
            // and on the name's row: orange only where the name fits inside the frame (at 420 the side passes beside it)
            int onNameRow = argb(under[0], side, name.y() + name.h() / 2);
            if (w == 140) {
                assertThat(distance(onNameRow, orange)).as("frame side through the name").isGreaterThan(60);
                for (double x = Math.ceil(name.x()) + 2; x < name.maxX() - 2; x++) {
                    for (double y = Math.ceil(name.y()) + 2; y < name.maxY() - 2; y++) {
                        assertThat(distance(argb(under[0], x, y), orange)).as("orange under the name at %s,%s", x, y)
                                .isGreaterThan(60);
                    }
                }
            } else {
                assertThat(name.x()).isGreaterThan(side + 1.5);
                assertThat(distance(onNameRow, orange)).isLessThanOrEqualTo(8);
            }
        }
    }

    /**
     * Lesson 10 in BPTT at 1024x768: in short lanes the carried "=" under a bar ran over the gradient's dashed arrow
     * back and its value square (12 "drawn over graphics" findings). No "=" may now touch a station's flow back.
     */
    @Test
    void carriedMarksStayOffTheGradientFlowingBack() throws Exception {
        Frame f = ViewFixtures.backward(CellType.LSTM, 8, 5, 3.0);
        BeltView view = new BeltView();
        show(view, f, 140, 560);
        java.util.List<Rectangle2D> flows = skin(view).regionIds().stream().filter(id -> id.startsWith("belt.grad."))
                .map(id -> region(view, id)).toList();
        assertThat(flows).isNotEmpty();
        java.util.List<rnnlab.ui.controls.CanvasLabels.Placed> carried = skin(view).labels().placed().stream()
                .filter(p -> p.text().equals("=")).toList();
        for (var p : carried) {
            for (Rectangle2D r : flows) {
                assertThat(p.overlaps(r.getMinX(), r.getMinY() - 1, r.getWidth(), r.getHeight() + 2))
                        .as("\"=\" at %.0f,%.0f over the flow back %s", p.x(), p.y(), r).isFalse();
            }
        }
    }

    @Test
    void emptyForCellsWithoutCellState() {
        Frame f = FrameBuilder.build(ViewFixtures.run(CellType.GRU, 8, 6, 0, 3));
        BeltView view = new BeltView();
        show(view, f, 800, 400);
        assertThat(skin(view).regionIds()).noneMatch(id -> id.startsWith("belt.step."));
    }
}
