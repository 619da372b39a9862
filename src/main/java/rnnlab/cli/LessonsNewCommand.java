package rnnlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rnnlab.io.InputException;
import rnnlab.lessons.LessonEntry;
import rnnlab.lessons.LessonLibrary;

/**
 * {@code lessons new NAME [--from EXISTING] [DIR]}: writes {@code NN-NAME.en.md} and {@code NN-NAME.zh.md}
 * into DIR (the next free number), either a skeleton that passes {@code lessons check} or a copy of an
 * existing lesson (of DIR or the shipped ones) with the model and sequence files it names.
 */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Writes a new lesson (English and Chinese files) that passes `lessons check`.",
            "", "Without --from: a four-step skeleton with a scene and a checkpoint to edit. With --from: a copy "
                + "of that lesson (from DIR or the shipped lessons) under the new name, with the model and "
                + "sequence files it uses."},
        footer = {"", "Examples:", "  java -jar rnnlab.jar lessons new my-gru my-lessons",
            "  java -jar rnnlab.jar lessons new my-gates --from lstm-gates my-lessons"})
final class LessonsNewCommand implements Callable<Integer> {
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,60}");
    private static final Pattern ID_LINE = Pattern.compile("(?m)^id:.*$");
    private static final Pattern FILE_KEY = Pattern.compile("(?m)^\\s*(model|sequence)\\s*:\\s*(\\S+)\\s*$");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "the lesson's id: lower-case letters, digits and -")
    String name;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DIR", description = "the lessons folder (default: the current folder)")
    Path dir;

    @Option(names = "--from", paramLabel = "EXISTING", description = "copy this lesson (its id) instead of writing a skeleton")
    String from;

    @Override
    public Integer call() throws Exception {
        Path folder = dir != null ? dir : Path.of(".");
        if (!NAME.matcher(name).matches()) {
            throw new InputException(name, "", "a lesson name is lower-case letters, digits and -, such as my-gru");
        }
        Files.createDirectories(folder);
        LessonLibrary here = LessonLibrary.load(folder);
        if (here.entry(name) != null) {
            throw new InputException(folder.toString(), name, "there is already a lesson with this name");
        }
        int number = here.entries().stream().mapToInt(LessonEntry::number).max().orElse(0) + 1;
        List<Path> written = new ArrayList<>();
        for (String lang : LessonLibrary.LANGUAGES) {
            Path f = folder.resolve(String.format("%02d-%s.%s.md", number, name, lang));
            if (Files.exists(f)) {
                throw new InputException(f.toString(), "", "the file exists already; nothing was written");
            }
        }
        if (from == null) {
            for (String lang : LessonLibrary.LANGUAGES) {
                written.add(write(folder.resolve(String.format("%02d-%s.%s.md", number, name, lang)), skeleton(name, lang)));
            }
        } else {
            LessonEntry source = here.entry(from);
            LessonLibrary shipped = source == null ? LessonLibrary.load(LessonLibrary.builtInFolder()) : here;
            if (source == null) {
                source = shipped.entry(from);
            }
            if (source == null) {
                throw new InputException(from, "", "there is no lesson \"" + from + "\" in " + folder + " or the shipped lessons");
            }
            for (String lang : LessonLibrary.LANGUAGES) {
                var lesson = source.lessons().get(lang);
                if (lesson == null) {
                    throw new InputException(from, lang, "the lesson has no readable " + lang + " file");
                }
                String text = Files.readString(lesson.file());
                written.add(write(folder.resolve(String.format("%02d-%s.%s.md", number, name, lang)),
                        ID_LINE.matcher(text).replaceFirst("id: " + name)));
                copyFiles(text, shipped.dir(), folder, written);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        written.forEach(p -> out.println("wrote " + p));
        out.println("check it with: java -jar rnnlab.jar lessons check " + folder);
        out.flush();
        return Main.OK;
    }

    /** The model and sequence files a copied lesson names, copied beside it when the folder lacks them. */
    private static void copyFiles(String text, Path from, Path to, List<Path> written) throws IOException {
        if (from.normalize().equals(to.normalize())) {
            return;
        }
        Matcher m = FILE_KEY.matcher(text);
        while (m.find()) {
            String rel = m.group(2);
            Path src = from.resolve(rel).normalize();
            Path dst = to.resolve(rel).normalize();
            if (!src.startsWith(from.normalize()) || !dst.startsWith(to.normalize()) || Files.exists(dst)
                    || !Files.isRegularFile(src)) {
                continue;
            }
            Files.createDirectories(dst.getParent());
            Files.copy(src, dst);
            written.add(dst);
        }
    }

    private static Path write(Path f, String text) throws IOException {
        rnnlab.io.AtomicFiles.write(f, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return f;
    }

    static String skeleton(String id, String lang) {
        boolean zh = lang.equals("zh");
        return """
                ---
                id: %s
                title: %s
                summary: %s
                ---

                ## %s
                ```scene
                preset: gru_6
                seed: 1
                text: "hello hello"
                step: 0
                views: text, gru, heatmap
                ```
                %s

                ## %s
                ```scene
                step: 3
                highlight: gru.gate.z
                mask: gate z
                ```
                %s

                ```check
                id: z-third
                kind: choice
                question: %s
                value: gate z unit 1 step 3
                option: %s | > 0.5
                option: %s | <= 0.5
                explain: %s
                ```

                ## %s
                ```scene
                step: end
                ```
                %s

                ## %s
                %s
                """.formatted(id,
                zh ? "新课程" : "A new lesson",
                zh ? "一句话说明这节课讲什么。" : "One sentence that says what this lesson is about.",
                zh ? "开始" : "Start", zh ? "在这里写旁白。" : "Write the narration here.",
                zh ? "一个问题" : "A question", zh ? "先预测，再揭晓。" : "Predict, then reveal.",
                zh ? "第 3 步时，单元 1 的更新门 $z$ 是大于还是小于 0.5？" : "At step 3, is unit 1's update gate $z$ above or below 0.5?",
                zh ? "大于 0.5" : "above 0.5", zh ? "不大于 0.5" : "0.5 or below",
                zh ? "引擎算出的值是 {value}。" : "The engine computes {value}.",
                zh ? "整段序列" : "The whole sequence", zh ? "前向传播已完成。" : "The forward pass is done.",
                zh ? "小结" : "Summary", zh ? "用一两句话总结。" : "Sum up in a sentence or two.");
    }
}
