package rnnlab.training;

import java.util.Locale;

/**
 * A task's measure of success in words a student understands.
 *
 * @param name           e.g. "exact sums", "accuracy", "test MSE", "bits per char"
 * @param value          the measured value (fractions for accuracies)
 * @param higherIsBetter whether larger values are better
 * @param solvedBelow    for error metrics with a conventional "solved" threshold (NaN if none)
 */
public record Metric(String name, double value, boolean higherIsBetter, double solvedBelow) {
    /** The character model's metric: mean bits per character on held-out text. */
    public static final String BITS_PER_CHAR = "bits per char";

    public static Metric accuracy(String name, double fraction) {
        return new Metric(name, fraction, true, Double.NaN);
    }

    public static Metric error(String name, double value, double solvedBelow) {
        return new Metric(name, value, false, solvedBelow);
    }

    /**
     * For bits per character: the perplexity 2^bpc = e^(nats per char), the number of equally likely
     * characters the model is as unsure as (a uniform guess over V symbols: V). NaN for other metrics.
     */
    public double perplexity() {
        return BITS_PER_CHAR.equals(name) ? Math.pow(2, value) : Double.NaN;
    }

    /** Whether the task counts as solved (only for metrics with a threshold). */
    public boolean solved() {
        return !Double.isNaN(solvedBelow) && value < solvedBelow;
    }

    /** "accuracy 97.5%" or "test MSE 0.0312 (solved < 0.04)". */
    public String display() {
        if (higherIsBetter) {
            return String.format(Locale.ROOT, "%s %.1f%%", name, 100 * value);
        }
        String s = String.format(Locale.ROOT, "%s %.4g", name, value);
        if (BITS_PER_CHAR.equals(name)) {
            s += String.format(Locale.ROOT, " (perplexity %.4g)", perplexity());
        }
        return Double.isNaN(solvedBelow) ? s
                : s + String.format(Locale.ROOT, " (%s < %.3g)", solved() ? "solved" : "not solved", solvedBelow);
    }
}
