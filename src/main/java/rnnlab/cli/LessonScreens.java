package rnnlab.cli;

import java.nio.file.Path;
import java.util.List;
import rnnlab.lessons.LessonLibrary;

/**
 * Lesson steps shown in the real window, for the commands that need to see them ({@code lessons check
 * --layout}, {@code lessons render}, {@code snapshot}). The command line has no window code (it imports no
 * UI package); the app hands an implementation to {@link Main#execute(java.util.List, String...)} beside
 * its window commands. Without one (the headless command line alone), these commands say so.
 */
public interface LessonScreens {
    /**
     * Step {@code step} (from 0) of lesson {@code lessonId} in {@code lang} ({@code en}, {@code zh}) in a
     * {@code width} × {@code height} window, in presentation mode or not; a PNG of it to {@code png} (or none).
     */
    record Shot(String lessonId, int step, String lang, int width, int height, boolean present, Path png) {
    }

    /**
     * What a shot showed: layout findings ({@code view lstm: label "…" clipped by …}), whether the step's
     * narration and checkpoints fit the lesson panel, and why it could not be shown (null when it was).
     */
    record Screen(Shot shot, List<String> findings, boolean fits, String error) {
    }

    /** Shows each shot in order and reports it; throws when the window cannot be shown at all. */
    List<Screen> show(LessonLibrary library, List<Shot> shots) throws Exception;

    /** {@code 1024x768} → {1024, 768}; 320–3840 by 240–2160, else an IllegalArgumentException naming the value. */
    static int[] size(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{3,4})[x×](\\d{3,4})").matcher(s.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("a window size is WIDTHxHEIGHT, e.g. 1280x720, not \"" + s + "\"");
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if (w < 320 || w > 3840 || h < 240 || h > 2160) {
            throw new IllegalArgumentException("a window size is 320x240 to 3840x2160, not \"" + s + "\"");
        }
        return new int[] {w, h};
    }

    /** The message when no window code was handed over (the command line run without the app). */
    String UNAVAILABLE = "this needs RNN Lab's window code: run it from rnnlab.jar (java -jar rnnlab.jar ...); "
            + "it runs without a display";
}
