package rnnlab.ui.viewmodel;

/**
 * Lets training leave the CPU to the views: while they animate a step, play, or repaint for new
 * weights, the training thread rests after each step so that it runs only a share of the time (on a
 * two-core machine the drawing then keeps its frame rate). Setters from any thread; {@link #pace} on
 * the training thread.
 */
final class ViewsPacer {
    /** How long after a new frame training keeps yielding (the views repaint everything for new weights). */
    static final long REPAINT_YIELD_MS = 120;
    private volatile boolean viewsBusy;
    private volatile long busyUntil;
    private volatile double share;
    /** Owed rest (ns): each step of d ns while the views are busy earns d·(1 − share)/share. Training thread. */
    private long owedRest;

    ViewsPacer(double share) {
        setShare(share);
    }

    void setViewsBusy(boolean busy) {
        viewsBusy = busy;
    }

    void viewsRepainting() {
        busyUntil = System.nanoTime() + REPAINT_YIELD_MS * 1_000_000;
    }

    /** The share of time training runs while the views are busy (1: never yield). */
    void setShare(double s) {
        share = Math.max(0.05, Math.min(1, s));
    }

    /** After each training step: rest as much as the views' share asks for (at most 100 ms at a time). */
    void pace(long stepNanos) throws InterruptedException {
        double sh = share;
        if (!(viewsBusy || System.nanoTime() < busyUntil) || sh >= 1) {
            owedRest = 0;
            return;
        }
        owedRest += (long) (stepNanos * (1 - sh) / sh);
        if (owedRest >= 2_000_000) {
            long ms = Math.min(100, owedRest / 1_000_000);
            Thread.sleep(ms);
            owedRest -= ms * 1_000_000;
        }
    }
}
