package rnnlab.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.i18n.Language;
import rnnlab.tex.MathSpans;
import rnnlab.tex.TexUnicode;

/**
 * Issue 12: a checkpoint's option is shown on a button, which cannot typeset: its inline math becomes text
 * ({@link Checkpoint.Option#text()}), and what the conversion cannot read shows as TeX source. An option
 * {@code $h_9 and \frac{h_{10 only} (unclosed $, braces open) passed {@code lessons check} as "all fine",
 * and the app showed it raw. Planted in a copy of the shipped lesson 1: the checker names the file, line,
 * step and option, in the app's language.
 */
class OptionMathCheckTest {
    @TempDir
    Path dir;

    @AfterEach
    void english() {
        Language.set(Locale.ENGLISH);
    }

    /** Shipped lesson 1 (en and zh) in {@link #dir}, with {@code from → to} applied to the English file. */
    private Path lessonWith(String... fromTo) throws Exception {
        for (String lang : LessonLibrary.LANGUAGES) {
            String t = Files.readString(Path.of("lessons", "01-why-sequences." + lang + ".md"));
            if (lang.equals("en")) {
                for (int i = 0; i < fromTo.length; i += 2) {
                    assertThat(t).contains(fromTo[i]);
                    t = t.replace(fromTo[i], fromTo[i + 1]);
                }
            }
            Files.writeString(dir.resolve("01-why-sequences." + lang + ".md"), t);
        }
        return dir.resolve("01-why-sequences.en.md");
    }

    private List<String> problems() {
        LessonLibrary lib = LessonLibrary.load(dir);
        return lib.allProblems().stream().map(p -> p.describe(dir)).toList();
    }

    private int lineOf(Path file, String text) throws Exception {
        return Files.readAllLines(file).indexOf(text) + 1;
    }

    @Test
    void theCopyAsShippedIsFine() throws Exception {
        lessonWith();
        assertThat(problems()).isEmpty();
    }

    @Test
    void anUnclosedDollarAndOpenBracesInAnOptionAreReported() throws Exception {
        Path en = lessonWith("option: the hidden state at every step\n", "option: $h_9 and \\frac{h_{10 only\n");
        int line = lineOf(en, "option: $h_9 and \\frac{h_{10 only");
        assertThat(line).isGreaterThan(73); // step 4, "Predict: swap the words"
        assertThat(problems()).containsExactly(
                "01-why-sequences.en.md:" + line + ": step 4: option 2: the $ before \"h_9 and \\frac{h_{10 only\" is never "
                        + "closed, so the option shows its TeX as written; end the formula with $ (write \\$ for a dollar sign)",
                "01-why-sequences.en.md:" + line + ": step 4: option 2: the braces of \"h_9 and \\frac{h_{10 only\" do not pair up "
                        + "(2 opened, 0 closed), so the option shows them as written");
    }

    @Test
    void inTheAppsLanguage() throws Exception {
        Path en = lessonWith("option: the hidden state at every step\n", "option: $h_9 and \\frac{h_{10 only\n");
        int line = lineOf(en, "option: $h_9 and \\frac{h_{10 only");
        Language.set(Locale.CHINESE);
        assertThat(problems()).containsExactly(
                "01-why-sequences.en.md:" + line + ": 第 4 步：选项 2：“h_9 and \\frac{h_{10 only”前面的 $ 没有结束，选项会原样显示 TeX；"
                        + "请用 $ 结束公式（美元符号写作 \\$）",
                "01-why-sequences.en.md:" + line + ": 第 4 步：选项 2：“h_9 and \\frac{h_{10 only”的大括号不成对（2 个左括号，0 个右括号），"
                        + "选项会原样显示它们");
    }

    @Test
    void aClosedFormulaWithAStrayBraceACommandLeftAsWrittenAndTexOutsideTheDollars() throws Exception {
        Path en = lessonWith("option: the hidden state at every step\n", "option: $h_{10}}$ only\n",
                "option: the hidden state at the last step\n", "option: $\\binom{n}{k}$ ways, or \\alpha\n");
        int two = lineOf(en, "option: $h_{10}}$ only");
        int three = two + 1;
        assertThat(problems()).containsExactly(
                "01-why-sequences.en.md:" + two + ": step 4: option 2: the braces of \"h_{10}}\" do not pair up (1 opened, 2 closed), "
                        + "so the option shows them as written",
                "01-why-sequences.en.md:" + three + ": step 4: option 3: \\binom would show as written: an option cannot typeset, "
                        + "its math becomes plain text (Greek letters, sub- and superscripts, \\frac, \\sqrt, \\text, arrows and the "
                        + "usual operators can); write it another way",
                "01-why-sequences.en.md:" + three + ": step 4: option 3: \"\\alpha\" is TeX outside $…$, so the option shows it as "
                        + "written; put the formula between $ signs");
    }

    @Test
    void anOptionOfAComputedChoiceIsCheckedWithoutItsCondition() throws Exception {
        // step 7's first option: "clearly lower, below −0.35 | < -0.35"; the condition is no TeX
        Path en = lessonWith("option: clearly lower, below −0.35 | < -0.35", "option: clearly lower, $h_6 < -0.35 | < -0.35");
        int line = lineOf(en, "option: clearly lower, $h_6 < -0.35 | < -0.35");
        assertThat(problems()).containsExactly("01-why-sequences.en.md:" + line + ": step 7: option 1: the $ before \"h_6 < -0.35\" "
                + "is never closed, so the option shows its TeX as written; end the formula with $ (write \\$ for a dollar sign)");
    }

    @Test
    void goodOptionMathAndAnEscapedDollarPass() throws Exception {
        lessonWith("option: the hidden state at every step\n", "option: $h_9$ and $h_{10}$ only, $\\frac{1}{2}$ of \\$5\n");
        assertThat(problems()).isEmpty();
        assertThat(new Checkpoint.Option("$h_9$ and $h_{10}$ only, $\\frac{1}{2}$ of \\$5", null, false).text())
                .isEqualTo("h₉ and h₁₀ only, 1/2 of $5");
    }

    @Test
    void questionsExplanationsAndNarrationUnclosedOrUnbalanced() throws Exception {
        Path en = lessonWith("question: After *我喜欢不吃饭*, where will unit 2 end?",
                "question: After *我喜欢不吃饭*, where will $h_6 end? It costs $5 to ask.",
                "Both sentences end with the same two characters", "Both $x^{2}}$ sentences end with the same two characters");
        int question = lineOf(en, "question: After *我喜欢不吃饭*, where will $h_6 end? It costs $5 to ask.");
        List<String> found = problems();
        // "where will $h_6 end? It costs $" is a closed formula; the lone $ of "$5 to ask." is followed by no TeX
        assertThat(found).noneMatch(p -> p.contains(":" + question + ":"));
        assertThat(found).singleElement().asString().matches("01-why-sequences\\.en\\.md:\\d+: the braces of the formula "
                + "\"x\\^\\{2\\}\\}\" do not pair up \\(1 opened, 2 closed\\), so it is not typeset as written");
        lessonWith("explain: It ends at {value}.", "explain: It ends at {value}, $\\frac{a}{b} past the start.");
        // quoted up to 40 characters: the explanation goes on after the planted words
        assertThat(problems()).singleElement().asString().contains(": the $ before \"\\frac{a}{b} past the start. ")
                .endsWith("…\" opens a formula that is never closed, so its TeX shows as written; end the formula with $ "
                        + "(write \\$ for a dollar sign)");
    }

    @Test
    void whatTheConversionLeavesAsWrittenAndWhereTheLoneDollarsAre() {
        assertThat(TexUnicode.unconverted("\\binom{n}{k} + \\alpha_{t} \\mathfrak{A} \\binom{a}{b}"))
                .containsExactly("\\binom", "\\mathfrak");
        assertThat(TexUnicode.unconverted("h_9 \\frac{a}{b} \\sqrt{x} \\text{ok} \\|\\delta h\\|")).isEmpty();
        assertThat(MathSpans.loneDollars("`$x` costs \\$3, $a$ and $5")).containsExactly(24);
        assertThat(LessonMath.braces("\\{a\\} {b} \\\\ }{")).containsExactly(2, 2, 1);
    }
}
