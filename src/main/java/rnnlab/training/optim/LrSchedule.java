package rnnlab.training.optim;

import java.util.Locale;

/**
 * The learning rate as a function of the optimisation step: an optional linear warm-up, then constant,
 * step decay or cosine decay. Step {@code s} counts from 1 (the first update).
 * <pre>
 *   warm-up (s ≤ W):  η_s = η · s / W
 *   constant:         η_s = η
 *   step:             η_s = η · γ^⌊(s − W − 1) / k⌋                     (torch StepLR(step_size=k, gamma=γ))
 *   cosine:           η_s = η_min + (η − η_min)(1 + cos(π (s − W − 1) / (S − W))) / 2
 *                                                                        (torch CosineAnnealingLR(T_max=S − W))
 * </pre>
 * where S is the run's number of steps. The torch forms are those reached when the scheduler's
 * {@code step()} is called after every optimiser step, counting from the end of the warm-up.
 * Cosine: I. Loshchilov, F. Hutter, "SGDR: Stochastic Gradient Descent with Warm Restarts", ICLR 2017.
 */
public record LrSchedule(Kind kind, int warmup, int stepSize, double gamma, double minLr) {
    /** The shape after the warm-up. */
    public enum Kind {
        CONSTANT, STEP, COSINE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A constant rate, no warm-up. */
    public static final LrSchedule CONSTANT = new LrSchedule(Kind.CONSTANT, 0, 1, 1, 0);

    public LrSchedule {
        if (kind == null) {
            throw new IllegalArgumentException("schedule kind is required");
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("warm-up must be at least 0 steps, got " + warmup);
        }
        if (stepSize < 1) {
            throw new IllegalArgumentException("step decay needs a step size of at least 1, got " + stepSize);
        }
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException("step decay factor γ must be in (0, 1], got " + gamma);
        }
        if (!(minLr >= 0) || !Double.isFinite(minLr)) {
            throw new IllegalArgumentException("minimum learning rate must be a finite number ≥ 0, got " + minLr);
        }
    }

    /** Cosine decay to 0 over the run, after {@code warmup} steps. */
    public static LrSchedule cosine(int warmup) {
        return new LrSchedule(Kind.COSINE, warmup, 1, 1, 0);
    }

    /** Multiply by {@code gamma} every {@code every} steps, after {@code warmup} steps. */
    public static LrSchedule step(int warmup, int every, double gamma) {
        return new LrSchedule(Kind.STEP, warmup, every, gamma, 0);
    }

    /** Constant after a warm-up of {@code warmup} steps. */
    public static LrSchedule warmup(int warmup) {
        return new LrSchedule(Kind.CONSTANT, warmup, 1, 1, 0);
    }

    /**
     * A schedule by name: constant, cosine or step (step decay halves the rate at every quarter of the
     * run, torch StepLR(step_size=S/4, gamma=0.5)).
     */
    public static LrSchedule parse(String name, int warmup, int totalSteps) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "constant", "none" -> warmup(warmup);
            case "cosine" -> cosine(warmup);
            case "step" -> step(warmup, Math.max(1, (totalSteps - warmup) / 4), 0.5);
            default -> throw new IllegalArgumentException(
                    "unknown schedule '" + name + "': expected constant, step or cosine");
        };
    }

    /** The rate of step {@code s} (1-based) of a run of {@code totalSteps} steps with base rate {@code base}. */
    public double rate(double base, long s, long totalSteps) {
        if (s <= warmup) {
            return base * s / warmup;
        }
        long t = s - warmup - 1; // steps since the warm-up ended
        return switch (kind) {
            case CONSTANT -> base;
            case STEP -> base * Math.pow(gamma, (double) (t / stepSize));
            case COSINE -> {
                long span = Math.max(1, totalSteps - warmup);
                double c = Math.min(t, span);
                yield minLr + (base - minLr) * (1 + Math.cos(Math.PI * c / span)) / 2;
            }
        };
    }

    /** Whether the rate never changes. */
    public boolean isConstant() {
        return kind == Kind.CONSTANT && warmup == 0;
    }

    /** E.g. "cosine, warm-up 100". */
    public String describe() {
        String k = switch (kind) {
            case CONSTANT -> "constant";
            case STEP -> String.format(Locale.ROOT, "step ×%.3g every %d", gamma, stepSize);
            case COSINE -> "cosine";
        };
        return warmup > 0 ? k + ", warm-up " + warmup : k;
    }
}
