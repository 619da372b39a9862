package rnnlab.cli;

/**
 * The window could not show the lesson steps at all (JavaFX did not start, a step did not answer in time):
 * one sentence in the user's language that says what happened and what to try, never {@code null} when the
 * exception had no message. The error handler prints it as one line (exit status 3).
 */
final class WindowFailed extends RuntimeException {
    private WindowFailed(String message, Throwable cause) {
        super(message, cause);
    }

    /** Why {@code command} ({@code snapshot}, {@code --layout} ...) could not show the window, from {@code ex}. */
    static WindowFailed of(String command, Exception ex, boolean zh) {
        String why = ex.getMessage();
        String message;
        if (ex instanceof LessonScreens.Timeout t) {
            message = CliText.get(zh, "cli.window.timeout", command, t.seconds());
        } else if (why == null || why.isBlank()) {
            message = CliText.get(zh, "cli.window.noReason", command, ex.getClass().getSimpleName());
        } else {
            message = CliText.get(zh, "cli.window.failed", command, why);
        }
        return new WindowFailed(message, ex);
    }

    /**
     * Says on {@code err} how many steps are being drawn, then shows them in the window: a picture that cannot be
     * written stays the file's problem (bad input, said as before), any other failure is a {@link WindowFailed}.
     */
    static java.util.List<LessonScreens.Screen> show(LessonScreens screens, rnnlab.lessons.LessonLibrary lib,
            java.util.List<LessonScreens.Shot> shots, String command, boolean zh, java.io.PrintWriter err)
            throws java.io.IOException {
        err.println(CliText.get(zh, "cli.progress.rendering", shots.size()));
        err.flush();
        try {
            return screens.show(lib, shots);
        } catch (java.io.IOException ex) {
            throw ex;
        } catch (Exception ex) {
            throw of(command, ex, zh);
        }
    }
}
