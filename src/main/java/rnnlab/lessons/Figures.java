package rnnlab.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures in a lesson's narration: Markdown images {@code ![alt](figures/belt.png)} naming a PNG file in
 * the lesson's own folder. Only a relative path inside that folder is accepted (no URL, no absolute path, no
 * {@code ..} out of it, no link leading outside), the file must be a PNG of at most {@link #MAX_BYTES} bytes
 * and {@link #MAX_SIDE} pixels a side. The player and {@code lessons check} use the same rules, so what the
 * checker passes is what the player shows, and nothing is ever fetched from a network.
 */
public final class Figures {
    /** Largest figure file. */
    public static final long MAX_BYTES = 2L * 1024 * 1024;
    /** Largest width or height in pixels. */
    public static final int MAX_SIDE = 2400;

    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** A figure named in narration: its alt text, its path as written, and its line from 1 in the narration. */
    public record Ref(String alt, String path, int line) {
    }

    /** A figure that passed the checks: the file and its pixel size. */
    public record Found(Path file, int width, int height) {
    }

    /** Why a figure cannot be shown. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    private Figures() {
    }

    /** Every image in a piece of Markdown, in order. */
    public static List<Ref> find(String markdown) {
        List<Ref> refs = new ArrayList<>();
        if (markdown == null) {
            return refs;
        }
        Matcher m = IMAGE.matcher(markdown);
        while (m.find()) {
            int line = 1;
            for (int i = 0; i < m.start(); i++) {
                if (markdown.charAt(i) == '\n') {
                    line++;
                }
            }
            refs.add(new Ref(m.group(1), m.group(2), line));
        }
        return refs;
    }

    /**
     * The figure {@code path} of a lesson in folder {@code dir}, checked: a relative path to a PNG inside the
     * folder, within the size limits.
     *
     * @throws Refused with one sentence saying what is wrong and what is expected
     */
    public static Found resolve(Path dir, String path) throws Refused {
        if (path == null || path.isBlank()) {
            throw new Refused("a figure needs a file name: ![what it shows](figures/name.png)");
        }
        if (path.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || path.startsWith("//")) {
            throw new Refused("figure \"" + path + "\" is a URL; a figure must be a PNG file in the lesson's folder "
                    + "(nothing is fetched from the network)");
        }
        if (path.startsWith("/") || path.startsWith("\\") || path.contains("\\")) {
            throw new Refused("figure \"" + path + "\" must be a relative path with / inside the lesson's folder, "
                    + "e.g. figures/belt.png");
        }
        Path base;
        Path file;
        try {
            base = dir.toAbsolutePath().normalize();
            file = base.resolve(path).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new Refused("figure \"" + path + "\" is not a valid file name");
        }
        if (!file.startsWith(base) || file.equals(base)) {
            throw new Refused("figure \"" + path + "\" is outside the lesson's folder; put the image in the folder "
                    + "(e.g. figures/) and name it from there");
        }
        if (!Files.isRegularFile(file)) {
            throw new Refused("figure \"" + path + "\" does not exist in the lesson's folder " + base);
        }
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(base.toRealPath())) {
                throw new Refused("figure \"" + path + "\" leads outside the lesson's folder (a link); copy the image "
                        + "into the folder");
            }
            long size = Files.size(real);
            if (size > MAX_BYTES) {
                throw new Refused("figure \"" + path + "\" is " + (size / 1024) + " KB; a figure may be at most "
                        + (MAX_BYTES / 1024) + " KB");
            }
            byte[] head = new byte[24];
            int n;
            // `real` has its links resolved and was checked to stay inside the folder above; no link option here,
            // since the zip file system of the jar (the shipped lessons) refuses NOFOLLOW_LINKS
            try (InputStream in = Files.newInputStream(real)) {
                n = in.readNBytes(head, 0, head.length);
            }
            boolean png = n == 24;
            for (int i = 0; png && i < PNG.length; i++) {
                png = head[i] == PNG[i];
            }
            if (!png || head[12] != 'I' || head[13] != 'H' || head[14] != 'D' || head[15] != 'R') {
                throw new Refused("figure \"" + path + "\" is not a PNG image; a figure must be a .png file");
            }
            long w = readInt(head, 16);
            long h = readInt(head, 20);
            if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE) {
                throw new Refused("figure \"" + path + "\" is " + w + "×" + h + " pixels; a figure may be at most "
                        + MAX_SIDE + " pixels wide and high");
            }
            return new Found(real, (int) w, (int) h);
        } catch (IOException e) {
            throw new Refused("figure \"" + path + "\" cannot be read: " + e.getMessage());
        }
    }

    private static long readInt(byte[] b, int at) {
        return ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xffL) << 16) | ((b[at + 2] & 0xffL) << 8) | (b[at + 3] & 0xffL);
    }

    /** The figure problems of one narration line of lesson {@code file} (line {@code lineNo}). */
    static void check(Path file, String line, int lineNo, List<Problem> problems) {
        Path dir = file.toAbsolutePath().getParent();
        List<Ref> refs = find(line);
        if (refs.isEmpty()) {
            problems.add(new Problem(file, lineNo, "\"![\" starts a figure but is not one; write ![what it shows](figures/name.png)"));
        }
        for (Ref r : refs) {
            try {
                resolve(dir, r.path());
            } catch (Refused e) {
                problems.add(new Problem(file, lineNo, e.getMessage()));
            }
        }
    }
}
