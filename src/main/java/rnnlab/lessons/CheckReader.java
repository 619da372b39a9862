package rnnlab.lessons;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the lines of a {@code check} block into a {@link Checkpoint}, reporting each bad line. */
final class CheckReader {
    static final List<String> KEYS = List.of("id", "kind", "question", "value", "option", "tolerance", "goal", "explain", "hint", "reveal", "require");
    /** The scene keys a {@code reveal:} line may change: where the timeline stands and what is shown. */
    static final List<String> REVEAL_KEYS = List.of("step", "backward", "views", "highlight", "unit", "gate", "layer");

    private final Path file;
    private final Path dir;
    private final List<Problem> problems;
    /** The step the block is in, from 1 (for the options' messages). */
    private final int step;

    CheckReader(Path file, Path dir, List<Problem> problems, int step) {
        this.file = file;
        this.dir = dir;
        this.problems = problems;
        this.step = step;
    }

    /** The checkpoint, or null when it is too broken to use (the problems say why). */
    Checkpoint read(List<KeyValues> lines, int blockLine) {
        String id = null;
        Checkpoint.Kind kind = null;
        String question = null;
        Quantity value = null;
        List<Checkpoint.Option> options = new ArrayList<>();
        List<Integer> optionLines = new ArrayList<>();
        String hint = null;
        int hintLine = 0;
        Tolerance tolerance = null;
        Quantity goal = null;
        Condition goalCondition = null;
        String explain = null;
        List<KeyValues> reveal = new ArrayList<>();
        boolean require = false;
        int optionCount = 0;
        int before = problems.size();
        Set<String> seen = new HashSet<>();
        for (KeyValues kv : lines) {
            String v = kv.value();
            if (!kv.key().equals("option") && !kv.key().equals("reveal") && !seen.add(kv.key())) {
                problems.add(new Problem(file, kv.line(), "\"" + kv.key() + "\" is given twice in this check"));
                continue;
            }
            try {
                switch (kv.key()) {
                    case "id" -> {
                        if (!v.matches("[a-z0-9][a-z0-9_-]{0,60}")) {
                            throw new IllegalArgumentException("use lower-case letters, digits, - and _, not \"" + v + "\"");
                        }
                        id = v;
                    }
                    case "kind" -> kind = Checkpoint.Kind.valueOf(
                            SceneReader.oneOf(v, List.of("choice", "number", "goal")).toUpperCase(java.util.Locale.ROOT));
                    case "question" -> {
                        question = nonEmpty(v);
                        LessonMath.check(file, v, kv.line(), problems);
                        LessonEmphasis.check(file, v, kv.line(), problems);
                    }
                    case "value" -> value = Quantity.parse(v);
                    case "option" -> {
                        // the label as its button shows it: inline math as text, nothing of the TeX left
                        optionCount++;
                        LessonMath.checkOption(file, label(v), kv.line(), step, optionCount, problems);
                        options.add(option(v));
                        optionLines.add(kv.line());
                    }
                    case "tolerance" -> {
                        tolerance = Tolerance.parse(v);
                        if (tolerance == null) {
                            throw new IllegalArgumentException("expected 10% (relative), 0.05 (absolute) or x10 (a factor), not \"" + v + "\"");
                        }
                    }
                    case "goal" -> {
                        int at = opIndex(v);
                        if (at < 0) {
                            throw new IllegalArgumentException("expected \"quantity > number\", e.g. grad_h step 1 > 1e-3");
                        }
                        goal = Quantity.parse(v.substring(0, at));
                        goalCondition = Condition.parse(v.substring(at));
                        if (goalCondition == null) {
                            throw new IllegalArgumentException("expected a number after the comparison in \"" + v + "\"");
                        }
                    }
                    case "explain" -> {
                        explain = nonEmpty(v);
                        LessonMath.check(file, v, kv.line(), problems);
                        LessonEmphasis.check(file, v, kv.line(), problems);
                    }
                    case "hint" -> {
                        hint = nonEmpty(v);
                        hintLine = kv.line();
                        LessonMath.check(file, v, kv.line(), problems);
                        LessonEmphasis.check(file, v, kv.line(), problems);
                    }
                    case "reveal" -> reveal.add(revealLine(kv));
                    case "require" -> {
                        if (!v.equals("answer")) {
                            throw new IllegalArgumentException("expected \"answer\" (Next waits until the question is answered), not \""
                                    + v + "\"");
                        }
                        require = true;
                    }
                    default -> throw new IllegalArgumentException("unknown check key \"" + kv.key() + "\""
                            + KeyValues.suggest(kv.key(), KEYS));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(file, kv.line(), (KEYS.contains(kv.key()) ? kv.key() + ": " : "") + e.getMessage()));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        if (id == null) {
            missing.add("id");
        }
        if (kind == null) {
            missing.add("kind");
        }
        if (question == null) {
            missing.add("question");
        }
        if (explain == null) {
            missing.add("explain");
        }
        if (kind == Checkpoint.Kind.GOAL && goal == null) {
            missing.add("goal");
        }
        if (!missing.isEmpty()) {
            problems.add(new Problem(file, blockLine, "the check needs " + String.join(", ", missing)));
            return null;
        }
        if (kind == Checkpoint.Kind.CHOICE) {
            long marked = options.stream().filter(Checkpoint.Option::marked).count();
            if (options.size() < 2) {
                problems.add(new Problem(file, blockLine, "a choice needs at least 2 options"));
                return null;
            }
            boolean allConditions = options.stream().allMatch(o -> o.condition() != null);
            boolean noConditions = options.stream().allMatch(o -> o.condition() == null);
            if (!(marked == 1 && noConditions) && !(marked == 0 && allConditions)) {
                problems.add(new Problem(file, blockLine, "either mark the one right option with * (\"option: * label\") and "
                        + "give no conditions, or give every option a condition (\"option: label | > 0.5\")"));
                return null;
            }
            if (marked == 0 && value == null) {
                problems.add(new Problem(file, blockLine, "a choice decided by the engine needs a \"value\""));
                return null;
            }
            if (marked == 0) {
                // two options right for the same value: the student who picks either is told "not quite" for one
                int overlaps = problems.size();
                for (int i = 0; i < options.size(); i++) {
                    for (int j = i + 1; j < options.size(); j++) {
                        double both = options.get(i).condition().overlapWith(options.get(j).condition());
                        if (!Double.isNaN(both)) {
                            problems.add(new Problem(file, optionLines.get(j), "options \"" + options.get(i).label()
                                    + "\" (" + options.get(i).condition() + ") and \"" + options.get(j).label() + "\" ("
                                    + options.get(j).condition() + ") overlap: a value of " + Checkpoint.format(both)
                                    + " makes both right"));
                        }
                    }
                }
                if (problems.size() > overlaps) {
                    return null;
                }
            }
        }
        if (kind == Checkpoint.Kind.NUMBER && value == null) {
            problems.add(new Problem(file, blockLine, "a number question needs a \"value\""));
            return null;
        }
        if (kind != Checkpoint.Kind.CHOICE && !options.isEmpty()) {
            problems.add(new Problem(file, blockLine, "only a choice has options"));
            return null;
        }
        if (hint != null && kind == Checkpoint.Kind.GOAL) {
            problems.add(new Problem(file, hintLine, "hint: a goal has no hint (it is checked while the student works); "
                    + "put the hint in the question"));
            return null;
        }
        if (hint != null && kind == Checkpoint.Kind.CHOICE && options.size() < 3) {
            problems.add(new Problem(file, hintLine, "hint: with 2 options a retry after a hint gives the answer away; "
                    + "give at least 3 options or no hint"));
            return null;
        }
        Scene revealed = null;
        if (!reveal.isEmpty()) {
            if (kind == Checkpoint.Kind.GOAL) {
                problems.add(new Problem(file, reveal.get(0).line(), "reveal: a goal is not answered, so nothing would be revealed; "
                        + "put the change in the next step's scene"));
                return null;
            }
            int n = problems.size();
            revealed = new SceneReader(file, dir, problems).read(reveal);
            if (problems.size() > n) {
                return null;
            }
        }
        return new Checkpoint(id, kind, question, value, options, tolerance, goal, goalCondition, explain, blockLine, hint,
                revealed, require);
    }

    /** {@code reveal: step: 5} → the scene line {@code step: 5}, on the same file line; only {@link #REVEAL_KEYS}. */
    private static KeyValues revealLine(KeyValues kv) {
        KeyValues inner = KeyValues.parse(kv.value(), kv.line());
        if (inner == null) {
            throw new IllegalArgumentException("expected a scene setting such as \"reveal: step: 5\" or \"reveal: highlight: lstm.gate.f\"");
        }
        if (!REVEAL_KEYS.contains(inner.key())) {
            throw new IllegalArgumentException("\"" + inner.key() + "\" cannot change when the answer is revealed; a reveal may set "
                    + String.join(", ", REVEAL_KEYS) + KeyValues.suggest(inner.key(), REVEAL_KEYS));
        }
        return inner;
    }

    private static String nonEmpty(String v) {
        if (v.isBlank()) {
            throw new IllegalArgumentException("is empty");
        }
        return v;
    }

    private static int opIndex(String v) {
        boolean quoted = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '>' || c == '<')) {
                return i;
            }
        }
        return -1;
    }

    /** The label part of an option line (before its condition, without the mark), as {@link #option} reads it. */
    private static String label(String v) {
        if (v.startsWith("*")) {
            return v.substring(1).trim();
        }
        int bar = v.lastIndexOf('|');
        return (bar < 0 ? v : v.substring(0, bar)).trim();
    }

    /** {@code label | condition} or {@code * label}. */
    private static Checkpoint.Option option(String v) {
        if (v.startsWith("*")) {
            String label = v.substring(1).trim();
            if (label.isEmpty() || label.contains("|")) {
                throw new IllegalArgumentException("a marked option is \"* label\" without a condition");
            }
            return new Checkpoint.Option(label, null, true);
        }
        int bar = v.lastIndexOf('|');
        if (bar < 0) {
            // a wrong option of a question whose right answer is marked with *
            if (v.isBlank()) {
                throw new IllegalArgumentException("an option needs a label");
            }
            return new Checkpoint.Option(v.trim(), null, false);
        }
        String label = v.substring(0, bar).trim();
        Condition c = Condition.parse(v.substring(bar + 1));
        if (!label.isEmpty() && c == null && v.substring(bar + 1).matches(".*[<>].*[A-Za-z_].*[<>].*")) {
            throw new IllegalArgumentException("a range is written \"0.5 < x < 1\" (or with <=), lower bound first, not \""
                    + v.substring(bar + 1).trim() + "\"");
        }
        if (label.isEmpty() || c == null) {
            throw new IllegalArgumentException("expected \"label | condition\" such as \"above 0.5 | > 0.5\", not \"" + v + "\"");
        }
        return new Checkpoint.Option(label, c, false);
    }
}
