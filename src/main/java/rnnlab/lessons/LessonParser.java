package rnnlab.lessons;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one lesson file: front matter, then steps ({@code ## Title}) of narration with optional
 * {@code scene} and {@code check} blocks. Syntax only; {@link LessonValidator} checks meaning.
 */
public final class LessonParser {
    /** {@code 07-vanishing-gradients.en.md}. */
    public static final Pattern FILE_NAME = Pattern.compile("(\\d{1,3})-([a-z0-9][a-z0-9-]*)\\.(en|zh)\\.md");
    public static final int MAX_CHARS = 200_000;
    static final List<String> FRONT_KEYS = List.of("id", "title", "summary", "objective", "prerequisites", "minutes", "reference");
    static final List<String> EXERCISE_KEYS = List.of("id", "question", "answer", "value");

    /** The lesson (null when it cannot be used) and what is wrong with the file. */
    public record Result(Lesson lesson, List<Problem> problems) {
    }

    private final Path file;
    private final Path dir;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Exercise> exercises = new ArrayList<>();
    private String lang = "en";

    private LessonParser(Path file, Path dir) {
        this.file = file;
        this.dir = dir;
    }

    public static Result parse(Path file, Path dir, String text) {
        LessonParser p = new LessonParser(file, dir);
        Lesson l = p.run(text);
        return new Result(p.problems.isEmpty() ? l : null, List.copyOf(p.problems));
    }

    private Lesson run(String text) {
        Matcher name = FILE_NAME.matcher(String.valueOf(file.getFileName()));
        if (!name.matches()) {
            problems.add(new Problem(file, 0, "a lesson file is named NN-name.en.md or NN-name.zh.md"));
            return null;
        }
        if (text.length() > MAX_CHARS) {
            problems.add(new Problem(file, 0, "the file has " + text.length() + " characters; a lesson has at most " + MAX_CHARS));
            return null;
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        if (lines.length > 0 && lines[0].startsWith("\uFEFF")) {
            lines[0] = lines[0].substring(1);
        }
        if (lines.length == 0 || !lines[0].trim().equals("---")) {
            problems.add(new Problem(file, 1, "a lesson starts with a front matter: a line \"---\", id, title, summary, and \"---\""));
            return null;
        }
        lang = name.group(3);
        int i = 1;
        List<String> objectives = new ArrayList<>();
        List<String> prerequisites = new ArrayList<>();
        List<String> references = new ArrayList<>();
        int minutes = 0;
        String id = null;
        String title = null;
        String summary = null;
        java.util.Map<String, Integer> frontSeen = new java.util.HashMap<>();
        for (; i < lines.length && !lines[i].trim().equals("---"); i++) {
            if (lines[i].isBlank() || lines[i].trim().startsWith("#")) {
                continue;
            }
            KeyValues kv = KeyValues.parse(lines[i], i + 1);
            if (kv == null) {
                problems.add(new Problem(file, i + 1, "expected \"key: value\" in the front matter"));
                continue;
            }
            Integer first = kv.key().equals("objective") || kv.key().equals("reference") ? null
                    : frontSeen.putIfAbsent(kv.key(), i + 1);
            if (first != null) {
                problems.add(new Problem(file, i + 1, "\"" + kv.key() + "\" is given twice in the front matter (first on line "
                        + first + "); expected each key once"));
                continue;
            }
            switch (kv.key()) {
                case "id" -> id = kv.value();
                case "title" -> title = unquoted(kv.value());
                case "summary" -> summary = unquoted(kv.value());
                case "objective" -> frontText(kv, objectives, 6);
                case "reference" -> frontText(kv, references, 8);
                case "prerequisites" -> {
                    if (!kv.value().equals("none")) {
                        for (String p : kv.value().split(",")) {
                            String pid = p.trim();
                            if (!pid.matches("[a-z0-9][a-z0-9-]*")) {
                                problems.add(new Problem(file, i + 1, "prerequisites: expected lesson ids separated by commas "
                                        + "(e.g. \"one-rnn-step, bptt\") or \"none\", not \"" + pid + "\""));
                            } else {
                                prerequisites.add(pid);
                            }
                        }
                    }
                }
                case "minutes" -> {
                    try {
                        minutes = Integer.parseInt(kv.value().trim());
                    } catch (NumberFormatException e) {
                        minutes = -1;
                    }
                    if (minutes < 5 || minutes > 180) {
                        problems.add(new Problem(file, i + 1, "minutes: expected the time in class in minutes, 5 to 180, not \""
                                + kv.value() + "\""));
                        minutes = 0;
                    }
                }
                default -> problems.add(new Problem(file, i + 1, "unknown front-matter key \"" + kv.key() + "\""
                        + KeyValues.suggest(kv.key(), FRONT_KEYS)));
            }
        }
        if (i >= lines.length) {
            problems.add(new Problem(file, 1, "the front matter is not closed with a line \"---\""));
            return null;
        }
        if (id == null || title == null || summary == null || title.isBlank() || summary.isBlank()) {
            problems.add(new Problem(file, 1, "the front matter needs id, title and summary"));
        } else if (!id.equals(name.group(2))) {
            problems.add(new Problem(file, 2, "id \"" + id + "\" differs from the file name's \"" + name.group(2) + "\""));
        }
        List<Step> steps = steps(lines, i + 1);
        if (steps.size() < 4 || steps.size() > 12) {
            problems.add(new Problem(file, 0, "a lesson has 4 to 12 steps (\"## \" headings), this one has " + steps.size()));
        }
        if (!steps.isEmpty() && steps.stream().allMatch(s -> s.checkpoints().isEmpty())) {
            problems.add(new Problem(file, 0, "a lesson has at least one checkpoint (a ```check block)"));
        }
        Set<String> ids = new HashSet<>();
        for (Step s : steps) {
            for (Checkpoint c : s.checkpoints()) {
                if (!ids.add(c.id())) {
                    problems.add(new Problem(file, c.line(), "checkpoint id \"" + c.id() + "\" is used twice"));
                }
            }
        }
        Set<String> exIds = new HashSet<>();
        for (Exercise e : exercises) {
            if (!exIds.add(e.id())) {
                problems.add(new Problem(file, e.line(), "exercise id \"" + e.id() + "\" is used twice"));
            }
        }
        LessonFront front = new LessonFront(objectives, prerequisites, minutes, references);
        return new Lesson(id, name.group(3), Integer.parseInt(name.group(1)), title, summary, file, steps, front, exercises);
    }

    /** The steps from line index {@code start}; scenes are merged with the ones before. */
    private List<Step> steps(String[] lines, int start) {
        List<Step> steps = new ArrayList<>();
        Scene current = Scene.EMPTY;
        StepBuilder b = null;
        for (int i = start; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.trim();
            if (line.startsWith("## ")) {
                if (b != null) {
                    current = finish(b, current, steps);
                }
                b = new StepBuilder(line.substring(3).trim(), i + 1);
                if (b.title.isEmpty()) {
                    problems.add(new Problem(file, i + 1, "a step needs a title after \"## \""));
                }
                continue;
            }
            if (line.startsWith("# ")) {
                problems.add(new Problem(file, i + 1, "steps start with \"## \"; a lesson has no \"# \" heading (its title is in the front matter)"));
                continue;
            }
            if (b == null) {
                if (!trimmed.isEmpty()) {
                    problems.add(new Problem(file, i + 1, "text before the first step; start each step with \"## Title\""));
                }
                continue;
            }
            if (trimmed.startsWith("```")) {
                String info = trimmed.substring(3).trim();
                int end = closing(lines, i + 1);
                if (end < 0) {
                    problems.add(new Problem(file, i + 1, "this ``` block is not closed"));
                    i = lines.length;
                    continue;
                }
                if (info.equals("exercise")) {
                    exercise(lines, i, end, steps.size(), b);
                    i = end;
                    continue;
                }
                if (info.equals("scene") || info.equals("check")) {
                    List<KeyValues> kvs = new ArrayList<>();
                    for (int k = i + 1; k < end; k++) {
                        String l = lines[k];
                        if (l.isBlank() || l.trim().startsWith("#")) {
                            continue;
                        }
                        KeyValues kv = KeyValues.parse(l, k + 1);
                        if (kv == null) {
                            problems.add(new Problem(file, k + 1, "expected \"key: value\" in the " + info + " block"));
                        } else {
                            kvs.add(kv);
                        }
                    }
                    if (info.equals("scene")) {
                        if (b.scene != null) {
                            problems.add(new Problem(file, i + 1, "a step has at most one scene block"));
                        } else {
                            b.scene = kvs.isEmpty() ? Scene.EMPTY : new SceneReader(file, dir, problems).read(kvs);
                        }
                    } else if (b.checks >= Step.MAX_CHECKPOINTS) {
                        problems.add(new Problem(file, i + 1, "a step has at most " + Step.MAX_CHECKPOINTS
                                + " check blocks; this is its " + (b.checks + 1) + "th (move a question to a step of its own)"));
                    } else {
                        b.checks++;
                        Checkpoint c = new CheckReader(file, dir, problems, steps.size() + 1).read(kvs, i + 1);
                        if (c != null) {
                            b.check.add(c);
                        }
                    }
                } else {
                    if (info.equals("note") && java.util.Arrays.stream(lines, i + 1, end).allMatch(String::isBlank)) {
                        problems.add(new Problem(file, i + 1, "this note block is empty"));
                    }
                    for (int k = i; k <= end; k++) {
                        b.narration.append(lines[k]).append('\n');
                        b.lines.add(k + 1);
                    }
                }
                i = end;
                continue;
            }
            if (line.contains("![")) {
                Figures.check(file, line, i + 1, problems);
            }
            b.narration.append(line).append('\n');
            b.lines.add(i + 1);
        }
        if (b != null) {
            finish(b, current, steps);
        }
        return steps;
    }

    private Scene finish(StepBuilder b, Scene before, List<Step> steps) {
        Scene merged = before.then(b.scene == null ? Scene.EMPTY : b.scene);
        if (steps.isEmpty() && merged.preset() == null && merged.model() == null) {
            problems.add(new Problem(file, b.line, "the first step's scene must name a model: \"preset\" or \"model\""));
        }
        LessonMath.check(file, b.narration.toString(), b.lines, problems);
        LessonEmphasis.check(file, b.narration.toString(), b.lines, problems);
        String narration = b.narration.toString().strip();
        if (narration.isEmpty()) {
            problems.add(new Problem(file, b.line, "the step \"" + b.title + "\" has no narration"));
        }
        steps.add(new Step(steps.size(), b.title, narration, merged, b.check, b.line));
        return merged;
    }

    private void frontText(KeyValues kv, List<String> into, int max) {
        if (kv.value().isBlank()) {
            problems.add(new Problem(file, kv.line(), kv.key() + ": expected a text"));
        } else if (into.size() >= max) {
            problems.add(new Problem(file, kv.line(), "at most " + max + " \"" + kv.key() + "\" lines"));
        } else {
            into.add(kv.value());
            LessonMath.check(file, kv.value(), kv.line(), problems);
        }
    }

    /**
     * An {@code exercise} block (lines {@code open}..{@code end}) of step {@code step}: id, question, and
     * answer (text) or value (a quantity the engine computes), or both. The question joins the narration.
     */
    private void exercise(String[] lines, int open, int end, int step, StepBuilder b) {
        String id = null;
        String question = null;
        String answer = null;
        Quantity value = null;
        int before = problems.size();
        Set<String> seen = new HashSet<>();
        for (int k = open + 1; k < end; k++) {
            String l = lines[k];
            if (l.isBlank() || l.trim().startsWith("#")) {
                continue;
            }
            KeyValues kv = KeyValues.parse(l, k + 1);
            if (kv == null) {
                problems.add(new Problem(file, k + 1, "expected \"key: value\" in the exercise block"));
                continue;
            }
            if (!seen.add(kv.key())) {
                problems.add(new Problem(file, k + 1, "\"" + kv.key() + "\" is given twice in this exercise"));
                continue;
            }
            try {
                switch (kv.key()) {
                    case "id" -> {
                        if (!kv.value().matches("[a-z0-9][a-z0-9_-]{0,60}")) {
                            throw new IllegalArgumentException("use lower-case letters, digits, - and _, not \"" + kv.value() + "\"");
                        }
                        id = kv.value();
                    }
                    case "question" -> question = kv.value();
                    case "answer" -> answer = kv.value();
                    case "value" -> value = Quantity.parse(kv.value());
                    default -> throw new IllegalArgumentException("unknown exercise key \"" + kv.key() + "\""
                            + KeyValues.suggest(kv.key(), EXERCISE_KEYS));
                }
                if (!kv.key().equals("id") && !kv.key().equals("value")) {
                    LessonMath.check(file, kv.value(), kv.line(), problems);
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(file, kv.line(), kv.key() + ": " + e.getMessage()));
            }
        }
        if (problems.size() > before) {
            return;
        }
        if (id == null || question == null || question.isBlank() || (answer == null && value == null)) {
            problems.add(new Problem(file, open + 1, "an exercise needs id, question, and answer or value (or both)"));
            return;
        }
        int number = exercises.size() + 1;
        exercises.add(new Exercise(id, number, question, answer, value, step, open + 1));
        b.narration.append("zh".equals(lang) ? "**练习 " + number + "。** " : "**Exercise " + number + ".** ")
                .append(question).append("\n\n");
        b.lines.add(open + 1);
        b.lines.add(open + 1);
    }

    private static int closing(String[] lines, int from) {
        for (int k = from; k < lines.length; k++) {
            if (lines[k].trim().equals("```")) {
                return k;
            }
        }
        return -1;
    }

    private static final class StepBuilder {
        final String title;
        final int line;
        final StringBuilder narration = new StringBuilder();
        /** The file's line number of each line of {@link #narration}. */
        final List<Integer> lines = new ArrayList<>();
        Scene scene;
        final List<Checkpoint> check = new ArrayList<>();
        int checks;

        StepBuilder(String title, int line) {
            this.title = title;
            this.line = line;
        }
    }

    /**
     * A title or summary written YAML-style in double quotes (lessons 17 and 18 quote theirs because
     * they hold a colon) without the quotes: the lesson list and the answer key showed them.
     */
    static String unquoted(String v) {
        return v != null && v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1).strip() : v;
    }
}
