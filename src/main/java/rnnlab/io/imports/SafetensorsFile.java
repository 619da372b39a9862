package rnnlab.io.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.io.Formats;
import rnnlab.io.InputException;
import rnnlab.io.Limits;

/**
 * The safetensors layout: an 8-byte little-endian header length, a JSON header naming each tensor's
 * dtype, shape and [begin, end) byte offsets into the data that follows, then the raw little-endian
 * data. Every offset, overlap and size is checked against the file's real size before data is read.
 */
public final class SafetensorsFile {
    static final long MAX_HEADER = 100L << 20;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** Metadata keys RNN Lab writes so that its own files reopen exactly (activation, vocabulary, ReLU cell). */
    static final String META_ACTIVATION = "rnnlab.output_activation";
    static final String META_CELL = "rnnlab.cell";
    static final String META_VOCAB = "rnnlab.vocab";

    private SafetensorsFile() {
    }

    /** The tensors in header order, plus the header's __metadata__ strings. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
    }

    public static Contents read(Path path) throws InputException {
        String file = path.toString();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Limits.MAX_FILE_BYTES) {
                throw new InputException(file, "", "file is too large (" + (size >> 20) + " MB); RNN Lab reads at most "
                        + (Limits.MAX_FILE_BYTES >> 20) + " MB");
            }
            if (size < 8) {
                throw new InputException(file, "", "too short for safetensors (" + size + " bytes)");
            }
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf, 0);
            long n = lenBuf.getLong(0);
            if (n < 2 || n > size - 8 || n > MAX_HEADER) {
                throw new InputException(file, "header length", "declares " + Long.toUnsignedString(n)
                        + " bytes but the file has " + (size - 8) + " after it");
            }
            ByteBuffer hb = ByteBuffer.allocate((int) n);
            readFully(ch, hb, 8);
            JsonNode header;
            try {
                header = JSON.readTree(new String(hb.array(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new InputException(file, "header", "malformed JSON: " + oneLine(e.getMessage()));
            }
            if (header == null || !header.isObject()) {
                throw new InputException(file, "header", "expected a JSON object");
            }
            long dataStart = 8 + n;
            long dataLen = size - dataStart;
            Map<String, String> meta = new LinkedHashMap<>();
            List<long[]> ranges = new ArrayList<>();
            Map<String, Object[]> specs = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                JsonNode v = e.getValue();
                if (key.equals("__metadata__")) {
                    if (v.isObject()) {
                        v.fields().forEachRemaining(m -> meta.put(m.getKey(), m.getValue().asText()));
                    }
                    continue;
                }
                specs.put(key, spec(file, key, v, dataLen, ranges));
            }
            ranges.sort((a, b) -> Long.compare(a[0], b[0]));
            for (int i = 1; i < ranges.size(); i++) {
                if (ranges.get(i)[0] < ranges.get(i - 1)[1]) {
                    throw new InputException(file, "data_offsets", "the data of two tensors overlap (bytes "
                            + ranges.get(i)[0] + "–" + (ranges.get(i - 1)[1] - 1) + ")");
                }
            }
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object[]> e : specs.entrySet()) {
                DType dt = (DType) e.getValue()[0];
                int[] shape = (int[]) e.getValue()[1];
                long begin = (Long) e.getValue()[2];
                long end = (Long) e.getValue()[3];
                ByteBuffer bb = ByteBuffer.allocate((int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
                readFully(ch, bb, dataStart + begin);
                bb.flip();
                double[] data = new double[(int) ((end - begin) / dt.bytes())];
                dt.decode(bb, data.length, data);
                out.put(e.getKey(), Tensor.of(e.getKey(), shape, data));
            }
            return new Contents(out, meta);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(file, "", "no such file");
        } catch (IOException e) {
            throw new InputException(file, "", "cannot read: " + oneLine(String.valueOf(e.getMessage())));
        }
    }

    private static Object[] spec(String file, String key, JsonNode v, long dataLen, List<long[]> ranges)
            throws InputException {
        if (!v.isObject()) {
            throw new InputException(file, key, "expected an object with dtype, shape and data_offsets");
        }
        String dts = v.path("dtype").asText("");
        DType dt;
        try {
            dt = DType.valueOf(dts);
        } catch (IllegalArgumentException e) {
            throw new InputException(file, key + ".dtype", "\"" + dts + "\" is not supported; expected F32, F64, F16 "
                    + "or BF16");
        }
        JsonNode sh = v.path("shape");
        JsonNode off = v.path("data_offsets");
        if (!sh.isArray() || sh.size() > 8 || !off.isArray() || off.size() != 2) {
            throw new InputException(file, key, "expected \"shape\" (a list of sizes) and \"data_offsets\" [begin, end]");
        }
        int[] shape = new int[sh.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = sh.get(i);
            if (!d.canConvertToInt() || d.asInt() < 0) {
                throw new InputException(file, key + ".shape[" + i + "]", "expected a size, found " + d);
            }
            shape[i] = d.asInt();
            count *= shape[i];
            if (count > dataLen) {
                throw new InputException(file, key + ".shape", "more numbers than the file holds (" + dataLen
                        + " bytes of data)");
            }
        }
        if (!off.get(0).canConvertToLong() || !off.get(1).canConvertToLong()) {
            throw new InputException(file, key + ".data_offsets", "expected two byte offsets");
        }
        long begin = off.get(0).asLong();
        long end = off.get(1).asLong();
        if (begin < 0 || end < begin || end > dataLen) {
            throw new InputException(file, key + ".data_offsets", "[" + begin + ", " + end + "] runs outside the "
                    + dataLen + " bytes of data");
        }
        if (end - begin != count * dt.bytes()) {
            throw new InputException(file, key + ".data_offsets", (end - begin) + " bytes, but shape " + sh
                    + " of " + dts + " needs " + count * dt.bytes());
        }
        ranges.add(new long[] {begin, end});
        return new Object[] {dt, shape, begin, end};
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int r = ch.read(b, pos + b.position());
            if (r < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }

    /** Writes the model's state_dict in float64 under PyTorch's names, atomically. */
    public static void write(Model model, Path path) throws IOException {
        ModelConfig c = model.config();
        ObjectNode header = JSON.createObjectNode();
        ObjectNode meta = header.putObject("__metadata__");
        meta.put("format", "pt");
        meta.put(META_CELL, c.cell().id());
        if (c.hasHead()) {
            meta.put(META_ACTIVATION, c.outputActivation().id());
        }
        if (c.vocab() != null) {
            meta.put(META_VOCAB, JSON.valueToTree(c.vocab()).toString());
        }
        long off = 0;
        for (ModelConfig.ParamShape s : c.parameterShapes()) {
            ObjectNode t = header.putObject(s.name());
            t.put("dtype", "F64");
            var shape = t.putArray("shape");
            shape.add(s.rows());
            if (!s.isVector()) {
                shape.add(s.cols());
            }
            var offs = t.putArray("data_offsets");
            offs.add(off);
            off += 8L * s.size();
            offs.add(off);
        }
        byte[] h = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        int padded = (h.length + 7) / 8 * 8;
        Formats.writeAtomically(path, (OutputStream out) -> {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
            out.write(len.array());
            out.write(h);
            for (int i = h.length; i < padded; i++) {
                out.write(' ');
            }
            for (ModelConfig.ParamShape s : c.parameterShapes()) {
                DMatrixRMaj m = model.param(s.name());
                ByteBuffer b = ByteBuffer.allocate(8 * s.size()).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < s.size(); i++) {
                    b.putDouble(m.data[i]);
                }
                out.write(b.array());
            }
        });
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").replaceAll("\\p{Cntrl}", "?").trim();
    }
}
