package rnnlab.lessons;

import java.util.List;
import java.util.Locale;

/**
 * Predict, then reveal: a multiple-choice or numeric question whose answer the engine computes from the
 * step's model, or a goal on the app's live state.
 *
 * @param id            unique in the lesson; progress is saved under it
 * @param kind          choice, number or goal
 * @param question      the question (inline Markdown)
 * @param value         choice and number: what the engine computes
 * @param options       choice: the options, in order
 * @param tolerance     number: how close a guess must be
 * @param goal          goal: the quantity watched
 * @param goalCondition goal: the condition it must meet
 * @param explain       shown after the answer; {@code {value}} and {@code {answer}} are filled in
 * @param line          the line of the block's first key
 * @param hint          shown after a first wrong answer, which may then be retried once; null for none
 * @param reveal        the scene settings applied once the question is answered ({@code reveal:} lines), or null
 * @param requireAnswer {@code require: answer}: Next waits until the question is answered (a goal: reached)
 */
public record Checkpoint(String id, Kind kind, String question, Quantity value, List<Option> options,
                         Tolerance tolerance, Quantity goal, Condition goalCondition, String explain, int line,
                         String hint, Scene reveal, boolean requireAnswer) {
    public enum Kind { CHOICE, NUMBER, GOAL }

    /**
     * An option: its label and either the condition the engine's value must meet for it to be right, or a
     * mark (a fixed right answer, for a conceptual question).
     */
    public record Option(String label, Condition condition, boolean marked) {
        /**
         * The label as an option button shows it: its inline math ({@code $h_{10}$}) as Unicode
         * ({@code h₁₀}), since a button cannot typeset and must not show the TeX source.
         */
        public String text() {
            return rnnlab.tex.TexUnicode.inText(label).strip();
        }
    }

    public Checkpoint {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public Checkpoint(String id, Kind kind, String question, Quantity value, List<Option> options, Tolerance tolerance,
                      Quantity goal, Condition goalCondition, String explain, int line) {
        this(id, kind, question, value, options, tolerance, goal, goalCondition, explain, line, null, null, false);
    }

    /** True when the options are decided by the engine's value (not marked by hand). */
    public boolean computed() {
        return kind == Kind.NUMBER || (kind == Kind.CHOICE && options.stream().noneMatch(Option::marked));
    }

    /** The index of the right option for the engine's value (the first whose condition holds), or -1. */
    public int rightOption(double v) {
        for (int i = 0; i < options.size(); i++) {
            Option o = options.get(i);
            if (o.marked() || (o.condition() != null && !Double.isNaN(v) && o.condition().test(v))) {
                return i;
            }
        }
        return -1;
    }

    /** What the question asks, as text: kind, question, value, options and goal (not the explanation). */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder().append(kind).append('|').append(question).append('|')
                .append(value == null ? "" : value.text()).append('|');
        for (Option o : options) {
            sb.append(o.marked() ? "*" : "").append(o.label()).append(o.condition() == null ? "" : " | " + o.condition()).append(';');
        }
        sb.append('|').append(goal == null ? "" : goal.text() + " " + goalCondition);
        return sb.toString();
    }

    /** Whether a numeric guess is right. */
    public boolean accepts(double guess, double v) {
        return (tolerance == null ? Tolerance.DEFAULT : tolerance).accepts(guess, v);
    }

    /** Whether the goal is reached for the watched value. */
    public boolean reached(double v) {
        return goalCondition != null && !Double.isNaN(v) && goalCondition.test(v);
    }

    /** The explanation with {@code {value}} and {@code {answer}} filled in. */
    public String explanation(double v, String answer) {
        String e = explain == null ? "" : explain;
        return e.replace("{value}", format(v)).replace("{answer}", answer == null ? "" : answer);
    }

    /** Three significant digits, plain for ordinary sizes and with an exponent for tiny or huge ones. */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        if (a == Math.rint(a) && a < 1e6) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(3));
        return d.stripTrailingZeros().toPlainString();
    }
}
