package rnnlab.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the spotlight's ring frames the element without running through the labels beside it (lesson 10 step 1
 * presenting at 1024×768: the belt title's ring crossed the key's first line; lesson 9 step 5: the output gate's
 * ring crossed "h_t"; lesson 14 step 2: h₀'s ring touched "W_hh").
 */
class SpotlightRingTest {
    /** The lines of the ring {left, top, right, bottom, width} as boxes: does any cross the label? */
    private static boolean crosses(double[] r, CanvasLabels.Placed l) {
        double lw = r[4];
        double[][] lines = {
            {r[0] + 1.5 - lw / 2, r[1] + 5, lw, r[3] - r[1] - 10},
            {r[0] + 5, r[1] + 1.5 - lw / 2, r[2] - r[0] - 10, lw},
            {r[2] - 1.5 - lw / 2, r[1] + 5, lw, r[3] - r[1] - 10},
            {r[0] + 5, r[3] - 1.5 - lw / 2, r[2] - r[0] - 10, lw}};
        for (double[] b : lines) {
            if (l.overlaps(b[0], b[1], b[2], b[3])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The ring round the element {@code e} (x0, y0, x1, y1, canvas w, h; a 5 px line) among the labels, checked to
     * cross none of them; {@code was}, the ring as it was drawn before, crossed one at least.
     */
    private static double[] ringClearOf(double[] e, double[] was, CanvasLabels.Placed... labels) {
        assertThat(java.util.Arrays.stream(labels).anyMatch(l -> crosses(was, l))).as("the ring as it was").isTrue();
        double[] r = LabCanvasSkin.ringAround(e[0], e[1], e[2], e[3], e[4], e[5], 5, List.of(labels));
        for (CanvasLabels.Placed l : labels) {
            assertThat(crosses(r, l)).as("ring %s over %s", java.util.Arrays.toString(r), l.text()).isFalse();
        }
        return r;
    }

    @Test
    void withNothingBesideItTheRingStandsSixPixelsOut() {
        double[] r = LabCanvasSkin.ringAround(100, 50, 200, 90, 600, 400, 5, List.of());
        assertThat(r).containsExactly(94, 44, 206, 96, 5);
    }

    @Test
    void aTitlesRingPassesBetweenTheTitleAndTheKeyBelowIt() {
        // the belt's title region (10, 0) 570 × 43 at a 24 px font; the title's text and the key's first line
        CanvasLabels.Placed title = new CanvasLabels.Placed("Cell state c carried across time steps", 12, 6, 560, 31, 24);
        CanvasLabels.Placed key = new CanvasLabels.Placed("removed by the forget gate", 40, 43, 420, 24, 20);
        double[] r = ringClearOf(new double[] {10, 0, 580, 43, 1000, 500}, new double[] {4, 0, 586, 49, 5}, title, key);
        // it still frames the title
        assertThat(r[1]).isLessThanOrEqualTo(title.y());
        assertThat(r[3]).isGreaterThanOrEqualTo(title.maxY());
        assertThat(r[0]).isLessThanOrEqualTo(title.x());
        assertThat(r[2]).isGreaterThanOrEqualTo(title.maxX());
    }

    @Test
    void aLabelUnderTheElementIsGoneRoundAndASideThatMovedInFreesTheTopLine() {
        // a gate box 100 × 80 with a label over its lower edge, and one beside its top right corner
        CanvasLabels.Placed under = new CanvasLabels.Placed("h_t", 150, 170, 26, 24, 20);
        CanvasLabels.Placed beside = new CanvasLabels.Placed("W_hh", 198, 88, 40, 20, 16);
        double[] r = ringClearOf(new double[] {100, 100, 200, 180, 800, 600}, new double[] {94, 94, 206, 186, 5}, under,
                beside);
        // the bottom went round the label under the box; the right side moved in, so the top stays where it was
        assertThat(r[3]).isGreaterThan(under.maxY());
        assertThat(r[2]).isLessThan(beside.x());
        assertThat(r[1]).isEqualTo(94);
        assertThat(r[4]).isEqualTo(5);
    }
}
