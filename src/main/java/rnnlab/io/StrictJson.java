package rnnlab.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * The JSON reading every RNN Lab file goes through, for readers outside this package (lesson progress …):
 * size limit, binary files named by format, duplicate keys and trailing data refused, messages that
 * name the file and the place and never echo control bytes.
 */
public final class StrictJson {
    private StrictJson() {
    }

    /** The parsed file: one JSON value, no key twice, nothing after it. */
    public static JsonNode read(Path file) throws InputException {
        return JsonNav.open(file).node;
    }

    /** Parses text held in memory (named {@code name} in messages) with the same rules. */
    public static JsonNode parse(String name, String text) throws InputException {
        return JsonNav.parse(name, text).node;
    }

    /** Checks {@code format} and {@code version} 1 of a parsed file. */
    public static void checkHeader(String file, JsonNode root, String format) throws InputException {
        Formats.checkHeader(JsonNav.of(file, root), format);
    }

    /**
     * Keeps a copy of a user file that could not be read as {@code NAME.unreadable} beside it, so
     * writing afresh never loses what was in it; returns the copy's path (null when copying failed).
     */
    public static Path setAside(Path file) {
        Path copy = file.resolveSibling(file.getFileName() + ".unreadable");
        try {
            java.nio.file.Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
