package rnnlab.ui.views;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the views area puts n tiles: a grid of {@link #columns} × {@link #rows} equal cells, each tile covering
 * one or more of them, and no cell left empty (issue 12: three views at 1024×768 with a lesson and the training
 * panel open were tiled 2 × 2 with the fourth cell empty, each tile about 318 × 170 px).
 *
 * <p>The number of lines is as before (1 view: 1 × 1; up to 4: two columns; more: three). When n does not fill
 * them, the first line holds fewer tiles, each wider (or taller): the first view (the lesson's first, its main
 * one) spans a whole column (3 views: the first on the left at full height, the other two stacked on the right)
 * or a whole row (the first across the top, the other two below). Which of the two is chosen by the area's size:
 * the one whose tiles are nearest {@link #ASPECT} wide to 1 high (a wide area: the column; a tall one: the row).
 * Tiles after the first line fill the rest row by row.
 */
public record TileArrangement(int columns, int rows, List<Cell> cells, boolean firstSpansColumn) {
    /** The shape of tile the views draw best in (width / height), near the unrolled network's and the heatmap's. */
    static final double ASPECT = 1.6;

    /** One tile: its first column and row and how many it spans. */
    public record Cell(int column, int row, int columnSpan, int rowSpan) {
    }

    /** The arrangement of n tiles (n ≥ 1) for an area this wide and high (0 × 0: not laid out yet). */
    public static TileArrangement of(int n, double width, double height) {
        if (n <= 0) {
            return new TileArrangement(1, 1, List.of(), false);
        }
        int cols = n <= 1 ? 1 : n <= 4 ? 2 : 3;
        int rows = (n + cols - 1) / cols;
        int empty = cols * rows - n;
        if (empty == 0) {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                cells.add(new Cell(i % cols, i / cols, 1, 1));
            }
            return new TileArrangement(cols, rows, List.copyOf(cells), false);
        }
        TileArrangement column = spanning(n, cols, rows, empty, true);
        TileArrangement row = spanning(n, cols, rows, empty, false);
        if (width <= 0 || height <= 0) {
            return column;
        }
        return column.misfit(width, height) <= row.misfit(width, height) ? column : row;
    }

    /**
     * The first line (a column, or a row) holds its length minus the empty cells; the others are full. The grid is
     * fine enough that every tile covers whole cells: the first line's tiles span lineLength / k of them.
     */
    private static TileArrangement spanning(int n, int cols, int rows, int empty, boolean firstIsColumn) {
        // across: the lines' number; along: each full line's length
        int across = firstIsColumn ? cols : rows;
        int along = firstIsColumn ? rows : cols;
        int first = along - empty;
        int fine = lcm(first, along);
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < first; i++) {
            int at = i * (fine / first);
            cells.add(firstIsColumn ? new Cell(0, at, 1, fine / first) : new Cell(at, 0, fine / first, 1));
        }
        // the rest: a full block, filled row by row (reading order)
        int blockCols = firstIsColumn ? across - 1 : along;
        for (int i = 0; i < n - first; i++) {
            int c = i % blockCols;
            int r = i / blockCols;
            cells.add(firstIsColumn ? new Cell(1 + c, r * (fine / along), 1, fine / along)
                    : new Cell(c * (fine / along), 1 + r, fine / along, 1));
        }
        return firstIsColumn ? new TileArrangement(cols, fine, List.copyOf(cells), true)
                : new TileArrangement(fine, rows, List.copyOf(cells), false);
    }

    /** How far the tiles' shapes are from {@link #ASPECT}, summed (log ratio: twice as wide counts as half as wide). */
    double misfit(double width, double height) {
        double sum = 0;
        for (Cell c : cells) {
            double w = width * c.columnSpan() / columns;
            double h = height * c.rowSpan() / rows;
            sum += Math.abs(Math.log(w / h / ASPECT));
        }
        return sum;
    }

    /** A tile's size in an area this big with this gap between cells (as the views area's grid lays it out). */
    public double[] size(Cell c, double width, double height, double gap) {
        double cw = (width - gap * (columns - 1)) / columns;
        double ch = (height - gap * (rows - 1)) / rows;
        return new double[] {cw * c.columnSpan() + gap * (c.columnSpan() - 1), ch * c.rowSpan() + gap * (c.rowSpan() - 1)};
    }

    /** Whether every cell of the grid is covered by exactly one tile. */
    public boolean coversEveryCell() {
        int[][] count = new int[columns][rows];
        for (Cell c : cells) {
            for (int x = c.column(); x < c.column() + c.columnSpan(); x++) {
                for (int y = c.row(); y < c.row() + c.rowSpan(); y++) {
                    if (x >= columns || y >= rows) {
                        return false;
                    }
                    count[x][y]++;
                }
            }
        }
        for (int[] col : count) {
            for (int k : col) {
                if (k != 1) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int lcm(int a, int b) {
        int x = a;
        int y = b;
        while (y != 0) {
            int t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }
}
