package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import rnnlab.ui.diagrams.Architecture;
import rnnlab.ui.controls.Palette;
import rnnlab.session.Frame;

class UnrolledViewTest extends ViewTestBase {

    @Test
    void currentStepIsOutlinedPastStepsShowTheirStateFutureStepsAreDimmed() throws Exception {
        Frame f = ViewFixtures.lstmMiddle();
        UnrolledView view = new UnrolledView();
        show(view, f, 1280, 520);
        WritableImage img = canvasPixels(view);
        Rectangle2D cur = region(view, "unrolled.step.5");
        assertThat(distance(argb(img, cur.getMinX() + 1, cur.getMinY() + cur.getHeight() / 2), argb(Palette.ORANGE)))
                .isLessThanOrEqualTo(8);
        // past step t = 3 shows h_3 as a colour strip: first cell has unit 0's colour
        Rectangle2D strip = region(view, "unrolled.step.2.h");
        int n = Math.min(8, f.hiddenSize());
        double cw = Math.floor(strip.getWidth() / n);
        double[] h = f.layer(0, 0).h()[2];
        for (int u = 0; u < n; u++) {
            int got = argb(img, strip.getMinX() + u * cw + cw / 2, strip.getMinY() + strip.getHeight() / 2);
            assertThat(distance(got, Palette.diverging(h[u], Palette.LIGHT_NEUTRAL))).isLessThanOrEqualTo(2);
        }
        // future step: no strip, and its copy is veiled (lighter outline than a past copy's)
        assertThat(region(view, "unrolled.step.7.h")).isNull();
        Rectangle2D past = region(view, "unrolled.step.3");
        Rectangle2D fut = region(view, "unrolled.step.7");
        int pastEdge = argb(img, past.getMinX() + 0.5, past.getMinY() + past.getHeight() / 2);
        int futEdge = argb(img, fut.getMinX() + 0.5, fut.getMinY() + fut.getHeight() / 2);
        assertThat(distance(futEdge, 0xFFFFFFFF)).isLessThan(distance(pastEdge, 0xFFFFFFFF));
        // the same weight labels on every copy (parameter sharing)
        for (int t = 0; t < 9; t++) {
            assertThat(region(view, "unrolled.weight.hh." + t)).isNotNull();
            assertThat(region(view, "unrolled.weight.xh." + t)).isNotNull();
        }
        screenshot(view, "unrolled");
    }

    @Test
    void architecturesAttachInputsAndOutputsWhereTheyBelong() throws Exception {
        Frame f = ViewFixtures.lstmMiddle();
        UnrolledView view = new UnrolledView();
        show(view, f, 1400, 520);
        interact(() -> view.setArchitecture(Architecture.MANY_TO_ONE));
        repaint(view);
        int visible = 0;
        for (int t = 0; t < 12; t++) {
            if (region(view, "unrolled.step." + t) != null) {
                visible++;
                assertThat(region(view, "unrolled.step." + t + ".x")).isNotNull();
                assertThat(region(view, "unrolled.step." + t + ".y") != null).isEqualTo(t == 11);
            }
        }
        assertThat(visible).isGreaterThanOrEqualTo(8);
        interact(() -> view.setArchitecture(Architecture.ONE_TO_MANY));
        repaint(view);
        assertThat(region(view, "unrolled.step.0.x")).isNotNull();
        assertThat(region(view, "unrolled.step.1.x")).isNull();
        assertThat(region(view, "unrolled.step.1.y")).isNotNull();
        interact(() -> {
            view.setArchitecture(Architecture.ENCODER_DECODER);
            view.control().setDecoderStart(6);
        });
        repaint(view);
        assertThat(region(view, "unrolled.encoder")).isNotNull();
        assertThat(region(view, "unrolled.decoder")).isNotNull();
        assertThat(region(view, "unrolled.step.5.x")).isNotNull();
        assertThat(region(view, "unrolled.step.5.y")).isNull();
        assertThat(region(view, "unrolled.step.6.x")).isNull();
        assertThat(region(view, "unrolled.step.6.y")).isNotNull();
        screenshot(view, "unrolled-encoder-decoder");
    }

    /**
     * Lesson 5 at 1024x768 showed the unrolled network in a tile about 125 px wide: the circles (radius 21 px at a 16 px
     * font) reach left past the margin, and the row names "ŷ_t" and "x_t", right-aligned at a fixed x (60), ran under
     * the first copy's circles (54..96). They now end left of the circles, and are dropped, never drawn over them.
     */
    @Test
    void rowNamesStayLeftOfTheFirstCirclesInANarrowTile() throws Exception {
        Frame f = ViewFixtures.lstmMiddle();
        for (int w : new int[] {110, 125, 160, 400}) {
            UnrolledView view = new UnrolledView();
            show(view, f, w, 560);
            java.util.List<rnnlab.ui.controls.CanvasLabels.Placed> placed = skin(view).labels().placed();
            String first = skin(view).regionIds().stream().filter(id -> id.matches("unrolled\\.step\\.\\d+\\.x")).findFirst()
                    .orElseThrow();
            String t = first.split("\\.")[2];
            Rectangle2D x = region(view, "unrolled.step." + t + ".x");
            Rectangle2D y = region(view, "unrolled.step." + t + ".y");
            for (String row : new String[] {"x_t", "\u0177_t"}) {
                rnnlab.ui.controls.CanvasLabels.Placed l = placed.stream().filter(p -> p.text().equals(row)).findFirst()
                        .orElse(null);
                assertThat(l).as("%s shown at width %d (there is room left of the circles)", row, w).isNotNull();
                Rectangle2D circle = row.equals("x_t") ? x : y;
                // right of the label's box ≤ the circle's left edge less its 1 px half-outline
                assertThat(l.maxX()).as("%s ends left of the first circle at width %d", row, w)
                        .isLessThanOrEqualTo(circle.getMinX() - 1);
                assertThat(l.y()).isLessThan(circle.getMaxY());
                assertThat(l.maxY()).isGreaterThan(circle.getMinY());
            }
            if (w == 125) {
                // the concrete case: circles at 54..96, the names no further right than 50
                assertThat(x.getMinX()).isEqualTo(54);
                assertThat(placed.stream().filter(p -> p.text().equals("x_t")).findFirst().orElseThrow().maxX())
                        .isLessThanOrEqualTo(50.5);
                screenshot(view, "unrolled-narrow");
            }
        }
    }

    @Test
    void inferredManyToOneFromTargets() {
        Frame f = ViewFixtures.lstmMiddle();
        assertThat(UnrolledView.infer(f)).isEqualTo(Architecture.MANY_TO_MANY);
    }
}
