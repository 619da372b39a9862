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
        // two rows × four columns of G live in registers while all n terms are added to them in order
        for (; i + 1 < r1; i += 2) {
            final int ra = i * cols;
            final int rb = ra + cols;
            final int di = i - dShift;
            int j = 0;
            for (; j + 3 < cols; j += 4) {
                double a0 = a[ra + j];
                double a1 = a[ra + j + 1];
                double a2 = a[ra + j + 2];
                double a3 = a[ra + j + 3];
                double b0 = a[rb + j];
                double b1 = a[rb + j + 1];
                double b2 = a[rb + j + 2];
                double b3 = a[rb + j + 3];
                for (int k = 0; k < n; k++) {
                    final double[] x = xs[k];
                    final int xo = xOff[k] + j;
                    final double da = d[dOff[k] + di];
                    final double db = d[dOff[k] + di + 1];
                    final double x0 = x[xo];
                    final double x1 = x[xo + 1];
                    final double x2 = x[xo + 2];
                    final double x3 = x[xo + 3];
                    if (da != 0.0) {
                        a0 += da * x0;
                        a1 += da * x1;
                        a2 += da * x2;
                        a3 += da * x3;
                    }
                    if (db != 0.0) {
                        b0 += db * x0;
                        b1 += db * x1;
                        b2 += db * x2;
                        b3 += db * x3;
                    }
                }
                a[ra + j] = a0;
                a[ra + j + 1] = a1;
                a[ra + j + 2] = a2;
                a[ra + j + 3] = a3;
                a[rb + j] = b0;
                a[rb + j + 1] = b1;
                a[rb + j + 2] = b2;
                a[rb + j + 3] = b3;
            }
            for (; j < cols; j++) {
                double av = a[ra + j];
                double bv = a[rb + j];
                for (int k = 0; k < n; k++) {
                    final double xv = xs[k][xOff[k] + j];
                    final double da = d[dOff[k] + di];
                    final double db = d[dOff[k] + di + 1];
                    if (da != 0.0) {
                        av += da * xv;
                    }
                    if (db != 0.0) {
                        bv += db * xv;
                    }
                }
                a[ra + j] = av;
                a[rb + j] = bv;
            }
        }
        for (; i < r1; i++) {
            final int r = i * cols;
            for (int k = 0; k < n; k++) {
                double dv = d[dOff[k] + i - dShift];
                if (dv == 0.0) {
                    continue;
                }
                final double[] x = xs[k];
                final int xo = xOff[k];
                for (int j = 0; j < cols; j++) {
                    a[r + j] += dv * x[xo + j];
                }
            }
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
