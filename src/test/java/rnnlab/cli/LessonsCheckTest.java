package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.lessons.LessonLibrary;
import rnnlab.lessons.Quantity;
import rnnlab.lessons.Scene;
import rnnlab.session.LessonEngine;

class LessonsCheckTest {
    static final Path GOOD = Path.of("src/test/resources/lessons/good");

    @TempDir
    Path dir;

    @Test
    void aGoodFolderPassesAndTheAnswersAreComputed() {
        MainTest.Result r = MainTest.run("lessons", "check", GOOD.toString(), "--answers");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("01-forget.en.md:25: forget-next: gate f unit 2 step 5 = 0.597 -> \"above 0.5\"")
                .contains("1 lessons checked in " + GOOD + ": all fine");
    }

    @Test
    void answersListFixedAnswerCheckpointsToo() {
        MainTest.Result r = MainTest.run("lessons", "check", "lessons", "--answers");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("clip-rule: fixed answer -> \"multiplies every gradient by 0.1, so the norm becomes 5\"")
                .contains("guess-mse: fixed answer -> \"about 0.17\"")
                .contains("sigma-above: sigma_max = 1.06 -> \"1 or above\"");
    }

    /** The number of an answer line: from " = " (or the goal's start value) to the arrow. */
    private static String value(String line) {
        int a = line.indexOf(" = ");
        if (a < 0) {
            return line.substring(Math.max(line.lastIndexOf(' '), 0));
        }
        int b = line.indexOf(" -> ", a);
        return line.substring(a, b < 0 ? line.length() : b);
    }

    /** Issue 19: with --lang zh, --answers lists the Chinese lessons' lines and option labels, in Chinese words. */
    @Test
    void theChineseAnswerLinesAreThoseOfTheChineseLessons() {
        MainTest.Result en = MainTest.run("lessons", "check", "lessons", "--answers");
        MainTest.Result r = MainTest.run("lessons", "check", "lessons", "--answers", "--lang", "zh");
        assertThat(r.status()).isZero();
        java.util.List<String> lines = r.out().lines().filter(l -> l.contains(".md:")).toList();
        assertThat(lines).hasSizeGreaterThan(20).allMatch(l -> l.contains(".zh.md:"));
        assertThat(r.out()).contains("clip-rule：固定答案 -> “").doesNotContain("fixed answer").doesNotContain(" and \"")
                .doesNotContain("accepts ±").doesNotContain("exercise ").contains("接受 ±");
        // the same numbers as the English key, line for line
        java.util.List<String> values = en.out().lines().filter(l -> l.contains(".en.md:") && !l.contains("fixed answer"))
                .map(LessonsCheckTest::value).toList();
        java.util.List<String> zhValues = lines.stream().filter(l -> !l.contains("固定答案")).map(LessonsCheckTest::value).toList();
        assertThat(zhValues).isEqualTo(values);
    }

    /** Issue 11: the Chinese answer key had English labels and ended with an English summary line. */
    @Test
    void theChineseAnswerKeyIsChineseThroughout() {
        MainTest.Result r = MainTest.run("lessons", "check", "lessons", "--exercises", "--lang", "zh");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("# 练习答案（教师用）").contains("**引擎算出：**").contains("**答案：**")
                .contains("课：全部无误")
                .doesNotContain("Computed by the engine").doesNotContain("**Answer:**")
                .doesNotContain("lessons checked").doesNotContain("cannot compute").doesNotContain("answer key");
        MainTest.Result en = MainTest.run("lessons", "check", "lessons", "--exercises");
        assertThat(en.out()).contains("**Computed by the engine:**").contains("lessons checked in").doesNotContain("引擎算出");
    }

    /**
     * Through the jar, the launcher takes {@code --lang zh} off the arguments and passes it on as the
     * property rnnlab.lang: the answer key was printed in English although zh was asked for.
     */
    @Test
    void theLaunchersLanguagePropertyGivesTheChineseKey() {
        String before = System.getProperty(LessonsCheckCommand.LANG_PROPERTY);
        System.setProperty(LessonsCheckCommand.LANG_PROPERTY, "zh");
        try {
            MainTest.Result r = MainTest.run("lessons", "check", "lessons", "--exercises");
            assertThat(r.status()).isZero();
            assertThat(r.out()).contains("# 练习答案（教师用）").contains("## 18 注意力：回头看每一个输入")
                    .doesNotContain("**Answer:**").doesNotContain("lessons checked");
            MainTest.Result en = MainTest.run("lessons", "check", "lessons", "--exercises", "--lang", "en");
            assertThat(en.out()).contains("**Answer:**").doesNotContain("**答案：**");
        } finally {
            if (before == null) {
                System.clearProperty(LessonsCheckCommand.LANG_PROPERTY);
            } else {
                System.setProperty(LessonsCheckCommand.LANG_PROPERTY, before);
            }
        }
    }

    /** The good pair with each {@code from → to} applied to both languages. */
    void copyWith(String... fromTo) throws Exception {
        for (String lang : new String[] {"en", "zh"}) {
            String t = Files.readString(GOOD.resolve("01-forget." + lang + ".md"));
            for (int i = 0; i < fromTo.length; i += 2) {
                assertThat(t).contains(fromTo[i]);
                t = t.replace(fromTo[i], fromTo[i + 1]);
            }
            Files.writeString(dir.resolve("01-forget." + lang + ".md"), t);
        }
    }

    @Test
    void aChoiceWithoutARightOptionOrAGoalMetAtOnceIsAProblem() throws Exception {
        copyWith("| > 0.5", "| > 0.7", "| <= 0.5", "| <= 0.2");
        MainTest.Result r = MainTest.run("lessons", "check", dir.toString());
        assertThat(r.status()).isEqualTo(Main.CHECK_FAILED);
        assertThat(r.out()).contains("01-forget.en.md:25: no option is right for gate f unit 2 step 5 = 0.597")
                .contains("1 problem(s) in 1 of 1 lessons");
        copyWith("goal: rho > 2", "goal: rho > 0.5");
        r = MainTest.run("lessons", "check", dir.toString());
        assertThat(r.out()).contains("the goal \"rho > 0.5\" is already met when the step opens (0.661)");
    }

    @Test
    void aGateMapPanelNeedsAForeignModelFileAndOpensWithOne() throws Exception {
        copyWith("unit: 2\nhighlight: belt.unit.2\n```", "unit: 2\nhighlight: belt.unit.2\npanel: gatemap\n```");
        MainTest.Result r = MainTest.run("lessons", "check", dir.toString());
        assertThat(r.status()).isEqualTo(Main.CHECK_FAILED);
        assertThat(r.out()).contains("01-forget.en.md:7: panel: gatemap shows how a foreign model file was read");
        // the same step on an ONNX export of an LSTM (the PyTorch fixture): no gate-map problem
        Files.copy(Path.of("src/test/resources/imports/lstm_emb_head.onnx"), dir.resolve("m.onnx"));
        copyWith("preset: lstm_8\ntext: hello hello", "model: m.onnx\ntext: hello hello",
                "unit: 2\nhighlight: belt.unit.2\n```", "unit: 2\nhighlight: belt.unit.2\npanel: gatemap\n```");
        r = MainTest.run("lessons", "check", dir.toString());
        assertThat(r.out()).doesNotContain("panel: gatemap shows").doesNotContain("expected a .model.json");
        copyWith("preset: lstm_8", "model: m.onnx.exe");
        r = MainTest.run("lessons", "check", dir.toString());
        assertThat(r.out()).contains("expected a .model.json, .pt, .pth, .safetensors, .onnx file");
    }

    @Test
    void aForeignModelsHeadFollowsTheLossOfTheStepsSequenceAsInThePlayer() throws Exception {
        // an ONNX file says nothing of the head's activation: a cross-entropy sequence makes it a softmax
        Files.copy(Path.of("src/test/resources/imports/lstm_emb_head.onnx"), dir.resolve("m.onnx"));
        Files.writeString(dir.resolve("m.seq.json"), "{\"format\":\"rnnlab-sequence\",\"version\":1,\"tokens\":[1,3,0,2],"
                + "\"targets\":[3,0,2,4],\"target_steps\":\"all\",\"loss\":\"cross_entropy\"}");
        copyWith("preset: lstm_8\ntext: hello hello", "model: m.onnx\nsequence: m.seq.json");
        MainTest.Result r = MainTest.run("lessons", "check", dir.toString());
        assertThat(r.out()).doesNotContain("needs a softmax output").doesNotContain("sequence ");
    }

    @Test
    void syntaxProblemsAreListedWithFileAndLine() throws Exception {
        copyWith("preset: lstm_8", "preset: lstm8");
        MainTest.Result r = MainTest.run("lessons", "check", dir.toString());
        assertThat(r.status()).isEqualTo(Main.CHECK_FAILED);
        assertThat(r.out()).contains("01-forget.en.md:9: preset: unknown preset \"lstm8\"")
                .contains("did you mean \"lstm_8\"?");
    }

    @Test
    void quantitiesComeFromTheModelTheAppWouldBuild() throws Exception {
        Scene sc = LessonLibrary.load(GOOD).entry("forget").lesson("en").steps().get(0).scene();
        LessonEngine.Built b = LessonEngine.build(sc);
        // LSTM, H = 8, vocabulary of "hello hello" = {h, e, l, o, space}: 4H(V + H) + 8H + (H·V + V)
        assertThat(LessonEngine.evaluate(Quantity.parse("params"), b)).isEqualTo(4 * 8 * (5 + 8) + 8 * 8 + 8 * 5 + 5);
        assertThat(LessonEngine.evaluate(Quantity.parse("steps"), b)).isEqualTo(10);
        double rho = LessonEngine.evaluate(Quantity.parse("rho"), b);
        Scene doubled = sc.then(new Scene(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, 2.0, null, null, null, null, null, null));
        assertThat(LessonEngine.evaluate(Quantity.parse("rho"), LessonEngine.build(doubled))).isCloseTo(2 * rho,
                org.assertj.core.data.Offset.offset(1e-12));
        double g1 = LessonEngine.evaluate(Quantity.parse("grad_h step 1"), b);
        double g10 = LessonEngine.evaluate(Quantity.parse("grad_h step 10"), b);
        assertThat(LessonEngine.evaluate(Quantity.parse("grad_h step 1 / grad_h step 10"), b)).isEqualTo(g1 / g10);
        double f = LessonEngine.evaluate(Quantity.parse("gate f unit 2 step 5"), b);
        assertThat(f).isBetween(0.0, 1.0);
        double p = 0;
        for (String s : new String[] {"h", "e", "l", "o", " "}) {
            p += LessonEngine.evaluate(Quantity.parse("prob \"" + s + "\" step 3"), b);
        }
        assertThat(p).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void everyShippedLessonPassesTheCheckIncludingItsComputedAnswers() {
        MainTest.Result r = MainTest.run("lessons", "check", "lessons");
        assertThat(r.out()).endsWith("20 lessons checked in lessons: all fine" + System.lineSeparator());
        assertThat(r.status()).isZero();
    }

    @Test
    void aMissingFolderIsNamed() {
        MainTest.Result r = MainTest.run("lessons", "check", dir.resolve("nowhere").toString());
        assertThat(r.status()).isEqualTo(Main.CHECK_FAILED);
        assertThat(r.out()).startsWith(dir.resolve("nowhere") + ": there is no lessons folder here");
    }

    /**
     * Issue 12: {@code --layout 99999x5} is written as a size, only too large and too small; the message said the
     * format was wrong ("a window size is WIDTHxHEIGHT") instead of naming the range.
     */
    @Test
    void aLayoutSizeOutOfRangeSaysTheRangeInBothLanguages() {
        MainTest.Result r = MainTest.run("lessons", "check", "--layout", "1280x720,99999x5", GOOD.toString());
        assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: the window size \"99999x5\" is out of range: the width is 320 to 3840 "
                + "and the height 240 to 2160 (320x240 to 3840x2160)");
        assertThat(r.out()).isEmpty(); // said before the lessons are computed, nothing else printed

        MainTest.Result zh = MainTest.run("lessons", "check", "--layout", "99999x5", "--lang", "zh", GOOD.toString());
        assertThat(zh.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(zh.err().strip()).isEqualTo("error: 窗口尺寸“99999x5”超出范围：宽 320 到 3840，高 240 到 2160"
                + "（320x240 到 3840x2160）");

        // one side out of range, and digits beyond an int, are out of range too; a wrong format is still said so
        assertThat(MainTest.run("lessons", "check", "--layout", "1280x100", GOOD.toString()).err())
                .contains("\"1280x100\" is out of range");
        assertThat(MainTest.run("lessons", "check", "--layout", "99999999999x720", GOOD.toString()).err())
                .contains("\"99999999999x720\" is out of range");
        assertThat(MainTest.run("lessons", "check", "--layout", "1280by720", GOOD.toString()).err().strip())
                .isEqualTo("error: a window size is WIDTHxHEIGHT, e.g. 1280x720, not \"1280by720\"");
        assertThat(MainTest.run("lessons", "check", "--layout", "1280x720@9", "--lang", "zh", GOOD.toString()).err().strip())
                .isEqualTo("error: 屏幕缩放为 1 到 4（例如高分屏用 1280x720@2），而不是“1280x720@9”");
    }
}
