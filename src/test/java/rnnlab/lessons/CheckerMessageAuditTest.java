package rnnlab.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's audit: every message the lesson checker can give has a planted mistake that makes it appear.
 * The messages are enumerated from the checker's sources (each {@code new Problem(file, line, "…")} or
 * {@code problem(line, "…")} literal, up to its first quote); a new message without a planted case here
 * (or in {@link #PENDING}) fails the test, and so does a PENDING message that has gained a planted case.
 */
class CheckerMessageAuditTest {
    private static final Pattern MESSAGE = Pattern.compile(
            "(?:new Problem\\(file, [^,]+, |problem\\([^,]+, )\"((?:[^\"\\\\]|\\\\.){6,}?)(?:\\\\\"|\")");

    /** Messages still without a planted case: this list may only shrink. */
    private static final Set<String> PENDING = Set.of();

    private static String good() throws Exception {
        return LessonParserTest.good();
    }

    private static String line(String text, int n, String replacement) {
        String[] lines = text.split("\n", -1);
        lines[n - 1] = replacement;
        return String.join("\n", lines);
    }

    /**
     * message start → the mistake that makes it appear (null: planted in a temporary lesson folder, in
     * {@link #validatorMistakesAreFound} or {@link #folderMistakesAreFound}).
     */
    private static Map<String, UnaryOperator<String>> planted() {
        Map<String, UnaryOperator<String>> m = new LinkedHashMap<>();
        m.put("a choice decided by the engine needs a ", t -> line(t, 29, ""));
        m.put("a choice needs at least 2 options", t -> line(t, 31, ""));
        m.put("a lesson has 4 to 12 steps (", t -> t.replace("## Try it", "Try it"));
        m.put("a lesson has at least one checkpoint (a ```check block)", t -> t.replaceAll("(?s)```check.*?```", ""));
        m.put("a lesson starts with a front matter: a line ", t -> "no front matter");
        m.put("a number question needs a ", t -> line(t, 47, ""));
        m.put("a scene gives either ", t -> line(t, 37, "step: 3\nbackward: end"));
        m.put("a step has at most ", t -> t.replace("Scale $W_{hh}$ up.",
                "```check\nid: a1\nkind: goal\nquestion: q\ngoal: rho > 1\n```\n```check\nid: a2\nkind: goal\nquestion: q\n"
                        + "goal: rho > 1\n```\n```check\nid: a3\nkind: goal\nquestion: q\ngoal: rho > 1\n```"));
        m.put("a step has at most one scene block", t -> t.replace("Scale $W_{hh}$ up.", "```scene\nstep: 2\n```"));
        m.put("a step needs a title after ", t -> t.replace("## Try it", "## "));
        m.put("checkpoint id ", t -> line(t, 60, "id: forget-next"));
        m.put("either mark the one right option with * (", t -> line(t, 30, "option: above 0.5"));
        m.put("expected ", t -> line(t, 15 - 1, "oops"));
        m.put("hint: a goal has no hint (it is checked while the student works); ", t -> line(t, 63, "goal: rho > 2\nhint: look"));
        m.put("hint: with 2 options a retry after a hint gives the answer away; ", t -> line(t, 31, "option: below 0.5 | <= 0.5\nhint: look"));
        m.put("minutes: expected the time in class in minutes, 5 to 180, not ", t -> line(t, 4, "summary: s\nminutes: 2"));
        m.put("only a choice has options", t -> line(t, 48, "tolerance: x10\noption: a | > 1"));
        m.put("options ", t -> line(t, 31, "option: below | >= 0.4"));
        m.put("prerequisites: expected lesson ids separated by commas ", t -> line(t, 4, "summary: s\nprerequisites: a b!"));
        m.put("reveal: a goal is not answered, so nothing would be revealed; ", t -> line(t, 63, "goal: rho > 2\nreveal: step: 2"));
        m.put("steps start with ", t -> t.replace("## Try it", "# Try it"));
        m.put("text before the first step; start each step with ", t -> t.replace("---\n\n## The cell", "---\nhello\n## The cell"));
        m.put("the check needs ", t -> line(t, 27, ""));
        m.put("the first step's scene must name a model: ", t -> t.replace("preset: lstm_8\n", ""));
        m.put("the front matter is not closed with a line ", t -> t.replace("---\n\n## The cell", "\n## The cell"));
        m.put("the front matter needs id, title and summary", t -> line(t, 4, ""));
        m.put("this ``` block is not closed", t -> t.substring(0, t.lastIndexOf("```")));
        m.put("\"![\" starts a figure but is not one; write ![what it shows](figures/name.png)",
                t -> t.replace("Scale $W_{hh}$ up.", "See ![broken"));
        m.put("exercise id ", t -> t.replace("Scale $W_{hh}$ up.", "Scale.\n```exercise\nid: e1\nquestion: q\nanswer: a\n```\n"
                + "```exercise\nid: e1\nquestion: q2\nanswer: b\n```"));
        m.put("an exercise needs id, question, and answer or value (or both)",
                t -> t.replace("Scale $W_{hh}$ up.", "Scale.\n```exercise\nid: e1\nquestion: q\n```"));
        m.put("this note block is empty", t -> t.replace("Scale $W_{hh}$ up.", "Scale.\n```note\n\n```"));
        m.put("the file has ", t -> t + "x".repeat(LessonParser.MAX_CHARS));
        m.put("at most ", t -> line(t, 4, "summary: s\nobjective: a\nobjective: b\nobjective: c\nobjective: d\nobjective: e"
                + "\nobjective: f\nobjective: g"));
        m.put("the step ", t -> t.replace("Scale $W_{hh}$ up.", ""));
        m.put("a sequence file needs a model file (", null);
        m.put("panel: gatemap shows how a foreign model file was read; this ", null);
        m.put("model ", null);
        m.put("sequence ", null);
        m.put("a lesson file is named NN-name.en.md or NN-name.zh.md", null);
        m.put("checkpoint ", null);
        m.put("unknown front-matter key ", t -> line(t, 4, "summary: s\ncolour: red"));
        return m;
    }

    static Set<String> checkerMessages() throws Exception {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/rnnlab/lessons"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = MESSAGE.matcher(Files.readString(f));
                while (m.find()) {
                    found.add(m.group(1).replace("\\\"", "\""));
                }
            }
        }
        return found;
    }

    @Test
    void everyCheckerMessageHasAPlantedMistake() throws Exception {
        Set<String> messages = checkerMessages();
        assertThat(messages).as("the enumeration finds the checker's messages").hasSizeGreaterThan(30);
        Map<String, UnaryOperator<String>> planted = planted();
        List<String> missing = new ArrayList<>();
        for (String msg : messages) {
            if (!planted.containsKey(msg) && !PENDING.contains(msg)) {
                missing.add(msg);
            }
        }
        assertThat(missing).as("checker messages with no planted mistake").isEmpty();
        assertThat(PENDING).as("a PENDING message that has a planted case must leave PENDING")
                .doesNotContainAnyElementsOf(planted.keySet());
        assertThat(messages).as("planted cases for messages the checker no longer gives").containsAll(planted.keySet());
    }

    /** Mistakes the library-level validator finds (it loads the scene's files), planted in a copy of the folder. */
    @Test
    void validatorMistakesAreFound(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.model.json"), "{ not json");
        Files.writeString(dir.resolve("s.seq.json"), "[1, 2]");
        assertThat(validated(dir, good().replace("preset: lstm_8", "preset: lstm_8\npanel: gatemap")))
                .anyMatch(p -> p.startsWith("01-forget.en.md:7: panel: gatemap shows how a foreign model file was read; this "));
        assertThat(validated(dir, good().replace("preset: lstm_8", "model: broken.model.json")))
                .anyMatch(p -> p.startsWith("01-forget.en.md:7: model "));
        assertThat(validated(dir, good().replace("text: hello hello", "sequence: s.seq.json")))
                .anyMatch(p -> p.startsWith("01-forget.en.md:7: a sequence file needs a model file ("));
    }

    /** Mistakes seen only with real files: a file's name, a sequence file that cannot be read, a zh/en mismatch. */
    @Test
    void folderMistakesAreFound(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // a lesson file whose name is not NN-name.lang.md: the parser refuses it, the library skips it with a notice
        Path badName = dir.resolve("forget.en.md");
        Files.writeString(badName, good());
        assertThat(LessonParser.parse(badName, dir, good()).problems()).extracting(p -> p.describe(dir))
                .containsExactly("forget.en.md: a lesson file is named NN-name.en.md or NN-name.zh.md");
        assertThat(LessonLibrary.load(dir).allProblems()).extracting(p -> p.describe(dir))
                .containsExactly("forget.en.md: not read: a lesson file is named NN-name.en.md or NN-name.zh.md");
        Files.delete(badName);

        // a sequence file that the model's reader refuses: named on the scene's line, with the reader's reason
        Files.copy(Path.of("lessons/models/cat.model.json"), dir.resolve("cat.model.json"));
        Files.writeString(dir.resolve("bad.seq.json"), "{\"format\":\"rnnlab-sequence\",\"version\":1,\"tokens\":[3,9999],"
                + "\"targets\":[4],\"target_steps\":\"last\",\"loss\":\"cross_entropy\"}");
        List<String> got = validated(dir, good().replace("preset: lstm_8\ntext: hello hello",
                "model: cat.model.json\nsequence: bad.seq.json"));
        assertThat(got).as("got %s", got).anyMatch(p -> p.startsWith("01-forget.en.md:7: sequence ") && p.contains("bad.seq.json"));

        // the Chinese file changes a checkpoint's logic (its tolerance), not only its words
        Files.writeString(dir.resolve("01-forget.en.md"), good());
        Files.writeString(dir.resolve("01-forget.zh.md"), Files.readString(LessonParserTest.GOOD.resolve("01-forget.zh.md"))
                .replace("tolerance: x10", "tolerance: x2"));
        assertThat(LessonLibrary.load(dir).allProblems()).extracting(p -> p.describe(dir)).containsExactly(
                "01-forget.zh.md:43: checkpoint \"grad-size\" differs from the English file's (line 43): id, kind, value, "
                        + "tolerance, goal, reveal, require and the options' conditions must be the same");
    }

    private static List<String> validated(Path dir, String text) {
        Path file = dir.resolve("01-forget.en.md");
        LessonParser.Result r = LessonParser.parse(file, dir, text);
        List<Problem> problems = new ArrayList<>(r.problems());
        if (r.lesson() != null) {
            new LessonValidator(problems).check(r.lesson());
        }
        return problems.stream().map(p -> p.describe(dir)).toList();
    }

    @Test
    void eachPlantedMistakeGivesItsMessageWithAPlace() throws Exception {
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, UnaryOperator<String>> e : planted().entrySet()) {
            if (e.getValue() == null) {
                continue; // planted in validatorMistakesAreFound
            }
            List<String> got = LessonParserTest.problems(e.getValue().apply(good()));
            if (got.stream().noneMatch(p -> p.startsWith("01-forget.en.md") && p.contains(e.getKey()))) {
                failed.add(e.getKey() + " → got " + got);
            }
        }
        assertThat(failed).isEmpty();
    }
}
