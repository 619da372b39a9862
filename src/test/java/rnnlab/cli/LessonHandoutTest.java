package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's handout, text only (the pictures need the window code: LessonScreensCommandsTest): the page holds
 * every step, the checkpoints with their options, the engine's answer and the teacher notes only when asked,
 * formulas typeset as embedded pictures, and nothing a hostile lesson could use to run code or reach the network.
 */
class LessonHandoutTest {
    static final Path GOOD = Path.of("src/test/resources/lessons/good");

    @Test
    void theKeyHasTheEnginesAnswerAndTheStudentsCopyDoesNot(@TempDir Path dir) throws Exception {
        Path student = dir.resolve("forget.html");
        MainTest.Result r = MainTest.run("lessons", "handout", "forget", "--lessons", GOOD.toString(), "--no-pictures",
                "--out", student.toString());
        assertThat(r.status()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).contains("forget.html: 4 steps, 0 pictures");
        String page = Files.readString(student);
        assertThat(page).contains("<h1>The forget gate</h1>", "Step 1.", "Step 4.",
                "At step 5, will the forget gate of unit 2 be above or below 0.5?", "<li>above 0.5</li>", "<li>below 0.5</li>");
        assertThat(page).doesNotContain("Answer:").doesNotContain("gate f unit 2 step 5 =");
        Path key = dir.resolve("forget-key.html");
        r = MainTest.run("lessons", "handout", "forget", "--lessons", GOOD.toString(), "--no-pictures", "--answers",
                "--out", key.toString());
        assertThat(r.status()).as(r.err()).isEqualTo(Main.OK);
        String k = Files.readString(key);
        // the same value and right option as lessons check --answers computes
        MainTest.Result check = MainTest.run("lessons", "check", GOOD.toString(), "--answers");
        Matcher m = Pattern.compile("forget-next: gate f unit 2 step 5 = (\\S+) -> \"(.+)\"").matcher(check.out());
        assertThat(m.find()).as(check.out()).isTrue();
        assertThat(k).contains("<b>Answer:</b> " + m.group(2), "(engine: gate f unit 2 step 5 = " + m.group(1) + ")",
                "It is " + m.group(1) + ".");
    }

    @Test
    void formulasAreEmbeddedPicturesAndChineseWordsAreChinese(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("forget.zh.html");
        MainTest.Result r = MainTest.run("lessons", "handout", "forget", "--lessons", GOOD.toString(), "--no-pictures",
                "--lang", "zh", "--answers", "--out", out.toString());
        assertThat(r.status()).as(r.err()).isEqualTo(Main.OK);
        String page = Files.readString(out);
        assertThat(page).contains("lang=\"zh-CN\"", "第 1 步", "答案：");
        // $c_t$ typeset: an embedded PNG whose alt text is the TeX source
        Matcher img = Pattern.compile("<img class=\"math\" alt=\"c_t\" width=\"(\\d+)\" height=\"(\\d+)\" "
                + "src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">").matcher(page);
        assertThat(img.find()).isTrue();
        byte[] png = java.util.Base64.getDecoder().decode(img.group(3));
        java.awt.image.BufferedImage bi = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(bi.getWidth()).isEqualTo(2 * Integer.parseInt(img.group(1)));
        assertThat(page).doesNotContain("$c_t$");
    }

    @Test
    void aHostileLessonCannotRunScriptsOrReachTheNetwork(@TempDir Path dir) throws Exception {
        Path lessons = dir.resolve("lessons");
        Files.createDirectories(lessons);
        for (String lang : List.of("en", "zh")) {
            String t = Files.readString(GOOD.resolve("01-forget." + lang + ".md"));
            Files.writeString(lessons.resolve("01-forget." + lang + ".md"), t.replace("The cell state $c_t$ rides",
                    "<script>alert(1)</script> <img src=http://example.com/x.png onerror=alert(2)> "
                            + "[home](javascript:alert(3)) The cell state $c_t$ rides"));
        }
        Path out = dir.resolve("h.html");
        MainTest.Result r = MainTest.run("lessons", "handout", "forget", "--lessons", lessons.toString(), "--no-pictures",
                "--notes", "--out", out.toString());
        assertThat(r.status()).as(r.out() + r.err()).isEqualTo(Main.OK);
        String page = Files.readString(out);
        // shown as text, never as markup
        assertThat(page).doesNotContain("<script").doesNotContain("<img src=http").doesNotContain("href=\"javascript");
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=http://example.com/x.png",
                "content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\"");
        // every image on the page is embedded
        Matcher src = Pattern.compile("src=\"([^\"]*)\"").matcher(page);
        while (src.find()) {
            assertThat(src.group(1)).startsWith("data:image/png;base64,");
        }
    }

    @Test
    void badArgumentsGetOneLine(@TempDir Path dir) {
        MainTest.Result r = MainTest.run("lessons", "handout", "forget", "--lessons", GOOD.toString(), "--no-pictures",
                "--out", dir.resolve("x.pdf").toString());
        assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("--out: the handout is an .html file").doesNotContain("Exception");
        r = MainTest.run("lessons", "handout", "nope", "--lessons", GOOD.toString(), "--no-pictures",
                "--out", dir.resolve("x.html").toString());
        assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("no lesson \"nope\"").doesNotContain("Exception");
        r = MainTest.run("lessons", "handout", "forget", "--lessons", GOOD.toString(), "--out", dir.resolve("x.html").toString());
        assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("or use --no-pictures");
    }

    /** Issue 12: with {@code --lang zh} the same refusals in Chinese (the English ones above are unchanged). */
    @Test
    void badArgumentsAreSaidInChineseWithLangZh(@TempDir Path dir) {
        MainTest.Result r = MainTest.run("lessons", "handout", "forget", "--lessons", GOOD.toString(), "--no-pictures",
                "--lang", "zh", "--out", dir.resolve("x.pdf").toString());
        assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: --out：讲义应为 .html 文件，而不是“" + dir.resolve("x.pdf") + "”");
        r = MainTest.run("lessons", "handout", "99", "--no-pictures", "--lang", "zh", "--out", dir.resolve("x.html").toString());
        assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err().strip()).startsWith("error: --lesson：随附的课程中没有“99”；请给出编号或 id：1 why-sequences, ")
                .contains(", 9 lstm-gates");
        r = MainTest.run("lessons", "handout", "forget", "--lessons", dir.resolve("nowhere").toString(), "--no-pictures",
                "--lang", "zh", "--out", dir.resolve("x.html").toString());
        assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: " + dir.resolve("nowhere") + ": 没有这个文件夹");
        r = MainTest.run("lessons", "handout", "forget", "--lessons", GOOD.toString(), "--size", "1280", "--lang", "zh",
                "--out", dir.resolve("x.html").toString());
        assertThat(r.err().strip()).isEqualTo("error: 窗口尺寸应写作 宽x高，例如 1280x720，而不是“1280”");
        // a page written: what it holds, in Chinese
        Path out = dir.resolve("forget.zh.html");
        r = MainTest.run("lessons", "handout", "forget", "--lessons", GOOD.toString(), "--no-pictures", "--lang", "zh",
                "--answers", "--notes", "--out", out.toString());
        assertThat(r.status()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).startsWith(out + "：4 步，0 张图片，含答案，含教师备注（").endsWith(" KB）" + System.lineSeparator());
    }

    @Test
    void aLessonCanBeNamedByItsNumber(@TempDir Path dir) throws Exception {
        // lesson 9 of the shipped ones is lstm-gates (09-lstm-gates.*.md): "9" and "09" name it as its id does
        for (String n : List.of("9", "09")) {
            Path out = dir.resolve("l" + n + ".html");
            MainTest.Result r = MainTest.run("lessons", "handout", n, "--no-pictures", "--out", out.toString());
            assertThat(r.status()).as(r.err()).isEqualTo(Main.OK);
            assertThat(Files.readString(out)).contains("<h1>The LSTM");
        }
        MainTest.Result r = MainTest.run("lessons", "handout", "99", "--no-pictures", "--out", dir.resolve("x.html").toString());
        assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("no lesson \"99\" in the shipped lessons; give a number or an id:")
                .contains("9 lstm-gates").doesNotContain("Exception");
    }
}
