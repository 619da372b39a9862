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

    /** Issue 12: with {@code --lang zh} the same line in Chinese, naming the command (or option) that needs the window. */
    @Test
    void withLangZhTheySaySoInChinese() {
        String needs = "：这需要 RNN Lab 的窗口代码：请从 rnnlab.jar 运行（java -jar rnnlab.jar ...）；不需要显示器";
        String[][] cases = {
            {"--layout", "lessons", "check", "--layout", "1280x720", "--lang", "zh", "src/test/resources/lessons/good"},
            {"lessons render", "lessons", "render", "src/test/resources/lessons/good", "--out", "target/never", "--lang", "zh"},
            {"snapshot", "snapshot", "--lesson", "forget", "--lang", "zh", "--out", "target/never.png"}};
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            MainTest.Result r = MainTest.run(args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(Main.BAD_INPUT);
            assertThat(r.err().strip()).isEqualTo("error: " + c[0] + needs);
        }
        MainTest.Result handout = MainTest.run("lessons", "handout", "forget", "--lessons", "src/test/resources/lessons/good",
                "--lang", "zh", "--out", "target/never.html");
        assertThat(handout.err().strip()).isEqualTo("error: lessons handout：这需要 RNN Lab 的窗口代码：请从 rnnlab.jar 运行"
                + "（java -jar rnnlab.jar ...），不需要显示器；或者使用 --no-pictures");
    }
}
