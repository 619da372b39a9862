package rnnlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** bench-ui's frame report: long frames and frames over 18 ms counted by frames after the step's own. */
class PulseCostTest {
    private static PulseCost cost(int commands) {
        return new PulseCost(0, 0, 0, 0, commands, 0, new long[4], "");
    }

    @Test
    void framesOverEighteenMsAreCountedInThePhaseTheyFellIn() {
        List<Long> pulses = new ArrayList<>();
        List<PulseCost> costs = new ArrayList<>();
        long t = 0;
        pulses.add(t);
        costs.add(cost(0));
        // two steps of 12 frames each; in each step the second frame after the step's own takes 20 ms, the fifth 30 ms
        for (int step = 0; step < 2; step++) {
            for (int k = 0; k < 12; k++) {
                t += switch (k) {
                    case 2 -> 20_000_000L;
                    case 5 -> 30_000_000L;
                    default -> 16_600_000L;
                };
                pulses.add(t);
                // the step's own frame is the first whose pulse sees the new command count
                costs.add(cost(step + 1));
            }
        }
        String report = PulseCost.longFrames(pulses, costs);
        assertThat(report).contains("long frames (> 25 ms): 2;");
        assertThat(report).contains("long frames without a GC by frames after the step's own (0: its own): 5: 2,");
        assertThat(report).contains("frames over 18 ms (share of that phase's frames) by frames after the step's own:")
                .contains(" 2: 2 (100.0 %),").contains(" 5: 2 (100.0 %),").contains(" 3: 0 (0.0 %),");
    }
}
