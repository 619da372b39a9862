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
        for (; i + 1 < rows; i += 2) {
            double d0 = d[dOff + i];
            double d1 = d[dOff + i + 1];
            int r0 = i * cols;
            int r1 = r0 + cols;
            for (int j = 0; j < cols; j++) {
                y[yo + j] += d0 * a[r0 + j] + d1 * a[r1 + j];
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
