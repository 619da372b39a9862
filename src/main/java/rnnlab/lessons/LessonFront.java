package rnnlab.lessons;

import java.util.List;

/**
 * What a teacher reads before a lesson, from its front matter: what the class will be able to do,
 * which earlier lessons it builds on, how long it takes in class, and where to read more.
 *
 * @param objectives    learning objectives, one per {@code objective:} line (1 … 6)
 * @param prerequisites ids of earlier lessons ({@code prerequisites: one-rnn-step, bptt}); empty for none
 * @param minutes       time in class, 5 … 180
 * @param references    papers, textbook sections and tutorials, one per {@code reference:} line
 */
public record LessonFront(List<String> objectives, List<String> prerequisites, int minutes, List<String> references) {
    /** For a lesson file without these keys (a user's own, older lesson). */
    public static final LessonFront NONE = new LessonFront(List.of(), List.of(), 0, List.of());

    public LessonFront {
        objectives = List.copyOf(objectives);
        prerequisites = List.copyOf(prerequisites);
        references = List.copyOf(references);
    }

    /** True when the file gave none of the keys. */
    public boolean isEmpty() {
        return objectives.isEmpty() && prerequisites.isEmpty() && minutes == 0 && references.isEmpty();
    }

    /**
     * The front matter as Markdown for the start of a lesson, in the lesson's language; titles of the
     * prerequisite lessons come from {@code titleOf} (the id itself when it gives null).
     */
    public String markdown(String lang, java.util.function.Function<String, String> titleOf) {
        if (isEmpty()) {
            return "";
        }
        boolean zh = "zh".equals(lang);
        StringBuilder b = new StringBuilder();
        if (!objectives.isEmpty()) {
            b.append(zh ? "**学习目标**（学完本课，你能够）：\n\n" : "**Learning objectives** (after this lesson you can):\n\n");
            objectives.forEach(o -> b.append("- ").append(o).append('\n'));
            b.append('\n');
        }
        b.append(zh ? "**先修课程：** " : "**Prerequisites:** ");
        if (prerequisites.isEmpty()) {
            b.append(zh ? "无" : "none");
        } else {
            b.append(String.join(zh ? "；" : "; ", prerequisites.stream().map(p -> {
                String t = titleOf.apply(p);
                return t == null ? p : t;
            }).toList()));
        }
        b.append("  \n");
        if (minutes > 0) {
            b.append(zh ? "**课堂时间：** 约 " + minutes + " 分钟" : "**Time in class:** about " + minutes + " minutes").append('\n');
        }
        if (!references.isEmpty()) {
            b.append('\n').append(zh ? "**参考资料：**\n\n" : "**References:**\n\n");
            references.forEach(r -> b.append("- ").append(r).append('\n'));
        }
        return b.toString().strip();
    }
}
