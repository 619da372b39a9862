package rnnlab.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Path;
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

    /**
     * Writes JSON atomically (see {@link AtomicFiles}). A number that is NaN or infinite is refused
     * before anything is written: JSON has no such numbers, and no RNN Lab reader accepts them.
     */
    public static void writeAtomically(JsonNode json, Path file) throws IOException {
        String bad = nonFinite(json, "");
        if (bad != null) {
            throw new NonFiniteException(file + ": " + bad + ": expected a finite number (JSON has no NaN or "
                    + "Infinity); nothing was written");
        }
        writeAtomically(file, out -> JsonNav.MAPPER.writeValue(out, json));
    }

    /**
     * Writes {@code content} to a temporary file beside the target, then renames it over the target,
     * so a crash leaves either the old file or the new one, never half of one (see {@link AtomicFiles}).
     */
    public static void writeAtomically(Path file, AtomicFiles.Content content) throws IOException {
        AtomicFiles.write(file, content);
    }

    /** The place and value of the first NaN or infinite number in {@code n} ("a.b[3] = NaN"), or null. */
    public static String nonFinite(JsonNode n, String path) {
        if (n.isNumber() && (n.isDouble() || n.isFloat()) && !Double.isFinite(n.doubleValue())) {
            return (path.isEmpty() ? "(top)" : path) + " = " + n.doubleValue();
        }
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                String r = nonFinite(n.get(i), path + "[" + i + "]");
                if (r != null) {
                    return r;
                }
            }
        } else if (n.isObject()) {
            var it = n.fields();
            while (it.hasNext()) {
                var e = it.next();
                String r = nonFinite(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
                if (r != null) {
                    return r;
                }
            }
        }
        return null;
    }

    /** A number to be written that JSON cannot hold (NaN, ±Infinity); the message names the place. */
    public static final class NonFiniteException extends IOException {
        public NonFiniteException(String message) {
            super(message);
        }
    }
}
