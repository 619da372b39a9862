package rnnlab.app;

/**
 * The jar's entry point. It does not extend {@code Application}, so a plain classpath jar can start
 * JavaFX: with no arguments it opens the app; with a command it runs headless.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // no command, a language option or a file (e.g. a double-clicked scenario): the app
        if (args.length == 0 || args[0].startsWith("--lang") || args[0].endsWith(".json")) {
            RnnLabApp.main(args);
        } else {
            System.exit(rnnlab.cli.Main.execute(args));
        }
    }
}
