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

    /**
     * The user's settings; empty when the file is missing or cannot be read (never an error: the
     * reason is in {@link #settingsProblem()}, and the next write keeps a copy of the file).
     */
    public static Properties readSettings() {
        Path f = file(SETTINGS);
        if (!Files.isRegularFile(f)) {
            return new Properties();
        }
        try {
            return readSettings(f);
        } catch (InputException e) {
            return new Properties();
        }
    }

    /** Why the settings file cannot be read (file, line, expectation), or null when it can (or is missing). */
    public static String settingsProblem() {
        Path f = file(SETTINGS);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            readSettings(f);
            return null;
        } catch (InputException e) {
            return e.getMessage();
        }
    }

    /**
     * Reads a settings file strictly: UTF-8, within the size limit, each key once (a key given twice
     * means two things; {@link Properties} would keep the last), valid escapes.
     */
    public static Properties readSettings(Path f) throws InputException {
        String name = f.toString();
        String text;
        try {
            if (Files.size(f) > Limits.MAX_FILE_BYTES) {
                throw new InputException(name, "", "file is too large; at most " + (Limits.MAX_FILE_BYTES >> 20) + " MB");
            }
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f))).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputException(name, "", "is not UTF-8 text");
        } catch (IOException e) {
            throw new InputException(name, "", "cannot read: " + e.getMessage());
        }
        Properties all = new Properties();
        java.util.Map<String, Integer> firstLine = new java.util.HashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int start = i;
            String trimmed = lines[start].stripLeading();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue; // a comment does not continue on the next line
            }
            StringBuilder logical = new StringBuilder(lines[i]);
            while (continues(logical) && i + 1 < lines.length) {
                logical.append('\n').append(lines[++i]);
            }
            Properties one = new Properties();
            try {
                one.load(new java.io.StringReader(logical.toString()));
            } catch (IOException | IllegalArgumentException e) {
                throw new InputException(name, "line " + (start + 1), "expected key=value with valid escapes ("
                        + e.getMessage() + ")");
            }
            for (String key : one.stringPropertyNames()) {
                Integer first = firstLine.putIfAbsent(key, start + 1);
                if (first != null) {
                    throw new InputException(name, "line " + (start + 1), "the setting \"" + SafeText.quote(key)
                            + "\" is given twice (first on line " + first + "); expected each setting once");
                }
                all.setProperty(key, one.getProperty(key));
            }
        }
        return all;
    }

    /** True when a line ends in an odd number of backslashes (Properties' line continuation). */
    private static boolean continues(CharSequence line) {
        int n = 0;
        for (int k = line.length() - 1; k >= 0 && line.charAt(k) == '\\'; k--) {
            n++;
        }
        return n % 2 == 1;
    }

    /** The setting {@code key}, or {@code fallback}. */
    public static String setting(String key, String fallback) {
        return readSettings().getProperty(key, fallback);
    }

    /** Stores one setting (read, change, atomic write), keeping the others. */
    public static synchronized void putSetting(String key, String value) throws IOException {
        if (settingsProblem() != null) {
            StrictJson.setAside(file(SETTINGS)); // a file we cannot read is kept beside, not lost
        }
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
