package rnnlab.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import rnnlab.io.AtomicFiles;

/**
 * A folder of recorded runs, one sub-folder per run named by its id, holding plain files other tools
 * read: {@code curve.csv} (step, loss, lr, val_loss, val_metric; empty where not measured) and
 * {@code run.json} ({"id", "settings", "results"}). Both are written atomically, the curve first:
 * {@code run.json} marks a complete run, so a process killed mid-write (kill -9) leaves either a
 * complete run or a folder {@link #list} skips; never half a file.
 */
public final class RunsFolder {
    public static final String RUN_FILE = "run.json";
    public static final String CURVE_FILE = "curve.csv";
    /** Run files larger than this are refused (a run of a million steps has a 50 MB curve). */
    public static final long MAX_CURVE_BYTES = 64L << 20;
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._=,+-]{0,119}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public RunsFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** A fresh id for a run: its settings in short, unique in the folder (a counter is added if needed). */
    public String newId(Map<String, Object> s) {
        String base = String.format(Locale.ROOT, "%s-%s-h%s-s%s", s.get("task"), s.get("cell"), s.get("hidden"),
                s.get("seed")).replaceAll("[^A-Za-z0-9._=,+-]", "_");
        String id = base;
        for (int k = 2; Files.exists(dir.resolve(id)); k++) {
            id = base + "-" + k;
        }
        return id;
    }

    /** Writes a run (curve first, then run.json); returns its folder. */
    public Path write(RunRecord r) throws IOException {
        checkId(r.id());
        Path d = dir.resolve(r.id());
        Files.createDirectories(d);
        StringBuilder csv = new StringBuilder("step,loss,lr,val_loss,val_metric\n");
        for (CurvePoint p : r.curve()) {
            csv.append(p.step()).append(',').append(num(p.loss())).append(',').append(num(p.lr())).append(',')
                    .append(num(p.valLoss())).append(',').append(num(p.valMetric())).append('\n');
        }
        AtomicFiles.write(d.resolve(CURVE_FILE), o -> o.write(csv.toString().getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("settings", finite(r.settings()));
        json.put("results", finite(r.results()));
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
        AtomicFiles.write(d.resolve(RUN_FILE), o -> o.write(bytes));
        return d;
    }

    /**
     * Every complete run in the folder, by id. Folders without run.json (a run still being written, or
     * killed) are skipped; a run whose files are broken is skipped and its problem, naming the file,
     * goes to {@code problems}.
     */
    public List<RunRecord> list(List<String> problems) {
        List<RunRecord> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> subs = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.filter(Files::isDirectory).sorted().forEach(subs::add);
        } catch (IOException e) {
            problems.add(dir + ": cannot be read (" + e.getMessage() + ")");
            return out;
        }
        for (Path d : subs) {
            if (!Files.isRegularFile(d.resolve(RUN_FILE))) {
                continue;
            }
            try {
                out.add(read(d));
            } catch (IOException | RuntimeException e) {
                problems.add(e.getMessage());
            }
        }
        return out;
    }

    /** Reads one run folder. */
    public static RunRecord read(Path d) throws IOException {
        Path runFile = d.resolve(RUN_FILE);
        Path curveFile = d.resolve(CURVE_FILE);
        if (Files.size(runFile) > 1 << 20 || (Files.exists(curveFile) && Files.size(curveFile) > MAX_CURVE_BYTES)) {
            throw new IOException(d + ": run files are too large (run.json at most 1 MB, curve.csv at most 64 MB)");
        }
        JsonNode j;
        try {
            j = JSON.readTree(Files.readAllBytes(runFile));
        } catch (IOException e) {
            throw new IOException(runFile + ": not a run record (expected JSON with id, settings, results)");
        }
        if (j == null || !j.path("settings").isObject() || !j.path("results").isObject()) {
            throw new IOException(runFile + ": not a run record (expected JSON with id, settings, results)");
        }
        List<CurvePoint> curve = new ArrayList<>();
        if (Files.exists(curveFile)) {
            List<String> lines = Files.readAllLines(curveFile, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",", -1);
                if (f.length != 5) {
                    throw new IOException(curveFile + " line " + (i + 1) + ": expected 5 comma-separated fields "
                            + "(step,loss,lr,val_loss,val_metric), found " + f.length);
                }
                try {
                    curve.add(new CurvePoint(Long.parseLong(f[0]), parse(f[1]), parse(f[2]), parse(f[3]), parse(f[4])));
                } catch (NumberFormatException e) {
                    throw new IOException(curveFile + " line " + (i + 1) + ": expected numbers, found '" + lines.get(i) + "'");
                }
            }
        }
        return new RunRecord(d.getFileName().toString(), map(j.get("settings")), map(j.get("results")), curve);
    }

    /** Removes a run's folder. */
    public void delete(String id) throws IOException {
        checkId(id);
        Path d = dir.resolve(id);
        for (String f : new String[] {RUN_FILE, CURVE_FILE}) {
            Files.deleteIfExists(d.resolve(f));
        }
        try (var s = Files.list(d)) {
            if (s.findAny().isEmpty()) {
                Files.delete(d);
            }
        }
    }

    /**
     * Renames a run: its folder is moved (one rename on the disk, the curve is not rewritten), then its
     * run.json is rewritten atomically with the new id. The folder's name is the id when reading, so a
     * process killed between the two still leaves a readable run under its new name.
     */
    public RunRecord rename(RunRecord r, String newId) throws IOException {
        checkId(newId);
        checkId(r.id());
        Path from = dir.resolve(r.id());
        Path to = dir.resolve(newId);
        if (Files.exists(to)) {
            throw new IOException(to + ": a run of that name exists already");
        }
        RunRecord n = r.withId(newId);
        if (!Files.isDirectory(from)) {
            write(n);
            return n;
        }
        try {
            Files.move(from, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", newId);
        json.put("settings", finite(n.settings()));
        json.put("results", finite(n.results()));
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
        AtomicFiles.write(to.resolve(RUN_FILE), o -> o.write(bytes));
        return n;
    }

    /** Whether a run name is usable: 1–120 letters, digits or . _ = , + - starting with a letter or digit. */
    public static boolean validId(String id) {
        return id != null && SAFE_ID.matcher(id).matches();
    }

    /** One CSV line per run: id, every setting, every result (the union of keys, in first-seen order). */
    public static String csv(List<RunRecord> runs) {
        List<String> sk = new ArrayList<>();
        List<String> rk = new ArrayList<>();
        for (RunRecord r : runs) {
            r.settings().keySet().stream().filter(k -> !sk.contains(k)).forEach(sk::add);
            r.results().keySet().stream().filter(k -> !rk.contains(k)).forEach(rk::add);
        }
        StringBuilder b = new StringBuilder("id");
        sk.forEach(k -> b.append(',').append(k));
        rk.forEach(k -> b.append(',').append(k));
        b.append('\n');
        for (RunRecord r : runs) {
            b.append(cell(r.id()));
            sk.forEach(k -> b.append(',').append(cell(r.settings().get(k))));
            rk.forEach(k -> b.append(',').append(cell(r.results().get(k))));
            b.append('\n');
        }
        return b.toString();
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof Double d ? num(d) : String.valueOf(v);
        return s.matches(".*[,\"\n\r].*") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    static void checkId(String id) {
        if (id == null || !SAFE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a run name must be 1–120 letters, digits or . _ = , + - (not starting "
                    + "with a dot or sign), got '" + id + "'");
        }
    }

    private static Map<String, Object> map(JsonNode o) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode v = e.getValue();
            m.put(e.getKey(), v.isNumber() ? (Object) v.numberValue() : v.isBoolean() ? (Object) v.booleanValue()
                    : v.isNull() ? null : v.asText());
        }
        return m;
    }

    /** NaN and infinities become null (JSON has no NaN). */
    private static Map<String, Object> finite(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v instanceof Double d && !Double.isFinite(d) ? null : v));
        return out;
    }

    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.8g", v) : "";
    }

    private static double parse(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }
}
