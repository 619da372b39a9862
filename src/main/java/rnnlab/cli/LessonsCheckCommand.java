package rnnlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rnnlab.lessons.Checkpoint;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.LessonEntry;
import rnnlab.lessons.LessonLibrary;
import rnnlab.lessons.Problem;
import rnnlab.lessons.Step;
import rnnlab.session.LessonEngine;

/** {@code lessons check}: every lesson of a folder, read, checked and its checkpoints computed. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks every lesson in a folder.",
            "",
            "Reads each NN-name.en.md / NN-name.zh.md file and reports every problem as file:line: message: "
                + "syntax, unknown keys, presets, model and sequence files that do not load, element ids, units, "
                + "steps and gates that the step's model does not have, and English and Chinese files whose steps "
                + "or checkpoints differ. Then it builds each step's model and computes every checkpoint: a "
                + "choice with no right option for the computed value, or a goal already met when the step opens, "
                + "is a problem too. Exits 0 when all lessons are fine, 1 otherwise."},
        footer = {"", "Examples:", "  java -jar rnnlab.jar lessons check", "  java -jar rnnlab.jar lessons check my-lessons --answers",
            "  java -jar rnnlab.jar lessons check --exercises --lang zh > answer-key.md"})
final class LessonsCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "the lessons folder (default: the lessons that ship with RNN Lab)")
    Path dir;

    @Option(names = "--answers", description = "also print each checkpoint's computed value and right answer")
    boolean answers;

    @Option(names = "--exercises", description = "also print the exercises' answer key (Markdown, one section per lesson, "
            + "computed values included) for a teacher to print")
    boolean exercises;

    @Option(names = "--lang", description = "the language of the answer key, of the --layout messages and of the messages "
            + "about lesson math: en or zh (default: en)")
    String lang;

    @Option(names = "--layout", paramLabel = "SIZES", split = ",",
            description = "also show every step in the window at these sizes (e.g. 1024x768,1280x720; 1280x720@2 is "
                    + "that window on a HiDPI screen at scale 2), "
                    + "in every language, and report text that is cut, clipped or drawn over other text, and a step whose "
                    + "checkpoint does not show whole in the lesson panel (a warning; the narration may scroll). Runs without a display")
    List<String> layout;

    @Option(names = "--present", description = "with --layout: in presentation mode (as in front of a class) instead of "
            + "the window a student uses alone")
    boolean present;

    /**
     * The jar's launcher takes {@code --lang} off the command line wherever it stands (it is the app's
     * language option) and hands it on as the system property {@code rnnlab.lang}; so
     * {@code java -jar rnnlab.jar lessons check --exercises --lang zh} reaches this command without it.
     * The name is spelled out here because cli may not import app (ArchUnit).
     */
    static final String LANG_PROPERTY = "rnnlab.lang";

    /** The answer lines being written are Chinese ({@code --answers --lang zh}). */
    private boolean zhLines;

    private String language() {
        String l = lang != null ? lang : System.getProperty(LANG_PROPERTY);
        return "zh".equals(l) ? "zh" : "en";
    }

    @Override
    public Integer call() {
        // the checker's translated messages (lesson math, rnnlab.i18n) follow --lang as the app's do its language
        java.util.Locale before = rnnlab.i18n.Language.locale();
        rnnlab.i18n.Language.set("zh".equals(language()) ? rnnlab.i18n.Language.CHINESE : rnnlab.i18n.Language.ENGLISH);
        try {
            return check();
        } finally {
            rnnlab.i18n.Language.set(before);
        }
    }

    private Integer check() {
        // a bad size is said before the lessons are computed (which takes a while), not after
        List<LessonScreens.Size> sizes = layout == null ? null
                : layout.stream().map(s -> LessonScreens.Size.parse(s, "zh".equals(language()))).toList();
        Path folder = dir != null ? dir : LessonLibrary.builtInFolder();
        LessonLibrary lib = LessonLibrary.load(folder);
        PrintWriter out = spec.commandLine().getOut();
        List<Problem> problems = new ArrayList<>(lib.allProblems());
        List<String> lines = new ArrayList<>();
        for (LessonEntry e : lib.entries()) {
            if (!e.ok()) {
                continue;
            }
            // both languages compute the same numbers (lessons check compares them), so one is enough for the
            // problems; the answer lines are those of the language asked for (its file, lines and option labels)
            boolean zhKey = answers && "zh".equals(language()) && e.lesson("zh") != null;
            zhLines = false;
            compute(e.lesson("en"), problems, zhKey ? null : lines);
            if (zhKey) {
                zhLines = true;
                compute(e.lesson("zh"), new ArrayList<>(), lines);
            }
            Lesson keyed = e.lesson(zhKey ? "zh" : "en");
            for (rnnlab.lessons.Exercise x : keyed.exercises()) {
                if (x.value() != null) {
                    String v = ExerciseKey.value(keyed, x);
                    if (v.startsWith("(") || v.equals("NaN") || v.contains("Infinity")) {
                        problems.add(new Problem(keyed.file(), x.line(), "exercise \"" + x.id() + "\": "
                                + x.value().text() + " " + v));
                    } else {
                        lines.add(new Problem(keyed.file(), x.line(), "").describe(folder) + (zhKey ? "练习 " : "exercise ")
                                + x.id() + ": " + x.value().text() + " = " + v);
                    }
                }
            }
        }
        List<Problem> warnings = new ArrayList<>();
        if (layout != null) {
            problems.addAll(LayoutReport.check(lib, sizes, present, warnings,
                    spec.commandLine().getErr(), "zh".equals(language())));
        }
        for (Problem p : problems) {
            out.println(p.describe(folder));
        }
        for (Problem w : warnings) {
            out.println(w.describe(folder));
        }
        if (answers) {
            lines.forEach(out::println);
        }
        if (exercises) {
            out.print(ExerciseKey.markdown(lib, language()));
        }
        long bad = lib.entries().stream().filter(e -> !e.ok() || problems.stream().anyMatch(p -> e.lessons().values()
                .stream().anyMatch(l -> l.file().equals(p.file())))).count();
        boolean zh = (exercises || layout != null) && "zh".equals(language());
        if (zh) {
            // the Chinese answer key ends in Chinese too, not with an English summary under it
            out.println(problems.isEmpty()
                    ? "已检查 " + folder + " 中的 " + lib.entries().size() + " 课：全部无误"
                    : folder + " 中 " + lib.entries().size() + " 课里有 " + bad + " 课共 " + problems.size() + " 个问题");
        } else {
            out.println(problems.isEmpty()
                    ? lib.entries().size() + " lessons checked in " + folder + ": all fine"
                    : problems.size() + " problem(s) in " + bad + " of " + lib.entries().size() + " lessons in " + folder);
        }
        out.flush();
        return problems.isEmpty() && !lib.entries().isEmpty() ? Main.OK : Main.CHECK_FAILED;
    }

    private static String tolerance(rnnlab.lessons.Tolerance t, boolean zh) {
        if (t == null) {
            return "±10%";
        }
        return switch (t.kind()) {
            case RELATIVE -> "±" + Checkpoint.format(t.amount() * 100) + "%";
            case ABSOLUTE -> "±" + Checkpoint.format(t.amount());
            case FACTOR -> zh ? "相差不超过 " + Checkpoint.format(t.amount()) + " 倍" : "within a factor of " + Checkpoint.format(t.amount());
        };
    }

    /** Builds each step's model and computes its checkpoint; what cannot be answered is a problem. */
    private void compute(Lesson l, List<Problem> problems, List<String> lines) {
        Path folder = dir != null ? dir : LessonLibrary.builtInFolder();
        for (Step s : l.steps()) {
            if (s.checkpoints().isEmpty()) {
                if (!s.scene().set().isEmpty()) {
                    // a step that changes weights is built even without a question: the edits must fit its model
                    try {
                        LessonEngine.build(s.scene());
                    } catch (LessonEngine.EditRefused e) {
                        add(problems, new Problem(l.file(), e.edit.line(), "set: " + e.getMessage()));
                    } catch (Exception e) {
                        // reported where a checkpoint uses this model
                    }
                }
                continue;
            }
            for (Checkpoint c : s.checkpoints()) {
                compute(l, s, c, folder, problems, lines);
            }
        }
    }

    /** One checkpoint of step {@code s}: its model built, its value or goal computed. */
    private void compute(Lesson l, Step s, Checkpoint c, Path folder, List<Problem> problems, List<String> lines) {
        if (!c.computed() && c.kind() != Checkpoint.Kind.GOAL) {
            // a fixed answer, marked by the author: listed too, so --answers shows every checkpoint
            if (lines != null) {
                String where = new Problem(l.file(), c.line(), "").describe(folder);
                c.options().stream().filter(Checkpoint.Option::marked).findFirst()
                        .ifPresent(o -> lines.add(where + c.id() + (zhLines ? "：固定答案 -> “" + o.label() + "”"
                                : ": fixed answer -> \"" + o.label() + "\"")));
            }
            return;
        }
        try {
            LessonEngine.Built b = LessonEngine.build(s.scene());
            String where = new Problem(l.file(), c.line(), "").describe(folder);
            if (c.kind() == Checkpoint.Kind.GOAL) {
                double v = LessonEngine.evaluate(c.goal(), b);
                if (c.reached(v)) {
                    problems.add(new Problem(l.file(), c.line(), "the goal \"" + c.goal().text() + " "
                            + c.goalCondition() + "\" is already met when the step opens (" + Checkpoint.format(v) + ")"));
                }
                if (lines != null) {
                    lines.add(where + c.id() + (zhLines ? "：目标 " : ": goal ") + c.goal().text() + " " + c.goalCondition()
                            + (zhLines ? "；开始时为 " : "; at the start ") + Checkpoint.format(v));
                }
                return;
            }
            double v = LessonEngine.evaluate(c.value(), b);
            if (!Double.isFinite(v)) {
                problems.add(new Problem(l.file(), c.line(), c.value().text() + " is " + Checkpoint.format(v)));
                return;
            }
            String answer;
            if (c.kind() == Checkpoint.Kind.CHOICE) {
                int right = c.rightOption(v);
                if (right < 0) {
                    problems.add(new Problem(l.file(), c.line(), "no option is right for " + c.value().text() + " = "
                            + Checkpoint.format(v)));
                    return;
                }
                // every right option (overlapping options are a problem of their own, but all are shown)
                List<String> rights = new ArrayList<>();
                for (Checkpoint.Option o : c.options()) {
                    if (o.condition() != null && o.condition().test(v)) {
                        rights.add(zhLines ? "“" + o.label() + "”" : "\"" + o.label() + "\"");
                    }
                }
                answer = String.join(zhLines ? " 和 " : " and ", rights);
            } else {
                answer = (zhLines ? "接受 " : "accepts ") + tolerance(c.tolerance(), zhLines);
            }
            if (lines != null) {
                lines.add(where + c.id() + ": " + c.value().text() + " = " + Checkpoint.format(v) + " -> " + answer);
            }
        } catch (LessonEngine.EditRefused e) {
            add(problems, new Problem(l.file(), e.edit.line(), "set: " + e.getMessage()));
        } catch (rnnlab.session.SequenceText.Problem e) {
            Problem p = sequenceProblem(l, s, c, e);
            if (!problems.contains(p)) {
                problems.add(p);
            }
        } catch (Exception e) {
            problems.add(new Problem(l.file(), c.line(), "cannot compute the checkpoint: " + e.getMessage()));
        }
    }

    private static void add(List<Problem> problems, Problem p) {
        if (!problems.contains(p)) {
            problems.add(p);
        }
    }

    /**
     * A text the step's model cannot read, said in words and reported on the {@code text:} line that set
     * it (the last one before the checkpoint): the character and its position in the text.
     */
    static Problem sequenceProblem(Lesson l, Step s, Checkpoint c, rnnlab.session.SequenceText.Problem e) {
        int line = textLine(l.file(), c.line());
        if (e.key.equals("seq.error.unknownSymbol") && e.args.length >= 2) {
            String symbol = String.valueOf(e.args[0]);
            String text = s.scene().text() == null ? "" : s.scene().text();
            int at = text.indexOf(symbol);
            String where = at < 0 ? "" : " (character " + (text.codePointCount(0, at) + 1) + " of \"" + text + "\""
                    + column(l.file(), line, text, at) + ")";
            return new Problem(l.file(), line > 0 ? line : c.line(), "text: \"" + symbol + "\"" + where
                    + " is not in the model's vocabulary: " + e.args[1]);
        }
        String words;
        try {
            words = rnnlab.i18n.Messages.format(e.key, e.args);
        } catch (RuntimeException ex) {
            words = e.key;
        }
        return new Problem(l.file(), line > 0 ? line : c.line(), "the sequence cannot be read by the step's model: " + words);
    }

    /**
     * {@code , column C}: where character {@code at} of {@code text} stands on line {@code line} of the file
     * (columns count characters from 1, after the {@code text:} key and any quote); empty when not found.
     */
    static String column(Path file, int line, String text, int at) {
        if (line <= 0) {
            return "";
        }
        try {
            List<String> lines = java.nio.file.Files.readAllLines(file);
            String l = line <= lines.size() ? lines.get(line - 1) : "";
            int colon = l.indexOf(':');
            int start = colon < 0 ? -1 : l.indexOf(text, colon + 1);
            return start < 0 ? "" : ", column " + (l.codePointCount(0, start + at) + 1);
        } catch (java.io.IOException | RuntimeException ex) {
            return "";
        }
    }

    /** The line of the last {@code text:} key before {@code before} (0 when none). */
    private static int textLine(Path file, int before) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(file);
            for (int i = Math.min(before, lines.size()) - 1; i >= 0; i--) {
                if (lines.get(i).matches("\\s*text\\s*:.*")) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException | RuntimeException ex) {
            // the checkpoint's line then
        }
        return 0;
    }
}
