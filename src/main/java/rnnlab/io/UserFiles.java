package rnnlab.io;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where RNN Lab keeps what belongs to the user rather than to a document: settings (language,
 * theme …), lesson progress and the autosaved scenario. The folder is the system property
 * {@code rnnlab.home}, else the environment variable {@code RNNLAB_HOME}, else {@code ~/.rnnlab}
 * (tests point it at a temporary folder).
 */
public final class UserFiles {
    public static final String PROPERTY = "rnnlab.home";
    public static final String SETTINGS = "settings.properties";

    private UserFiles() {
    }

    /** The user folder (not created here). */
    public static Path home() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv("RNNLAB_HOME");
        }
        if (p == null || p.isBlank()) {
            return Path.of(System.getProperty("user.home"), ".rnnlab");
        }
        return Path.of(p);
    }

    /** A file in the user folder. */
    public static Path file(String name) {
        return home().resolve(name);
    }

    /** The user's settings; empty when the file is missing or unreadable (never an error). */
    public static Properties readSettings() {
        Properties p = new Properties();
        Path f = file(SETTINGS);
        if (Files.isRegularFile(f)) {
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                return new Properties();
            }
        }
        return p;
    }

    /** The setting {@code key}, or {@code fallback}. */
    public static String setting(String key, String fallback) {
        return readSettings().getProperty(key, fallback);
    }

    /** Stores one setting (read, change, atomic write), keeping the others. */
    public static synchronized void putSetting(String key, String value) throws IOException {
        Properties p = readSettings();
        if (value == null) {
            p.remove(key);
        } else {
            p.setProperty(key, value);
        }
        StringWriter w = new StringWriter();
        p.store(w, "RNN Lab settings");
        writeTextAtomically(w.toString(), file(SETTINGS));
    }

    /** Writes UTF-8 text to a temporary file beside the target, then renames it over the target. */
    public static void writeTextAtomically(String text, Path file) throws IOException {
        Formats.writeAtomically(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
