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

    /**
     * Rows r0..r1 of G += Σ_k d_k x_kᵀ with d_k = d[dOff[k]..] (row i at d[dOff[k] + i − dShift]) and
     * x_k = xs[k][xOff[k]..], k = 0..n−1. Each element receives its terms in the order of k, exactly
     * as n successive {@link #rank1Add} calls would add them (zero d entries skipped alike), so the
     * result is identical bit for bit; but a row of G stays in L1 while all n terms are added.
     */
    static void rankNAdd(DMatrixRMaj g, int r0, int r1, double[] d, int[] dOff, int dShift, double[][] xs,
                         int[] xOff, int n) {
        final int cols = g.numCols;
        final double[] a = g.data;
        int i = r0;
        // two rows of G and two terms per pass: the x rows are loaded once for both G rows, and Java's
        // left-to-right addition gives each element ((g + d_k x_k) + d_{k+1} x_{k+1}), the order of
        // separate rank-one updates
        for (; i + 1 < r1; i += 2) {
            final int ra = i * cols;
            final int rb = ra + cols;
            final int di = i - dShift;
            int k = 0;
            for (; k + 1 < n; k += 2) {
                final double a0 = d[dOff[k] + di];
                final double a1 = d[dOff[k + 1] + di];
                final double b0 = d[dOff[k] + di + 1];
                final double b1 = d[dOff[k + 1] + di + 1];
                if (a0 == 0.0 || a1 == 0.0 || b0 == 0.0 || b1 == 0.0) {
                    // zero terms are skipped, as rank1Add skips them
                    rowAdd(a, ra, a0, xs[k], xOff[k], cols);
                    rowAdd(a, ra, a1, xs[k + 1], xOff[k + 1], cols);
                    rowAdd(a, rb, b0, xs[k], xOff[k], cols);
                    rowAdd(a, rb, b1, xs[k + 1], xOff[k + 1], cols);
                    continue;
                }
                final double[] x0 = xs[k];
                final double[] x1 = xs[k + 1];
                final int o0 = xOff[k];
                final int o1 = xOff[k + 1];
                for (int j = 0; j < cols; j++) {
                    double u = x0[o0 + j];
                    double v = x1[o1 + j];
                    a[ra + j] = a[ra + j] + a0 * u + a1 * v;
                    a[rb + j] = a[rb + j] + b0 * u + b1 * v;
                }
            }
            for (; k < n; k++) {
                rowAdd(a, ra, d[dOff[k] + di], xs[k], xOff[k], cols);
                rowAdd(a, rb, d[dOff[k] + di + 1], xs[k], xOff[k], cols);
            }
        }
        for (; i < r1; i++) {
            for (int k = 0; k < n; k++) {
                rowAdd(a, i * cols, d[dOff[k] + i - dShift], xs[k], xOff[k], cols);
            }
        }
    }

    /** a[r..r+n) += dv · x[xo..xo+n), nothing when dv = 0. */
    private static void rowAdd(double[] a, int r, double dv, double[] x, int xo, int n) {
        if (dv == 0.0) {
            return;
        }
        for (int j = 0; j < n; j++) {
            a[r + j] += dv * x[xo + j];
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
