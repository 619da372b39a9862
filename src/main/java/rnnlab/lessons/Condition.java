package rnnlab.lessons;

import java.util.Locale;

/** A comparison with a number, as in an option's {@code > 0.5} or a goal's {@code grad_h step 1 > 1e-3}. */
public record Condition(String op, double number) {
    public static final java.util.List<String> OPS = java.util.List.of(">=", "<=", ">", "<");

    public boolean test(double v) {
        return switch (op) {
            case ">" -> v > number;
            case "<" -> v < number;
            case ">=" -> v >= number;
            case "<=" -> v <= number;
            default -> throw new IllegalStateException(op);
        };
    }

    /** Reads {@code "> 0.5"}; null when the text is not a comparison. */
    static Condition parse(String text) {
        String t = text.trim();
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
        return op + " " + String.format(Locale.ROOT, "%s", number);
    }
}
