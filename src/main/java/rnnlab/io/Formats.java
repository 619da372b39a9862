package rnnlab.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.ejml.data.DMatrixRMaj;

/** Helpers shared by the file formats: headers, number arrays and atomic writes. */
public final class Formats {
    private Formats() {
    }

    /** Checks {@code format} and {@code version}: version 1 only, with a clear message otherwise. */
    static void checkHeader(JsonNav root, String format) throws InputException {
        root.requireObject();
        JsonNav f = root.get("format");
        String got = f.string();
        if (!format.equals(got)) {
            throw f.error("expected \"" + format + "\", found \"" + got + "\"");
        }
        JsonNav v = root.get("version");
        if (!v.node.isIntegralNumber()) {
            throw v.error("expected the number 1, found " + v.kind());
        }
        if (v.node.asLong() != 1) {
            throw v.error("version " + v.node.asText() + " is not supported; this RNN Lab reads version 1");
        }
    }

    static ArrayNode vector(double[] data, int off, int n) {
        ArrayNode a = JsonNav.MAPPER.createArrayNode();
        for (int i = 0; i < n; i++) {
            a.add(data[off + i]);
        }
        return a;
    }

    static ArrayNode matrix(DMatrixRMaj m) {
        ArrayNode a = JsonNav.MAPPER.createArrayNode();
        for (int r = 0; r < m.numRows; r++) {
            a.add(vector(m.data, r * m.numCols, m.numCols));
        }
        return a;
    }

    /** Writes the bytes a writer produces. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes JSON to a temporary file beside the target, then renames it over the target. */
    public static void writeAtomically(JsonNode json, Path file) throws IOException {
        writeAtomically(file, out -> JsonNav.MAPPER.writeValue(out, json));
    }

    /**
     * Writes {@code content} to a temporary file beside the target, then renames it over the target,
     * so a crash leaves either the old file or the new one, never half of one.
     */
    public static void writeAtomically(Path file, Content content) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
