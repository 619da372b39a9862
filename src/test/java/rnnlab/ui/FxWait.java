package rnnlab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** The two waits every window test needs: run on the FX thread and take the answer; wait for a condition. */
public final class FxWait {
    private FxWait() {
    }

    /** Runs {@code c} on the FX thread and returns its result, failing after 30 s (a loaded CI machine can take 10). */
    public static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    /** Waits up to 10 s until {@code c}, evaluated on the FX thread, is true. */
    public static void until(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(c));
    }

    /** A test body that may throw. */
    public interface Body {
        void run() throws Exception;
    }

    /**
     * Runs {@code body} while ignoring exceptions on JavaFX's own threads. Monocle's headless screen can overflow
     * its frame buffer uploading a second or moved window's pixels (BufferOverflowException in
     * Framebuffer.composePixels, on its render thread): not what these tests check. The render thread may report
     * it after the body ends, so the pending frames are drained before the check is switched back on; otherwise
     * the next wait (often TestFX's own clean-up) throws it into this test.
     */
    public static void ignoringRenderThreadOverflow(Body body) throws Exception {
        WaitForAsyncUtils.autoCheckException = false;
        try {
            body.run();
        } finally {
            for (int i = 0; i < 3; i++) {
                WaitForAsyncUtils.waitForFxEvents();
                WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
            }
            WaitForAsyncUtils.clearExceptions();
            WaitForAsyncUtils.autoCheckException = true;
        }
    }
}
