package rnnlab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import rnnlab.lessons.Checkpoint;
import rnnlab.lessons.Exercise;
import rnnlab.lessons.Lesson;
import rnnlab.lessons.Step;

/**
 * The teacher's answer key of one lesson: every checkpoint (with the engine's value and the right
 * option, or the author's fixed answer, or the goal) and every exercise (the engine's value and the
 * author's answer), in the lesson's own language. Built off the FX thread (each computed answer builds
 * the step's model); rendered as a self-contained HTML page for printing or saving. Headless: the UI's
 * Lesson ▸ Answer key… window shows it, {@code lessons check --exercises} prints the exercise part.
 */
public final class AnswerKey {
    /** One question of the key. {@code value} is the engine's number (or null), {@code answer} the right answer. */
    public record Item(boolean exercise, int number, int step, String stepTitle, String id, String question,
                       String value, String answer, String explain) {
    }

    private AnswerKey() {
    }

    /**
     * Every checkpoint and exercise of {@code lesson}, in step order (a step's checkpoint before its
     * exercises). {@code text} gives the key's words in the lesson's language: "goal", "cannot" (with
     * {0} for the reason).
     */
    public static List<Item> items(Lesson lesson, Function<String, String> text) {
        List<Item> out = new ArrayList<>();
        int n = 0;
        for (Step s : lesson.steps()) {
            for (Checkpoint c : s.checkpoints()) { // a step may have several (issue 19)
                out.add(checkpoint(++n, s, c, text));
            }
            for (Exercise x : lesson.exercises()) {
                if (x.step() == s.index()) {
                    String v = null;
                    if (x.value() != null) {
                        try {
                            v = x.value().text() + " = " + Checkpoint.format(
                                    LessonEngine.evaluate(x.value(), LessonEngine.build(lesson.steps().get(x.step()).scene())));
                        } catch (Exception e) {
                            v = text.apply("cannot").replace("{0}", String.valueOf(e.getMessage()));
                        }
                    }
                    out.add(new Item(true, x.number(), s.index(), s.title(), x.id(), x.question(), v, x.answer(), null));
                }
            }
        }
        return out;
    }

    private static Item checkpoint(int n, Step s, Checkpoint c, Function<String, String> text) {
        if (c.kind() == Checkpoint.Kind.GOAL) {
            return new Item(false, n, s.index(), s.title(), c.id(), c.question(), null,
                    text.apply("goal") + " " + c.goal().text() + " " + c.goalCondition(),
                    c.explain() == null ? null : c.explain().replace("{value}", "…").replace("{answer}", ""));
        }
        if (!c.computed()) {
            String right = c.options().stream().filter(Checkpoint.Option::marked).map(Checkpoint.Option::label)
                    .findFirst().orElse("");
            return new Item(false, n, s.index(), s.title(), c.id(), c.question(), null, right,
                    c.explain() == null ? null : c.explain().replace("{value}", "…").replace("{answer}", right));
        }
        try {
            double v = LessonEngine.evaluate(c.value(), LessonEngine.build(s.scene()));
            String right;
            if (c.kind() == Checkpoint.Kind.CHOICE) {
                List<String> rights = new ArrayList<>();
                for (Checkpoint.Option o : c.options()) {
                    if (o.condition() != null && !Double.isNaN(v) && o.condition().test(v)) {
                        rights.add(o.label());
                    }
                }
                right = String.join(" / ", rights);
            } else {
                right = Checkpoint.format(v);
            }
            return new Item(false, n, s.index(), s.title(), c.id(), c.question(), c.value().text() + " = " + Checkpoint.format(v),
                    right, c.explanation(v, right));
        } catch (Exception e) {
            String why = text.apply("cannot").replace("{0}", String.valueOf(e.getMessage()));
            return new Item(false, n, s.index(), s.title(), c.id(), c.question(), why, null, null);
        }
    }

    /**
     * A self-contained, printable HTML page: no scripts, no links, no external files; every lesson text is
     * escaped (Markdown and TeX are shown as written). {@code text} gives "title", "checkpoint", "exercise",
     * "stepOf", "value", "answer", "explain".
     */
    public static String html(Lesson lesson, List<Item> items, Function<String, String> text) {
        StringBuilder b = new StringBuilder();
        String title = text.apply("title") + " — " + String.format("%02d", lesson.number()) + " " + lesson.title();
        b.append("<!DOCTYPE html>\n<html lang=\"").append(esc(lesson.lang())).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:48em;margin:2em auto;line-height:1.45}")
                .append("h2{font-size:1.05em;margin-top:1.4em}.v{font-family:monospace;background:#eee;padding:0 .3em}")
                .append("p{margin:.25em 0}.q{font-weight:bold}\n</style>\n</head>\n<body>\n<h1>").append(esc(title)).append("</h1>\n");
        for (Item i : items) {
            b.append("<h2>").append(esc(text.apply(i.exercise() ? "exercise" : "checkpoint"))).append(' ').append(i.number())
                    .append(" <small>").append(esc(stepOf(i, text))).append("</small></h2>\n");
            b.append("<p class=\"q\">").append(esc(i.question())).append("</p>\n");
            if (i.value() != null) {
                b.append("<p>").append(esc(text.apply("value"))).append(" <span class=\"v\">").append(esc(i.value())).append("</span></p>\n");
            }
            if (i.answer() != null && !i.answer().isBlank()) {
                b.append("<p>").append(esc(text.apply("answer"))).append(' ').append(esc(i.answer())).append("</p>\n");
            }
            if (i.explain() != null && !i.explain().isBlank()) {
                b.append("<p>").append(esc(text.apply("explain"))).append(' ').append(esc(i.explain())).append("</p>\n");
            }
        }
        return b.append("</body>\n</html>\n").toString();
    }

    /** "(step 3: Title)" in the key's language ({@code text.apply("stepOf")} with {0} and {1}). */
    public static String stepOf(Item i, Function<String, String> text) {
        return text.apply("stepOf").replace("{0}", String.valueOf(i.step() + 1)).replace("{1}", i.stepTitle());
    }

    /** {@code s} as HTML text: the five characters that could start markup or end an attribute escaped. */
    public static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
