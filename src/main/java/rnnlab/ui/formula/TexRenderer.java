package rnnlab.ui.formula;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Where TeX is typeset (jlatexmath, see {@link FormulaComposer}): typesetting a step's formulas
 * costs several milliseconds, which on the FX thread drops frames. In the app
 * ({@link #useBackgroundThread}) it runs on one background thread; tests keep the default,
 * synchronous typesetting, and an export ({@link #synchronously}) cannot wait for the background.
 */
public final class TexRenderer {
    private static volatile boolean background;
    private static ExecutorService executor;
    /** Completed once the warm-up's formula has been typeset (or failed). */
    private static final java.util.concurrent.CompletableFuture<Void> WARM = new java.util.concurrent.CompletableFuture<>();
    /** Set (on the FX thread) while an export needs every formula typeset now. */
    private static boolean forceNow;

    private TexRenderer() {
    }

    /** Typeset on a background thread from now on (call once at start-up, on the FX thread). */
    public static synchronized void useBackgroundThread(boolean on) {
        background = on;
        if (on && executor == null) {
            executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "tex-typesetting");
                t.setDaemon(true);
                t.setPriority(Thread.MIN_PRIORITY);
                return t;
            });
        }
    }

    /**
     * Typesets one formula on the background thread (after {@link #useBackgroundThread}), so that
     * jlatexmath loads its fonts and tables (a second or more of CPU) before the first step is shown
     * rather than when it is. The app calls it once its window is built, not before: on two cores the
     * warm-up would otherwise take CPU from putting the window up (issue 18). Formulas asked for before
     * the warm-up is done queue behind it on the same thread, so nothing depends on when it runs.
     */
    public static synchronized void warmUp() {
        if (executor == null) {
            return;
        }
        executor.execute(() -> {
            try {
                FormulaComposer.compose(new FormulaComposer.Request(
                        java.util.List.of(new FormulaPanel.Formula("warm-up", "\\sigma\\left(\\underbrace{x}_{W}\\right) = \\tanh(0.5)")),
                        "", 200, 200, 16, javafx.scene.paint.Color.BLACK, 1));
            } finally {
                WARM.complete(null);
            }
        });
    }

    /** Completes when the {@link #warmUp} formula has been typeset (the packaging build waits for it). */
    public static java.util.concurrent.CompletionStage<Void> warmedUp() {
        return WARM.minimalCompletionStage();
    }

    /** Runs {@code work} with synchronous typesetting. FX thread. */
    public static <T> T synchronously(Supplier<T> work) {
        boolean was = forceNow;
        forceNow = true;
        try {
            return work.get();
        } finally {
            forceNow = was;
        }
    }

    /** True when typesetting should go to the background thread (the app, outside an export). FX thread. */
    public static boolean inBackground() {
        return background && !forceNow;
    }

    /** Runs typesetting work on the background thread (only after {@link #useBackgroundThread}). */
    static void execute(Runnable work) {
        executor.execute(work);
    }
}
