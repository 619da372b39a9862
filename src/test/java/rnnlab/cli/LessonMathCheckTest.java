package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lessons check} refuses lesson math that loads files or URLs or defines macros, and any command
 * outside the TeX policy's allow-list, as {@code file:line: message} on the line of the command.
 */
class LessonMathCheckTest {
    @TempDir
    Path dir;

    /** The good pair with each {@code from → to} applied to both languages. */
    private void copyWith(String... fromTo) throws Exception {
        for (String lang : new String[] {"en", "zh"}) {
            String t = Files.readString(LessonsCheckTest.GOOD.resolve("01-forget." + lang + ".md"));
            for (int i = 0; i < fromTo.length; i += 2) {
                assertThat(t).contains(fromTo[i]);
                t = t.replace(fromTo[i], fromTo[i + 1]);
            }
            Files.writeString(dir.resolve("01-forget." + lang + ".md"), t);
        }
    }

    private MainTest.Result check() {
        return MainTest.run("lessons", "check", dir.toString());
    }

    @Test
    void includegraphicsOfAUrlIsRefusedInNarration() throws Exception {
        copyWith("$c_t$", "$c_t \\includegraphics{http://127.0.0.1:8765/tex.png}$");
        MainTest.Result r = check();
        assertThat(r.status()).isEqualTo(Main.CHECK_FAILED);
        assertThat(r.out()).startsWith(
                "01-forget.en.md:16: \\includegraphics is not allowed in lesson math (it loads files or URLs)\n"
                        .replace("\n", System.lineSeparator())
                        + "01-forget.zh.md:16: \\includegraphics is not allowed in lesson math (it loads files or URLs)")
                .contains("2 problem(s) in 1 of 1 lessons");
    }

    @Test
    void includegraphicsOfAnAbsolutePathIsRefused() throws Exception {
        copyWith("$W_{hh}$", "$W_{hh} \\includegraphics{/etc/hostname}$");
        MainTest.Result r = check();
        assertThat(r.status()).isEqualTo(Main.CHECK_FAILED);
        assertThat(r.out()).contains("01-forget.en.md:57: \\includegraphics is not allowed in lesson math (it loads files or URLs)")
                .contains("01-forget.zh.md:57: \\includegraphics is not allowed in lesson math (it loads files or URLs)");
    }

    @Test
    void aRecursiveMacroInACheckpointQuestionIsRefused() throws Exception {
        copyWith("$\\|\\partial L/\\partial h_1\\|$", "$\\newcommand{\\a}{\\a x}\\a$");
        MainTest.Result r = check();
        assertThat(r.status()).isEqualTo(Main.CHECK_FAILED);
        assertThat(r.out()).contains("01-forget.en.md:46: \\newcommand is not allowed in lesson math (it defines macros)")
                .contains("01-forget.en.md:46: \\a is not an allowed command in lesson math "
                        + "(lessons/README.md, \"Math\", lists the allowed ones)");
    }

    @Test
    void aRefusedCommandInsideADisplayFormulaIsReportedOnItsOwnLine() throws Exception {
        copyWith("Look at the forget gate of unit 2.", "Look at the forget gate of unit 2.\n$$x = 1\n\\input{secrets}$$",
                "0.5 | > 0.5", "0.5 $\\def\\x{y}$ | > 0.5",
                "explain: It is {value}.\n```\n\n## How big", "explain: It is {value} $\\frac{1}{\\sigmma}$.\n```\n\n## How big");
        MainTest.Result r = check();
        assertThat(r.status()).isEqualTo(Main.CHECK_FAILED);
        assertThat(r.out()).contains("01-forget.en.md:25: \\input is not allowed in lesson math (it loads files or URLs)")
                .contains("01-forget.en.md:32: \\def is not allowed in lesson math (it defines macros)")
                .contains("01-forget.en.md:34: \\sigmma is not an allowed command in lesson math; did you mean \\sigma? "
                        + "(lessons/README.md, \"Math\", lists the allowed ones)");
    }

    @Test
    void codeSpansAndEscapedDollarsAreNotMath() throws Exception {
        copyWith("$c_t$", "$c_t$ (write `$\\newcommand$` in LaTeX, it costs \\$5 \\def)");
        MainTest.Result r = check();
        assertThat(r.out()).endsWith("1 lessons checked in " + dir + ": all fine" + System.lineSeparator());
        assertThat(r.status()).isZero();
    }
}
