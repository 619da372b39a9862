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
        return v.replaceAll("[\u2026.:]+$", "").strip().toLowerCase(Locale.ROOT);
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
                    out.add(norm(a.getProperty(k)));
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
}
