package rnnlab.app;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import rnnlab.about.BuildInfo;
import rnnlab.io.UserFiles;

/**
 * The portable jar carries JavaFX's native libraries for every platform under
 * {@code natives/<platform>/} (the macOS x64 and arm64 libraries, and the two Linux ones, share file
 * names, so they cannot all sit at the jar's root where JavaFX looks first). Before JavaFX starts, the
 * folder of the running platform is copied once to {@code natives/<javafx>-<platform>} in the user
 * folder ({@link UserFiles#home()}) and
 * put in front of {@code java.library.path}, which JavaFX's loader reads when it cannot find a library
 * at the jar's root. Outside the portable jar (an IDE, {@code mvn javafx:run}, the packaged app, whose
 * JavaFX jars carry their own libraries) nothing happens.
 */
final class NativeLibraries {
    static final String FOLDER = "natives/";

    private NativeLibraries() {
    }

    /** The folder name for an {@code os.name} and {@code os.arch}, or null for a platform JavaFX has no build for. */
    static String platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.startsWith("windows")) {
            return x64 ? "windows-x64" : null;
        }
        if (os.startsWith("mac")) {
            return x64 ? "mac-x64" : arm64 ? "mac-aarch64" : null;
        }
        if (os.startsWith("linux")) {
            return x64 ? "linux-x64" : arm64 ? "linux-aarch64" : null;
        }
        return null;
    }

    /** Extracts this platform's libraries when running from the portable jar; a problem is one line on stderr. */
    static void prepare() {
        Path jar = ownJar();
        if (jar == null) {
            return;
        }
        String platform = platform(System.getProperty("os.name"), System.getProperty("os.arch"));
        try (JarFile jf = new JarFile(jar.toFile())) {
            if (!hasAny(jf)) {
                return; // a jar without natives/ (e.g. the thin jar of the packaged app)
            }
            if (platform == null) {
                System.err.println("rnnlab: JavaFX has no native libraries for " + System.getProperty("os.name")
                        + " on " + System.getProperty("os.arch") + "; the window may not open");
                return;
            }
            Path dir = cacheDir(platform);
            int n = extract(jf, FOLDER + platform + "/", dir);
            if (n == 0) {
                System.err.println("rnnlab: " + jar + " holds no JavaFX libraries for " + platform
                        + " (expected " + FOLDER + platform + "/); the window may not open");
                return;
            }
            String old = System.getProperty("java.library.path", "");
            System.setProperty("java.library.path", dir + (old.isEmpty() ? "" : File.pathSeparator + old));
        } catch (IOException e) {
            System.err.println("rnnlab: could not unpack JavaFX's native libraries from " + jar + ": " + e.getMessage());
        }
    }

    private static boolean hasAny(JarFile jf) {
        Enumeration<JarEntry> en = jf.entries();
        while (en.hasMoreElements()) {
            if (en.nextElement().getName().startsWith(FOLDER)) {
                return true;
            }
        }
        return false;
    }

    /** Copies the entries under {@code prefix} into {@code dir} unless a file of the same size is there; returns their number. */
    static int extract(JarFile jf, String prefix, Path dir) throws IOException {
        int n = 0;
        Enumeration<JarEntry> en = jf.entries();
        while (en.hasMoreElements()) {
            JarEntry e = en.nextElement();
            String name = e.getName();
            if (!name.startsWith(prefix) || e.isDirectory() || name.indexOf('/', prefix.length()) >= 0) {
                continue;
            }
            n++;
            Path target = dir.resolve(name.substring(prefix.length()));
            if (Files.isRegularFile(target) && Files.size(target) == e.getSize()) {
                continue;
            }
            Files.createDirectories(dir);
            // the one atomic writer: another copy of the app starting at the same time never sees half a library
            try (InputStream in = jf.getInputStream(e)) {
                rnnlab.io.AtomicFiles.write(target, in::transferTo);
            }
        }
        return n;
    }

    /** {@code natives/<javafx>-<platform>} in the user folder, else in the temporary folder. */
    private static Path cacheDir(String platform) {
        String name = BuildInfo.javafxVersion() + "-" + platform;
        Path natives = UserFiles.home().resolve("natives");
        try {
            Files.createDirectories(natives);
            if (Files.isWritable(natives)) {
                return natives.resolve(name);
            }
        } catch (IOException e) {
            // fall through to the temporary folder
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "rnnlab-" + System.getProperty("user.name", "user"), name);
    }

    /** The jar this class was loaded from, or null when it is not a jar. */
    private static Path ownJar() {
        try {
            var src = NativeLibraries.class.getProtectionDomain().getCodeSource();
            if (src == null) {
                return null;
            }
            Path p = Path.of(src.getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }
}
