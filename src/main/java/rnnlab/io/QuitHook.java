package rnnlab.io;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes the end of the process by a signal (SIGTERM from {@code kill}, a logout, a system shutdown) a
 * normal quit: a JVM shutdown hook runs the app's quit — the last autosave and the removal of the
 * {@link SessionMarker} — so the next start does not say that the app did not close properly.
 *
 * <p>The quit runs at most once: a normal quit calls {@link #quitNow()} itself, and the hook then
 * finds nothing left to do. SIGKILL (kill -9) and power cuts cannot be caught; the marker then
 * correctly reports a crash.
 */
public final class QuitHook {
    /** The longest the hook waits for the quit before the JVM halts anyway. */
    public static final long TIMEOUT_MILLIS = 5000;
    private final AtomicBoolean done = new AtomicBoolean();
    private final Quit quit;
    private final Thread thread;

    /** The app's normal quit; it must finish (or give up) within the given time. */
    @FunctionalInterface
    public interface Quit {
        void run(long timeoutMillis) throws Exception;
    }

    private QuitHook(Quit quit) {
        this.quit = quit;
        this.thread = new Thread(this::quitNow, "rnnlab-quit-on-signal");
    }

    /** Registers the hook with the JVM. */
    public static QuitHook install(Quit quit) {
        QuitHook h = new QuitHook(quit);
        Runtime.getRuntime().addShutdownHook(h.thread);
        return h;
    }

    /** Runs the quit unless it already ran; true if this call ran it. Never throws. */
    public boolean quitNow() {
        if (!done.compareAndSet(false, true)) {
            return false;
        }
        try {
            quit.run(TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            // the JVM is ending: nothing can be shown; the marker stays and the next start offers the autosave
        }
        return true;
    }

    /** Whether the quit has run (or is running). */
    public boolean done() {
        return done.get();
    }
}
