package rnnlab.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Skin;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 12 (bench-ui): what the per-step work of the canvas views leaves out must not change what they show.
 * Outlines drawn as filled rectangles give the pixels of the stroked rectangle; a skin that does not draw the
 * step's progress is not repainted while the progress runs, one that does is.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasRepaintTest {
    /** A canvas control whose skin counts its paints; {@code animates} as given. */
    static final class Counted extends LabCanvasControl {
        final boolean animates;

        Counted(boolean animates) {
            super("counted");
            this.animates = animates;
        }

        @Override
        protected Skin<?> createDefaultSkin() {
            return new CountedSkin(this);
        }
    }

    static final class CountedSkin extends LabCanvasSkin<Counted> {
        int paints;
        double seen;

        CountedSkin(Counted c) {
            super(c);
        }

        @Override
        protected boolean animates() {
            return getSkinnable().animates;
        }

        @Override
        protected void draw(GraphicsContext g, double w, double h, Theme theme) {
            paints++;
            // as the views do (an invalidation listener hears the next change only after the value was read)
            seen = getSkinnable().getProgress();
        }
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private static int[] argb(Canvas c) {
        WritableImage img = c.snapshot(null, null);
        PixelReader r = img.getPixelReader();
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = r.getArgb(x, y);
            }
        }
        return out;
    }

    /** The outline drawn either way on a white 60 × 50 canvas. */
    private static int[][] both(double x, double y, double w, double h, double lw) {
        Canvas stroked = new Canvas(60, 50);
        Canvas filled = new Canvas(60, 50);
        for (Canvas c : List.of(stroked, filled)) {
            GraphicsContext g = c.getGraphicsContext2D();
            g.setFill(Color.WHITE);
            g.fillRect(0, 0, 60, 50);
            g.setFill(Color.RED); // the outline is in the stroke's colour, and the fill is left as it was
            g.setStroke(Color.rgb(20, 90, 200));
            g.setLineWidth(lw);
        }
        stroked.getGraphicsContext2D().strokeRect(x, y, w, h);
        LabCanvasSkin.strokeBox(filled.getGraphicsContext2D(), x, y, w, h);
        filled.getGraphicsContext2D().fillRect(0, 0, 1, 1);
        stroked.getGraphicsContext2D().fillRect(0, 0, 1, 1);
        return new int[][] {argb(stroked), argb(filled)};
    }

    @Test
    void outlinesOfFilledRectanglesHaveTheStrokedRectanglesPixels() throws Exception {
        // whole-pixel edges: a 1 px line on half pixels (the views' thin frames), a 2 px line on whole pixels
        int[][] thin = fx(() -> both(10.5, 8.5, 30, 20, 1));
        int[][] thick = fx(() -> both(10, 8, 31, 22, 2));
        int[][] sel = fx(() -> both(12, 6, 5, 30, 2)); // a selection ring around a narrow bar
        assertThat(thin[1]).isEqualTo(thin[0]);
        assertThat(thick[1]).isEqualTo(thick[0]);
        assertThat(sel[1]).isEqualTo(sel[0]);
        // and something was drawn: the outline's colour at its top edge, the white inside
        assertThat(thin[1][8 * 60 + 20] & 0xffffff).isEqualTo(0x145ac8);
        assertThat(thick[1][8 * 60 + 20] & 0xffffff).isEqualTo(0x145ac8);
        assertThat(thick[1][20 * 60 + 25] & 0xffffff).isEqualTo(0xffffff);
        assertThat(thick[1][0] & 0xffffff).isEqualTo(0xff0000);
    }

    @Test
    void onlySkinsThatDrawTheProgressRepaintWhileItRuns() throws Exception {
        Counted still = new Counted(false);
        Counted moving = new Counted(true);
        fx(() -> {
            Pane root = new Pane(still, moving);
            new Scene(root, 400, 200);
            for (Counted c : List.of(still, moving)) {
                c.setPrefSize(150, 100);
            }
            root.applyCss();
            root.layout();
            return null;
        });
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        int[] before = fx(() -> new int[] {((CountedSkin) still.getSkin()).paints, ((CountedSkin) moving.getSkin()).paints});
        for (double p : new double[] {0.2, 0.5, 0.8, 1.0}) {
            fx(() -> {
                still.setProgress(p);
                moving.setProgress(p);
                // a layout pass paints a skin marked dirty (as the next pulse would)
                still.requestLayout();
                moving.requestLayout();
                still.getParent().layout();
                return null;
            });
        }
        int[] after = fx(() -> new int[] {((CountedSkin) still.getSkin()).paints, ((CountedSkin) moving.getSkin()).paints});
        assertThat(before[0]).isPositive();
        assertThat(after[0]).isEqualTo(before[0]);
        assertThat(after[1]).isGreaterThanOrEqualTo(before[1] + 4);
        // a change the still skin does draw (the theme) still repaints it
        fx(() -> {
            still.setDarkTheme(!still.isDarkTheme());
            still.requestLayout();
            still.getParent().layout();
            return null;
        });
        assertThat(fx(() -> ((CountedSkin) still.getSkin()).paints)).isGreaterThan(after[0]);
        // the heatmap and the formulas are such skins
        assertThat(fx(() -> {
            HiddenStateHeatmap hm = new HiddenStateHeatmap();
            Pane root = new Pane(hm);
            new Scene(root, 300, 200);
            root.applyCss();
            root.layout();
            return ((LabCanvasSkin<?>) hm.getSkin()).animates();
        })).isFalse();
    }

    @Test
    void aPulsesFullPaintsStayWithinItsPixelsAndTheFirstAlwaysGoes() throws Exception {
        boolean[] fits = fx(() -> new boolean[] {
            LabCanvasSkin.fullPaintFits(11, 200_000), LabCanvasSkin.fullPaintFits(11, 100_000),
            LabCanvasSkin.fullPaintFits(11, 100_000), LabCanvasSkin.fullPaintFits(11, 10),
            LabCanvasSkin.fullPaintFits(12, 900_000), LabCanvasSkin.fullPaintFits(12, 1)});
        assertThat(fits).containsExactly(true, true, false, true, true, false);
    }

    @Test
    void aStepsFullPaintsAreSpreadOverPulsesAndAllAreMade() throws Exception {
        List<Counted> views = List.of(new Counted(false), new Counted(false), new Counted(false), new Counted(false),
                new Counted(false));
        fx(() -> {
            Pane root = new Pane();
            root.getChildren().addAll(views);
            new Scene(root, 1000, 1000);
            for (Counted c : views) {
                c.setPrefSize(400, 300); // 120 000 canvas pixels: two fit in a pulse's full paints
            }
            root.applyCss();
            root.layout();
            return null;
        });
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        List<Integer> painted = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch pulses = new java.util.concurrent.CountDownLatch(8);
        fx(() -> {
            int before = views.stream().mapToInt(v -> ((CountedSkin) v.getSkin()).paints).sum();
            views.forEach(v -> v.setDarkTheme(!v.isDarkTheme())); // a change every view draws: a full paint each
            // started after the views' timers, this one runs after them in every pulse
            new javafx.animation.AnimationTimer() {
                @Override
                public void handle(long now) {
                    painted.add(views.stream().mapToInt(v -> ((CountedSkin) v.getSkin()).paints).sum() - before);
                    pulses.countDown();
                    if (pulses.getCount() == 0) {
                        stop();
                    }
                }
            }.start();
            return null;
        });
        assertThat(pulses.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(painted.get(0)).as("paints by pulse %s", painted).isEqualTo(2);
        assertThat(painted.get(painted.size() - 1)).as("paints by pulse %s", painted).isEqualTo(5);
        for (int i = 1; i < painted.size(); i++) {
            assertThat(painted.get(i) - painted.get(i - 1)).as("paints by pulse %s", painted).isBetween(0, 2);
        }
    }
}
