package rnnlab.lessons;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import rnnlab.engine.CellType;
import rnnlab.io.Preset;

/** Reads the lines of a {@code scene} block into a {@link Scene}, reporting each bad line. */
final class SceneReader {
    static final List<String> KEYS = List.of("preset", "model", "cell", "hidden_size", "layers", "bidirectional", "seed",
            "init", "text", "sequence", "step", "backward", "views", "highlight", "unit", "gate", "layer", "w_hh_scale",
            "architecture", "lock", "hide", "panel", "task", "mask", "set", "seq2seq");
    static final List<String> TASKS = rnnlab.catalog.TaskRegistry.NAMES;
    static final List<String> INITS = List.of("pytorch_default", "zeros");

    private final Path file;
    private final Path dir;
    private final List<Problem> problems;

    SceneReader(Path file, Path dir, List<Problem> problems) {
        this.file = file;
        this.dir = dir;
        this.problems = problems;
    }

    Scene read(List<KeyValues> lines) {
        String preset = null;
        Path model = null;
        String cell = null;
        Integer hidden = null;
        Integer layers = null;
        Boolean bidi = null;
        Long seed = null;
        String init = null;
        String text = null;
        Path sequence = null;
        Integer step = null;
        Integer backward = null;
        List<String> views = null;
        String highlight = null;
        Integer unit = null;
        String gate = null;
        Integer layer = null;
        Double scale = null;
        String architecture = null;
        Set<String> lock = null;
        Set<String> hide = null;
        String panel = null;
        String task = null;
        Set<String> mask = null;
        Seq2SeqShow seq2seq = null;
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        List<WeightEdit> set = new ArrayList<>();
        for (KeyValues kv : lines) {
            String v = kv.value();
            if (kv.key().equals("set")) {
                // one weight a line: the only key that may be given more than once
                try {
                    set.add(WeightEdit.parse(v, kv.line()));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(file, kv.line(), "set: " + e.getMessage()));
                }
                continue;
            }
            Integer first = seen.putIfAbsent(kv.key(), kv.line());
            if (first != null) {
                problems.add(new Problem(file, kv.line(), "\"" + kv.key() + "\" is given twice in this scene (first on line "
                        + first + "); expected each key once"));
                continue;
            }
            try {
                switch (kv.key()) {
                    case "preset" -> {
                        if (Preset.fromId(v) == null) {
                            throw bad("unknown preset \"" + v + "\"; expected one of " + presetIds()
                                    + KeyValues.suggest(v, List.of(presetIds().split(", "))));
                        }
                        preset = v;
                    }
                    case "model" -> model = LessonFiles.inside(dir, v,
                            List.of(".model.json", ".pt", ".pth", ".safetensors", ".onnx"));
                    case "cell" -> cell = oneOf(v, java.util.Arrays.stream(CellType.values()).map(CellType::id).toList());
                    case "hidden_size" -> hidden = intIn(v, 1, 64);
                    case "layers" -> layers = intIn(v, 1, 3);
                    case "bidirectional" -> bidi = bool(v);
                    case "seed" -> seed = longValue(v);
                    case "init" -> init = oneOf(v, INITS);
                    case "text" -> text = textValue(v);
                    case "sequence" -> sequence = LessonFiles.inside(dir, v, List.of(".seq.json", ".txt", ".csv"));
                    case "step" -> step = "end".equals(v) ? Scene.END : intIn(v, 0, 10_000);
                    case "backward" -> backward = "end".equals(v) ? Scene.END : intIn(v, 1, 10_000);
                    case "views" -> views = views(v);
                    case "highlight" -> highlight = "none".equals(v) ? "" : ElementIds.check(v);
                    case "unit" -> unit = intIn(v, 1, 4096);
                    case "gate" -> gate = oneOf(v, rnnlab.engine.CellType.allGateNames());
                    case "layer" -> layer = intIn(v, 1, 3);
                    case "w_hh_scale" -> scale = doubleIn(v, 0.1, 10);
                    case "architecture" -> architecture = oneOf(v, List.copyOf(new java.util.TreeSet<>(Scene.ARCHITECTURES)));
                    case "lock" -> lock = controls(v, Scene.CONTROLS);
                    case "hide" -> hide = controls(v, Scene.HIDEABLE);
                    case "panel" -> panel = oneOf(v, List.of("training", "experiment", "compare", "gatemap", "gradcheck"));
                    case "task" -> task = oneOf(v, TASKS);
                    case "mask" -> mask = mask(v);
                    case "seq2seq" -> seq2seq = seq2seq(v);
                    default -> throw bad("unknown scene key \"" + kv.key() + "\"" + KeyValues.suggest(kv.key(), KEYS));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(file, kv.line(), (KEYS.contains(kv.key()) ? kv.key() + ": " : "") + e.getMessage()));
            }
        }
        if (step != null && backward != null) {
            problems.add(new Problem(file, lines.get(0).line(), "a scene gives either \"step\" or \"backward\", not both"));
        }
        if (preset != null && model != null) {
            problems.add(new Problem(file, lines.get(0).line(), "a scene gives either \"preset\" or \"model\", not both"));
        }
        if (text != null && sequence != null) {
            problems.add(new Problem(file, lines.get(0).line(), "a scene gives either \"text\" or \"sequence\", not both"));
        }
        return new Scene(preset, model, cell, hidden, layers, bidi, seed, init, text, sequence, step, backward, views,
                highlight, unit, gate, layer, scale, architecture, lock, hide, panel, task, mask, set, seq2seq);
    }

    /** {@code models/x.s2s.json INPUT}: a readable encoder–decoder file of the folder and an input in its symbols. */
    private Seq2SeqShow seq2seq(String v) {
        String t = v.strip();
        int sp = t.indexOf(' ');
        String name = sp < 0 ? t : t.substring(0, sp);
        String input = sp < 0 ? "" : t.substring(sp + 1).strip();
        if (input.isEmpty()) {
            throw bad("expected a model file and an input, e.g. models/reverse.s2s.json 31415926");
        }
        Path f = LessonFiles.inside(dir, name, ".s2s.json");
        try {
            rnnlab.io.Seq2SeqIO.Loaded l = rnnlab.io.Seq2SeqIO.read(f);
            java.util.List<String> vocab = l.sourceVocab();
            boolean words = vocab != null && vocab.stream().anyMatch(s -> s.length() > 1);
            java.util.List<String> parts = words ? List.of(input.split("\\s+"))
                    : input.codePoints().mapToObj(c -> new String(Character.toChars(c))).toList();
            for (String p : parts) {
                if (vocab != null && !vocab.contains(p)) {
                    throw bad("\"" + p + "\" is not a symbol of " + name + "; expected one of " + String.join(" ", vocab));
                }
            }
        } catch (rnnlab.io.InputException e) {
            throw bad(e.getMessage());
        }
        return new Seq2SeqShow(f, input);
    }

    static String presetIds() {
        return String.join(", ", java.util.Arrays.stream(Preset.values()).map(p -> p.id).toList());
    }

    private static IllegalArgumentException bad(String message) {
        return new IllegalArgumentException(message);
    }

    static String oneOf(String v, List<String> allowed) {
        if (!allowed.contains(v)) {
            throw bad("expected one of " + String.join(", ", allowed) + ", not \"" + v + "\"" + KeyValues.suggest(v, allowed));
        }
        return v;
    }

    static int intIn(String v, int lo, int hi) {
        try {
            int n = Integer.parseInt(v);
            if (n >= lo && n <= hi) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw bad("expected a whole number from " + lo + " to " + hi + ", not \"" + v + "\"");
    }

    static double doubleIn(String v, double lo, double hi) {
        try {
            double d = Double.parseDouble(v);
            if (d >= lo && d <= hi) {
                return d;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw bad("expected a number from " + lo + " to " + hi + ", not \"" + v + "\"");
    }

    private static long longValue(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw bad("expected a whole number, not \"" + v + "\"");
        }
    }

    private static boolean bool(String v) {
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw bad("expected true or false, not \"" + v + "\"");
    }

    /** The text as written, or the inside of quotes ({@code "a b "} keeps its spaces). */
    static String textValue(String v) {
        String t = v;
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1).replace("\\\"", "\"");
        }
        if (t.codePointCount(0, t.length()) < 2) {
            throw bad("a text needs at least 2 characters (each character is a step; the target is the next one)");
        }
        if (t.codePointCount(0, t.length()) > 200) {
            throw bad("a text of at most 200 characters, not " + t.codePointCount(0, t.length()));
        }
        return t;
    }

    private static List<String> views(String v) {
        List<String> out = new ArrayList<>();
        for (String s : KeyValues.list(v)) {
            String name = s.startsWith("view.") ? s.substring(5) : s;
            if (!Scene.VIEWS.contains(name)) {
                throw bad("unknown view \"" + s + "\"; expected " + String.join(", ", Scene.VIEWS)
                        + KeyValues.suggest(name, Scene.VIEWS));
            }
            out.add("view." + name);
        }
        if (out.isEmpty()) {
            throw bad("name at least one view");
        }
        return out;
    }

    /** "h, c, gate f" (spaces inside a part may vary); "none" is empty. */
    static Set<String> mask(String v) {
        Set<String> out = new LinkedHashSet<>();
        if (v.trim().equals("none")) {
            return out;
        }
        for (String raw : v.split(",")) {
            String p = raw.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (p.isEmpty()) {
                continue;
            }
            if (!Scene.MASK_PARTS.contains(p)) {
                throw bad("unknown part \"" + raw.trim() + "\" to mask; expected " + String.join(", ", Scene.MASK_PARTS)
                        + " or none" + KeyValues.suggest(p, Scene.MASK_PARTS));
            }
            out.add(p);
        }
        if (out.isEmpty()) {
            throw bad("name what to mask (h, c, gates, gate f …, output) or none");
        }
        return out;
    }

    private static Set<String> controls(String v, Set<String> allowed) {
        Set<String> out = new LinkedHashSet<>();
        if (v.equals("none")) {
            return out;
        }
        List<String> sorted = allowed.stream().sorted().toList();
        for (String s : KeyValues.list(v)) {
            String c = s.toLowerCase(Locale.ROOT);
            if (!allowed.contains(c)) {
                throw bad("unknown control \"" + s + "\"; expected " + String.join(", ", sorted) + " or none"
                        + KeyValues.suggest(c, sorted));
            }
            out.add(c);
        }
        return out;
    }
}
