package rnnlab.app;

import java.util.ArrayList;
import java.util.List;

/**
 * The jar's entry point. It does not extend {@code Application}, so a plain classpath jar can start
 * JavaFX: with no command (or a file to open) it opens the app, in the language of {@code --lang}
 * if given; with a command it runs headless.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // answered before anything heavy loads: no JavaFX, no picocli (issue 18: within 0.5 s)
            System.out.println(rnnlab.about.BuildInfo.versionLine());
            return;
        }
        renderSettings();
        LaunchOptions opts = LaunchOptions.parse(List.of(args), System.err);
        if (opts.lang() != null) {
            // for `--lang zh open lesson.rnnlab.json`: the open command starts the app without our arguments
            System.setProperty(LaunchOptions.PROPERTY, opts.lang());
        }
        if (opts.opensApp()) {
            RnnLabApp.main(appArgs(opts));
        } else {
            int status = rnnlab.cli.Main.execute(windowCommands(), opts.rest().toArray(String[]::new));
            System.exit(status); // also ends a JavaFX toolkit that the lesson screens started
        }
    }

    /**
     * The commands that need the window, and the window's lesson screens (for {@code lessons check --layout},
     * {@code lessons render}, {@code snapshot}); the headless command line offers them beside its own.
     */
    static List<Object> windowCommands() {
        return List.of(new OpenCommand(), new BenchUiCommand(), new LessonScreensHook());
    }

    /** The app's parameters: {@code --lang=xx} (when given) and the files to open. */
    static String[] appArgs(LaunchOptions opts) {
        List<String> out = new ArrayList<>();
        if (opts.lang() != null) {
            out.add(LaunchOptions.OPTION + "=" + opts.lang());
        }
        if (opts.lessons() != null) {
            out.add(LaunchOptions.LESSONS + "=" + opts.lessons());
        }
        out.addAll(opts.rest());
        return out.toArray(String[]::new);
    }

    /**
     * Prism repaints at most 6 separate dirty rectangles a frame by default and merges the rest. A
     * step changes six views, the one-hot row of the side panel, the timeline thumb and the status
     * line: merged, the side panel's row and the timeline's thumb became one 475 × 349 rectangle over
     * the side panel (4–16 ms to paint in software). 15 is Prism's maximum. A value given on the
     * command line wins.
     */
    static void renderSettings() {
        if (System.getProperty("prism.dirtyregioncount") == null) {
            System.setProperty("prism.dirtyregioncount", "15");
        }
    }
}
