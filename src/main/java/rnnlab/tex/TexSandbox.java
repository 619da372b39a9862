package rnnlab.tex;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.scilab.forge.jlatexmath.TeXFormula;

/**
 * Typesets under {@link TexPolicy} and a time budget. jlatexmath cannot be interrupted, so the work runs
 * on a daemon worker and the caller waits at most the budget: a formula that takes longer is abandoned
 * (its worker is left to finish, or spin, on its own) and refused as {@link TexRefusal.Kind#TIMED_OUT}.
 * With the policy refusing macro definitions no formula should spin, but the guard stays: once
 * {@link #MAX_STUCK} abandoned workers are still running, every further formula is refused at once
 * instead of starting another one. The caller blocks for at most the budget, so UI code calls this off
 * the FX thread (or, in tests and exports, accepts that bound).
 */
public final class TexSandbox {
    /** Far above any real formula (1–5 ms each once jlatexmath is loaded). */
    public static final Duration BUDGET = Duration.ofMillis(1500);
    static final int MAX_STUCK = 2;

    private static final TexSandbox SHARED = new TexSandbox(BUDGET, TeXFormula::new);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tex-sandbox-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    /** jlatexmath's first formula loads its fonts and tables (a second or more): not part of any budget. */
    private static volatile Future<?> warmUp;

    private final Duration budget;
    private final Function<String, TeXFormula> parser;
    private final AtomicInteger stuck = new AtomicInteger();

    /**
     * What came of a formula: a value, or a refusal (policy or budget), or an error jlatexmath raised
     * (a source that does not parse); callers show the source as text for the last two.
     */
    public record Outcome<T>(T value, TexRefusal refusal, Throwable error) {
        public boolean ok() {
            return refusal == null && error == null;
        }
    }

    /** A sandbox with its own budget and parser (tests); the app uses {@link #shared()}. */
    public TexSandbox(Duration budget, Function<String, TeXFormula> parser) {
        this.budget = budget;
        this.parser = parser;
    }

    /** The sandbox every formula of the app goes through. */
    public static TexSandbox shared() {
        return SHARED;
    }

    /** Checks {@code tex} against the policy, then parses it and applies {@code work}, all within the budget. */
    public <T> Outcome<T> typeset(String tex, Function<TeXFormula, T> work) {
        TexRefusal no = TexPolicy.firstRefusal(tex);
        if (no != null) {
            return new Outcome<>(null, no, null);
        }
        return call(() -> work.apply(parser.apply(tex)));
    }

    /** Runs jlatexmath work (e.g. laying out an already checked formula) within the budget. */
    public <T> Outcome<T> call(Callable<T> work) {
        warmUp();
        if (stuck.get() >= MAX_STUCK) {
            return new Outcome<>(null, timedOut(), null);
        }
        AtomicInteger done = new AtomicInteger();
        Future<T> f = WORKERS.submit(() -> {
            try {
                return work.call();
            } finally {
                // an abandoned worker that finishes after all frees its place
                if (done.getAndSet(1) == 2) {
                    stuck.decrementAndGet();
                }
            }
        });
        try {
            return new Outcome<>(f.get(budget.toNanos(), TimeUnit.NANOSECONDS), null, null);
        } catch (TimeoutException e) {
            f.cancel(true);
            if (done.compareAndSet(0, 2)) {
                stuck.incrementAndGet();
            }
            return new Outcome<>(null, timedOut(), null);
        } catch (ExecutionException e) {
            return new Outcome<>(null, null, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome<>(null, timedOut(), null);
        }
    }

    /** Abandoned workers still running (tests). */
    int stuck() {
        return stuck.get();
    }

    private TexRefusal timedOut() {
        return new TexRefusal(TexRefusal.Kind.TIMED_OUT, seconds(budget), "");
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** Loads jlatexmath once with a fixed formula of ours, waiting for it (bounded) the first time. */
    private static void warmUp() {
        Future<?> w = warmUp;
        if (w == null) {
            synchronized (TexSandbox.class) {
                if (warmUp == null) {
                    warmUp = WORKERS.submit(() -> new TeXFormula("\\sigma\\left(x_{1}\\right) = \\tanh(0.5)")
                            .createTeXIcon(0, 16));
                }
                w = warmUp;
            }
        }
        if (!w.isDone()) {
            try {
                w.get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                // typesetting reports its own failures; the warm-up only saves time
            }
        }
    }
}
