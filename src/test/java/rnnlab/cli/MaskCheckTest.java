package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lessons check: a checkpoint whose answer a visible view draws unmasked at its step is a problem. */
class MaskCheckTest {
    @TempDir
    Path dir;

    void copyWith(String... fromTo) throws Exception {
        for (String lang : new String[] {"en", "zh"}) {
            String t = Files.readString(LessonsCheckTest.GOOD.resolve("01-forget." + lang + ".md"));
            for (int i = 0; i < fromTo.length; i += 2) {
                assertThat(t).contains(fromTo[i]);
                t = t.replace(fromTo[i], fromTo[i + 1]);
            }
            Files.writeString(dir.resolve("01-forget." + lang + ".md"), t);
        }
    }

    @Test
    void aGateOnScreenAtItsStepIsATranscription() throws Exception {
        // planted: the question about step 5's forget gate is asked with the timeline at step 5
        copyWith("step: 4\nhighlight: lstm.gate.f", "step: 5\nhighlight: lstm.gate.f");
        MainTest.Result r = MainTest.run("lessons", "check", dir.toString());
        assertThat(r.status()).isEqualTo(Main.CHECK_FAILED);
        assertThat(r.out()).contains("01-forget.en.md:25: checkpoint \"forget-next\": its answer (gate f unit 2 step 5)"
                + " is on screen in view.lstm at this step; mask it (mask: gate f) or ask before the step is taken");
    }

    @Test
    void maskingTheGateOrAllGatesClearsIt() throws Exception {
        copyWith("step: 4\nhighlight: lstm.gate.f", "step: 5\nhighlight: lstm.gate.f\nmask: gate f");
        assertThat(MainTest.run("lessons", "check", dir.toString()).status()).isZero();
        copyWith("step: 4\nhighlight: lstm.gate.f", "step: 5\nhighlight: lstm.gate.f\nmask: gates");
        assertThat(MainTest.run("lessons", "check", dir.toString()).status()).isZero();
        // masking something else does not
        copyWith("step: 4\nhighlight: lstm.gate.f", "step: 5\nhighlight: lstm.gate.f\nmask: h, c");
        assertThat(MainTest.run("lessons", "check", dir.toString()).status()).isEqualTo(Main.CHECK_FAILED);
    }

    @Test
    void theBeltShowsEveryComputedCellStateNotOnlyTheCursors() throws Exception {
        copyWith("value: gate f unit 2 step 5", "value: cell unit 2 step 3", "| > 0.5", "| > -100", "| <= 0.5", "| <= -100");
        MainTest.Result r = MainTest.run("lessons", "check", dir.toString());
        assertThat(r.out()).contains("its answer (cell unit 2 step 3) is on screen in view.lstm");
        copyWith("value: gate f unit 2 step 5", "value: cell unit 2 step 2", "| > 0.5", "| > -100", "| <= 0.5", "| <= -100");
        r = MainTest.run("lessons", "check", dir.toString());
        assertThat(r.out()).contains("its answer (cell unit 2 step 2) is on screen in view.belt");
    }

    @Test
    void anUnknownPartToMaskIsNamed() throws Exception {
        copyWith("step: 4\nhighlight: lstm.gate.f", "step: 4\nhighlight: lstm.gate.f\nmask: gate q");
        MainTest.Result r = MainTest.run("lessons", "check", dir.toString());
        assertThat(r.status()).isEqualTo(Main.CHECK_FAILED);
        assertThat(r.out()).contains("mask: unknown part \"gate q\" to mask; expected h, c, gates, output, gate f");
    }
}
