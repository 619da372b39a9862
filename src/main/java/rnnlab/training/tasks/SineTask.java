package rnnlab.training.tasks;

import rnnlab.training.Init;
import rnnlab.training.Metric;
import rnnlab.training.TrainConfig;
import rnnlab.training.optim.Clipper;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.LossType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;

/**
 * Time-series prediction: a periodic signal x_t = sin(2πt/P + φ) + ½ sin(4πt/P·1.05) plus Gaussian noise,
 * and at every step the model predicts x_{t+1} (regression, MSE). Training cuts one long series into
 * windows of T steps and carries the hidden state from window to window (truncated BPTT). The metric
 * is the test MSE; noise alone makes it at least σ².
 */
public final class SineTask implements Task {
    private static final int SERIES = 5000;
    private final int window;
    private final double period;
    private final double noise;

    public SineTask(int window, double period, double noise) {
        this.window = SequenceTask.require(window, 1, 10_000, "the window length");
        if (!(period > 1) || !(noise >= 0)) {
            throw new IllegalArgumentException("period must be > 1 and noise ≥ 0");
        }
        this.period = period;
        this.noise = noise;
    }

    @Override
    public String name() {
        return "sine";
    }

    @Override
    public String teaches() {
        return "Predicting the next value of a noisy periodic signal: the hidden state tracks the phase.";
    }

    @Override
    public int length() {
        return window;
    }

    @Override
    public ModelConfig config(CellType cell, int hidden, int layers) {
        return new ModelConfig(cell, 1, hidden, layers, false, 0, 1, Activation.IDENTITY, null);
    }

    @Override
    public TrainConfig defaults() {
        return new TrainConfig(CellType.GRU, 16, 1, 300, "adam", 1e-2, Clipper.Mode.NORM, 5.0, 1, 1, null);
    }

    /** The noise-free signal at time t. */
    public double signal(double t, double phase) {
        double w = 2 * Math.PI / period;
        return Math.sin(w * t + phase) + 0.5 * Math.sin(2.1 * w * t);
    }

    /** A series of n + 1 values from a seed. */
    double[] series(int n, SplittableRandom rnd) {
        double phase = 2 * Math.PI * rnd.nextDouble();
        double[] v = new double[n + 1];
        for (int t = 0; t <= n; t++) {
            v[t] = signal(t, phase) + noise * Init.normal(rnd);
        }
        return v;
    }

    @Override
    public DataStream stream(long seed) {
        return new DataStream() {
            private final SplittableRandom rnd = new SplittableRandom(seed);
            private final DMatrixRMaj x = new DMatrixRMaj(window, 1);
            private final DMatrixRMaj y = new DMatrixRMaj(window, 1);
            private double[] data = series(SERIES, rnd);
            private int p;
            private DMatrixRMaj h0;
            private DMatrixRMaj c0;
            private Sequence seq;

            @Override
            public void bindState(DMatrixRMaj h, DMatrixRMaj c) {
                h0 = h;
                c0 = c;
            }

            @Override
            public boolean carriesState() {
                return true;
            }

            @Override
            public Sequence next() {
                if (seq == null) {
                    seq = Sequence.of(x, null, null, y, TargetSteps.ALL, LossType.MSE, h0, c0);
                }
                if (p + window + 1 > data.length) {
                    // a new series: start from a zero state
                    data = series(SERIES, rnd);
                    p = 0;
                    zero(h0);
                    zero(c0);
                }
                System.arraycopy(data, p, x.data, 0, window);
                System.arraycopy(data, p + 1, y.data, 0, window);
                p += window;
                return seq;
            }
        };
    }

    static void zero(DMatrixRMaj m) {
        if (m != null) {
            m.zero();
        }
    }

    @Override
    public Metric evaluate(Model model, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int windows = Math.max(4, 400 / window);
        double[] v = series(windows * window, rnd);
        ModelConfig c = model.config();
        DMatrixRMaj h = new DMatrixRMaj(c.numLayers() * c.directions(), c.hiddenSize());
        DMatrixRMaj cs = new DMatrixRMaj(c.numLayers() * c.directions(), c.hiddenSize());
        DMatrixRMaj x = new DMatrixRMaj(window, 1);
        Run run = new Run(model, window);
        Sequence s = Sequence.of(x, null, null, null, null, null, h, cs);
        double se = 0;
        int n = 0;
        for (int k = 0; k < windows; k++) {
            System.arraycopy(v, k * window, x.data, 0, window);
            run.load(s);
            run.forward();
            run.finalState(h, cs);
            // the first window only warms the state up
            for (int t = 0; t < window && (k > 0 || windows == 1); t++) {
                double d = run.outputs().data[t] - v[k * window + t + 1];
                se += d * d;
                n++;
            }
        }
        return Metric.error("test MSE", se / n, Double.NaN);
    }
}
