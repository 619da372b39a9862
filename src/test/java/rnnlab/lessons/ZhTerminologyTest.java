package rnnlab.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Chinese text (lessons and the zh bundles) keeps the tutorials' terms: 循环单元 (or LSTM 单元, GRU 单元)
 * for the cell type and 隐藏单元 for one component of h — never a bare 单元; 通过时间反向传播 for BPTT, not
 * 随时间反向传播; 加和问题（adding problem）, not 加法问题 (lesson 14's task is 二进制加法); and no English word
 * inside the maths of a Chinese lesson (\text{target}, \text{if}).
 */
class ZhTerminologyTest {
    private static final Pattern BARE_UNIT = Pattern.compile("(?<!循环|隐藏|LSTM |GRU |LSTM|GRU)单元(?!格)");
    private static final Pattern MATH = Pattern.compile("\\$\\$(.+?)\\$\\$|\\$([^$\\n]+)\\$", Pattern.DOTALL);
    private static final Pattern TEXT_WORD = Pattern.compile("\\\\text\\{[^}]*[A-Za-z]{2,}[^}]*\\}");

    static List<String> violations(Path lessons, Path resources) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(lessons)) {
            s.filter(p -> p.toString().endsWith(".zh.md")).sorted().forEach(files::add);
        }
        try (Stream<Path> s = Files.walk(resources)) {
            s.filter(p -> p.toString().endsWith("_zh.properties") || p.toString().endsWith("_zh.md")).sorted().forEach(files::add);
        }
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i];
                String where = f.getFileName() + ":" + (i + 1) + ": ";
                if (BARE_UNIT.matcher(l).find()) {
                    out.add(where + "a bare 单元: say 循环单元 (the cell) or 隐藏单元 (a unit)");
                }
                if (l.contains("随时间反向传播")) {
                    out.add(where + "随时间反向传播: the tutorials say 通过时间反向传播");
                }
                if (l.contains("加法问题")) {
                    out.add(where + "加法问题: the adding problem is 加和问题 (二进制加法 is lesson 14)");
                }
            }
            if (f.toString().endsWith(".md")) {
                Matcher m = MATH.matcher(text);
                while (m.find()) {
                    String math = m.group(1) != null ? m.group(1) : m.group(2);
                    Matcher w = TEXT_WORD.matcher(math);
                    while (w.find()) {
                        int line = text.substring(0, m.start()).split("\n", -1).length;
                        out.add(f.getFileName() + ":" + line + ": English in the maths: " + w.group());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void chineseLessonsAndBundlesUseTheTutorialsTerms() throws IOException {
        assertThat(violations(Path.of("lessons"), Path.of("src/main/resources"))).isEmpty();
    }

    @Test
    void plantedViolationsAreCaught(@TempDir Path dir) throws IOException {
        Path les = Files.createDirectories(dir.resolve("lessons"));
        Path res = Files.createDirectories(dir.resolve("res"));
        Files.writeString(les.resolve("01-x.zh.md"), "循环单元有 3 个隐藏单元；LSTM 单元；表格的单元格。\n"
                + "每个单元都有一个门。\n"
                + "$$\nL = \\text{own loss} + \\text{第 } t \\text{ 步}\n$$\n"
                + "在加法问题上。\n");
        Files.writeString(res.resolve("m_zh.properties"), "a=随时间反向传播\nb=通过时间反向传播\n");
        assertThat(violations(les, res)).containsExactly(
                "01-x.zh.md:2: a bare 单元: say 循环单元 (the cell) or 隐藏单元 (a unit)",
                "01-x.zh.md:6: 加法问题: the adding problem is 加和问题 (二进制加法 is lesson 14)",
                "01-x.zh.md:3: English in the maths: \\text{own loss}",
                "m_zh.properties:1: 随时间反向传播: the tutorials say 通过时间反向传播");
    }
}
