package rnnlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.LessonEntry;
import rnnlab.lessons.LessonLibrary;
import rnnlab.lessons.Problem;
import rnnlab.lessons.Step;

/**
 * {@code lessons check --layout}: every step of every readable lesson shown in the window (with
 * {@code --present} in presentation mode, as in front of a class) at each size in each language, through the app's {@link LessonScreens}. Text the
 * layout checker finds cut, clipped or over other text is a problem on the step's heading line
 * ({@code 03-x.en.md:40: step 2: view lstm: label "…" clipped by #x (1024x768)}); a checkpoint that does
 * not show whole in the lesson panel (its question, options, Check and result; the narration above it may
 * scroll) is a warning.
 */
final class LayoutReport {
    private LayoutReport() {
    }

    static List<Problem> check(LessonLibrary lib, List<LessonScreens.Size> sizes, boolean present, List<Problem> warnings,
                              PrintWriter err) {
        return check(lib, sizes, present, warnings, err, false);
    }

    /** As above; with {@code zh} ({@code --lang zh}) every message is in Chinese. */
    static List<Problem> check(LessonLibrary lib, List<LessonScreens.Size> sizes, boolean present, List<Problem> warnings,
                              PrintWriter err, boolean zh) {
        LessonScreens screens = Main.screens();
        if (screens == null) {
            throw new IllegalArgumentException(LessonScreens.unavailable("--layout", zh));
        }
        List<LessonScreens.Shot> shots = new ArrayList<>();
        List<Lesson> of = new ArrayList<>();
        for (String lang : LessonLibrary.LANGUAGES) {
            for (LessonEntry e : lib.entries()) {
                Lesson l = e.ok() ? e.lesson(lang) : null;
                if (l == null) {
                    continue;
                }
                for (Step s : l.steps()) {
                    for (LessonScreens.Size size : sizes) {
                        shots.add(new LessonScreens.Shot(l.id(), s.index(), lang, size.width(), size.height(), present, null,
                                size.scale()));
                        of.add(l);
                    }
                }
            }
        }
        err.println(CliText.get(zh, "cli.layout.showing", shots.size()));
        err.flush();
        List<LessonScreens.Screen> shown;
        try {
            shown = screens.show(lib, shots);
        } catch (Exception ex) {
            // a timeout has no message: say what happened and what to try, never "null"
            throw WindowFailed.of("--layout", ex, zh);
        }
        Set<Problem> out = new LinkedHashSet<>();
        for (int i = 0; i < shown.size(); i++) {
            LessonScreens.Screen sc = shown.get(i);
            LessonScreens.Shot shot = sc.shot();
            Lesson l = of.get(i);
            Step step = l.steps().get(shot.step());
            String at = zh ? "第 " + (shot.step() + 1) + " 步：" : "step " + (shot.step() + 1) + ": ";
            String size = new LessonScreens.Size(shot.width(), shot.height(), shot.scale()).label();
            if (sc.error() != null) {
                out.add(new Problem(l.file(), step.line(), CliText.get(zh, "cli.layout.notShown", shot.step() + 1, size,
                        sc.error(zh))));
                continue;
            }
            for (String f : sc.findings()) {
                out.add(new Problem(l.file(), step.line(), at + (zh ? finding(f) + "（" + size + "）" : f + " (" + size + ")")));
            }
            if (!sc.fits()) {
                int n = step.checkpoints().size();
                warnings.add(new Problem(l.file(), step.line(), at + (zh ? fitWarning(size, present)
                        : "warning: the checkpoint" + (n > 1 ? "s do" : " does") + " not fit the lesson panel at " + size
                        + (present ? " in presentation mode" : "") + ": the " + (present ? "class has" : "student has")
                        + " to scroll to see all of the question, its options and the result"
                        + " (shorten the question or its options, or split the step)")));
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * The warning that a step's checkpoints do not show whole in the lesson panel, in Chinese (the
     * narration scrolling above them is no warning: issue 12 pins the checkpoint below it).
     */
    static String fitWarning(String size, boolean present) {
        return "警告：在 " + size + (present ? " 的演示模式" : " ") + "下，检查点放不进课程面板：" + (present ? "全班" : "学生")
                + "要滚动才能看全问题、选项和结果（缩短问题或选项，或把这一步拆开）";
    }

    private static final Pattern FINDING = Pattern.compile("(?s)(.*?): label \"(.*)\" (cut with an ellipsis|outside the window|drawn over graphics|clipped by (.*)|overlaps \"(.*)\"|too small \\((.*) px, under (\\d+)\\))");

    /**
     * A layout finding ({@code view lstm: label "…" cut with an ellipsis}, see the app's StepScreens) in
     * Chinese: {@code 视图 lstm：标签“…”被省略号截断}. One of another form is left as it is.
     */
    static String finding(String f) {
        Matcher m = FINDING.matcher(f);
        if (!m.matches()) {
            return f;
        }
        String where = m.group(1);
        if (where.startsWith("view ")) {
            where = "视图 " + where.substring(5);
        } else if (where.equals("lesson panel")) {
            where = "课程面板";
        }
        String what = m.group(3);
        String zh;
        if (what.equals("cut with an ellipsis")) {
            zh = "被省略号截断";
        } else if (what.equals("outside the window")) {
            zh = "超出窗口";
        } else if (what.equals("drawn over graphics")) {
            zh = "画在图形上";
        } else if (m.group(6) != null) {
            zh = "字太小（" + m.group(6) + " 像素，不到 " + m.group(7) + " 像素）";
        } else if (m.group(4) != null) {
            zh = "被 " + (m.group(4).equals("the canvas") ? "画布" : m.group(4)) + " 裁掉一部分";
        } else {
            zh = "与“" + m.group(5) + "”重叠";
        }
        return where + "：标签“" + m.group(2) + "”" + zh;
    }
}
