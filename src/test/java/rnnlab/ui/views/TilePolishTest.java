package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.session.Frame;
import rnnlab.session.FrameBuilder;

/** What looked wrong in a 630×300 tile of the real window, checked on the drawn parts' bounds. */
class TilePolishTest extends ViewTestBase {

    @Test
    void unrolledLabelsCirclesAndCellsDoNotOverlapAndTheFooterFits() {
        for (Frame f : new Frame[] {FrameBuilder.build(ViewFixtures.run(CellType.LSTM, 8, 0, 0, 7)),
            ViewFixtures.lstmMiddle(), ViewFixtures.backward(CellType.LSTM, 8, 4, 0)}) {
            for (int[] size : new int[][] {{630, 300}, {1280, 520}}) {
                UnrolledView view = new UnrolledView();
                show(view, f, size[0], size[1]);
                int shown = 0;
                for (int t = 0; t < f.length(); t++) {
                    Rectangle2D box = region(view, "unrolled.step." + t);
                    if (box == null) {
                        continue;
                    }
                    shown++;
                    Rectangle2D x = region(view, "unrolled.step." + t + ".x");
                    Rectangle2D y = region(view, "unrolled.step." + t + ".y");
                    Rectangle2D wxh = region(view, "unrolled.weight.xh." + t);
                    Rectangle2D why = region(view, "unrolled.weight.hy." + t);
                    assertThat(x.intersects(box)).as("x circle vs cell " + t).isFalse();
                    assertThat(y.intersects(box)).as("y circle vs cell " + t).isFalse();
                    assertThat(wxh.intersects(x)).as("W_xh label vs x circle " + t).isFalse();
                    assertThat(wxh.intersects(box)).as("W_xh label vs cell " + t).isFalse();
                    assertThat(why.intersects(y)).as("W_hy label vs y circle " + t).isFalse();
                }
                assertThat(shown).isGreaterThanOrEqualTo(2);
                Rectangle2D footer = region(view, "unrolled.shared");
                assertThat(footer.getMaxX()).isLessThanOrEqualTo(size[0]);
                assertThat(footer.getMaxY()).isLessThanOrEqualTo(size[1]);
                interact(view::unbind);
            }
        }
    }

    @Test
    void beforeTheFirstStepTheCellSaysNothingIsComputedNotTZero() {
        LstmView view = new LstmView();
        show(view, FrameBuilder.build(ViewFixtures.run(CellType.LSTM, 8, 0, 0, 7)), 630, 300);
        assertThat(view.control().getStep()).isZero();
        Rectangle2D empty = region(view, "lstm.empty");
        assertThat(empty.getMinX()).isGreaterThanOrEqualTo(0);
        assertThat(empty.getMaxX()).isLessThanOrEqualTo(630);
        // in a narrow tile the message wraps onto more lines rather than running off both edges
        interact(() -> ((javafx.scene.layout.Region) view.node()).setPrefSize(300, 300));
        repaint(view);
        Rectangle2D narrow = region(view, "lstm.empty");
        assertThat(narrow.getMaxX()).isLessThanOrEqualTo(300);
        assertThat(narrow.getHeight()).isGreaterThan(view.control().getFontSize() * 2.5);
        // a short, narrow tile (all views tiled at 1024×768): every line of the message inside the tile
        interact(() -> ((javafx.scene.layout.Region) view.node()).setPrefSize(200, 150));
        repaint(view);
        rnnlab.ui.controls.CanvasLabels l = (rnnlab.ui.controls.CanvasLabels) skin(view).canvas().getProperties()
                .get(rnnlab.ui.controls.CanvasLabels.KEY);
        assertThat(l.placed()).isNotEmpty().allMatch(p -> p.y() >= 0 && p.y() + p.h() <= 150 && p.x() >= 0 && p.x() + p.w() <= 200);
        assertThat(String.join(" ", l.placed().stream().map(p -> p.text()).toList())).contains("Nothing");
    }

    @Test
    void backwardStepAnimatesRightToLeft() {
        Frame f = ViewFixtures.backward(CellType.LSTM, 8, 4, 0);
        UnrolledView view = new UnrolledView();
        ViewContext ctx = show(view, f, 1280, 520);
        String id = "unrolled.step." + f.time() + ".back";
        double full = region(view, id).getWidth();
        interact(() -> ctx.stepProgressProperty().set(0.8));
        repaint(view);
        double part = region(view, id).getWidth();
        assertThat(part).isLessThan(full * 0.75).isGreaterThan(full * 0.25);
        // the arrow grows from the current copy leftwards: its right end stays put
        interact(() -> ctx.stepProgressProperty().set(1));
        repaint(view);
        double right = region(view, id).getMaxX();
        interact(() -> ctx.stepProgressProperty().set(0.8));
        repaint(view);
        assertThat(region(view, id).getMaxX()).isEqualTo(right);
    }
}
