package rnnlab.lessons;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comparison with a number, as in an option's {@code > 0.5} or a goal's {@code grad_h step 1 > 1e-3},
 * or a range with two bounds, as in an option's {@code 0.5 < x < 1} ({@code upperOp} is then {@code <}
 * or {@code <=} and {@code op} is {@code >} or {@code >=}).
 */
public record Condition(String op, double number, String upperOp, double upper) {
    public static final java.util.List<String> OPS = java.util.List.of(">=", "<=", ">", "<");
    private static final String NUM = "([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)";
    private static final Pattern RANGE = Pattern.compile("\\s*" + NUM + "\\s*(<=|<)\\s*[A-Za-z_][A-Za-z_0-9]*\\s*(<=|<)\\s*"
            + NUM + "\\s*");

    public Condition(String op, double number) {
        this(op, number, null, Double.NaN);
    }

    public boolean test(double v) {
        boolean first = switch (op) {
            case ">" -> v > number;
            case "<" -> v < number;
            case ">=" -> v >= number;
            case "<=" -> v <= number;
            default -> throw new IllegalStateException(op);
        };
        return first && (upperOp == null || (upperOp.equals("<") ? v < upper : v <= upper));
    }

    /**
     * A value both conditions accept, or NaN when none does (two options that are right at once).
     */
    public double overlapWith(Condition o) {
        double lo = Math.max(lower(), o.lower());
        double hi = Math.min(higher(), o.higher());
        double[] tries = {lo, hi, (Double.isInfinite(lo) || Double.isInfinite(hi)) ? (Double.isInfinite(lo) ? hi - 1 : lo + 1)
                : (lo + hi) / 2, Math.nextUp(lo), Math.nextDown(hi)};
        if (Double.isInfinite(lo) && Double.isInfinite(hi)) {
            return 0;
        }
        for (double t : tries) {
            if (Double.isFinite(t) && test(t) && o.test(t)) {
                return t;
            }
        }
        return Double.NaN;
    }

    private double lower() {
        return op.startsWith(">") ? number : Double.NEGATIVE_INFINITY;
    }

    private double higher() {
        if (upperOp != null) {
            return upper;
        }
        return op.startsWith("<") ? number : Double.POSITIVE_INFINITY;
    }

    /** Reads {@code "> 0.5"} or {@code "0.5 < x < 1"}; null when the text is neither. */
    static Condition parse(String text) {
        String t = text.trim();
        Matcher m = RANGE.matcher(t);
        if (m.matches()) {
            double lo = Double.parseDouble(m.group(1));
            double hi = Double.parseDouble(m.group(4));
            if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo >= hi) {
                return null;
            }
            return new Condition(m.group(2).equals("<") ? ">" : ">=", lo, m.group(3), hi);
        }
        for (String op : OPS) {
            if (t.startsWith(op)) {
                try {
                    double n = Double.parseDouble(t.substring(op.length()).trim());
                    return Double.isFinite(n) ? new Condition(op, n) : null;
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    @Override
    public String toString() {
        if (upperOp != null) {
            return fmt(number) + " " + (op.equals(">") ? "<" : "<=") + " x " + upperOp + " " + fmt(upper);
        }
        return op + " " + fmt(number);
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%s", d);
    }
}
