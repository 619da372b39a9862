package rnnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: {@code snapshot}, {@code lessons render} and {@code lessons check --layout} say every message in
 * the language of {@code --lang} (or of the launcher's {@code rnnlab.lang}), and a window that cannot be shown
 * is said in a sentence, not as {@code null}. The window is a stand-in here (no window is shown): the messages
 * come before it or from what it returns or throws.
 */
class AuthorCommandsChineseTest {
    static final Path GOOD = Path.of("src/test/resources/lessons/good");

    @AfterEach
    void noLanguageLeftBehind() {
        System.clearProperty(LessonsCheckCommand.LANG_PROPERTY);
    }

    /** Runs a command with {@code screens} as the app's window. */
    static MainTest.Result run(LessonScreens screens, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out), new PrintWriter(err), List.of(screens), args);
        return new MainTest.Result(status, out.toString(), err.toString());
    }

    /** A window that must not be asked for: the input is refused before it. */
    private final List<List<LessonScreens.Shot>> asked = new ArrayList<>();
    private final LessonScreens never = (lib, shots) -> {
        asked.add(shots);
        throw new AssertionError("the window was asked for");
    };

    private static String err(MainTest.Result r) {
        return r.err().strip();
    }

    @Test
    void snapshotRefusesBadInputInChinese(@TempDir Path dir) throws Exception {
        String png = dir.resolve("x.png").toString();
        MainTest.Result r = run(never, "snapshot", "--lessons", GOOD.toString(), "--lesson", "forget", "--step", "9",
                "--lang", "zh", "--out", png);
        assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(err(r)).isEqualTo("error: --step：课程“forget”的步骤为 1 到 4，而不是 9");
        // the English text is as it was
        assertThat(err(run(never, "snapshot", "--lessons", GOOD.toString(), "--lesson", "forget", "--step", "9", "--out", png)))
                .isEqualTo("error: --step: lesson \"forget\" has steps 1 to 4, not 9");

        assertThat(err(run(never, "snapshot", "--lessons", GOOD.toString(), "--lesson", "nope", "--lang", "zh", "--out", png)))
                .startsWith("error: --lesson：" + GOOD + " 中没有课程“nope”；请给出编号或 id：1 why-sequences, ")
                .endsWith(", 1 forget");
        assertThat(err(run(never, "snapshot", "--lesson", "nope", "--lang", "zh", "--out", png)))
                .startsWith("error: --lesson：随附的课程中没有“nope”；请给出编号或 id：1 why-sequences, ")
                .contains("9 lstm-gates");
        assertThat(err(run(never, "snapshot", "--lesson", "forget", "--lessons", GOOD.toString(), "--lang", "zh", "--out",
                dir.resolve("x.jpg").toString()))).isEqualTo("error: --out：图片应为 .png 文件，而不是“" + dir.resolve("x.jpg") + "”");
        assertThat(err(run(never, "snapshot", "--lesson", "forget", "--lessons", GOOD.toString(), "--size", "big", "--lang",
                "zh", "--out", png))).isEqualTo("error: 窗口尺寸应写作 宽x高，例如 1280x720，而不是“big”");
        assertThat(err(run(never, "snapshot", "--lesson", "forget", "--lessons", GOOD.toString(), "--size", "4000x720",
                "--lang", "zh", "--out", png)))
                .isEqualTo("error: 窗口尺寸“4000x720”超出范围：宽 320 到 3840，高 240 到 2160（320x240 到 3840x2160）");
        assertThat(err(run(never, "snapshot", "--lesson", "forget", "--lessons", GOOD.toString(), "--size", "1024x768@9",
                "--lang", "zh", "--out", png))).isEqualTo("error: 屏幕缩放为 1 到 4（例如高分屏用 1280x720@2），而不是“1024x768@9”");
        Path nowhere = dir.resolve("nowhere");
        MainTest.Result missing = run(never, "snapshot", "--lesson", "forget", "--lessons", nowhere.toString(), "--lang", "zh",
                "--out", png);
        assertThat(missing.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(err(missing)).isEqualTo("error: " + nowhere + ": 没有这个文件夹");

        // a lesson with a problem: an unknown preset
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        for (String lang : List.of("en", "zh")) {
            Files.writeString(bad.resolve("01-forget." + lang + ".md"),
                    Files.readString(GOOD.resolve("01-forget." + lang + ".md")).replace("preset: lstm_8", "preset: no_such_preset"));
        }
        MainTest.Result problems = run(never, "snapshot", "--lesson", "forget", "--lessons", bad.toString(), "--lang", "zh",
                "--out", png);
        assertThat(problems.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(err(problems)).startsWith("error: 课程“forget”有问题；请先运行 lessons check：01-forget.");
        assertThat(asked).isEmpty();
    }

    @Test
    void theLaunchersLanguageCountsWhenTheCommandHasNoLangOption(@TempDir Path dir) {
        // java -jar rnnlab.jar snapshot ... --lang zh: the launcher takes --lang off and sets rnnlab.lang
        System.setProperty(LessonsCheckCommand.LANG_PROPERTY, "zh");
        MainTest.Result r = run(never, "snapshot", "--lessons", GOOD.toString(), "--lesson", "1", "--step", "0", "--out",
                dir.resolve("x.png").toString());
        assertThat(err(r)).isEqualTo("error: --step：课程“forget”的步骤为 1 到 4，而不是 0");
        assertThat(err(MainTest.run("lessons", "render", dir.resolve("nowhere").toString(), "--out", dir.toString())))
                .isEqualTo("error: lessons render：这需要 RNN Lab 的窗口代码：请从 rnnlab.jar 运行（java -jar rnnlab.jar ...）；不需要显示器");
    }

    @Test
    void renderSaysItsProgressAndResultInChinese(@TempDir Path dir) throws Exception {
        MainTest.Result r = run(never, "lessons", "render", dir.resolve("nowhere").toString(), "--out", dir.toString(),
                "--lang", "zh");
        assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(err(r)).isEqualTo("error: " + dir.resolve("nowhere") + ": 没有这个文件夹");
        assertThat(err(run(never, "lessons", "render", GOOD.toString(), "--out", dir.toString(), "--size", "100x100",
                "--lang", "zh"))).startsWith("error: 窗口尺寸“100x100”超出范围");
        assertThat(asked).isEmpty();

        // a window that shows step 2 and not the others
        LessonScreens some = (lib, shots) -> shots.stream().map(s -> new LessonScreens.Screen(s, List.of(), true,
                s.step() == 1 ? null : "the lesson has no step " + (s.step() + 1))).toList();
        Path out = dir.resolve("shots");
        MainTest.Result zh = run(some, "lessons", "render", GOOD.toString(), "--out", out.toString(), "--lang", "zh");
        assertThat(zh.status()).isEqualTo(Main.CHECK_FAILED);
        assertThat(err(zh)).isEqualTo("正在绘制 4 个步骤……");
        Path step1 = out.resolve("01-forget").resolve("step-01.zh.png");
        // the window's reason too (StepScreens gives it in English)
        assertThat(zh.out()).contains(step1 + "：未写入：课程没有第 1 步")
                .endsWith("已把 1 张图片写入 " + out + System.lineSeparator());
        MainTest.Result en = run(some, "lessons", "render", GOOD.toString(), "--out", out.toString());
        assertThat(err(en)).isEqualTo("rendering 4 steps ...");
        assertThat(en.out()).endsWith("1 pictures written to " + out + System.lineSeparator());
    }

    @Test
    void handoutSaysWhyAStepHasNoPictureInChinese(@TempDir Path dir) {
        // step 1 shown but no file written (it printed "null"), the others too slow
        LessonScreens slowSteps = (lib, shots) -> shots.stream().map(s -> new LessonScreens.Screen(s, List.of(), true,
                s.step() == 0 ? null : "the step did not finish applying its scene in 30 s")).toList();
        Path html = dir.resolve("forget.html");
        MainTest.Result zh = run(slowSteps, "lessons", "handout", "forget", "--lessons", GOOD.toString(), "--lang", "zh",
                "--out", html.toString());
        assertThat(zh.status()).isEqualTo(Main.CHECK_FAILED);
        assertThat(zh.err().lines().toList()).containsExactly("正在绘制 4 个步骤……", "第 1 步：没有图片：窗口没有写出图片文件",
                "第 2 步：没有图片：这一步在 30 秒内没有完成场景设置", "第 3 步：没有图片：这一步在 30 秒内没有完成场景设置",
                "第 4 步：没有图片：这一步在 30 秒内没有完成场景设置");
        assertThat(zh.out()).startsWith(html + "：4 步，0 张图片（");
        MainTest.Result en = run(slowSteps, "lessons", "handout", "forget", "--lessons", GOOD.toString(), "--out",
                html.toString());
        assertThat(en.err().lines().toList()).contains("step 1: no picture: the window wrote no picture file",
                "step 2: no picture: the step did not finish applying its scene in 30 s");
    }

    @Test
    void aWindowThatDoesNotAnswerIsSaidInASentenceNotAsNull(@TempDir Path dir) {
        LessonScreens slow = (lib, shots) -> {
            throw new LessonScreens.Timeout(30, new java.util.concurrent.TimeoutException());
        };
        String png = dir.resolve("x.png").toString();
        MainTest.Result zh = run(slow, "snapshot", "--lessons", GOOD.toString(), "--lesson", "forget", "--lang", "zh", "--out", png);
        assertThat(zh.status()).isEqualTo(Main.INTERNAL_ERROR);
        assertThat(err(zh)).isEqualTo("error: snapshot：无法显示窗口：窗口在 30 秒内没有响应（电脑可能太忙：关闭其他程序后重试，"
                + "或一次少显示几步）");
        MainTest.Result en = run(slow, "lessons", "check", "--layout", "1280x720", GOOD.toString());
        assertThat(en.status()).isEqualTo(Main.INTERNAL_ERROR);
        assertThat(en.err()).endsWith("error: --layout: the window could not be shown: it did not answer within 30 seconds "
                + "(the computer may be busy: close other programs and try again, or show fewer steps at once)"
                + System.lineSeparator());

        // an exception without a message (as java.util.concurrent.TimeoutException is) printed "null"
        LessonScreens mute = (lib, shots) -> {
            throw new java.util.concurrent.TimeoutException();
        };
        MainTest.Result layout = run(mute, "lessons", "check", "--layout", "1280x720", "--lang", "zh", GOOD.toString());
        assertThat(layout.status()).isEqualTo(Main.INTERNAL_ERROR);
        assertThat(layout.err()).startsWith("正在显示 8 个画面（步骤 × 尺寸 × 语言）……")
                .endsWith("error: --layout：无法显示窗口（TimeoutException，没有说明原因）；请报告这个问题，并附上所用的课程"
                        + System.lineSeparator())
                .doesNotContain("null");
        assertThat(err(run(mute, "lessons", "render", GOOD.toString(), "--out", dir.toString())))
                .endsWith("error: lessons render: the window could not be shown (TimeoutException, without a reason); "
                        + "please report this with the lessons you used");
        // a picture that cannot be written is the file's problem, bad input, as before
        LessonScreens denied = (lib, shots) -> {
            throw new java.nio.file.AccessDeniedException(png);
        };
        MainTest.Result file = run(denied, "snapshot", "--lessons", GOOD.toString(), "--lesson", "forget", "--out", png);
        assertThat(file.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(err(file)).isEqualTo("error: " + png + ": permission denied");
        // a message of its own is kept
        LessonScreens broken = (lib, shots) -> {
            throw new IllegalStateException("no graphics device");
        };
        assertThat(err(run(broken, "lessons", "render", GOOD.toString(), "--out", dir.toString(), "--lang", "zh")))
                .endsWith("error: lessons render：无法显示窗口：no graphics device");
    }
}
