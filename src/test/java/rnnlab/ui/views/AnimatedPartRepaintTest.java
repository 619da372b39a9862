package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import rnnlab.engine.CellType;
import rnnlab.session.Frame;
import rnnlab.session.FrameBuilder;
import rnnlab.ui.FxWait;
import rnnlab.ui.controls.LabCanvasSkin;

/**
 * While a step plays, the views that animate repaint only the part that changes (issue 12, bench-ui): what the
 * window shows at each moment of the step is, pixel for pixel, what a full paint at that moment draws.
 */
class AnimatedPartRepaintTest extends ViewTestBase {
    private static final String TEXT = "the quick brown fox jumps over the lazy dog";

    @Test
    void unrolledRepaintsOnlyTheCurrentCopyAndShowsWhatAFullPaintShows() throws Exception {
        check(new UnrolledView(), 0.4);
    }

    @Test
    void beltRepaintsOnlyTheCurrentStationAndShowsWhatAFullPaintShows() throws Exception {
        check(new BeltView(), 0.4);
    }

    @Test
    void outputRepaintsOnlyThePlotAndShowsWhatAFullPaintShows() throws Exception {
        check(new OutputView(), 0.5);
    }

    @Test
    void lstmCellRepaintsOnlyThePartsBeingRevealedAndShowsWhatAFullPaintShows() throws Exception {
        check(new LstmView(), 1.0);
    }

    @Test
    void inTheDarkThemeToo() throws Exception {
        for (LabView v : new LabView[] {new UnrolledView(), new BeltView(), new OutputView(), new LstmView()}) {
            check(v, 1.0, true);
        }
    }

    @Test
    void backwardStepsThroughTimeToo() throws Exception {
        // BPTT: the gradient's arrows run back into the copy and station before the current one
        Frame f = ViewFixtures.backward(CellType.LSTM, 8, 3, 3.0);
        Frame next = ViewFixtures.backward(CellType.LSTM, 8, 4, 3.0);
        for (LabView v : new LabView[] {new UnrolledView(), new BeltView(), new LstmView()}) {
            check(v, 1.0, false, f, next);
        }
    }

    private void check(LabView view, double maxShare) throws Exception {
        check(view, maxShare, false);
    }

    private void check(LabView view, double maxShare, boolean dark) throws Exception {
        check(view, maxShare, dark, FrameBuilder.build(ViewFixtures.run(CellType.LSTM, 8, TEXT, 10, 1.0, 3)),
                FrameBuilder.build(ViewFixtures.run(CellType.LSTM, 8, TEXT, 11, 1.0, 3)));
    }

    /** Steps the view and compares, at several moments of the step, the window's pixels with a full paint's. */
    private void check(LabView view, double maxShare, boolean dark, Frame f, Frame next) throws Exception {
        ViewContext ctx = show(view, f, 900, 520);
        if (dark) {
            interact(() -> ctx.darkThemeProperty().set(true));
        }
        LabCanvasSkin<?> skin = skin(view);
        long shown = FxWait.fx(skin::redraws);
        interact(() -> {
            ctx.previousFrameProperty().set(f);
            ctx.frameProperty().set(next);
            ctx.stepProgressProperty().set(0);
        });
        // the step's own (full) paint
        FxWait.until(() -> skin.redraws() > shown && skin.animatedPart() == null);
        for (double p : new double[] {0.2, 0.5, 0.8, 1.0}) {
            long before = FxWait.fx(skin::redraws);
            interact(() -> ctx.stepProgressProperty().set(p));
            FxWait.until(() -> skin.redraws() > before);
            Rectangle2D part = FxWait.fx(skin::animatedPart);
            assertThat(FxWait.fx(skin::animatedMisses)).as("paints of the part redone in full").isZero();
            assertThat(part).as("at progress %s the animated part is repainted alone", p).isNotNull();
            double share = part.getWidth() * part.getHeight() / (skin.canvas().getWidth() * skin.canvas().getHeight());
            assertThat(share).as("share of the canvas repainted").isGreaterThan(0).isLessThanOrEqualTo(maxShare);
            WritableImage partial = nodePixels(view);
            // the parts (hover, clicks, spotlight) as registered by the partial paint, in their order
            java.util.List<String> partialIds = FxWait.fx(skin::regionIds);
            java.util.List<Rectangle2D> partialBounds = FxWait.fx(() -> partialIds.stream().map(skin::regionBounds).toList());
            interact(skin::redrawNow);
            assertThat(FxWait.fx(skin::animatedPart)).isNull();
            WritableImage full = nodePixels(view);
            assertSame(partial, full, view.id() + " at progress " + p + " (part " + part + ")");
            assertThat(partialIds).as("parts registered by the partial paint").isEqualTo(FxWait.fx(skin::regionIds));
            assertThat(partialBounds).isEqualTo(FxWait.fx(() -> partialIds.stream().map(skin::regionBounds).toList()));
        }
        // the views that draw many elements left out those outside the part (the output view draws few: all of it)
        if (!(view instanceof OutputView)) {
            assertThat(FxWait.fx(skin::leftOut)).as("%s: drawing left out of the partial paints", view.id()).isPositive();
        }
    }

    private WritableImage nodePixels(LabView view) {
        WritableImage[] out = new WritableImage[1];
        interact(() -> out[0] = view.node().snapshot(null, null));
        return out[0];
    }

    private static void assertSame(WritableImage a, WritableImage b, String what) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        int differ = 0;
        String first = null;
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                if (ra.getArgb(x, y) != rb.getArgb(x, y)) {
                    differ++;
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                    if (first == null) {
                        first = x + "," + y;
                    }
                }
            }
        }
        if (differ > 0) {
            try {
                java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
                java.nio.file.Files.createDirectories(dir);
                String name = what.replaceAll("[^A-Za-z0-9.]+", "-");
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(a, null), "png",
                        dir.resolve("animated-part-" + name + "-partial.png").toFile());
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(b, null), "png",
                        dir.resolve("animated-part-" + name + "-full.png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        assertThat(differ).as("%s: pixels that differ from a full paint (first at %s, all within %s,%s..%s,%s)", what, first, x0, y0, x1, y1).isZero();
    }
}
