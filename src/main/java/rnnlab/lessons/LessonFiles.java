package rnnlab.lessons;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Files a lesson may name: only inside its own folder, never a URL, an absolute path or a way out with "..". */
final class LessonFiles {
    private LessonFiles() {
    }

    /** Like {@link #inside(Path, String, String)} for a name that may end in any of {@code suffixes}. */
    static Path inside(Path dir, String name, java.util.List<String> suffixes) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String suffix : suffixes) {
            if (lower.endsWith(suffix)) {
                return inside(dir, name, name.substring(name.length() - suffix.length()));
            }
        }
        if (name.contains("://") || name.startsWith("//") || name.startsWith("\\\\")) {
            return inside(dir, name, suffixes.get(0));
        }
        throw new IllegalArgumentException("expected a " + String.join(", ", suffixes) + " file, not \"" + name + "\"");
    }

    static Path inside(Path dir, String name, String suffix) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("expected a file name such as models/x" + suffix);
        }
        if (name.contains("://") || name.startsWith("//") || name.startsWith("\\\\")) {
            throw new IllegalArgumentException("lessons cannot reach the network; name a file inside the lessons folder");
        }
        if (!name.endsWith(suffix)) {
            throw new IllegalArgumentException("expected a " + suffix + " file, not \"" + name + "\"");
        }
        Path p;
        try {
            p = dir.getFileSystem().getPath(name);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("\"" + name + "\" is not a file name");
        }
        if (p.isAbsolute() || name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            throw new IllegalArgumentException("name a file inside the lessons folder relative to it, not \"" + name + "\"");
        }
        Path base = dir.toAbsolutePath().normalize();
        Path f = base.resolve(p).normalize();
        if (!f.startsWith(base)) {
            throw new IllegalArgumentException("\"" + name + "\" is outside the lessons folder");
        }
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException("no file \"" + name + "\" in the lessons folder");
        }
        try {
            if (!f.toRealPath().startsWith(base.toRealPath())) {
                throw new IllegalArgumentException("\"" + name + "\" links outside the lessons folder");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read \"" + name + "\": " + e.getMessage());
        }
        return f;
    }
}
