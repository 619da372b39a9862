package rnnlab.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** The two waits every window test needs: run on the FX thread and take the answer; wait for a condition. */
public final class FxWait {
    private FxWait() {
    }

    /** Runs {@code c} on the FX thread and returns its result, failing after 10 s. */
    public static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    /** Waits up to 10 s until {@code c}, evaluated on the FX thread, is true. */
    public static void until(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(c));
    }
}
