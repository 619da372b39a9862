package rnnlab.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A file in the user folder ({@value #FILE}) that says "RNN Lab is running": written at start with the
 * process id and time, deleted on a clean exit. Finding it at start means the last session crashed
 * or was killed — unless the process it names is still running (a second window of the app).
 */
public final class SessionMarker {
    public static final String FILE = "session.lock";

    private SessionMarker() {
    }

    public static Path file() {
        return UserFiles.file(FILE);
    }

    /**
     * Marks this session as running. Returns true when the previous session did not end cleanly: the
     * marker was there and names a process that is no longer alive (or cannot be read).
     */
    public static boolean start() throws IOException {
        Path f = file();
        boolean crashed = false;
        if (Files.isRegularFile(f)) {
            long pid = pidIn(f);
            Instant started = startedIn(f);
            long self = ProcessHandle.current().pid();
            // alive and started no later than the marker: the same session still running (a second window)
            crashed = pid < 0 || pid == self || ProcessHandle.of(pid).map(p -> !p.isAlive()
                    || reused(p, started)).orElse(true);
        }
        UserFiles.writeTextAtomically("pid=" + ProcessHandle.current().pid() + "\nstarted=" + Instant.now() + "\n", f);
        return crashed;
    }

    /** Clean exit: removes the marker (never throws). */
    public static void end() {
        try {
            Files.deleteIfExists(file());
        } catch (IOException e) {
            // nothing to do: the next start offers the autosave, which is harmless
        }
    }

    /** Whether the live process with the marker's pid started after the marker was written (pid reused). */
    private static boolean reused(ProcessHandle p, Instant marker) {
        return marker != null && p.info().startInstant().map(s -> s.isAfter(marker.plusSeconds(2))).orElse(false);
    }

    private static Instant startedIn(Path f) {
        try {
            for (String line : Files.readAllLines(f)) {
                if (line.startsWith("started=")) {
                    return Instant.parse(line.substring(8).trim());
                }
            }
        } catch (IOException | java.time.format.DateTimeParseException e) {
            return null;
        }
        return null;
    }

    private static long pidIn(Path f) {
        try {
            for (String line : Files.readAllLines(f)) {
                if (line.startsWith("pid=")) {
                    return Long.parseLong(line.substring(4).trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
