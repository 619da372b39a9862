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
     * {@code scale} is the screen's scale (2 for a HiDPI screen): the window is laid out in the same logical
     * pixels, drawn at {@code scale} × as many device pixels, and its PNG is {@code scale} × as wide and high.
     */
    record Shot(String lessonId, int step, String lang, int width, int height, boolean present, Path png, double scale) {
        /** A shot on a screen at scale 1. */
        public Shot(String lessonId, int step, String lang, int width, int height, boolean present, Path png) {
            this(lessonId, step, lang, width, height, present, png, 1);
        }
    }

    /**
     * What a shot showed: layout findings ({@code view lstm: label "…" clipped by …}), whether the step's
     * narration and checkpoints fit the lesson panel, and why it could not be shown (null when it was).
     */
    record Screen(Shot shot, List<String> findings, boolean fits, String error) {
        private static final java.util.regex.Pattern NO_STEP = java.util.regex.Pattern.compile("the lesson has no step (\\d+)");
        private static final java.util.regex.Pattern SLOW =
                java.util.regex.Pattern.compile("the step did not finish applying its scene in (\\d+) s");

        /**
         * {@link #error()} in Chinese with {@code zh}: the window's own reasons (StepScreens) are English; a
         * lesson it could not open is said in the shot's language already. One of another form is left as it is.
         */
        public String error(boolean zh) {
            if (error == null || !zh) {
                return error;
            }
            java.util.regex.Matcher m = NO_STEP.matcher(error);
            if (m.matches()) {
                return CliText.get(true, "cli.shot.noStep", m.group(1));
            }
            m = SLOW.matcher(error);
            return m.matches() ? CliText.get(true, "cli.shot.slow", m.group(1)) : error;
        }
    }

    /**
     * Shows each shot in order and reports it; throws when the window cannot be shown at all ({@link Timeout}
     * when it does not answer in time).
     */
    List<Screen> show(LessonLibrary library, List<Shot> shots) throws Exception;

    /** {@code 1024x768} → {1024, 768}; 320–3840 by 240–2160, else an IllegalArgumentException naming the value. */
    static int[] size(String s) {
        return size(s, false);
    }

    /**
     * As {@link #size(String)}; with {@code zh} ({@code --lang zh}) the message is in Chinese. A value written
     * as a size but outside the range says so and gives the range ({@code 99999x5} is not a wrong format).
     */
    static int[] size(String s, boolean zh) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)[x×](\\d+)").matcher(s.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(CliText.get(zh, "cli.size.format", s));
        }
        int w = pixels(m.group(1));
        int h = pixels(m.group(2));
        if (w < MIN_WIDTH || w > MAX_WIDTH || h < MIN_HEIGHT || h > MAX_HEIGHT) {
            throw new IllegalArgumentException(CliText.get(zh, "cli.size.range", s, MIN_WIDTH, MAX_WIDTH, MIN_HEIGHT,
                    MAX_HEIGHT));
        }
        return new int[] {w, h};
    }

    /** The smallest and largest window the author commands show. */
    int MIN_WIDTH = 320;
    int MAX_WIDTH = 3840;
    int MIN_HEIGHT = 240;
    int MAX_HEIGHT = 2160;

    /** A size's digits as a number; more than an int holds is simply too large. */
    private static int pixels(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /**
     * A window size in logical pixels on a screen at {@code scale} (1; 2 for a HiDPI screen, whose
     * 2560×1440 device pixels show a 1280×720 window full screen).
     */
    record Size(int width, int height, double scale) {
        /** {@code 1280x720}, or {@code 1280x720@2} at a scale other than 1. */
        public String label() {
            return width + "x" + height + (scale == 1 ? "" : "@" + (scale == Math.rint(scale) ? String.valueOf((int) scale)
                    : String.valueOf(scale)));
        }

        /**
         * {@code 1280x720} or {@code 1280x720@2}: a size as {@link LessonScreens#size(String)} and a screen scale
         * from 1 to 4 (e.g. 1.5, 2), else an IllegalArgumentException naming the value.
         */
        public static Size parse(String s) {
            return parse(s, false);
        }

        /** As {@link #parse(String)}; with {@code zh} ({@code --lang zh}) the message is in Chinese. */
        public static Size parse(String s, boolean zh) {
            String t = s.trim();
            int at = t.indexOf('@');
            int[] wh = LessonScreens.size(at < 0 ? t : t.substring(0, at), zh);
            double scale = 1;
            if (at >= 0) {
                try {
                    scale = Double.parseDouble(t.substring(at + 1));
                } catch (NumberFormatException e) {
                    scale = Double.NaN;
                }
                if (!(scale >= 1 && scale <= 4)) {
                    throw new IllegalArgumentException(CliText.get(zh, "cli.size.scale", s));
                }
            }
            return new Size(wh[0], wh[1], scale);
        }
    }

    /**
     * The message when no window code was handed over (the command line run without the app): {@code command}
     * ({@code snapshot}, {@code --layout}) needs it; in Chinese with {@code zh}.
     */
    static String unavailable(String command, boolean zh) {
        return CliText.get(zh, "cli.unavailable", command);
    }

    /**
     * The window did not answer within {@code seconds} (a step that does not show, JavaFX that does not start):
     * {@link #show} throws it so that the command can say so in the user's language.
     */
    final class Timeout extends Exception {
        private final int seconds;

        public Timeout(int seconds, Throwable cause) {
            super("the window did not answer within " + seconds + " s", cause);
            this.seconds = seconds;
        }

        public int seconds() {
            return seconds;
        }
    }
}
