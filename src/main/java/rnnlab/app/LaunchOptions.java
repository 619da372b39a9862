package rnnlab.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import rnnlab.ui.controls.AppLanguage;

/**
 * The jar's arguments split into the language option ({@code --lang zh}, {@code --lang=en}, anywhere)
 * and the rest: nothing or a file opens the app, anything else is a CLI command (which accepts and
 * ignores {@code --lang}: the CLI prints English).
 *
 * {@code --lessons DIR} (or {@code --lessons=DIR}) opens a teacher's lesson folder beside the shipped
 * lessons, watched for changes.
 *
 * @param lang    the {@code --lang} value (null when absent or not a supported language)
 * @param lessons the {@code --lessons} folder (null when absent)
 * @param rest    the other arguments, in order
 */
public record LaunchOptions(String lang, String lessons, List<String> rest) {
    public static final String OPTION = "--lang";
    public static final String LESSONS = "--lessons";
    /** The system property that carries {@code --lang} to an app started by a CLI command ({@code open}). */
    public static final String PROPERTY = "rnnlab.lang";

    public LaunchOptions {
        rest = List.copyOf(rest);
    }

    /** Parses the arguments; an unsupported language is reported on {@code err} and ignored. */
    public static LaunchOptions parse(List<String> args, PrintStream err) {
        String lang = null;
        String lessons = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = null;
            boolean command = !rest.isEmpty() && !rest.get(0).endsWith(".json");
            if (!command && a.equals(LESSONS)) {
                lessons = i + 1 < args.size() ? args.get(++i) : "";
                continue;
            } else if (!command && a.startsWith(LESSONS + "=")) {
                lessons = a.substring(LESSONS.length() + 1);
                continue;
            } else if (a.equals(OPTION)) {
                value = i + 1 < args.size() ? args.get(++i) : "";
            } else if (a.startsWith(OPTION + "=")) {
                value = a.substring(OPTION.length() + 1);
            } else {
                rest.add(a);
                continue;
            }
            if (AppLanguage.parse(value).isPresent()) {
                lang = value;
            } else if (err != null) {
                err.println("rnnlab: unknown language '" + value + "' for --lang; use en or zh");
            }
        }
        return new LaunchOptions(lang, lessons, rest);
    }

    /** The language asked for: {@code --lang}, else the system property {@value #PROPERTY} (null if neither). */
    public String langOrProperty() {
        return lang != null ? lang : System.getProperty(PROPERTY);
    }

    /** Whether these arguments open the desktop app (no command, or a file to open) rather than the CLI. */
    public boolean opensApp() {
        return rest.isEmpty() || rest.get(0).endsWith(".json");
    }
}
