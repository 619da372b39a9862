package rnnlab.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rnnlab.io.AtomicFiles;
import rnnlab.lessons.Checkpoint;
import rnnlab.lessons.Exercise;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.LessonEntry;
import rnnlab.lessons.LessonLibrary;
import rnnlab.lessons.Step;
import rnnlab.session.LessonEngine;

/**
 * {@code lessons handout ID --out FILE.html}: a lesson as one printable page — each step's picture as the app
 * shows it, its narration and checkpoints — with the engine's answers and the teacher notes on request.
 */
@Command(name = "handout", mixinStandardHelpOptions = true,
        description = {"Writes a lesson as one HTML page to print or share: every step's picture as the app shows "
                + "it, its narration and its checkpoints; with --answers the answers the engine computes, with --notes "
                + "the teacher notes. The page holds its pictures and opens offline; for a PDF, print it from a browser. "
                + "Runs without a display."},
        footer = {"", "Examples:", "  java -jar rnnlab.jar lessons handout lstm-gates --out gates.html",
            "  java -jar rnnlab.jar lessons handout lstm-gates --answers --notes --lang zh --out gates-key.zh.html",
            "  java -jar rnnlab.jar lessons handout my-gru --lessons my-lessons --no-pictures --out my-gru.html"})
final class LessonsHandoutCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "the lesson's id or number (e.g. lstm-gates or 9)")
    String lesson;

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "the page to write")
    Path out;

    @Option(names = "--lessons", paramLabel = "DIR", description = "a lessons folder (default: the shipped lessons)")
    Path dir;

    @Option(names = "--lang", description = "the lesson's language and that of the messages: en or zh (default: en)")
    String lang;

    @Option(names = "--answers", description = "with each checkpoint's and exercise's answer (a key for the teacher)")
    boolean answers;

    @Option(names = "--notes", description = "with the teacher notes")
    boolean notes;

    @Option(names = "--present", description = "pictures in presentation mode")
    boolean present;

    @Option(names = "--size", defaultValue = "1280x720", paramLabel = "WxH", description = "the window size of the pictures "
            + "(default ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--no-pictures", description = "text only: no picture of each step (faster; needs no window code)")
    boolean noPictures;

    @Override
    public Integer call() throws Exception {
        String language = SnapshotCommand.language(lang);
        boolean zh = "zh".equals(language);
        int[] wh = LessonScreens.size(size, zh);
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".html") && !name.endsWith(".htm")) {
            throw new IllegalArgumentException(CliText.get(zh, "cli.handout.out", out));
        }
        LessonScreens screens = noPictures ? null : Main.screens();
        if (!noPictures && screens == null) {
            throw new IllegalArgumentException(CliText.get(zh, "cli.unavailable.noPictures", "lessons handout"));
        }
        AtomicFiles.checkWritable(out);
        LessonLibrary lib = SnapshotCommand.library(dir, zh);
        Lesson l = SnapshotCommand.lesson(lib, lesson, dir, language);
        Map<Integer, byte[]> pictures = new HashMap<>();
        int failed = 0;
        if (screens != null) {
            Path tmp = Files.createTempDirectory("rnnlab-handout");
            try {
                List<LessonScreens.Shot> shots = new ArrayList<>();
                for (Step s : l.steps()) {
                    shots.add(new LessonScreens.Shot(l.id(), s.index(), language, wh[0], wh[1], present,
                            tmp.resolve(String.format("step-%02d.png", s.index() + 1))));
                }
                List<LessonScreens.Screen> shown = WindowFailed.show(screens, lib, shots, "lessons handout", zh,
                        spec.commandLine().getErr());
                for (LessonScreens.Screen sc : shown) {
                    if (sc.error() != null || !Files.isRegularFile(sc.shot().png())) {
                        failed++;
                        // no reason but no file either: said so, not "null"
                        spec.commandLine().getErr().println(CliText.get(zh, "cli.handout.noPicture", sc.shot().step() + 1,
                                sc.error() != null ? sc.error(zh) : CliText.get(zh, "cli.shot.noFile")));
                    } else {
                        pictures.put(sc.shot().step(), Files.readAllBytes(sc.shot().png()));
                    }
                }
            } finally {
                try (var files = Files.list(tmp)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(tmp);
            }
        }
        Map<Integer, List<HandoutHtml.Answer>> keys = new HashMap<>();
        Map<Integer, String> exerciseValues = new HashMap<>();
        if (answers) {
            for (Step s : l.steps()) {
                List<HandoutHtml.Answer> list = new ArrayList<>();
                for (Checkpoint c : s.checkpoints()) {
                    list.add(answer(s, c, "zh".equals(language)));
                }
                keys.put(s.index(), list);
            }
            for (Exercise x : l.exercises()) {
                if (x.value() != null) {
                    exerciseValues.put(x.number(), ExerciseKey.value(l, x, "zh".equals(language)));
                }
            }
        }
        String html = new HandoutHtml(l, new HandoutHtml.Options(answers, notes)).page(pictures, keys, exerciseValues,
                id -> {
                    LessonEntry e = lib.entry(id);
                    Lesson p = e == null ? null : e.lesson(language);
                    return p == null ? null : p.title();
                });
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(out, o -> o.write(bytes));
        spec.commandLine().getOut().println(CliText.get(zh, "cli.handout.written", out, l.steps().size(), pictures.size(),
                (answers ? CliText.get(zh, "cli.handout.withAnswers") : "") + (notes ? CliText.get(zh, "cli.handout.withNotes") : ""),
                bytes.length / 1024));
        return failed == 0 ? Main.OK : Main.CHECK_FAILED;
    }

    /** The engine's answer to checkpoint {@code c} of step {@code s}, in the lesson's language. */
    static HandoutHtml.Answer answer(Step s, Checkpoint c, boolean zh) {
        if (c.kind() == Checkpoint.Kind.CHOICE && !c.computed()) {
            String right = c.options().stream().filter(Checkpoint.Option::marked).map(Checkpoint.Option::label)
                    .findFirst().orElse("?");
            return new HandoutHtml.Answer(null, right, c.explanation(Double.NaN, right));
        }
        double v;
        try {
            v = LessonEngine.evaluate(c.kind() == Checkpoint.Kind.GOAL ? c.goal() : c.value(), LessonEngine.build(s.scene()));
        } catch (Exception e) {
            return new HandoutHtml.Answer(null, (zh ? "（无法计算：" : "(cannot compute: ") + e.getMessage() + (zh ? "）" : ")"), null);
        }
        String value = Checkpoint.format(v);
        return switch (c.kind()) {
            case GOAL -> new HandoutHtml.Answer(value, (zh ? "目标：" : "goal: ") + "`" + c.goal().text() + "` "
                    + c.goalCondition() + (zh ? "（开始时为 " + value + "）" : " (at the start " + value + ")"), null);
            case NUMBER -> new HandoutHtml.Answer(null, value, c.explanation(v, value));
            case CHOICE -> {
                List<String> rights = new ArrayList<>();
                for (Checkpoint.Option o : c.options()) {
                    if (o.condition() != null && !Double.isNaN(v) && o.condition().test(v)) {
                        rights.add(o.label());
                    }
                }
                String a = rights.isEmpty() ? "?" : String.join(zh ? "；" : "; ", rights);
                yield new HandoutHtml.Answer(c.value().text() + " = " + value, a, c.explanation(v, a));
            }
        };
    }
}
