package rnnlab.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lesson names UI labels in bold (**Start**); a student alone must find them in the window of the
 * lesson's language. A bold text in a Chinese lesson that is an English UI label whose Chinese text
 * differs (the window shows 开始, the lesson says **Start**) is a violation, and the other way round
 * for English lessons. Same rule as the team's zh-ui-labels tool, kept here so the project checks itself.
 */
class LessonUiLabelsTest {
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");

    private static String norm(String v) {
        return v.replaceAll("[\u2026.:\uff1a]+$", "").strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Words just before a bold text that say it is a control to use ("Press **Run**", "按 **运行**"). A bare
     * 按 means "press" only after a break or 再/或/先/然后 ("PyTorch 按 **i、f、g、o**" is "in the order").
     */
    private static final Pattern CUE_BEFORE_EN = Pattern.compile(
            "(?i)\\b(press|click|tick|untick|choose|select|pick|open|turn on|turn off|panel's|menu's|window's)\\s*(the\\s+)?$");
    private static final Pattern CUE_BEFORE_ZH = Pattern.compile(
            "((^|[\u3002\uff0c\uff1b\uff1a\uff08\uff09\u3001()$]|\u518d|\u6216|\u5148|\u7136\u540e)\u6309\u4e0b?"
            + "|\u9762\u677f(\u7684|\u91cc\u7684|\u4e2d\u7684)|\u70b9\u51fb|\u5355\u51fb|\u52fe\u9009|\u9009\u4e2d|\u9009\u62e9|\u6253\u5f00|\u5173\u95ed|\u5207\u6362\u5230)\\s*$");
    /** Words just after a bold text that say it is a control ("the **Temperature τ** field", "**温度 τ** 输入框"). */
    private static final Pattern CUE_AFTER_EN = Pattern.compile("^\\s*(button|slider|box|checkbox|check box|field|menu|tab)\\b");
    private static final Pattern CUE_AFTER_ZH = Pattern.compile(
            "^\\s*(\u6309\u94ae|\u6ed1\u5757|\u590d\u9009\u6846|\u83dc\u5355|\u9009\u9879|\u8f93\u5165\u6846)");

    /** Whether the bold text at {@code m} in {@code line} is named as a control by the words around it. */
    static boolean namedAsControl(String line, Matcher m, boolean zh) {
        String before = line.substring(0, m.start());
        String after = line.substring(m.end());
        return zh ? CUE_BEFORE_ZH.matcher(before).find() || CUE_AFTER_ZH.matcher(after).find()
                : CUE_BEFORE_EN.matcher(before).find() || CUE_AFTER_EN.matcher(after).find();
    }

    /** Whether {@code bold} is a label of the window: a label itself, or a label's part before its colon. */
    static boolean isLabel(java.util.Set<String> own, String bold) {
        return own.contains(norm(bold));
    }

    private static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        if (Files.exists(p)) {
            try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                props.load(r);
            }
        }
        return props;
    }

    /** Labels of language {@code from} whose text in {@code to} differs: normalised label → the other text. */
    static Map<String, String> foreignLabels(Path resources, String from, String to) throws IOException {
        Map<String, String> labels = new HashMap<>();
        List<Path> bundles;
        try (Stream<Path> s = Files.walk(resources)) {
            bundles = s.filter(p -> p.getFileName().toString().endsWith("_" + from + ".properties")).toList();
        }
        for (Path p : bundles) {
            Properties a = load(p);
            Properties b = load(p.resolveSibling(p.getFileName().toString().replace("_" + from + ".", "_" + to + ".")));
            for (String k : a.stringPropertyNames()) {
                String v = a.getProperty(k).strip();
                String other = b.getProperty(k, "?");
                if (v.length() >= 2 && v.length() <= 40 && !v.contains("{") && !norm(other).equals(norm(v))) {
                    labels.put(norm(v), other);
                }
            }
        }
        return labels;
    }

    /** Every label (normalised) of language {@code lang}'s bundles. */
    static java.util.Set<String> ownLabels(Path resources, String lang) throws IOException {
        java.util.Set<String> out = new java.util.HashSet<>();
        try (Stream<Path> s = Files.walk(resources)) {
            for (Path p : s.filter(x -> x.getFileName().toString().endsWith("_" + lang + ".properties")).toList()) {
                Properties a = load(p);
                for (String k : a.stringPropertyNames()) {
                    String v = a.getProperty(k);
                    out.add(norm(v));
                    // "Connectivity: click a character" is the label "Connectivity" with a hint after it
                    String[] head = v.split("[:\uff1a]", 2);
                    if (head.length == 2 && !head[0].isBlank()) {
                        out.add(norm(head[0]));
                    }
                }
            }
        }
        return out;
    }

    /** "file:line: **label** …" for every bold UI label that the lesson's own window does not show. */
    static List<String> violations(Path lessons, Path resources) throws IOException {
        Map<String, String> enLabels = foreignLabels(resources, "en", "zh");
        Map<String, String> zhLabels = foreignLabels(resources, "zh", "en");
        Map<String, java.util.Set<String>> own = Map.of("en", ownLabels(resources, "en"), "zh", ownLabels(resources, "zh"));
        List<String> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(lessons)) {
            files = s.filter(p -> p.toString().endsWith(".zh.md") || p.toString().endsWith(".en.md")).sorted().toList();
        }
        for (Path f : files) {
            boolean zh = f.toString().endsWith(".zh.md");
            Map<String, String> foreign = zh ? enLabels : zhLabels;
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = BOLD.matcher(lines.get(i));
                while (m.find()) {
                    String b = m.group(1);
                    if (b.contains("\u25b8")) {
                        // a menu path (View ▸ Teacher notes): each part is a label of the lesson's own window
                        for (String part : b.split("\u25b8")) {
                            if (!own.get(zh ? "zh" : "en").contains(norm(part))) {
                                out.add(f.getFileName() + ":" + (i + 1) + ": **" + b + "**: \"" + part.strip()
                                        + "\" is not a label of this lesson's window");
                            }
                        }
                        continue;
                    }
                    boolean script = zh ? b.matches(".*[a-zA-Z].*") : b.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF);
                    if (script && foreign.containsKey(norm(b))) {
                        out.add(f.getFileName() + ":" + (i + 1) + ": **" + b + "** is shown as \"" + foreign.get(norm(b))
                                + "\" in this lesson's window");
                    } else if (namedAsControl(lines.get(i), m, zh) && !isLabel(own.get(zh ? "zh" : "en"), b)) {
                        // a control the class is told to use must be found in the window of the lesson's language
                        out.add(f.getFileName() + ":" + (i + 1) + ": **" + b + "** is named as a control but is not a label of"
                                + " this lesson's window");
                    }
                }
            }
        }
        return out;
    }

    @Test
    void shippedLessonsNameTheLabelsOfTheirOwnLanguage() throws IOException {
        assertThat(violations(Path.of("lessons"), Path.of("src/main/resources"))).isEmpty();
    }

    @Test
    void aMenuPathThatTheLessonsWindowDoesNotHaveIsCaught(@TempDir Path dir) throws IOException {
        Path res = dir.resolve("res/rnnlab/i18n");
        Files.createDirectories(res);
        Files.writeString(res.resolve("messages_en.properties"), "menu.view=View\nnotes=Teacher notes\n");
        Files.writeString(res.resolve("messages_zh.properties"), "menu.view=\\u89c6\\u56fe\nnotes=\\u6559\\u5e08\\u5907\\u6ce8\n");
        Path les = dir.resolve("lessons");
        Files.createDirectories(les);
        // 视图 ▸ 教师备注 is right; 教师笔记 is not what the Chinese window says; nor is Teacher Notes: in English
        Files.writeString(les.resolve("01-x.zh.md"), "打开 **视图 ▸ 教师备注**。\n打开 **视图 ▸ 教师笔记**。\n");
        Files.writeString(les.resolve("01-x.en.md"), "Turn on **View ▸ Teacher notes**, or **View ▸ Notes for teachers**.\n");
        assertThat(violations(les, dir.resolve("res"))).containsExactly(
                "01-x.en.md:1: **View ▸ Notes for teachers**: \"Notes for teachers\" is not a label of this lesson's window",
                "01-x.zh.md:2: **视图 ▸ 教师笔记**: \"教师笔记\" is not a label of this lesson's window");
    }

    @Test
    void aChineseLessonThatSaysStartIsCaught(@TempDir Path dir) throws IOException {
        Path res = dir.resolve("res/rnnlab/i18n");
        Files.createDirectories(res);
        Files.writeString(res.resolve("messages_en.properties"), "training.start=Start\nclip=Clip norm at\n");
        Files.writeString(res.resolve("messages_zh.properties"), "training.start=\\u5f00\\u59cb\nclip=\\u68af\\u5ea6\\u88c1\\u526a\\u8303\\u6570\n");
        Path les = dir.resolve("lessons");
        Files.createDirectories(les);
        Files.writeString(les.resolve("01-x.zh.md"), "按 **Start**（F6），再看 **开始** 和 **LSTM**。\n**Clip norm at:** 1\n");
        Files.writeString(les.resolve("01-x.en.md"), "Press **开始** or **Start**.\n");
        assertThat(violations(les, dir.resolve("res"))).containsExactly(
                "01-x.en.md:1: **开始** is shown as \"Start\" in this lesson's window",
                "01-x.zh.md:1: **Start** is shown as \"开始\" in this lesson's window",
                "01-x.zh.md:2: **Clip norm at:** is shown as \"梯度裁剪范数\" in this lesson's window");
    }

    @Test
    void aControlNamedInTheLessonsOwnLanguageThatTheWindowDoesNotHaveIsCaught(@TempDir Path dir) throws IOException {
        Path res = dir.resolve("res/rnnlab/i18n");
        Files.createDirectories(res);
        Files.writeString(res.resolve("messages_en.properties"),
                "run=Run\nconn=Connectivity: click a character\ntemp=Temperature \\u03c4\n");
        Files.writeString(res.resolve("messages_zh.properties"),
                "run=\\u8fd0\\u884c\nconn=\\u8fde\\u901a\\u6027\\uff1a\\u70b9\\u51fb\\u4e00\\u4e2a\\u5b57\\u7b26\ntemp=\\u6e29\\u5ea6 \\u03c4\n");
        Path les = dir.resolve("lessons");
        Files.createDirectories(les);
        // right: 按 **运行**, 打开**连通性** (the label before its colon), the **温度 τ** 输入框; emphasis and
        // "in the order" (PyTorch 按 **i、f、g、o**) are no controls. Wrong: a control the Chinese window does not have.
        Files.writeString(les.resolve("01-x.zh.md"), "按 **运行**，再打开**连通性**，在 **温度 τ** 输入框里输入 2。\n"
                + "模型**学会**了；PyTorch 按 **i、f、g、o** 排列。\n"
                + "然后按 **运行实验**，勾选 **显示梯度**，在 **温度** 输入框里输入 1。\n"
                + "面板的**温度**太高。\n"
                + "用默认设置（2 个种子；$H = 32$）按 **运行实验**。\n");
        Files.writeString(les.resolve("01-x.en.md"), "Press **Run**, then open **Connectivity**; the **learning rate** matters.\n"
                + "Press **Run experiment** and set the **Temp** field.\n");
        assertThat(violations(les, dir.resolve("res"))).containsExactly(
                "01-x.en.md:2: **Run experiment** is named as a control but is not a label of this lesson's window",
                "01-x.en.md:2: **Temp** is named as a control but is not a label of this lesson's window",
                "01-x.zh.md:3: **运行实验** is named as a control but is not a label of this lesson's window",
                "01-x.zh.md:3: **显示梯度** is named as a control but is not a label of this lesson's window",
                "01-x.zh.md:3: **温度** is named as a control but is not a label of this lesson's window",
                "01-x.zh.md:4: **温度** is named as a control but is not a label of this lesson's window",
                "01-x.zh.md:5: **运行实验** is named as a control but is not a label of this lesson's window");
    }
}
