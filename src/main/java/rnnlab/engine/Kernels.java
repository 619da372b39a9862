package rnnlab.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * The few dense operations the cells need, on EJML row-major matrices and on rows of the step
 * history (an array plus an offset), so that no step allocates. Loops are blocked so the JIT keeps
 * several independent sums in flight; every operation adds into its destination.
 */
final class Kernels {
    private Kernels() {
    }

    /** y[yo..] += W · x[xo..], W of shape (rows × cols). */
    static void multAdd(DMatrixRMaj w, double[] x, int xo, double[] y, int yo) {
        final int rows = w.numRows;
        final int cols = w.numCols;
        final double[] a = w.data;
        int i = 0;
        for (; i + 3 < rows; i += 4) {
            int r0 = i * cols;
            int r1 = r0 + cols;
            int r2 = r1 + cols;
            int r3 = r2 + cols;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int j = 0; j < cols; j++) {
                double v = x[xo + j];
                s0 += a[r0 + j] * v;
                s1 += a[r1 + j] * v;
                s2 += a[r2 + j] * v;
                s3 += a[r3 + j] * v;
            }
            y[yo + i] += s0;
            y[yo + i + 1] += s1;
            y[yo + i + 2] += s2;
            y[yo + i + 3] += s3;
        }
        for (; i < rows; i++) {
            int r = i * cols;
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += a[r + j] * x[xo + j];
            }
            y[yo + i] += s;
        }
    }

    /** out[j][i] = W[i][j]: W (rows × cols) as the rows of its transpose, each an array of length ≥ rows. */
    static void transposeRows(DMatrixRMaj w, double[][] out) {
        final int rows = w.numRows;
        final int cols = w.numCols;
        final double[] a = w.data;
        // blocks of 8 rows of W: 8 source cache lines feed every destination row in turn
        for (int i0 = 0; i0 < rows; i0 += 8) {
            final int i1 = Math.min(rows, i0 + 8);
            for (int j = 0; j < cols; j++) {
                final double[] o = out[j];
                for (int i = i0; i < i1; i++) {
                    o[i] = a[i * cols + j];
                }
            }
        }
    }

    /**
     * y[yo..] += W · x[xo..] given W as the rows of its transpose ({@link #transposeRows}); z is scratch
     * of length ≥ rows. The same numbers as {@link #multAdd} bit for bit (each y_i gets
     * Σ_j W_ij x_j summed from 0 in the order of j, then added), but every array of the inner loop is
     * indexed alike, so C2 vectorises it (multAdd's dot products stay scalar).
     */
    static void multAddT(double[][] wt, int rows, double[] x, int xo, double[] y, int yo, double[] z) {
        final int cols = wt.length;
        java.util.Arrays.fill(z, 0, rows, 0.0);
        int j = 0;
        for (; j + 3 < cols; j += 4) {
            final double v0 = x[xo + j];
            final double v1 = x[xo + j + 1];
            final double v2 = x[xo + j + 2];
            final double v3 = x[xo + j + 3];
            final double[] w0 = wt[j];
            final double[] w1 = wt[j + 1];
            final double[] w2 = wt[j + 2];
            final double[] w3 = wt[j + 3];
            for (int i = 0; i < rows; i++) {
                z[i] = z[i] + w0[i] * v0 + w1[i] * v1 + w2[i] * v2 + w3[i] * v3;
            }
        }
        for (; j < cols; j++) {
            final double v0 = x[xo + j];
            final double[] w0 = wt[j];
            for (int i = 0; i < rows; i++) {
                z[i] = z[i] + w0[i] * v0;
            }
        }
        for (int i = 0; i < rows; i++) {
            y[yo + i] += z[i];
        }
    }

    /** y[yo..] += Wᵀ · d[do..], W of shape (rows × cols), y of length cols. */
    static void multTransAdd(DMatrixRMaj w, double[] d, int dOff, double[] y, int yo) {
        final int rows = w.numRows;
        final int cols = w.numCols;
        final double[] a = w.data;
        int i = 0;
        // four rows per pass over y: a quarter of the loads and stores of y
        for (; i + 3 < rows; i += 4) {
            double d0 = d[dOff + i];
            double d1 = d[dOff + i + 1];
            double d2 = d[dOff + i + 2];
            double d3 = d[dOff + i + 3];
            int r0 = i * cols;
            int r1 = r0 + cols;
            int r2 = r1 + cols;
            int r3 = r2 + cols;
            for (int j = 0; j < cols; j++) {
                y[yo + j] += d0 * a[r0 + j] + d1 * a[r1 + j] + d2 * a[r2 + j] + d3 * a[r3 + j];
            }
        }
        for (; i < rows; i++) {
            double d0 = d[dOff + i];
            int r0 = i * cols;
            for (int j = 0; j < cols; j++) {
                y[yo + j] += d0 * a[r0 + j];
            }
        }
    }

    /** G += d[do..] · x[xo..]ᵀ, G of shape (rows × cols): a rank-one update. */
    static void rank1Add(DMatrixRMaj g, double[] d, int dOff, double[] x, int xo) {
        final int rows = g.numRows;
        final int cols = g.numCols;
        final double[] a = g.data;
        for (int i = 0; i < rows; i++) {
            double di = d[dOff + i];
            if (di == 0.0) {
                continue;
            }
            int r = i * cols;
            for (int j = 0; j < cols; j++) {
                a[r + j] += di * x[xo + j];
            }
        }
    }

    /** How many x rows {@link #rankNAdd} copies into its scratch at a time (bounds the scratch to CHUNK + 2 rows). */
    private static final int CHUNK = 32;
    /** Per thread: CHUNK x rows and two accumulator rows, each starting at index 0 (see {@link #rankNAdd}). */
    private static final ThreadLocal<double[][]> RANK_SCRATCH = new ThreadLocal<>();

    /**
     * Rows r0..r1 of G += Σ_k d_k x_kᵀ with d_k = d[dOff[k]..] (row i at d[dOff[k] + i − dShift]) and
     * x_k = xs[k][xOff[k]..], k = 0..n−1: the weight-gradient terms of a whole BPTT pass as one matrix
     * product, G += Dᵀ X. Each element receives its terms in the order of k, exactly as n successive
     * {@link #rank1Add} calls would add them (zero d entries skipped alike), so the result is identical
     * bit for bit; but G is streamed through the cache once.
     *
     * <p>The x rows (and, while they are added, two rows of G) are first copied into scratch arrays that
     * all start at index 0: HotSpot's C2 (JDK 17) vectorises a loop only when every array in it is
     * indexed by the same expression, and row offsets such as {@code a[r + j]} next to {@code x[j]}
     * keep it scalar (measured here: 6.3 ms against 2.4 ms per window for the 2048 × 512 dW_hh of an
     * LSTM with H = 512, T = 25).
     */
    static void rankNAdd(DMatrixRMaj g, int r0, int r1, double[] d, int[] dOff, int dShift, double[][] xs,
                         int[] xOff, int n) {
        final int cols = g.numCols;
        double[][] rows = RANK_SCRATCH.get();
        if (rows == null || rows[0].length < cols) {
            rows = new double[CHUNK + 2][cols];
            RANK_SCRATCH.set(rows);
        }
        for (int k0 = 0; k0 < n; k0 += CHUNK) {
            int m = Math.min(CHUNK, n - k0);
            for (int k = 0; k < m; k++) {
                System.arraycopy(xs[k0 + k], xOff[k0 + k], rows[k], 0, cols);
            }
            rankNRows(g, r0, r1, d, dOff, k0, dShift, rows, m, rows[CHUNK], rows[CHUNK + 1]);
        }
    }

    /** rankNAdd for the terms k0..k0+m−1, their x rows in xr[0..m), acc0 and acc1 scratch rows. */
    private static void rankNRows(DMatrixRMaj g, int r0, int r1, double[] d, int[] dOff, int k0, int dShift,
                                  double[][] xr, int m, double[] acc0, double[] acc1) {
        final int cols = g.numCols;
        final double[] a = g.data;
        int i = r0;
        // two rows of G and four terms per pass; Java's left-to-right addition gives each element
        // ((((g + d_k x_k) + d_{k+1} x_{k+1}) + …), the order of separate rank-one updates
        for (; i + 1 < r1; i += 2) {
            final int ra = i * cols;
            final int rb = ra + cols;
            final int di = i - dShift;
            System.arraycopy(a, ra, acc0, 0, cols);
            System.arraycopy(a, rb, acc1, 0, cols);
            int k = 0;
            for (; k + 3 < m; k += 4) {
                final int o0 = dOff[k0 + k] + di;
                final int o1 = dOff[k0 + k + 1] + di;
                final int o2 = dOff[k0 + k + 2] + di;
                final int o3 = dOff[k0 + k + 3] + di;
                final double a0 = d[o0];
                final double a1 = d[o1];
                final double a2 = d[o2];
                final double a3 = d[o3];
                final double b0 = d[o0 + 1];
                final double b1 = d[o1 + 1];
                final double b2 = d[o2 + 1];
                final double b3 = d[o3 + 1];
                if (a0 == 0.0 || a1 == 0.0 || a2 == 0.0 || a3 == 0.0
                        || b0 == 0.0 || b1 == 0.0 || b2 == 0.0 || b3 == 0.0) {
                    // zero terms are skipped, as rank1Add skips them
                    for (int q = k; q < k + 4; q++) {
                        rowAdd(acc0, d[dOff[k0 + q] + di], xr[q], cols);
                        rowAdd(acc1, d[dOff[k0 + q] + di + 1], xr[q], cols);
                    }
                    continue;
                }
                final double[] x0 = xr[k];
                final double[] x1 = xr[k + 1];
                final double[] x2 = xr[k + 2];
                final double[] x3 = xr[k + 3];
                for (int j = 0; j < cols; j++) {
                    final double u0 = x0[j];
                    final double u1 = x1[j];
                    final double u2 = x2[j];
                    final double u3 = x3[j];
                    acc0[j] = acc0[j] + a0 * u0 + a1 * u1 + a2 * u2 + a3 * u3;
                    acc1[j] = acc1[j] + b0 * u0 + b1 * u1 + b2 * u2 + b3 * u3;
                }
            }
            for (; k < m; k++) {
                rowAdd(acc0, d[dOff[k0 + k] + di], xr[k], cols);
                rowAdd(acc1, d[dOff[k0 + k] + di + 1], xr[k], cols);
            }
            System.arraycopy(acc0, 0, a, ra, cols);
            System.arraycopy(acc1, 0, a, rb, cols);
        }
        for (; i < r1; i++) {
            final int ra = i * cols;
            System.arraycopy(a, ra, acc0, 0, cols);
            for (int k = 0; k < m; k++) {
                rowAdd(acc0, d[dOff[k0 + k] + i - dShift], xr[k], cols);
            }
            System.arraycopy(acc0, 0, a, ra, cols);
        }
    }

    /** acc[0..n) += dv · x[0..n), nothing when dv = 0 (all indexed alike, so C2 vectorises it). */
    private static void rowAdd(double[] acc, double dv, double[] x, int n) {
        if (dv == 0.0) {
            return;
        }
        for (int j = 0; j < n; j++) {
            acc[j] = acc[j] + dv * x[j];
        }
    }

    /** y[yo..] += W[:, col] (W times a one-hot vector). */
    static void addColumn(DMatrixRMaj w, int col, double[] y, int yo) {
        final int rows = w.numRows;
        final int cols = w.numCols;
        final double[] a = w.data;
        for (int i = 0; i < rows; i++) {
            y[yo + i] += a[i * cols + col];
        }
    }

    /** G[:, col] += d[do..] (the gradient of W times a one-hot vector). */
    static void addToColumn(DMatrixRMaj g, int col, double[] d, int dOff) {
        final int rows = g.numRows;
        final int cols = g.numCols;
        final double[] a = g.data;
        for (int i = 0; i < rows; i++) {
            a[i * cols + col] += d[dOff + i];
        }
    }

    /** y[yo..yo+n) += x[xo..xo+n). */
    static void add(double[] x, int xo, double[] y, int yo, int n) {
        for (int j = 0; j < n; j++) {
            y[yo + j] += x[xo + j];
        }
    }

    /** y[yo..yo+n) = x[xo..xo+n). */
    static void copy(double[] x, int xo, double[] y, int yo, int n) {
        System.arraycopy(x, xo, y, yo, n);
    }

    static void fill(double[] y, int yo, int n, double v) {
        for (int j = 0; j < n; j++) {
            y[yo + j] = v;
        }
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
