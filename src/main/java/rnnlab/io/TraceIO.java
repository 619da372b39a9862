package rnnlab.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.CellType;
import rnnlab.engine.LayerState;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;

/**
 * Writes the trace of a forward pass and BPTT ({@code *.trace.json}) from a {@link Run}.
 *
 * <p>{@link #write} streams the numbers straight from the run's matrices to the file (Jackson's
 * {@link JsonGenerator}), so memory stays that of the run itself, and writes the same bytes as
 * serialising {@link #toJson}. A trace is refused, and nothing written, when
 * <ul>
 * <li>it would be larger than {@link #MAX_BYTES} (= {@link Limits#MAX_FILE_BYTES}, the size RNN Lab's
 * own readers accept, and beyond what a JSON reader such as Python's loads comfortably): refused at
 * once from an estimate when it is surely too large, otherwise as soon as the written bytes pass it;</li>
 * <li>a number is NaN or infinite (JSON has none): the message names where the numbers overflow first
 * (step, layer, direction, quantity) and the largest weight.</li>
 * </ul>
 */
public final class TraceIO {
    public static final String FORMAT = "rnnlab-trace";
    /** The largest trace written: the app's read limit, so that whatever is written can be read back. */
    public static final long MAX_BYTES = Limits.MAX_FILE_BYTES;
    /** No number is written in fewer bytes than this on average (digits, sign, point, comma): for the early refusal. */
    static final int MIN_BYTES_PER_NUMBER = 12;

    private TraceIO() {
    }

    /** A trace that would be larger than {@link #MAX_BYTES}. */
    public static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    /** Runs whatever is left of the forward pass (and BPTT when the sequence has a loss), then writes. */
    public static void write(Run run, Path file) throws IOException {
        write(run, file, MAX_BYTES);
    }

    /** The same with another size limit (tests). */
    static void write(Run run, Path file, long maxBytes) throws IOException {
        long numbers = numberCount(run);
        if (numbers * MIN_BYTES_PER_NUMBER > maxBytes) {
            throw tooLarge(file, run, "about " + mb(numbers * 20) + " (" + numbers + " numbers), more than", maxBytes);
        }
        complete(run);
        String bad = firstNonFinite(run);
        if (bad != null) {
            throw new Formats.NonFiniteException(file + ": not written: " + bad + "; JSON has no NaN or Infinity "
                    + "(" + largestWeight(run.model()) + ")");
        }
        Formats.writeAtomically(file, raw -> {
            OutputStream out = new Capped(raw, maxBytes, file, run);
            try (JsonGenerator g = JsonNav.MAPPER.getFactory().createGenerator(new java.io.BufferedOutputStream(out, 1 << 16))) {
                stream(run, g);
            }
        });
    }

    private static TooLargeException tooLarge(Path file, Run run, String size, long maxBytes) {
        ModelConfig c = run.model().config();
        return new TooLargeException(file + ": not written: the trace would be " + size + " the "
                + mb(maxBytes) + " RNN Lab reads (" + c.numLayers() * c.directions() + " layer direction(s) of H="
                + c.hiddenSize() + " over T=" + run.length() + " steps); trace a shorter sequence or a smaller model");
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.0f MB", bytes / 1048576.0);
    }

    /** How many numbers the trace of {@code run} holds. */
    public static long numberCount(Run run) {
        ModelConfig cfg = run.model().config();
        boolean loss = run.sequence().hasLoss();
        long t = run.length();
        long h = cfg.hiddenSize();
        long perStep = 1 + (cfg.cell() == CellType.LSTM ? 1 : 0) + cfg.cell().gateNames().length;
        if (loss) {
            perStep += 1 + (cfg.cell() == CellType.LSTM ? 1 : 0);
        }
        long n = (long) run.outputs().getNumElements() + (long) cfg.numLayers() * cfg.directions() * t * h * perStep;
        if (loss) {
            n += t + 1 + cfg.parameterCount();
        }
        return n;
    }

    private static void complete(Run run) {
        if (run.sequence().hasLoss()) {
            run.forwardBackward();
        } else {
            run.forward();
        }
    }

    /**
     * Where the numbers of a completed run first stop being finite, in the order they are computed
     * (forward step by step, then BPTT from the last step back, then the weight gradients), e.g.
     * "the numbers overflow at step 4 of the forward pass, layer 1 forward: c[3] = Infinity"; null when all are finite.
     */
    public static String firstNonFinite(Run run) {
        ModelConfig cfg = run.model().config();
        int len = run.length();
        int h = cfg.hiddenSize();
        String[] gates = cfg.cell().gateNames();
        boolean lstm = cfg.cell() == CellType.LSTM;
        for (int t = 0; t < len; t++) {
            for (int l = 0; l < cfg.numLayers(); l++) {
                for (int d = 0; d < cfg.directions(); d++) {
                    LayerState s = run.layer(l, d);
                    for (int u = 0; u < h; u++) {
                        String where = "at step " + (t + 1) + " of the forward pass, layer " + (l + 1)
                                + (d == 0 ? " forward" : " reverse") + ": ";
                        if (!Double.isFinite(s.hidden(t, u))) {
                            return "the numbers overflow " + where + "h[" + u + "] = " + s.hidden(t, u);
                        }
                        if (lstm && !Double.isFinite(s.cell(t, u))) {
                            return "the numbers overflow " + where + "c[" + u + "] = " + s.cell(t, u);
                        }
                        for (int b = 0; b < gates.length; b++) {
                            if (!Double.isFinite(s.gate(t, b, u))) {
                                return "the numbers overflow " + where + "gate " + gates[b] + "[" + u + "] = " + s.gate(t, b, u);
                            }
                        }
                    }
                }
            }
            DMatrixRMaj y = run.outputs();
            if (t < y.numRows) {
                for (int k = 0; k < y.numCols; k++) {
                    if (!Double.isFinite(y.get(t, k))) {
                        return "the numbers overflow at step " + (t + 1) + " of the forward pass: output[" + k + "] = " + y.get(t, k);
                    }
                }
            }
            if (run.sequence().hasLoss() && !Double.isFinite(run.stepLoss(t))) {
                return "the numbers overflow at step " + (t + 1) + " of the forward pass: loss = " + run.stepLoss(t);
            }
        }
        if (!run.sequence().hasLoss()) {
            return null;
        }
        for (int t = len - 1; t >= 0; t--) {
            for (int l = cfg.numLayers() - 1; l >= 0; l--) {
                for (int d = 0; d < cfg.directions(); d++) {
                    LayerState s = run.layer(l, d);
                    for (int u = 0; u < h; u++) {
                        String where = "the numbers overflow at step " + (t + 1) + " of BPTT, layer " + (l + 1)
                                + (d == 0 ? " forward" : " reverse") + ": ";
                        if (!Double.isFinite(s.gradHidden(t, u))) {
                            return where + "dL/dh[" + u + "] = " + s.gradHidden(t, u);
                        }
                        if (lstm && !Double.isFinite(s.gradCell(t, u))) {
                            return where + "dL/dc[" + u + "] = " + s.gradCell(t, u);
                        }
                    }
                }
            }
        }
        for (ModelConfig.ParamShape p : cfg.parameterShapes()) {
            double[] g = run.gradients().get(p.name()).data;
            for (int i = 0; i < g.length; i++) {
                if (!Double.isFinite(g[i])) {
                    return "the numbers overflow in the gradient of " + p.name() + "[" + i + "] = " + g[i];
                }
            }
        }
        return null;
    }

    /** "the largest weight is |w| = 6.6e+73, in rnn.weight_hh_l0" */
    static String largestWeight(rnnlab.engine.Model m) {
        double max = 0;
        String where = "";
        for (String name : m.params().names()) {
            for (double v : m.param(name).data) {
                if (!(Math.abs(v) <= max)) {
                    max = Math.abs(v);
                    where = name;
                }
            }
        }
        return String.format(java.util.Locale.ROOT, "the largest weight is |w| = %.2g, in %s", max, where);
    }

    /** Writes the trace of a completed run: the same document as {@link #toJson}, number by number. */
    private static void stream(Run run, JsonGenerator g) throws IOException {
        Sequence seq = run.sequence();
        ModelConfig cfg = run.model().config();
        int len = run.length();
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("version", 1);
        if (seq.hasLoss()) {
            g.writeNumberField("loss", run.loss());
            g.writeArrayFieldStart("step_loss");
            if (seq.targetSteps() == TargetSteps.ALL) {
                for (int t = 0; t < len; t++) {
                    g.writeNumber(run.stepLoss(t));
                }
            } else {
                g.writeNumber(run.stepLoss(len - 1));
            }
            g.writeEndArray();
        }
        g.writeFieldName("outputs");
        matrix(g, run.outputs().data, 0, run.outputs().numRows, run.outputs().numCols, run.outputs().numCols);
        g.writeArrayFieldStart("layers");
        for (int l = 0; l < cfg.numLayers(); l++) {
            for (int d = 0; d < cfg.directions(); d++) {
                streamLayer(g, run.layer(l, d), cfg.cell(), seq.hasLoss(), len);
            }
        }
        g.writeEndArray();
        if (seq.hasLoss()) {
            g.writeObjectFieldStart("grads");
            for (ModelConfig.ParamShape s : cfg.parameterShapes()) {
                DMatrixRMaj m = run.gradients().get(s.name());
                g.writeFieldName(s.name());
                if (s.isVector()) {
                    g.writeStartArray();
                    for (int i = 0; i < s.rows(); i++) {
                        g.writeNumber(m.data[i]);
                    }
                    g.writeEndArray();
                } else {
                    matrix(g, m.data, 0, m.numRows, m.numCols, m.numCols);
                }
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void streamLayer(JsonGenerator g, LayerState s, CellType cell, boolean grads, int len) throws IOException {
        int h = s.hiddenSize();
        g.writeStartObject();
        g.writeNumberField("layer", s.layer());
        g.writeStringField("direction", s.direction() == 0 ? "forward" : "reverse");
        DMatrixRMaj hid = s.hiddenMatrix();
        g.writeFieldName("h");
        matrix(g, hid.data, s.hiddenOffset(), len, h, hid.numCols);
        if (cell == CellType.LSTM) {
            DMatrixRMaj c = s.cellMatrix();
            g.writeFieldName("c");
            matrix(g, c.data, 0, len, c.numCols, c.numCols);
        }
        String[] names = cell.gateNames();
        if (names.length > 0) {
            g.writeObjectFieldStart("gates");
            DMatrixRMaj all = s.gatesMatrix();
            for (int b = 0; b < names.length; b++) {
                g.writeFieldName(names[b]);
                matrix(g, all.data, b * h, all.numRows, h, all.numCols);
            }
            g.writeEndObject();
        }
        if (grads) {
            DMatrixRMaj gh = s.gradHiddenMatrix();
            g.writeFieldName("grad_h");
            matrix(g, gh.data, s.hiddenOffset(), len, h, gh.numCols);
            if (cell == CellType.LSTM) {
                DMatrixRMaj gc = s.gradCellMatrix();
                g.writeFieldName("grad_c");
                matrix(g, gc.data, 0, gc.numRows, gc.numCols, gc.numCols);
            }
        }
        g.writeEndObject();
    }

    /** rows × cols numbers of {@code data} from {@code off}, rows {@code stride} apart, as an array of arrays. */
    private static void matrix(JsonGenerator g, double[] data, int off, int rows, int cols, int stride) throws IOException {
        g.writeStartArray();
        for (int r = 0; r < rows; r++) {
            g.writeStartArray();
            int base = off + r * stride;
            for (int c = 0; c < cols; c++) {
                g.writeNumber(data[base + c]);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    /** Counts the bytes written and stops with {@link TooLargeException} past the limit. */
    private static final class Capped extends java.io.FilterOutputStream {
        private final long max;
        private final Path file;
        private final Run run;
        private long count;

        Capped(OutputStream out, long max, Path file, Run run) {
            super(out);
            this.max = max;
            this.file = file;
            this.run = run;
        }

        @Override
        public void write(int b) throws IOException {
            add(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            add(len);
            out.write(b, off, len);
        }

        private void add(long n) throws IOException {
            count += n;
            if (count > max) {
                throw tooLarge(file, run, "larger than", max);
            }
        }
    }

    public static ObjectNode toJson(Run run) {
        Sequence seq = run.sequence();
        if (seq.hasLoss()) {
            run.forwardBackward();
        } else {
            run.forward();
        }
        ModelConfig cfg = run.model().config();
        int len = run.length();
        ObjectNode root = JsonNav.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        if (seq.hasLoss()) {
            root.put("loss", run.loss());
            ArrayNode sl = root.putArray("step_loss");
            if (seq.targetSteps() == TargetSteps.ALL) {
                for (int t = 0; t < len; t++) {
                    sl.add(run.stepLoss(t));
                }
            } else {
                sl.add(run.stepLoss(len - 1));
            }
        }
        root.set("outputs", Formats.matrix(run.outputs()));
        ArrayNode layers = root.putArray("layers");
        for (int l = 0; l < cfg.numLayers(); l++) {
            for (int d = 0; d < cfg.directions(); d++) {
                layers.add(layer(run.layer(l, d), cfg.cell(), seq.hasLoss()));
            }
        }
        if (seq.hasLoss()) {
            ObjectNode g = root.putObject("grads");
            for (ModelConfig.ParamShape s : cfg.parameterShapes()) {
                DMatrixRMaj m = run.gradients().get(s.name());
                g.set(s.name(), s.isVector() ? Formats.vector(m.data, 0, s.rows()) : Formats.matrix(m));
            }
        }
        return root;
    }

    private static ObjectNode layer(LayerState s, CellType cell, boolean grads) {
        ObjectNode o = JsonNav.MAPPER.createObjectNode();
        o.put("layer", s.layer());
        o.put("direction", s.direction() == 0 ? "forward" : "reverse");
        o.set("h", Formats.matrix(s.hiddenCopy()));
        if (cell == CellType.LSTM) {
            o.set("c", Formats.matrix(s.cellMatrix()));
        }
        String[] names = cell.gateNames();
        if (names.length > 0) {
            ObjectNode gates = o.putObject("gates");
            int h = s.hiddenSize();
            DMatrixRMaj all = s.gatesMatrix();
            for (int b = 0; b < names.length; b++) {
                DMatrixRMaj block = new DMatrixRMaj(all.numRows, h);
                org.ejml.dense.row.CommonOps_DDRM.extract(all, 0, all.numRows, b * h, (b + 1) * h, block, 0, 0);
                gates.set(names[b], Formats.matrix(block));
            }
        }
        if (grads) {
            o.set("grad_h", Formats.matrix(s.gradHiddenCopy()));
            if (cell == CellType.LSTM) {
                o.set("grad_c", Formats.matrix(s.gradCellMatrix()));
            }
        }
        return o;
    }
}
