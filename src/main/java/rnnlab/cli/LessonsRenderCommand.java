package rnnlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rnnlab.io.InputException;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.LessonEntry;
import rnnlab.lessons.LessonLibrary;
import rnnlab.lessons.Problem;
import rnnlab.lessons.Step;

/** {@code lessons render DIR --out DIR}: a PNG of every step of every lesson, as the app shows it. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Writes a PNG of every step of every lesson in a folder, as the app shows it, so an author "
                + "sees a lesson without clicking through it. Runs without a display.",
            "Files: OUT/NN-name/step-SS.LANG.png. A lesson with problems is skipped (run lessons check)."},
        footer = {"", "Examples:", "  java -jar rnnlab.jar lessons render my-lessons --out shots",
            "  java -jar rnnlab.jar lessons render my-lessons --out shots --lang zh --present --size 1024x768"})
final class LessonsRenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "the lessons folder (default: the lessons that ship with RNN Lab)")
    Path dir;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder for the pictures (made if needed)")
    Path out;

    @Option(names = "--lang", description = "the lesson's language and that of the messages: en or zh (default: en)")
    String lang;

    @Option(names = "--size", defaultValue = "1280x720", paramLabel = "WxH[@S]", description = "the window size (default "
            + "${DEFAULT-VALUE}); @2 for a HiDPI screen at scale 2 (pictures twice as wide and high)")
    String size;

    @Option(names = "--present", description = "in presentation mode (as in front of a class)")
    boolean present;

    @Override
    public Integer call() throws Exception {
        // every message in the language asked for (--lang zh: Chinese), so the language comes first
        String language = SnapshotCommand.language(lang);
        boolean zh = "zh".equals(language);
        LessonScreens screens = Main.screens();
        if (screens == null) {
            throw new IllegalArgumentException(LessonScreens.unavailable("lessons render", zh));
        }
        LessonScreens.Size wh = LessonScreens.Size.parse(size, zh);
        Path folder = dir != null ? dir : LessonLibrary.builtInFolder();
        if (!Files.isDirectory(folder)) {
            throw new InputException(String.valueOf(folder), "", CliText.get(zh, "cli.folder.missing"));
        }
        LessonLibrary lib = LessonLibrary.load(folder);
        PrintWriter o = spec.commandLine().getOut();
        List<LessonScreens.Shot> shots = new ArrayList<>();
        int skipped = 0;
        for (LessonEntry e : lib.entries()) {
            Lesson l = e.ok() ? e.lesson(language) : null;
            if (l == null) {
                skipped++;
                for (Problem p : e.problems()) {
                    o.println(p.describe(folder));
                }
                continue;
            }
            String name = String.format("%02d-%s", l.number(), l.id());
            for (Step s : l.steps()) {
                shots.add(new LessonScreens.Shot(l.id(), s.index(), language, wh.width(), wh.height(), present,
                        out.resolve(name).resolve(String.format("step-%02d.%s.png", s.index() + 1, language)), wh.scale()));
            }
        }
        int failed = 0;
        List<LessonScreens.Screen> shown = WindowFailed.show(screens, lib, shots, "lessons render", zh,
                spec.commandLine().getErr());
        for (LessonScreens.Screen sc : shown) {
            if (sc.error() != null) {
                failed++;
                o.println(CliText.get(zh, "cli.render.notWritten", sc.shot().png(), sc.error(zh)));
            } else {
                o.println(sc.shot().png());
            }
        }
        o.println(skipped > 0 ? CliText.get(zh, "cli.render.writtenSkipped", shots.size() - failed, out, skipped)
                : CliText.get(zh, "cli.render.written", shots.size() - failed, out));
        return failed == 0 && skipped == 0 ? Main.OK : Main.CHECK_FAILED;
    }
}
