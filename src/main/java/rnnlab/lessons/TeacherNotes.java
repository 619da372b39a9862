package rnnlab.lessons;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step's teacher-only notes: {@code ```note} blocks in the narration. Hidden from the class unless the
 * teacher turns them on (View ▸ Teacher notes); then each shows as a quoted paragraph with a label.
 */
public final class TeacherNotes {
    private static final Pattern BLOCK = Pattern.compile("(?m)^[ \\t]*```[ \\t]*note[ \\t]*\\R(.*?)^[ \\t]*```[ \\t]*$\\R?",
            Pattern.DOTALL);

    private TeacherNotes() {
    }

    /** The narration with its notes removed ({@code shown} false) or as quotes starting with {@code label}. */
    public static String apply(String markdown, boolean shown, String label) {
        Matcher m = BLOCK.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String body = m.group(1).strip();
            String rep = "";
            if (shown) {
                StringBuilder q = new StringBuilder("> **" + label + "** ");
                String[] lines = body.split("\\R");
                for (int i = 0; i < lines.length; i++) {
                    q.append(i == 0 ? "" : "> ").append(lines[i]).append('\n');
                }
                rep = q.append('\n').toString();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(rep));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether the narration has a note. */
    public static boolean has(String markdown) {
        return BLOCK.matcher(markdown).find();
    }
}
