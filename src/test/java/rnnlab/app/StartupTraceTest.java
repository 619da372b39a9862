package rnnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class StartupTraceTest {

    @Test
    void offUnlessAskedFor() {
        // the test JVM is started without -Drnnlab.startupTrace: marks must cost nothing and print nothing
        assertFalse(StartupTrace.on());
    }

    @Test
    void aLineGivesLabelWallDeltaThreadAndCpu() {
        assertEquals("startup stage shown                    4307 ms since JVM start  (+ 1827 ms)"
                + "  thread JavaFX Application Thread cpu  1346 ms",
                StartupTrace.line("stage shown", 4307, 1827, "JavaFX Application Thread", 1346));
    }
}
