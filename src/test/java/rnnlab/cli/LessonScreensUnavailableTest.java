package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command line alone (no window code handed over) says what the window-side author commands need. */
class LessonScreensUnavailableTest {
    @Test
    void withoutTheAppTheCommandsSaySoInOneLine() {
        for (String[] args : new String[][] {{"lessons", "check", "--layout", "1280x720", "src/test/resources/lessons/good"},
            {"lessons", "render", "src/test/resources/lessons/good", "--out", "target/never"},
            {"snapshot", "--lesson", "forget", "--out", "target/never.png"}}) {
            MainTest.Result r = MainTest.run(args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(Main.BAD_INPUT);
            assertThat(r.err()).contains("this needs RNN Lab's window code: run it from rnnlab.jar").doesNotContain("Exception");
        }
    }
}
