package rnnlab.runs;

import java.util.Arrays;
import java.util.Locale;
import rnnlab.io.Csv;

/**
 * A run's curves, kept in memory while it trains: the training loss and learning rate at recorded
 * steps, and validation points. Bounded: past {@link #MAX_POINTS} training points, every second point
 * is dropped and the recording stride doubles, so a run of any length keeps at most that many.
 */
public final class Curve {
    public static final int MAX_POINTS = 4096;
    private long[] steps = new long[64];
    private double[] loss = new double[64];
    private double[] lr = new double[64];
    private int n;
    private long stride = 1;
    private long[] valSteps = new long[16];
    private double[] valLoss = new double[16];
    private double[] valMetric = new double[16];
    private int vn;

    /** Records the loss and rate of {@code step} (kept when the step falls on the current stride). */
    public void train(long step, double l, double rate) {
        if (step % stride != 0) {
            return;
        }
        if (n == MAX_POINTS) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (steps[i] % (2 * stride) == 0) {
                    steps[k] = steps[i];
                    loss[k] = loss[i];
                    lr[k] = lr[i];
                    k++;
                }
            }
            n = k;
            stride *= 2;
            if (step % stride != 0) {
                return;
            }
        }
        if (n == steps.length) {
            int cap = Math.min(MAX_POINTS, 2 * n);
            steps = Arrays.copyOf(steps, cap);
            loss = Arrays.copyOf(loss, cap);
            lr = Arrays.copyOf(lr, cap);
        }
        steps[n] = step;
        loss[n] = l;
        lr[n] = rate;
        n++;
    }

    /** Records a validation point (validations are few: every N steps of a run). */
    public void validation(long step, double l, double metric) {
        if (vn == valSteps.length) {
            if (vn >= MAX_POINTS) {
                return;
            }
            valSteps = Arrays.copyOf(valSteps, 2 * vn);
            valLoss = Arrays.copyOf(valLoss, 2 * vn);
            valMetric = Arrays.copyOf(valMetric, 2 * vn);
        }
        valSteps[vn] = step;
        valLoss[vn] = l;
        valMetric[vn] = metric;
        vn++;
    }

    public int trainingPoints() {
        return n;
    }

    public int validationPoints() {
        return vn;
    }

    public long stride() {
        return stride;
    }

    /** step, loss, lr, val_loss, val_metric: training rows and validation rows merged by step. */
    public String csv() {
        return Csv.table(java.util.List.of("step", "loss", "lr", "val_loss", "val_metric"), out -> {
            int i = 0;
            int j = 0;
            while (i < n || j < vn) {
                if (j >= vn || (i < n && steps[i] < valSteps[j])) {
                    out.row(steps[i], num(loss[i]), num(lr[i]), "", "");
                    i++;
                } else if (i >= n || valSteps[j] < steps[i]) {
                    out.row(valSteps[j], "", "", num(valLoss[j]), num(valMetric[j]));
                    j++;
                } else {
                    out.row(steps[i], num(loss[i]), num(lr[i]), num(valLoss[j]), num(valMetric[j]));
                    i++;
                    j++;
                }
            }
        });
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }
}
