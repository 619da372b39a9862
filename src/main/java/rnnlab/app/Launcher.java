package rnnlab.app;

/**
 * The jar's entry point. It does not extend {@code Application}, so a plain classpath jar can start
 * JavaFX: with no arguments it opens the app; with a command it runs headless.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        renderSettings();
        // no command, a language option or a file (e.g. a double-clicked scenario): the app
        if (args.length == 0 || args[0].startsWith("--lang") || args[0].endsWith(".json")) {
            RnnLabApp.main(args);
        } else {
            System.exit(rnnlab.cli.Main.execute(args));
        }
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
