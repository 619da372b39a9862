package rnnlab.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * With {@code -Drnnlab.startupTrace=true} the app prints, on standard error, where its start-up time
 * goes: each mark gives the milliseconds since the JVM started (wall clock, from the runtime's start
 * time) and the CPU milliseconds of the calling thread so far. On a loaded machine compare the CPU
 * figures and the proportions, not the wall clock. Without the property nothing is measured.
 */
final class StartupTrace {
    static final String PROPERTY = "rnnlab.startupTrace";
    private static final boolean ON = Boolean.getBoolean(PROPERTY);
    private static long lastWall = -1;

    private StartupTrace() {
    }

    static boolean on() {
        return ON;
    }

    /** Prints one line: label, ms since JVM start, ms since the previous mark, CPU ms of this thread. */
    static synchronized void mark(String label) {
        if (!ON) {
            return;
        }
        long wall = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        long cpu = t.isCurrentThreadCpuTimeSupported() ? t.getCurrentThreadCpuTime() / 1_000_000 : -1;
        long delta = lastWall < 0 ? wall : wall - lastWall;
        lastWall = wall;
        System.err.println(line(label, wall, delta, Thread.currentThread().getName(), cpu));
    }

    /** One trace line (package-private for the test). */
    static String line(String label, long wall, long delta, String thread, long cpu) {
        return String.format(java.util.Locale.ROOT,
                "startup %-28s %6d ms since JVM start  (+%5d ms)  thread %s cpu %5d ms",
                label, wall, delta, thread, cpu);
    }

    /** Marks the first pulse after the window was shown (the first frame drawn). */
    static void markFirstPulse(javafx.scene.Scene scene) {
        if (!ON || scene == null) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            mark("first pulse after show");
            scene.removePostLayoutPulseListener(once[0]);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
