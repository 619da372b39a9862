package rnnlab.ui.viewmodel;

import java.util.Locale;
import rnnlab.training.Metric;
import rnnlab.training.tasks.Task;
import rnnlab.i18n.Messages;

/**
 * A task's texts in the app's language: what it teaches, its metric's name ("accuracy", "bits per char" …)
 * and a short reading. The training package keeps English texts for the CLI.
 */
public final class MetricText {
    private MetricText() {
    }

    /** The metric's name in the app's language; the training package's English name if untranslated. */
    public static String name(Metric m) {
        String key = "metric." + m.name().replace(' ', '_');
        return Messages.has(key) ? Messages.get(key) : m.name();
    }

    /** "accuracy 97.5%" or "test MSE 0.0312 (solved < 0.04)", in the app's language. */
    public static String display(Metric m) {
        if (m.higherIsBetter()) {
            return Messages.format("metric.display.percent", name(m), m.value());
        }
        String value = String.format(Locale.ROOT, "%.4g", m.value());
        if (!Double.isNaN(m.perplexity())) {
            return Messages.format("metric.display.bpc", name(m), value,
                    String.format(Locale.ROOT, "%.4g", m.perplexity()));
        }
        if (Double.isNaN(m.solvedBelow())) {
            return Messages.format("metric.display.value", name(m), value);
        }
        return Messages.format(m.solved() ? "metric.display.solved" : "metric.display.notSolved", name(m), value,
                String.format(Locale.ROOT, "%.3g", m.solvedBelow()));
    }

    /** The task's one-sentence lesson ({@code training.teaches.<task>}); the task's English text if untranslated. */
    public static String teaches(Task t) {
        String key = "training.teaches." + t.name();
        return Messages.has(key) ? Messages.get(key) : t.teaches();
    }
}
