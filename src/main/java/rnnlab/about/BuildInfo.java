package rnnlab.about;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this build, read from {@code rnnlab/version.properties} (written by Maven's resource
 * filtering). Loads nothing but {@code java.base}, so {@code rnnlab --version} answers without starting
 * JavaFX or the command line parser.
 */
public final class BuildInfo {
    private static final String RESOURCE = "/rnnlab/version.properties";

    private BuildInfo() {
    }

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when not built by Maven. */
    public static String version() {
        return read().getProperty("version", "unknown");
    }

    /** The JavaFX version the build bundles. */
    public static String javafxVersion() {
        return read().getProperty("javafx", "unknown");
    }

    /** The one line {@code --version} prints. */
    public static String versionLine() {
        return "RNN Lab " + version() + " (Java " + System.getProperty("java.version") + ", JavaFX "
                + javafxVersion() + ")";
    }

    private static Properties read() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource leaves the defaults
        }
        return p;
    }
}
