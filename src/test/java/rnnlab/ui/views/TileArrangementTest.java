package rnnlab.ui.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Issue 12: the views' tiles leave no grid cell empty. Three views at 1024×768 with a lesson and the training panel
 * open (a views grid of about 644 × 348 px) were a 2 × 2 grid of 318 × 170 px tiles with the fourth cell empty.
 */
class TileArrangementTest {
    private static final double GAP = 8;

    @Test
    void everyCellIsCoveredForAnyNumberOfViewsAndAnyShape() {
        for (int n = 1; n <= 9; n++) {
            for (double[] size : new double[][] {{644, 348}, {400, 700}, {1000, 600}, {0, 0}}) {
                TileArrangement a = TileArrangement.of(n, size[0], size[1]);
                assertThat(a.cells()).as(n + " views in " + size[0] + "x" + size[1]).hasSize(n);
                assertThat(a.coversEveryCell()).as(n + " views in " + size[0] + "x" + size[1] + ": " + a).isTrue();
            }
        }
    }

    @Test
    void threeViewsInAWideAreaTheFirstSpansTheLeftColumn() {
        TileArrangement a = TileArrangement.of(3, 644, 348);
        assertThat(a.firstSpansColumn()).isTrue();
        assertThat(a.cells()).containsExactly(new TileArrangement.Cell(0, 0, 1, 2), new TileArrangement.Cell(1, 0, 1, 1),
                new TileArrangement.Cell(1, 1, 1, 1));
        size(a, 0, 644, 348, 318, 348);
        size(a, 1, 644, 348, 318, 170);
        size(a, 2, 644, 348, 318, 170);
    }

    @Test
    void threeViewsInATallAreaTheFirstSpansTheTopRow() {
        TileArrangement a = TileArrangement.of(3, 400, 700);
        assertThat(a.firstSpansColumn()).isFalse();
        size(a, 0, 400, 700, 400, 346);
        size(a, 1, 400, 700, 196, 346);
        size(a, 2, 400, 700, 196, 346);
    }

    @Test
    void fiveViewsLeaveNoCellEmptyAndFourStayTwoByTwo() {
        // a wide area: the first beside a 2 x 2 block
        TileArrangement wide = TileArrangement.of(5, 1200, 400);
        assertThat(wide.firstSpansColumn()).isTrue();
        size(wide, 0, 1200, 400, 394.7, 400);
        for (int i = 1; i < 5; i++) {
            size(wide, i, 1200, 400, 394.7, 196);
        }
        // reading order in the block: 2 3 / 4 5
        assertThat(wide.cells().get(1).row()).isEqualTo(wide.cells().get(2).row());
        assertThat(wide.cells().get(3).row()).isGreaterThan(wide.cells().get(1).row());
        // less wide: two wider tiles over three (before: three over two and an empty cell)
        TileArrangement five = TileArrangement.of(5, 1000, 600);
        assertThat(five.firstSpansColumn()).isFalse();
        size(five, 0, 1000, 600, 496, 296);
        size(five, 1, 1000, 600, 496, 296);
        for (int i = 2; i < 5; i++) {
            size(five, i, 1000, 600, 328, 296);
        }
        TileArrangement four = TileArrangement.of(4, 644, 348);
        assertThat(four.columns()).isEqualTo(2);
        assertThat(four.rows()).isEqualTo(2);
        size(four, 3, 644, 348, 318, 170);
    }

    @Test
    void eightViewsFillThreeByThreeWithTheFirstTwoLarger() {
        TileArrangement a = TileArrangement.of(8, 1000, 600);
        assertThat(a.firstSpansColumn()).isTrue();
        // the first column holds two tiles, half its height each; the others three a column
        double[] first = a.size(a.cells().get(0), 1000, 600, GAP);
        double[] last = a.size(a.cells().get(7), 1000, 600, GAP);
        assertThat(first[1]).isGreaterThan(last[1] * 1.4);
        assertThat(first[0]).isCloseTo(last[0], within(0.5));
    }

    private static void size(TileArrangement a, int i, double w, double h, double tileW, double tileH) {
        double[] s = a.size(a.cells().get(i), w, h, GAP);
        assertThat(s[0]).as("width of tile " + i).isCloseTo(tileW, within(0.5));
        assertThat(s[1]).as("height of tile " + i).isCloseTo(tileH, within(0.5));
    }
}
