package rnnlab.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.Activation;
import rnnlab.engine.LossType;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;

/**
 * Sequences from ordinary files, besides RNN Lab's {@code .seq.json}: a {@code .txt} file is a character
 * sequence for a model with a vocabulary (each character predicts the next when the model has a softmax head
 * over that vocabulary), a {@code .csv} file holds real-valued inputs, one row per time step, under a header
 * that names the columns; target columns are picked by name (or, by default, the last columns when the count
 * says so). The same limits and one-line messages as the JSON reader.
 */
public final class SequenceFiles {
    /** File name endings of the sequence formats, for file choosers and drag-and-drop. */
    public static final List<String> PATTERNS = List.of("*.json", "*.txt", "*.csv");

    /** What picks targets in a CSV file: column names (empty: the default) and the loss (null: the model's). */
    public record CsvOptions(List<String> targetColumns, LossType loss) {
        public static final CsvOptions DEFAULT = new CsvOptions(List.of(), null);

        public CsvOptions {
            targetColumns = targetColumns == null ? List.of() : List.copyOf(targetColumns);
        }
    }

    /** A sequence and, when a default was chosen, a sentence saying which (else null). */
    public record Loaded(Sequence sequence, String note) {
    }

    private SequenceFiles() {
    }

    public static boolean isText(Path p) {
        return name(p).endsWith(".txt");
    }

    public static boolean isCsv(Path p) {
        return name(p).endsWith(".csv");
    }

    public static Sequence read(Path file, ModelConfig cfg) throws InputException {
        return load(file, cfg, CsvOptions.DEFAULT).sequence();
    }

    /** Reads by the name's ending: .txt, .csv, else RNN Lab's JSON. */
    public static Loaded load(Path file, ModelConfig cfg, CsvOptions csv) throws InputException {
        if (isText(file)) {
            return text(file, cfg);
        }
        if (isCsv(file)) {
            return csv(file, cfg, csv == null ? CsvOptions.DEFAULT : csv);
        }
        return new Loaded(SequenceIO.read(file, cfg), null);
    }

    /** The loss a .csv with these options will have (for a foreign model's head), or null. */
    public static LossType lossOf(Path file, CsvOptions csv) {
        if (isText(file)) {
            return LossType.CROSS_ENTROPY;
        }
        return isCsv(file) && csv != null ? csv.loss() : null;
    }

    // ---- .txt ----

    public static Loaded text(Path file, ModelConfig cfg) throws InputException {
        String f = file.toString();
        List<String> vocab = cfg.vocab();
        if (vocab == null) {
            throw new InputException(f, "", "a .txt sequence needs a model with a vocabulary (a character model); "
                    + "this model has none: use a .seq.json or .csv sequence");
        }
        byte[] bytes = bytes(file, 4L * (Limits.MAX_STEPS + 2));
        String s;
        try {
            CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            s = dec.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(f, "", "not UTF-8 text");
        }
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < vocab.size(); i++) {
            index.put(vocab.get(i), i);
        }
        // a final line break the vocabulary does not know is the file's end, not a character
        if (!index.containsKey("\n")) {
            s = s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        }
        int n = s.codePointCount(0, s.length());
        if (n < 1) {
            throw new InputException(f, "", "the file holds no characters; expected at least one");
        }
        if (n > Limits.MAX_STEPS) {
            throw new InputException(f, "", n + " characters; RNN Lab runs at most " + Limits.MAX_STEPS + " time steps");
        }
        requireMemory(f, cfg, n);
        int[] all = new int[n];
        int line = 1;
        int col = 1;
        int k = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String sym = new String(Character.toChars(cp));
            Integer t = index.get(sym);
            if (t == null) {
                throw new InputException(f, "line " + line + ", column " + col + " (character " + (k + 1) + ")",
                        "the character " + describe(cp) + " is not in the model's vocabulary of " + vocab.size()
                                + " symbols (" + preview(vocab) + ")");
            }
            all[k++] = t;
            if (cp == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
            i += Character.charCount(cp);
        }
        boolean predicts = cfg.hasHead() && cfg.outputActivation() == Activation.SOFTMAX
                && cfg.outputWidth() == vocab.size();
        if (!predicts || n < 2) {
            return new Loaded(Sequence.ofTokens(all, null, null), predicts ? null
                    : "no targets: the model's output is not a softmax over its vocabulary");
        }
        int[] tokens = java.util.Arrays.copyOfRange(all, 0, n - 1);
        int[] targets = java.util.Arrays.copyOfRange(all, 1, n);
        return new Loaded(Sequence.ofTokens(tokens, targets, TargetSteps.ALL),
                "each character's target is the next one (cross-entropy)");
    }

    /** A character as the user can read it: 'x', or an escape for control and invisible characters. */
    public static String describe(int cp) {
        String esc = switch (cp) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> null;
        };
        if (esc != null) {
            return "'" + esc + "'";
        }
        if (Character.isISOControl(cp) || !Character.isDefined(cp) || Character.getType(cp) == Character.FORMAT
                || Character.isWhitespace(cp) && cp != ' ') {
            return String.format(Locale.ROOT, "U+%04X", cp);
        }
        return "'" + new String(Character.toChars(cp)) + "' (" + String.format(Locale.ROOT, "U+%04X", cp) + ")";
    }

    private static String preview(List<String> vocab) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < vocab.size() && i < 12; i++) {
            String v = vocab.get(i);
            String d = v.codePointCount(0, v.length()) == 1 ? describe(v.codePointAt(0)) : "'" + SafeText.clean(v) + "'";
            b.append(i == 0 ? "" : " ").append(d.replaceFirst(" \\(U\\+[0-9A-F]+\\)$", ""));
        }
        return vocab.size() > 12 ? b + " …" : b.toString();
    }

    // ---- .csv ----

    /**
     * What a dialog needs to ask which columns of a .csv are targets: the header, the model's inputs per step,
     * the loss the model's head suggests and the columns the reader would take by default (the last ones, when
     * the count says so; else none).
     */
    public record CsvColumns(List<String> header, int inputs, int outputWidth, LossType defaultLoss,
                             List<String> defaultTargets) {
        public CsvColumns {
            header = List.copyOf(header);
            defaultTargets = List.copyOf(defaultTargets);
        }

        /** How many target columns {@code loss} needs with this model. */
        public int targetsFor(LossType loss) {
            return loss == LossType.CROSS_ENTROPY ? 1 : outputWidth;
        }
    }

    /** Reads only the header of a .csv sequence (same limits and messages as {@link #load}). */
    public static CsvColumns csvColumns(Path file, ModelConfig cfg) throws InputException {
        String f = file.toString();
        if (cfg.hasEmbedding()) {
            throw new InputException(f, "", "this model has an embedding: it reads tokens (a .txt or .seq.json "
                    + "sequence), not the real-valued columns of a .csv");
        }
        byte[] bytes = bytes(file, Limits.MAX_FILE_BYTES);
        try (Reader r = new java.io.InputStreamReader(new java.io.ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT));
             CSVParser p = CSVParser.builder().setReader(r).setFormat(csvFormat()).get()) {
            List<String> header = p.getHeaderNames();
            if (header.isEmpty()) {
                throw new InputException(f, "line 1", "expected a header naming the columns, e.g. x1,x2,y");
            }
            LossType loss = defaultLoss(cfg);
            int width = loss == LossType.CROSS_ENTROPY ? 1 : cfg.outputWidth();
            List<String> targets = header.size() == cfg.inputSize() + width && header.size() > cfg.inputSize()
                    ? header.subList(cfg.inputSize(), header.size()) : List.of();
            return new CsvColumns(header, cfg.inputSize(), cfg.outputWidth(), loss, targets);
        } catch (java.io.UncheckedIOException e) {
            throw new InputException(f, "", csvProblem(e.getCause()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InputException(f, "", "malformed CSV: " + SafeText.clean(String.valueOf(e.getMessage())));
        } catch (IOException e) {
            throw new InputException(f, "", csvProblem(e));
        }
    }

    private static CSVFormat csvFormat() {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).setCommentMarker('#').get();
    }

    static Loaded csv(Path file, ModelConfig cfg, CsvOptions o) throws InputException {
        String f = file.toString();
        if (cfg.hasEmbedding()) {
            throw new InputException(f, "", "this model has an embedding: it reads tokens (a .txt or .seq.json "
                    + "sequence), not the real-valued columns of a .csv");
        }
        byte[] bytes = bytes(file, Limits.MAX_FILE_BYTES);
        CSVFormat fmt = csvFormat();
        try (Reader r = new java.io.InputStreamReader(new java.io.ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT));
             CSVParser p = CSVParser.builder().setReader(r).setFormat(fmt).get()) {
            List<String> header = p.getHeaderNames();
            if (header.isEmpty()) {
                throw new InputException(f, "line 1", "expected a header naming the columns, e.g. x1,x2,y");
            }
            int cols = header.size();
            String note = null;
            List<Integer> targetIdx = new ArrayList<>();
            for (String name : o.targetColumns()) {
                int at = header.indexOf(name);
                if (at < 0) {
                    throw new InputException(f, "line 1", "no column named \"" + SafeText.clean(name)
                            + "\"; the header has " + String.join(", ", header));
                }
                if (targetIdx.contains(at)) {
                    throw new InputException(f, "line 1", "the target column \"" + name + "\" is named twice");
                }
                targetIdx.add(at);
            }
            LossType loss = o.loss() != null ? o.loss() : defaultLoss(cfg);
            int targetWidth = loss == LossType.CROSS_ENTROPY ? 1 : cfg.outputWidth();
            if (targetIdx.isEmpty()) {
                if (cols == cfg.inputSize() + targetWidth && cols > cfg.inputSize()) {
                    for (int c = cfg.inputSize(); c < cols; c++) {
                        targetIdx.add(c);
                    }
                    note = "targets: the last " + targetWidth + " column" + (targetWidth == 1 ? "" : "s") + " ("
                            + String.join(", ", header.subList(cfg.inputSize(), cols)) + "), loss " + loss.id()
                            + "; pick others with --target-column NAME";
                } else if (cols != cfg.inputSize()) {
                    throw new InputException(f, "line 1", cols + " columns; the model reads " + cfg.inputSize()
                            + " inputs per step (plus " + targetWidth + " target column" + (targetWidth == 1 ? "" : "s")
                            + " for " + loss.id() + "): pick targets with --target-column NAME");
                }
            } else if (targetIdx.size() != targetWidth) {
                throw new InputException(f, "line 1", targetIdx.size() + " target column" + (targetIdx.size() == 1 ? "" : "s")
                        + "; " + loss.id() + " with this model needs " + targetWidth);
            }
            if (!targetIdx.isEmpty() && loss == LossType.CROSS_ENTROPY
                    && (!cfg.hasHead() || cfg.outputActivation() != Activation.SOFTMAX)) {
                throw new InputException(f, "", "cross_entropy needs a softmax output; choose --loss mse or bce");
            }
            if (cols - targetIdx.size() != cfg.inputSize()) {
                throw new InputException(f, "line 1", (cols - targetIdx.size()) + " input columns; the model reads "
                        + cfg.inputSize() + " inputs per step");
            }
            boolean[] isTarget = new boolean[cols];
            targetIdx.forEach(i -> isTarget[i] = true);
            List<double[]> rows = new ArrayList<>();
            List<double[]> targets = new ArrayList<>();
            for (CSVRecord rec : p) {
                String where = "line " + p.getCurrentLineNumber();
                if (rec.size() != cols) {
                    throw new InputException(f, where, rec.size() + " fields; the header has " + cols);
                }
                if (rows.size() == Limits.MAX_STEPS) {
                    throw new InputException(f, where, "more than " + Limits.MAX_STEPS + " rows (time steps)");
                }
                if (rows.isEmpty()) {
                    requireMemory(f, cfg, Math.min(Limits.MAX_STEPS, bytes.length / (2 * cols) + 1));
                }
                double[] x = new double[cfg.inputSize()];
                double[] y = new double[targetIdx.size()];
                int xi = 0;
                for (int c = 0; c < cols; c++) {
                    double v = number(f, where, header.get(c), rec.get(c));
                    if (isTarget[c]) {
                        y[targetIdx.indexOf(c)] = v;
                    } else {
                        x[xi++] = v;
                    }
                }
                if (loss == LossType.CROSS_ENTROPY && !targetIdx.isEmpty()
                        && (y[0] != Math.rint(y[0]) || y[0] < 0 || y[0] >= cfg.outputWidth())) {
                    throw new InputException(f, where + ", column " + header.get(targetIdx.get(0)),
                            "expected a class index from 0 to " + (cfg.outputWidth() - 1) + ", found " + rec.get(targetIdx.get(0)));
                }
                if (loss == LossType.BCE && !targetIdx.isEmpty()) {
                    for (int k = 0; k < y.length; k++) {
                        if (y[k] < 0 || y[k] > 1) {
                            throw new InputException(f, where + ", column " + header.get(targetIdx.get(k)),
                                    "bce targets lie between 0 and 1, found " + y[k]);
                        }
                    }
                }
                rows.add(x);
                targets.add(y);
            }
            if (rows.isEmpty()) {
                throw new InputException(f, "", "no rows under the header; expected one row per time step");
            }
            int n = rows.size();
            DMatrixRMaj in = new DMatrixRMaj(n, cfg.inputSize());
            for (int t = 0; t < n; t++) {
                System.arraycopy(rows.get(t), 0, in.data, t * cfg.inputSize(), cfg.inputSize());
            }
            if (targetIdx.isEmpty()) {
                return new Loaded(Sequence.ofInputs(in, null, null, null), note);
            }
            if (loss == LossType.CROSS_ENTROPY) {
                int[] cls = new int[n];
                for (int t = 0; t < n; t++) {
                    cls[t] = (int) targets.get(t)[0];
                }
                return new Loaded(Sequence.of(in, null, cls, null, TargetSteps.ALL, loss, null, null), note);
            }
            DMatrixRMaj tg = new DMatrixRMaj(n, targetWidth);
            for (int t = 0; t < n; t++) {
                System.arraycopy(targets.get(t), 0, tg.data, t * targetWidth, targetWidth);
            }
            return new Loaded(Sequence.ofInputs(in, tg, TargetSteps.ALL, loss), note);
        } catch (java.io.UncheckedIOException e) {
            throw new InputException(f, "", csvProblem(e.getCause()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InputException(f, "", "malformed CSV: " + SafeText.clean(String.valueOf(e.getMessage())));
        } catch (IOException e) {
            throw new InputException(f, "", csvProblem(e));
        }
    }

    private static String csvProblem(Throwable e) {
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        return "malformed CSV: " + SafeText.clean(String.valueOf(e == null ? null : e.getMessage()));
    }

    /** The loss a CSV's targets get when none is given: from the model's output activation. */
    static LossType defaultLoss(ModelConfig cfg) {
        if (cfg.hasHead() && cfg.outputActivation() == Activation.SOFTMAX) {
            return LossType.CROSS_ENTROPY;
        }
        if (cfg.hasHead() && cfg.outputActivation() == Activation.SIGMOID) {
            return LossType.BCE;
        }
        return LossType.MSE;
    }

    private static double number(String f, String where, String column, String text) throws InputException {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InputException(f, where + ", column " + SafeText.clean(column), "expected a number, found \""
                    + SafeText.clean(text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"");
        }
        if (!Double.isFinite(v)) {
            throw new InputException(f, where + ", column " + SafeText.clean(column), "expected a finite number, found "
                    + text);
        }
        return v;
    }

    // ---- shared ----

    private static void requireMemory(String f, ModelConfig cfg, int steps) throws InputException {
        String problem = MemoryBudget.check(MemoryBudget.forwardBackward(cfg, steps),
                "running this model forward and through BPTT over " + steps + " steps");
        if (problem != null) {
            throw new InputException(f, "", problem);
        }
    }

    private static byte[] bytes(Path file, long max) throws InputException {
        String f = file.toString();
        try {
            long size = Files.size(file);
            if (size > max) {
                throw new InputException(f, "", "file is too large (" + size + " bytes); a sequence of at most "
                        + Limits.MAX_STEPS + " steps fits in " + max + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(f, "", "no such file");
        } catch (IOException e) {
            throw new InputException(f, "", "cannot read: " + SafeText.clean(String.valueOf(e.getMessage())));
        }
    }

    private static String name(Path p) {
        return p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
    }

}
