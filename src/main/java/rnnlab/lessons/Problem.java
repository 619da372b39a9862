package rnnlab.lessons;

import java.nio.file.Path;

/**
 * One thing wrong with a lesson, where it is: {@code 03-one-step.en.md:12: unknown scene key "prest";
 * did you mean "preset"?}. Line 0 means the whole file.
 */
public record Problem(Path file, int line, String message) {
    /** The message quotes lesson text: control and formatting characters become escapes, and it is bounded. */
    public Problem {
        message = rnnlab.io.SafeText.clean(message, 600);
    }

    /** The file's name relative to {@code base} (or just its name), a colon, the line and the message. */
    public String describe(Path base) {
        String name = file == null ? "" : (base != null && file.startsWith(base) ? base.relativize(file).toString()
                : String.valueOf(file.getFileName()));
        if (name.isEmpty()) {
            name = String.valueOf(file);
        }
        return line > 0 ? name + ":" + line + ": " + message : name + ": " + message;
    }

    @Override
    public String toString() {
        return describe(null);
    }
}
