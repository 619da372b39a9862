package rnnlab.runs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import rnnlab.io.AtomicFiles;
import rnnlab.io.InputException;
import rnnlab.io.StrictJson;

/**
 * A folder of runs, one sub-folder each: {@code run.json} (format rnnlab-run, version 1: id, name,
 * created, status, settings, results, problem) and {@code curve.csv} (step, loss, lr, val_loss,
 * val_metric). Both files are only ever replaced whole through {@link AtomicFiles}, so a process killed
 * at any moment leaves each file as its last complete version (a run killed while training stays
 * {@code running}). Runs whose run.json cannot be read are reported by {@link #list} with a message
 * naming the file, not skipped silently and not fatal.
 */
public final class RunsFolder {
    public static final String FORMAT = "rnnlab-run";
    public static final String RUN_FILE = "run.json";
    public static final String CURVE_FILE = "curve.csv";
    /** At most this many runs are listed (a folder of more is refused with a message, not read into memory). */
    public static final int MAX_RUNS = 10_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public RunsFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The listing: readable runs (oldest first) and one message per unreadable run folder. */
    public record Listing(List<RunRecord> runs, List<String> problems) {
    }

    /**
     * Creates a new, uniquely named run folder and writes its run.json (status running). The id is
     * {@code yyyyMMdd-HHmmss-<label>} with a counter added if taken.
     */
    public RunRecord create(String label, Map<String, String> settings) throws IOException {
        Files.createDirectories(dir);
        Instant now = Instant.now();
        String base = STAMP.format(now) + "-" + clean(label);
        for (int k = 1; k < 10_000; k++) {
            String id = k == 1 ? base : base + "-" + k;
            try {
                Files.createDirectory(dir.resolve(id));
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            RunRecord r = new RunRecord(id, id, now.toString(), RunRecord.RUNNING, settings, Map.of(), null);
            save(r);
            return r;
        }
        throw new IOException(dir + ": could not find a free run name for " + base);
    }

    private static String clean(String label) {
        String s = label.replaceAll("[^A-Za-z0-9._-]+", "_");
        s = s.replaceAll("^[._-]+", "");
        if (s.isEmpty()) {
            s = "run";
        }
        return s.length() > 60 ? s.substring(0, 60) : s;
    }

    /** Replaces the run's run.json atomically. */
    public void save(RunRecord r) throws IOException {
        Path file = runDir(r.id()).resolve(RUN_FILE);
        AtomicFiles.write(file, out -> {
            JsonGenerator g = JSON.getFactory().createGenerator(out);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", 1);
            g.writeStringField("id", r.id());
            g.writeStringField("name", r.name());
            g.writeStringField("created", r.created());
            g.writeStringField("status", r.status());
            g.writeObjectFieldStart("settings");
            for (var e : r.settings().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("results");
            for (var e : r.results().entrySet()) {
                if (Double.isFinite(e.getValue())) {
                    g.writeNumberField(e.getKey(), e.getValue());
                } else {
                    g.writeNullField(e.getKey());
                }
            }
            g.writeEndObject();
            if (r.problem() != null) {
                g.writeStringField("problem", r.problem());
            }
            g.writeEndObject();
            g.flush();
        });
    }

    /** Replaces the run's curve.csv atomically. */
    public void saveCurve(String id, Curve curve) throws IOException {
        String csv = curve.csv();
        AtomicFiles.write(runDir(id).resolve(CURVE_FILE), out -> out.write(csv.getBytes(StandardCharsets.UTF_8)));
    }

    /** The folder of run {@code id}; refuses ids that are not plain names (no path separators, no "..") */
    public Path runDir(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a run id: expected letters, digits, '.', '_' or '-'");
        }
        return dir.resolve(id);
    }

    /** Every run in the folder, oldest first; unreadable ones become one message each. */
    public Listing list() throws IOException {
        List<RunRecord> runs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            if (Files.exists(dir)) {
                throw new IOException(dir + " is not a folder; expected a runs folder");
            }
            return new Listing(runs, problems);
        }
        int seen = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (!Files.isDirectory(p) || !ID.matcher(p.getFileName().toString()).matches()) {
                    continue;
                }
                if (++seen > MAX_RUNS) {
                    throw new IOException(dir + ": more than " + MAX_RUNS + " runs; expected at most that many "
                            + "(move some into another folder)");
                }
                Path f = p.resolve(RUN_FILE);
                if (!Files.exists(f)) {
                    continue; // a folder being created right now, or not a run
                }
                try {
                    runs.add(read(f));
                } catch (InputException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        runs.sort(Comparator.comparing(RunRecord::created).thenComparing(RunRecord::id));
        return new Listing(runs, problems);
    }

    /** One run by id. */
    public RunRecord get(String id) throws IOException, InputException {
        Path f = runDir(id).resolve(RUN_FILE);
        if (!Files.exists(f)) {
            throw new IOException(dir + ": no run '" + id + "'");
        }
        return read(f);
    }

    /** Reads one run.json strictly (size limit, format header, fields of the right kinds). */
    static RunRecord read(Path f) throws InputException {
        JsonNode root = StrictJson.read(f);
        StrictJson.checkHeader(f.toString(), root, FORMAT);
        String id = text(f, root, "id");
        String dirName = f.getParent().getFileName().toString();
        if (!id.equals(dirName)) {
            throw new InputException(f.toString(), "id", "'" + id + "' does not match its folder '" + dirName + "'");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        JsonNode s = root.get("settings");
        if (s == null || !s.isObject()) {
            throw new InputException(f.toString(), "settings", "expected an object of texts");
        }
        for (var it = s.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isTextual()) {
                throw new InputException(f.toString(), "settings." + e.getKey(), "expected a text");
            }
            settings.put(e.getKey(), e.getValue().asText());
        }
        Map<String, Double> results = new LinkedHashMap<>();
        JsonNode r = root.get("results");
        if (r == null || !r.isObject()) {
            throw new InputException(f.toString(), "results", "expected an object of numbers");
        }
        for (var it = r.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().isNull()) {
                results.put(e.getKey(), Double.NaN);
            } else if (e.getValue().isNumber()) {
                results.put(e.getKey(), e.getValue().asDouble());
            } else {
                throw new InputException(f.toString(), "results." + e.getKey(), "expected a number or null");
            }
        }
        String status = text(f, root, "status");
        if (!List.of(RunRecord.RUNNING, RunRecord.DONE, RunRecord.STOPPED).contains(status)) {
            throw new InputException(f.toString(), "status", "expected running, done or stopped, found '" + status + "'");
        }
        JsonNode pr = root.get("problem");
        return new RunRecord(id, text(f, root, "name"), text(f, root, "created"), status, settings, results,
                pr == null || pr.isNull() ? null : pr.asText());
    }

    private static String text(Path f, JsonNode root, String key) throws InputException {
        JsonNode n = root.get(key);
        if (n == null || !n.isTextual()) {
            throw new InputException(f.toString(), key, "expected a text");
        }
        return n.asText();
    }

    /** Renames a run (its label; the folder keeps its id). */
    public RunRecord rename(String id, String newName) throws IOException, InputException {
        if (newName == null || newName.isBlank() || newName.length() > 200) {
            throw new IllegalArgumentException("a run name must be 1 to 200 characters");
        }
        RunRecord r = get(id).withName(newName.strip());
        save(r);
        return r;
    }

    /** Deletes a run's folder (its two files and any stale temporary files of ours). */
    public void delete(String id) throws IOException {
        Path d = runDir(id);
        if (!Files.isDirectory(d)) {
            throw new IOException(dir + ": no run '" + id + "'");
        }
        AtomicFiles.sweep(d);
        Files.deleteIfExists(d.resolve(RUN_FILE));
        Files.deleteIfExists(d.resolve(CURVE_FILE));
        try {
            Files.delete(d);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            throw new IOException(d + ": not deleted, it holds files that are not RNN Lab's");
        }
    }
}
