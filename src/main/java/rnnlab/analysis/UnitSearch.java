package rnnlab.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * LSTMVis-style unit search: every unit's activation over the text is compared with a pattern's signal
 * by Pearson correlation, and the units are ranked by its absolute value (a unit that turns off inside
 * quotes follows them as well as one that turns on).
 */
public final class UnitSearch {
    /** A ranked unit: which, its index in {@link Activations#units()}, and the correlation (signed). */
    public record Hit(UnitId unit, int index, double corr) {
    }

    private UnitSearch() {
    }

    /** The {@code top} units best correlated with {@code signal} (one value per character). */
    public static List<Hit> rank(Activations acts, double[] signal, int top) {
        int n = acts.text().length();
        if (signal.length != n) {
            throw new IllegalArgumentException("the pattern has " + signal.length + " values for " + n + " characters");
        }
        double mean = 0;
        for (double s : signal) {
            mean += s;
        }
        mean /= n;
        double ss = 0;
        for (double s : signal) {
            ss += (s - mean) * (s - mean);
        }
        if (!(ss > 0)) {
            throw new IllegalArgumentException("the pattern is the same at every character of the text "
                    + "(nothing to correlate with): choose a text where it changes");
        }
        double[] centred = new double[n];
        for (int i = 0; i < n; i++) {
            centred[i] = signal[i] - mean;
        }
        List<Hit> hits = new ArrayList<>();
        for (int k = 0; k < acts.units().size(); k++) {
            hits.add(new Hit(acts.units().get(k), k, pearson(acts.trace(k), centred, ss)));
        }
        hits.sort(Comparator.comparingDouble((Hit h) -> -Math.abs(h.corr())).thenComparingInt(Hit::index));
        return List.copyOf(hits.subList(0, Math.min(Math.max(top, 0), hits.size())));
    }

    /** Pearson correlation of {@code x} with an already centred signal of sum of squares {@code ss}; 0 for a constant x. */
    static double pearson(float[] x, double[] centred, double ss) {
        int n = x.length;
        double mx = 0;
        for (float v : x) {
            mx += v;
        }
        mx /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - mx;
            sxy += d * centred[i];
            sxx += d * d;
        }
        if (!(sxx > 1e-18)) {
            return 0;
        }
        return sxy / Math.sqrt(sxx * ss);
    }
}
