package rnnlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rnnlab.io.InputException;
import rnnlab.lessons.LessonEntry;
import rnnlab.lessons.LessonLibrary;

/** {@code snapshot --lesson ID --step N --out FILE.png}: one step of a lesson as the app shows it. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"Writes a PNG of one step of a lesson as the app shows it (for a handout, a slide or a bug "
                + "report). Runs without a display."},
        footer = {"", "Examples:", "  java -jar rnnlab.jar snapshot --lesson lstm-gates --step 3 --out gates.png",
            "  java -jar rnnlab.jar snapshot --lesson my-gru --lessons my-lessons --step 2 --present --size 1024x768 "
                + "--lang zh --out step2.png"})
final class SnapshotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--lesson", required = true, paramLabel = "ID", description = "the lesson's id or number (e.g. lstm-gates or 9)")
    String lesson;

    @Option(names = "--step", defaultValue = "1", paramLabel = "N", description = "the step, from 1 (default ${DEFAULT-VALUE})")
    int step;

    @Option(names = "--lessons", paramLabel = "DIR", description = "a lessons folder (default: the shipped lessons)")
    Path dir;

    @Option(names = "--present", description = "in presentation mode (as in front of a class)")
    boolean present;

    @Option(names = "--size", defaultValue = "1280x720", paramLabel = "WxH[@S]", description = "the window size (default "
            + "${DEFAULT-VALUE}); @2 for a HiDPI screen at scale 2: 1280x720@2 is a 2560x1440 picture of the 1280x720 window")
    String size;

    @Option(names = "--lang", description = "the lesson's language and that of the messages: en or zh (default: en)")
    String lang;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "the picture to write")
    Path out;

    /** The language asked for: the option, else the launcher's {@code --lang} (a system property), else en. */
    static String language(String given) {
        String l = given != null ? given : System.getProperty(LessonsCheckCommand.LANG_PROPERTY);
        if (l == null) {
            return "en";
        }
        if (!LessonLibrary.LANGUAGES.contains(l)) {
            // not a language to answer in: English, the default
            throw new IllegalArgumentException(CliText.get(false, "cli.lang.unknown", l));
        }
        return l;
    }

    @Override
    public Integer call() throws Exception {
        // every message in the language asked for (--lang zh: Chinese), so the language comes first
        String language = language(lang);
        boolean zh = "zh".equals(language);
        LessonScreens screens = Main.screens();
        if (screens == null) {
            throw new IllegalArgumentException(LessonScreens.unavailable("snapshot", zh));
        }
        LessonScreens.Size wh = LessonScreens.Size.parse(size, zh);
        if (out.getFileName() == null
                || !out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException(CliText.get(zh, "cli.snapshot.out", out));
        }
        LessonLibrary lib = library(dir, zh);
        rnnlab.lessons.Lesson l = lesson(lib, lesson, dir, language);
        int steps = l.steps().size();
        if (step < 1 || step > steps) {
            throw new IllegalArgumentException(CliText.get(zh, "cli.snapshot.step", l.id(), steps, step));
        }
        // the lesson's id, also when --lesson gave its number
        LessonScreens.Screen sc;
        try {
            sc = screens.show(lib, List.of(new LessonScreens.Shot(l.id(), step - 1, language, wh.width(), wh.height(),
                    present, out, wh.scale()))).get(0);
        } catch (java.io.IOException ex) {
            throw ex; // a picture that cannot be written: the file's problem (bad input), said as before
        } catch (Exception ex) {
            throw WindowFailed.of("snapshot", ex, zh);
        }
        if (sc.error() != null) {
            spec.commandLine().getErr().println("snapshot: " + sc.error(zh));
            return Main.CHECK_FAILED;
        }
        spec.commandLine().getOut().println(out);
        return Main.OK;
    }

    /**
     * The shipped lessons, or those of {@code dir} beside them (so its lessons may name shipped ones); a missing
     * folder is said in Chinese with {@code zh}.
     */
    static LessonLibrary library(Path dir, boolean zh) throws Exception {
        if (dir != null && !Files.isDirectory(dir)) {
            throw new InputException(String.valueOf(dir), "", CliText.get(zh, "cli.folder.missing"));
        }
        return dir != null ? LessonLibrary.beside(LessonLibrary.load(LessonLibrary.builtInFolder()), LessonLibrary.load(dir))
                : LessonLibrary.load(LessonLibrary.builtInFolder());
    }

    /** Lesson {@code id} in {@code language}, or an exception naming the lessons there are / its first problem. */
    static rnnlab.lessons.Lesson lesson(LessonLibrary lib, String id, Path dir, String language) {
        Path folder = dir != null ? dir : LessonLibrary.builtInFolder();
        LessonEntry e = lib.entry(id);
        if (e == null && id.matches("\\d{1,3}")) {
            // a teacher who knows "lesson 9" types 9 or 09 (the number in its file name); with --lessons DIR the
            // folder's lesson of that number, listed after the shipped ones, before a shipped one
            int n = Integer.parseInt(id);
            e = lib.entries().stream().filter(x -> x.number() == n).reduce((a, b) -> b).orElse(null);
        }
        boolean zh = "zh".equals(language);
        if (e == null) {
            String there = String.join(", ", lib.entries().stream().map(x -> x.number() + " " + x.id()).toList());
            throw new IllegalArgumentException(dir != null ? CliText.get(zh, "cli.lesson.unknownIn", id, dir, there)
                    : CliText.get(zh, "cli.lesson.unknownShipped", id, there));
        }
        if (!e.ok() || e.lesson(language) == null) {
            throw new IllegalArgumentException(e.problems().isEmpty() ? CliText.get(zh, "cli.lesson.problems", id)
                    : CliText.get(zh, "cli.lesson.problemsFirst", id, e.problems().get(0).describe(folder)));
        }
        return e.lesson(language);
    }
}
