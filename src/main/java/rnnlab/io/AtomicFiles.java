package rnnlab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way RNN Lab writes a file: to a temporary file beside the target, then renamed over it, so a
 * crash leaves either the old file or the new one, never half of one.
 *
 * <ul>
 * <li>The temporary file is {@code .NAME.rnnlab-PID-RANDOM.tmp}. One left behind by a process that was
 * killed (kill -9, power cut) is removed the next time any file is written into that folder: when the
 * process it names is gone, or when it is older than {@link #STALE_AGE} (a reused pid). Temporary files
 * of a running process (this one included) are never touched, nor files that do not match our pattern.
 * Files of the pattern older versions used ({@code .NAME.DIGITS.tmp}, {@code .rnnlab-DIGITS.png} …) are
 * removed once older than {@link #STALE_AGE}.</li>
 * <li>Replacing a file keeps its permissions; a new file gets the user's default ones (the umask), not
 * the private 0600 of {@link Files#createTempFile}.</li>
 * <li>A symbolic link is written through: its target is replaced, the link stays.</li>
 * <li>Errors name the path the user gave, never the temporary file.</li>
 * </ul>
 */
public final class AtomicFiles {
    /** A temporary file of ours older than this is stale even if its pid is alive again (pid reuse). */
    public static final Duration STALE_AGE = Duration.ofHours(1);
    private static final String MARK = "rnnlab-";
    private static final Pattern OURS = Pattern.compile("^\\..+\\." + MARK + "(\\d+)-[0-9a-z]+\\.tmp$");
    private static final Pattern OLD = Pattern.compile("^(\\..+\\.\\d+\\.tmp|\\.rnnlab-\\d+(\\.png|\\.gif|\\.tmp|\\.csv\\.tmp))$");
    private static final int MAX_LINKS = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /** Writes the bytes a writer produces. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code content} to {@code file} atomically (see the class comment). */
    public static void write(Path file, Content content) throws IOException {
        try (Pending p = begin(file)) {
            try (OutputStream out = p.openStream()) {
                content.writeTo(out);
            } catch (IOException e) {
                throw p.rename(e);
            }
            p.commit();
        }
    }

    /**
     * Checks, before any long work, that {@code file} can be written: it is not a folder, and the
     * nearest existing folder on its way is a folder we may create files in. Throws an exception that
     * names {@code file} as the user gave it.
     */
    public static void checkWritable(Path file) throws IOException {
        Path target = target(file);
        if (Files.isDirectory(target)) {
            throw new FileSystemException(file.toString(), null, "is a folder; expected a file name");
        }
        Path dir = target.toAbsolutePath().getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new FileSystemException(file.toString(), null, "has no folder to write in");
        }
        if (!Files.isDirectory(dir)) {
            throw new FileSystemException(file.toString(), null, dir + " is not a folder");
        }
        if (!Files.isWritable(dir)) {
            throw new FileSystemException(file.toString(), null, "permission denied: cannot create files in " + dir);
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            throw new FileSystemException(file.toString(), null, "is not a regular file");
        }
    }

    /** Starts writing {@code file}: a temporary file beside its (link-resolved) target. */
    public static Pending begin(Path file) throws IOException {
        return new Pending(file);
    }

    /** The file a write to {@code file} replaces: {@code file} itself, or the end of its chain of symbolic links. */
    public static Path target(Path file) throws IOException {
        Path p = file.toAbsolutePath();
        for (int i = 0; i < MAX_LINKS; i++) {
            if (!Files.isSymbolicLink(p)) {
                return p;
            }
            Path link = Files.readSymbolicLink(p);
            p = p.resolveSibling(link).normalize();
        }
        throw new FileSystemException(file.toString(), null, "too many levels of symbolic links");
    }

    /**
     * Removes our stale temporary files from {@code dir} (see the class comment). Returns how many were
     * removed; never throws (a folder that cannot be listed is simply left alone).
     */
    public static int sweep(Path dir) {
        int removed = 0;
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        Instant old = Instant.now().minus(STALE_AGE);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*")) {
            for (Path f : files) {
                if (isStale(f, old) && Files.deleteIfExists(f)) {
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: stale files stay until the next write
        }
        return removed;
    }

    private static boolean isStale(Path f, Instant old) throws IOException {
        String name = f.getFileName().toString();
        Matcher m = OURS.matcher(name);
        boolean ours = m.matches();
        if (!ours && !OLD.matcher(name).matches()) {
            return false;
        }
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        FileTime t = Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS);
        if (t.toInstant().isBefore(old)) {
            return !ours || !isSelf(m.group(1));
        }
        if (!ours) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return false;
        }
        return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    private static boolean isSelf(String pid) {
        return pid.equals(Long.toString(ProcessHandle.current().pid()));
    }

    /** The temporary name for {@code target}: {@code .NAME.rnnlab-PID-RANDOM.tmp} (NAME cut to 100 characters). */
    static String tempName(Path target) {
        String name = target.getFileName().toString();
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        return "." + name + "." + MARK + ProcessHandle.current().pid() + "-"
                + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36) + ".tmp";
    }

    /** A write under way: a temporary file that {@link #commit()} renames over the target and {@link #close()} removes. */
    public static final class Pending implements AutoCloseable {
        private final Path given;
        private final Path target;
        private final Path tmp;
        private boolean done;

        private Pending(Path file) throws IOException {
            given = file;
            target = target(file);
            if (Files.isDirectory(target)) {
                throw new FileSystemException(file.toString(), null, "is a folder; expected a file name");
            }
            Path dir = target.getParent();
            try {
                Files.createDirectories(dir);
            } catch (FileSystemException e) {
                throw new FileSystemException(file.toString(), null, "cannot create the folder " + e.getFile()
                        + (e instanceof AccessDeniedException ? ": permission denied" : ""));
            }
            sweep(dir);
            Path t = null;
            for (int i = 0; t == null; i++) {
                Path candidate = dir.resolve(tempName(target));
                try {
                    Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                    t = candidate;
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    if (i > 10) {
                        throw rename(e);
                    }
                } catch (IOException e) {
                    throw renameFor(file, dir, e);
                }
            }
            tmp = t;
            copyPermissions();
        }

        private void copyPermissions() {
            try {
                if (Files.isRegularFile(target)) {
                    PosixFileAttributeView from = Files.getFileAttributeView(target, PosixFileAttributeView.class);
                    if (from != null) {
                        Set<PosixFilePermission> perms = from.readAttributes().permissions();
                        Files.setPosixFilePermissions(tmp, perms);
                    }
                }
            } catch (IOException | UnsupportedOperationException e) {
                // the new file keeps the default permissions
            }
        }

        /** The temporary file (for writers that need a file, such as ImageIO's). */
        public Path temp() {
            return tmp;
        }

        /** The temporary file as a stream (the caller closes it before {@link #commit()}). */
        public OutputStream openStream() throws IOException {
            try {
                return Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                throw rename(e);
            }
        }

        /** Renames the finished temporary file over the target. */
        public void commit() throws IOException {
            try {
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                done = true;
            } catch (IOException e) {
                throw rename(e);
            }
        }

        /** Removes the temporary file unless it was committed. */
        @Override
        public void close() throws IOException {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }

        /** {@code e} with the path the user gave in place of the temporary file's. */
        public IOException rename(IOException e) {
            return renameFor(given, target.getParent(), e);
        }
    }

    private static IOException renameFor(Path given, Path dir, IOException e) {
        if (e instanceof FileSystemException fs) {
            String f = fs.getFile();
            if (f != null && f.equals(given.toString())) {
                return e;
            }
            String why;
            if (e instanceof AccessDeniedException) {
                why = "permission denied: cannot create files in " + dir;
            } else if (e instanceof NoSuchFileException) {
                why = "the folder " + dir + " does not exist";
            } else {
                why = fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
            }
            FileSystemException r = new FileSystemException(given.toString(), null, why);
            r.initCause(e);
            return r;
        }
        if (e.getClass() == IOException.class) {
            FileSystemException r = new FileSystemException(given.toString(), null, "cannot write: " + e.getMessage());
            r.initCause(e);
            return r;
        }
        return e;
    }
}
