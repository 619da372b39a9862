package rnnlab.ui.viewmodel;

import rnnlab.training.Metric;
import rnnlab.training.Progress;
import rnnlab.training.TrainingSession;

/**
 * What the training thread reports, collected until the FX thread takes it: chart points of every
 * step (loss, smoothed loss, gradient norm, clip events, learning rate), the weight norm, metric and
 * validation points, the latest dropout masks, the last figures, a sample
 * and how the session ended. Thread-safe; the FX thread is told once per batch.
 */
final class TrainingFeed {
    private final Object lock = new Object();
    private final Runnable onFirst;
    /** Guarded by {@link #lock}. */
    private Pending pending;
    /** Training thread only. */
    private double ema = Double.NaN;
    private Metric lastMetric;
    private long evalEvery = 1;

    /** @param onFirst called (on the training thread) when a batch starts: schedule taking it */
    TrainingFeed(Runnable onFirst) {
        this.onFirst = onFirst;
    }

    /** A new session: forget the smoothing and the last metric. */
    void reset(long metricEvery) {
        ema = Double.NaN;
        lastMetric = null;
        evalEvery = Math.max(1, metricEvery);
    }

    void clear() {
        synchronized (lock) {
            pending = null;
        }
    }

    /** Whether the waiting batch ends the session (it is then applied at once). */
    boolean ending() {
        synchronized (lock) {
            return pending != null && pending.outcome != null;
        }
    }

    /** The waiting batch (null if none); later reports start a new one. */
    Pending take() {
        synchronized (lock) {
            Pending q = pending;
            pending = null;
            return q;
        }
    }

    /** Adds the report to what the FX thread will apply; schedules it if nothing is scheduled. */
    void hand(Progress p, boolean points, String sample, TrainingSession.Outcome outcome,
                      String message) {
        hand(p, points, null, sample, outcome, message);
    }

    /** As above, with ‖W‖_F of each weight matrix after the report's step ({@code matrixNorms}; null: none). */
    void hand(Progress p, boolean points, double[] matrixNorms, String sample, TrainingSession.Outcome outcome,
              String message) {
        boolean schedule;
        synchronized (lock) {
            schedule = pending == null;
            if (pending == null) {
                pending = new Pending();
            }
            Pending q = pending;
            if (p != null && points) {
                double[] h = p.lossHistory();
                long first = p.step() - h.length + 1;
                for (int i = 0; i < h.length; i++) {
                    double s = first + i;
                    q.steps.add(s);
                    q.loss.add(h[i]);
                    if (Double.isFinite(h[i])) {
                        ema = Double.isNaN(ema) ? h[i] : 0.95 * ema + 0.05 * h[i];
                    }
                    q.smooth.add(ema);
                    q.grad.add(p.gradHistory()[i]);
                    q.lr.add(p.lrHistory()[i]);
                    if (p.clipHistory()[i] > 0) {
                        q.clips.add(s);
                    }
                }
                if (h.length > 0 && Double.isFinite(p.weightNorm())) {
                    q.normSteps.add(p.step());
                    q.norm.add(p.weightNorm());
                }
                if (h.length > 0 && matrixNorms != null) {
                    q.matrixNormSteps.add(p.step());
                    q.matrixNorms.add(matrixNorms);
                }
                if (p.dropout() != null) {
                    q.dropout = p.dropout();
                }
                for (rnnlab.training.Validation.Point v : p.validations()) {
                    q.validations.add(v);
                    q.valSteps.add(v.step());
                    q.valLoss.add(v.loss());
                    q.valMetric.add(v.metric().value());
                }
                if (p.metric() != null && p.metric() != lastMetric) {
                    lastMetric = p.metric();
                    long at = outcome == null ? p.step() / evalEvery * evalEvery : p.step();
                    q.metricSteps.add(at);
                    q.metric.add(p.metric().value());
                }
            }
            if (p != null) {
                q.last = p;
            }
            if (sample != null) {
                q.sample = sample;
                q.sampleStep = p == null ? 0 : p.step();
            }
            if (outcome != null) {
                q.outcome = outcome;
                q.message = message;
            }
        }
        if (schedule) {
            onFirst.run();
        }
    }

    /** What the FX thread has not applied yet (appended to until it drains). */
    static final class Pending {
        final DoubleList steps = new DoubleList();
        final DoubleList loss = new DoubleList();
        final DoubleList smooth = new DoubleList();
        final DoubleList grad = new DoubleList();
        final DoubleList clips = new DoubleList();
        final DoubleList metricSteps = new DoubleList();
        final DoubleList metric = new DoubleList();
        /** The learning rate of every step in {@link #steps}. */
        final DoubleList lr = new DoubleList();
        /** ‖θ‖ once per report. */
        final DoubleList normSteps = new DoubleList();
        final DoubleList norm = new DoubleList();
        /** ‖W‖_F of every weight matrix once per report ({@link rnnlab.training.NormHistory}'s matrices). */
        final DoubleList matrixNormSteps = new DoubleList();
        final java.util.List<double[]> matrixNorms = new java.util.ArrayList<>();
        /** Held-out validations: their steps, losses and metrics, and the points themselves (for the runs folder). */
        final DoubleList valSteps = new DoubleList();
        final DoubleList valLoss = new DoubleList();
        final DoubleList valMetric = new DoubleList();
        final java.util.List<rnnlab.training.Validation.Point> validations = new java.util.ArrayList<>();
        /** The latest step's dropout masks (null: none reported). */
        rnnlab.training.DropoutMask dropout;
        Progress last;
        String sample;
        long sampleStep;
        TrainingSession.Outcome outcome;
        String message;
    }

    /** A growing array of doubles (no boxing on the training thread). */
    static final class DoubleList {
        private double[] a = new double[32];
        private int n;

        void add(double v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        int size() {
            return n;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
