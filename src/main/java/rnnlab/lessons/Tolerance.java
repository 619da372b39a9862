package rnnlab.lessons;

/**
 * How close a numeric answer must be: {@code 10%} (relative), {@code 0.05} (absolute) or {@code x10}
 * (within a factor of 10 either way: the right order of magnitude).
 */
public record Tolerance(Kind kind, double amount) {
    public enum Kind { RELATIVE, ABSOLUTE, FACTOR }

    /** 10 % when a lesson gives none. */
    public static final Tolerance DEFAULT = new Tolerance(Kind.RELATIVE, 0.10);

    public boolean accepts(double guess, double truth) {
        if (!Double.isFinite(guess) || !Double.isFinite(truth)) {
            return false;
        }
        return switch (kind) {
            case RELATIVE -> Math.abs(guess - truth) <= amount * Math.abs(truth) + 1e-12;
            case ABSOLUTE -> Math.abs(guess - truth) <= amount + 1e-12;
            case FACTOR -> guess != 0 && Math.signum(guess) == Math.signum(truth)
                    && Math.abs(Math.log(Math.abs(guess / truth))) <= Math.log(amount) + 1e-12;
        };
    }

    /** Reads {@code 10%}, {@code 0.05} or {@code x10}; null when the text is none of them. */
    static Tolerance parse(String text) {
        String t = text.trim();
        try {
            if (t.endsWith("%")) {
                double p = Double.parseDouble(t.substring(0, t.length() - 1).trim());
                return p > 0 && p < 1000 ? new Tolerance(Kind.RELATIVE, p / 100) : null;
            }
            if (t.startsWith("x") || t.startsWith("×")) {
                double f = Double.parseDouble(t.substring(1).trim());
                return f > 1 && Double.isFinite(f) ? new Tolerance(Kind.FACTOR, f) : null;
            }
            double a = Double.parseDouble(t);
            return a > 0 && Double.isFinite(a) ? new Tolerance(Kind.ABSOLUTE, a) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
