package rnnlab.io;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;

/**
 * Reads a JSON document one field at a time, remembering where it is, so every complaint names the
 * file and the JSON path (e.g. {@code state_dict.rnn.weight_hh_l0[3]}) and says what was expected.
 */
final class JsonNav {
    static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            // Python's json writes NaN and Infinity: parse them, then refuse them with the JSON path.
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // a key given twice means two things (Jackson would keep the last): refuse it
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    final String file;
    final String path;
    final JsonNode node;

    private JsonNav(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** Parses a whole file, refusing missing, oversized and malformed files with one clear message. */
    static JsonNav open(Path p) throws InputException {
        String name = p.toString();
        try {
            if (Files.isDirectory(p)) {
                throw new InputException(name, "", "is a folder; expected a JSON file");
            }
            long size = Files.size(p);
            if (size > Limits.MAX_FILE_BYTES) {
                long mb = (size + (1 << 20) - 1) >> 20; // rounded up, so 200 MB + 1 byte reads "201 MB"
                throw new InputException(name, "", "file is too large (" + mb + " MB); RNN Lab reads files of at most "
                        + (Limits.MAX_FILE_BYTES >> 20) + " MB");
            }
            // a stream, not p.toFile(): lesson files may sit inside the application's jar
            try (java.io.InputStream raw = Files.newInputStream(p);
                 java.io.BufferedInputStream in = new java.io.BufferedInputStream(raw)) {
                FileSniffer.refuseBinary(name, in);
                return new JsonNav(name, "", parseWhole(name, in));
            }
        } catch (NoSuchFileException e) {
            throw new InputException(name, "", "no such file");
        } catch (IOException e) {
            throw new InputException(name, "", "cannot read: " + e.getMessage());
        }
    }

    /** Parses JSON text (a string in memory), with the same checks as a file. */
    static JsonNav parse(String name, String text) throws InputException {
        try {
            return new JsonNav(name, "", parseWhole(name, new java.io.ByteArrayInputStream(
                    text.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new InputException(name, "", "cannot read: " + e.getMessage());
        }
    }

    /**
     * One JSON value and nothing after it: a second object or trailing text would mean the file is
     * two things (or was cut and pasted together), so it is refused rather than ignored.
     */
    private static JsonNode parseWhole(String name, java.io.InputStream in) throws InputException, IOException {
        try (com.fasterxml.jackson.core.JsonParser parser = MAPPER.createParser(in)) {
            JsonNode root;
            try {
                root = MAPPER.readTree(parser);
            } catch (JsonParseException e) {
                throw parseError(name, e);
            } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
                throw new InputException(name, location(e), "too deeply nested or too long a number or text: "
                        + e.getOriginalMessage());
            } catch (JsonProcessingException e) {
                throw new InputException(name, location(e), "malformed JSON: " + e.getOriginalMessage());
            }
            if (root == null || root.isMissingNode()) {
                throw new InputException(name, "", "file is empty; expected a JSON object");
            }
            var end = parser.currentLocation();
            com.fasterxml.jackson.core.JsonToken next;
            try {
                next = parser.nextToken();
            } catch (JsonProcessingException e) {
                next = com.fasterxml.jackson.core.JsonToken.NOT_AVAILABLE;
            }
            if (next != null) {
                throw new InputException(name, "line " + end.getLineNr() + ", column " + end.getColumnNr(),
                        "unexpected data after the end of the JSON " + (root.isObject() ? "object" : "value")
                                + "; expected the end of the file (one JSON value per file)");
            }
            return root;
        }
    }

    private static InputException parseError(String name, JsonParseException e) {
        String msg = String.valueOf(e.getOriginalMessage());
        com.fasterxml.jackson.core.JsonParser jp = e.getProcessor();
        if (msg.startsWith("Duplicate field '") && jp != null) {
            String key = msg.substring("Duplicate field '".length(), msg.length() - 1);
            String where = dotted(jp.getParsingContext(), key);
            var loc = e.getLocation();
            return new InputException(name, where, "key \"" + key + "\" appears twice (again on line "
                    + loc.getLineNr() + "); expected each key once");
        }
        return new InputException(name, location(e), "malformed JSON: " + msg);
    }

    /** The JSON path (in this class's dotted form) of a key being read in {@code ctx}. */
    private static String dotted(com.fasterxml.jackson.core.JsonStreamContext ctx, String key) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (var c = ctx == null ? null : ctx.getParent(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        StringBuilder sb = new StringBuilder();
        parts.forEach(sb::append);
        sb.append('.').append(key);
        String s = sb.toString();
        return s.startsWith(".") ? s.substring(1) : s;
    }

    private static String location(JsonProcessingException e) {
        var loc = e.getLocation();
        return loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    static JsonNav of(String file, JsonNode node) {
        return new JsonNav(file, "", node);
    }

    InputException error(String problem) {
        return new InputException(file, path, problem);
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    JsonNav at(int i) {
        return new JsonNav(file, path + "[" + i + "]", node.get(i));
    }

    /** A required key (present, possibly null). */
    JsonNav get(String key) throws InputException {
        requireObject();
        if (!node.has(key)) {
            throw new InputException(file, childPath(key), "missing key" + hint(key));
        }
        return new JsonNav(file, childPath(key), node.get(key));
    }

    /** An optional key: absent and null both read as a null node. */
    JsonNav opt(String key) throws InputException {
        requireObject();
        JsonNode n = node.get(key);
        return new JsonNav(file, childPath(key), n == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : n);
    }

    boolean isNull() {
        return node == null || node.isNull();
    }

    void requireObject() throws InputException {
        if (node == null || !node.isObject()) {
            throw error("expected a JSON object, found " + kind());
        }
    }

    /** Complains about keys not in {@code allowed} (a misspelling is caught, not ignored). */
    void onlyKeys(java.util.Set<String> allowed) throws InputException {
        requireObject();
        var it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                String near = nearest(k, allowed);
                throw new InputException(file, childPath(k), "unknown key"
                        + (near != null ? "; did you mean \"" + near + "\"?" : "; expected one of " + allowed));
            }
        }
    }

    private String hint(String key) {
        if (node == null || !node.isObject()) {
            return "";
        }
        var it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (distance(k, key) <= 2) {
                return " (found \"" + k + "\": is it misspelled?)";
            }
        }
        return "";
    }

    static String nearest(String k, java.util.Collection<String> options) {
        return Spelling.nearest(k, options);
    }

    static int distance(String a, String b) {
        return Spelling.distance(a, b);
    }

    String kind() {
        if (node == null) {
            return "nothing";
        }
        JsonNodeType t = node.getNodeType();
        return switch (t) {
            case NULL -> "null";
            case ARRAY -> "an array of " + node.size();
            case OBJECT -> "an object";
            case STRING -> "the string \"" + abbreviate(node.asText()) + "\"";
            case NUMBER -> "the number " + node.asText();
            case BOOLEAN -> node.asText();
            default -> t.toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String abbreviate(String s) {
        return SafeText.quote(s);
    }

    String string() throws InputException {
        if (node == null || !node.isTextual()) {
            throw error("expected a string, found " + kind());
        }
        return node.asText();
    }

    boolean bool() throws InputException {
        if (node == null || !node.isBoolean()) {
            throw error("expected true or false, found " + kind());
        }
        return node.asBoolean();
    }

    int integer(int min, int max) throws InputException {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw error("expected a whole number from " + min + " to " + max + ", found " + kind());
        }
        int v = node.asInt();
        if (v < min || v > max) {
            throw error("expected a whole number from " + min + " to " + max + ", found " + v);
        }
        return v;
    }

    /** A finite number. */
    double number() throws InputException {
        if (node == null || !node.isNumber()) {
            if (node != null && node.isTextual()) {
                String s = node.asText();
                if (s.equalsIgnoreCase("nan") || s.toLowerCase(java.util.Locale.ROOT).contains("inf")) {
                    throw error("expected a finite number, found " + s);
                }
            }
            throw error("expected a number, found " + kind());
        }
        double v = node.asDouble();
        if (!Double.isFinite(v)) {
            throw error("expected a finite number, found " + v);
        }
        return v;
    }

    /** An array of exactly {@code n} elements (n < 0: any length from 1 up to {@code max}). */
    int array(int n, int max, String what) throws InputException {
        if (node == null || !node.isArray()) {
            throw error("expected " + (n >= 0 ? "an array of " + n + " " + what : "an array of " + what) + ", found " + kind());
        }
        int size = node.size();
        if (n >= 0 && size != n) {
            throw error("expected " + n + " " + what + ", found " + size);
        }
        if (n < 0 && (size < 1 || size > max)) {
            throw error("expected 1 to " + max + " " + what + ", found " + size);
        }
        return size;
    }

    /** A vector of {@code n} finite numbers, into {@code out[off..]}. */
    void vector(int n, double[] out, int off) throws InputException {
        array(n, n, "numbers");
        for (int i = 0; i < n; i++) {
            out[off + i] = at(i).number();
        }
    }

    /** A matrix of rows × cols finite numbers. */
    DMatrixRMaj matrix(int rows, int cols) throws InputException {
        array(rows, rows, "rows of " + cols + " numbers");
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int r = 0; r < rows; r++) {
            at(r).vector(cols, m.data, r * cols);
        }
        return m;
    }
}
