package rnnlab.io.imports;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rnnlab.engine.CellType;
import rnnlab.engine.ModelConfig;
import rnnlab.io.InputException;
import rnnlab.io.Limits;

/**
 * Reads the ONNX graph torch.onnx.export writes for an [embedding →] RNN/LSTM/GRU (stacked, bidirectional)
 * [→ linear head] net. The recurrent nodes' W, R and B are mapped onto PyTorch's names and gate order
 * (ONNX LSTM i o f c → PyTorch i f g o; GRU z r h → r z n); the embedding is a Gather from a float table,
 * the head a Gemm or MatMul+Add. The shape plumbing PyTorch emits around them is accepted by op type, and
 * the data path between the nodes is checked: it may pass only through Transpose/Reshape/Squeeze/Unsqueeze.
 * Any other op is refused, naming the node.
 */
public final class OnnxFile {
    static final Set<String> PLUMBING = Set.of("Shape", "Gather", "Unsqueeze", "Concat", "ConstantOfShape", "Slice",
            "Transpose", "Reshape", "Squeeze", "Constant", "Identity", "Expand");
    static final Set<String> RECURRENT = Set.of("RNN", "LSTM", "GRU");
    static final Set<String> HEAD = Set.of("Gemm", "MatMul", "Add");
    private static final Set<String> PASS_THROUGH = Set.of("Transpose", "Reshape", "Squeeze", "Unsqueeze", "Identity");

    private final String file;
    private OnnxProto.GraphP g;
    private final Map<String, OnnxProto.NodeP> producer = new HashMap<>();
    private final Map<String, OnnxProto.TensorP> constants = new HashMap<>();
    private final List<String> notes = new ArrayList<>();

    private OnnxFile(String file) {
        this.file = file;
    }

    /** The graph's weights under PyTorch's names, and notes on what was read; then mapped to a model. */
    public static ImportedModel read(Path path, ImportOptions options) throws InputException {
        OnnxFile f = new OnnxFile(path.toString());
        Map<String, Tensor> sd = f.load(path);
        ImportOptions o = options == null ? ImportOptions.NONE : options;
        CellType hint = f.reluCell ? CellType.RNN_RELU : o.cell();
        if (f.reluCell && o.cell() != null && o.cell() != CellType.RNN_RELU) {
            throw new InputException(f.file, "", "the RNN nodes use Relu, but --cell " + o.cell().id() + " was given");
        }
        return StateDictMapper.map(f.file, "ONNX", sd, new ImportOptions(null, hint, o.activation()), f.notes);
    }

    private boolean reluCell;

    private InputException error(OnnxProto.NodeP n, String problem) {
        return new InputException(file, "node '" + SafetensorsFile.oneLine(n.name()) + "' (" + n.opType() + ")", problem);
    }

    private Map<String, Tensor> load(Path path) throws InputException {
        try {
            long size = Files.size(path);
            if (size > Limits.MAX_FILE_BYTES) {
                throw new InputException(file, "", "file is too large (" + (size >> 20) + " MB); RNN Lab reads at most "
                        + (Limits.MAX_FILE_BYTES >> 20) + " MB");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes((int) size);
            }
            CodedInputStream cin = CodedInputStream.newInstance(bytes);
            cin.setRecursionLimit(20);
            g = OnnxProto.model(cin);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(file, "", "no such file");
        } catch (InvalidProtocolBufferException e) {
            throw new InputException(file, "", "not an ONNX model (malformed protobuf: "
                    + SafetensorsFile.oneLine(e.getMessage()) + ")");
        } catch (IOException e) {
            throw new InputException(file, "", "cannot read: " + SafetensorsFile.oneLine(e.getMessage()));
        }
        if (g == null || g.nodes().isEmpty()) {
            throw new InputException(file, "", "not an ONNX model with a graph (no nodes)");
        }
        for (OnnxProto.NodeP n : g.nodes()) {
            for (String o : n.outputs()) {
                producer.put(o, n);
            }
            if (!n.domain().isEmpty() && !n.domain().equals("ai.onnx")) {
                throw error(n, "an op of domain \"" + n.domain() + "\"; RNN Lab reads standard ONNX ops");
            }
            if (!PLUMBING.contains(n.opType()) && !RECURRENT.contains(n.opType()) && !HEAD.contains(n.opType())) {
                throw error(n, "not an op RNN Lab runs; it reads [Gather embedding →] RNN/LSTM/GRU nodes [→ Gemm or "
                        + "MatMul+Add head] and the shape plumbing around them");
            }
            if (n.opType().equals("Constant") && n.attrs().containsKey("value") && !n.outputs().isEmpty()) {
                constants.put(n.outputs().get(0), n.attrs().get("value").t());
            }
        }
        Map<String, Tensor> sd = new LinkedHashMap<>();
        List<OnnxProto.NodeP> rnns = g.nodes().stream().filter(n -> RECURRENT.contains(n.opType())).toList();
        if (rnns.isEmpty()) {
            throw new InputException(file, "", "no RNN, LSTM or GRU node in the graph");
        }
        if (rnns.size() > Limits.MAX_LAYERS) {
            throw new InputException(file, "", rnns.size() + " recurrent nodes; RNN Lab runs at most " + Limits.MAX_LAYERS
                    + " layers");
        }
        // embedding: a Gather from a 2-D float table, fed by a graph input
        String source = origin(rnns.get(0).input(0));
        OnnxProto.NodeP gather = producer.get(source);
        if (gather != null && gather.opType().equals("Gather")) {
            OnnxProto.TensorP table = weight(gather.input(0));
            if (table == null || table.dims().length != 2) {
                throw error(gather, "the first recurrent node's input comes from a Gather that is not an embedding "
                        + "(a 2-D float table)");
            }
            if (attrInt(gather, "axis", 0) != 0) {
                throw error(gather, "an embedding gathers rows (axis 0)");
            }
            sd.put(ModelConfig.EMBEDDING, Tensor.of(rnnlab.i18n.Messages.format("import.src.table", table.name(), gather.name()),
                    dims(gather, table), floats(gather, table)));
            source = origin(gather.input(1));
        }
        if (!g.inputs().contains(source) || g.initializers().containsKey(source)) {
            throw error(rnns.get(0), "its input X does not come from a graph input (through an optional embedding)");
        }
        String cellOp = rnns.get(0).opType();
        String prevY = null;
        for (int k = 0; k < rnns.size(); k++) {
            OnnxProto.NodeP n = rnns.get(k);
            if (!n.opType().equals(cellOp)) {
                throw error(n, "mixes " + cellOp + " and " + n.opType() + " layers; RNN Lab stacks one kind of cell");
            }
            if (prevY != null && !origin(n.input(0)).equals(prevY)) {
                throw error(n, "its input X is not the previous recurrent node's output Y (after Transpose/Reshape/"
                        + "Squeeze); RNN Lab stacks layers directly");
            }
            recurrent(n, k, sd);
            prevY = n.outputs().isEmpty() ? "" : n.outputs().get(0);
        }
        head(prevY, sd);
        notes.add(0, rnnlab.i18n.Messages.format(rnns.size() == 1 ? "import.note.onnx.one" : "import.note.onnx.many",
                String.valueOf(g.nodes().size()), String.valueOf(rnns.size()), cellOp));
        return sd;
    }

    /** Follows the data path back through Transpose/Reshape/Squeeze/Unsqueeze/Identity (checking perms). */
    private String origin(String value) throws InputException {
        String v = value;
        for (int guard = 0; guard < 1000; guard++) {
            OnnxProto.NodeP p = producer.get(v);
            if (p == null || !PASS_THROUGH.contains(p.opType())) {
                return v;
            }
            if (p.opType().equals("Transpose")) {
                List<Long> perm = p.attrs().containsKey("perm") ? p.attrs().get("perm").ints() : List.of();
                if (!perm.equals(List.of(0L, 2L, 1L, 3L)) && !perm.equals(List.of(1L, 0L, 2L))) {
                    throw error(p, "perm " + perm + " on the data path; expected [0, 2, 1, 3] (directions next to "
                            + "features) or [1, 0, 2] (batch_first)");
                }
            }
            v = p.input(0);
        }
        return v;
    }

    private void recurrent(OnnxProto.NodeP n, int layer, Map<String, Tensor> sd) throws InputException {
        String op = n.opType();
        int blocks = op.equals("LSTM") ? 4 : op.equals("GRU") ? 3 : 1;
        String dir = attrString(n, "direction", "forward");
        int dirs = switch (dir) {
            case "forward" -> 1;
            case "bidirectional" -> 2;
            default -> throw error(n, "direction \"" + dir + "\" alone; RNN Lab runs forward or bidirectional layers");
        };
        if (n.attrs().containsKey("clip")) {
            throw error(n, "a clip attribute; PyTorch's cells do not clip");
        }
        if (attrInt(n, "input_forget", 0) != 0) {
            throw error(n, "input_forget = 1 (coupled gates); PyTorch's LSTM has separate gates");
        }
        if (op.equals("GRU") && attrInt(n, "linear_before_reset", 0) != 1) {
            throw error(n, "linear_before_reset = 0; PyTorch's GRU (which RNN Lab runs) is linear_before_reset = 1");
        }
        checkActivations(n, dirs);
        OnnxProto.TensorP w = weight(n.input(1));
        OnnxProto.TensorP r = weight(n.input(2));
        if (w == null || r == null) {
            throw error(n, "W and R must be float initializers (or Constants)");
        }
        long hAttr = attrInt(n, "hidden_size", -1);
        if (r.dims().length != 3 || w.dims().length != 3) {
            throw error(n, "W and R must have 3 dimensions, found " + java.util.Arrays.toString(w.dims()) + " and "
                    + java.util.Arrays.toString(r.dims()));
        }
        long h = r.dims()[2];
        if (hAttr != h || r.dims()[0] != dirs || w.dims()[0] != dirs || r.dims()[1] != blocks * h
                || w.dims()[1] != blocks * h || h < 1 || h > Limits.MAX_HIDDEN) {
            throw error(n, "shapes W " + java.util.Arrays.toString(w.dims()) + ", R " + java.util.Arrays.toString(r.dims())
                    + " do not fit hidden_size " + hAttr + ", " + dirs + " direction(s) and " + blocks + " gate blocks");
        }
        OnnxProto.TensorP b = n.input(3).isEmpty() ? null : weight(n.input(3));
        if (!n.input(3).isEmpty() && b == null) {
            throw error(n, "B must be a float initializer");
        }
        if (b != null && (b.dims().length != 2 || b.dims()[0] != dirs || b.dims()[1] != 2L * blocks * h)) {
            throw error(n, "B has shape " + java.util.Arrays.toString(b.dims()) + "; expected [" + dirs + ", "
                    + 2 * blocks * h + "]");
        }
        if (!n.input(4).isEmpty()) {
            throw error(n, "sequence_lens is set; RNN Lab runs one sequence of one length");
        }
        if (op.equals("LSTM") && !n.input(7).isEmpty()) {
            throw error(n, "peephole weights P; PyTorch's LSTM (which RNN Lab runs) has none");
        }
        initialState(n, 5, "initial_h");
        if (op.equals("LSTM")) {
            initialState(n, 6, "initial_c");
        }
        int hh = (int) h;
        double[] wAll = floats(n, w);
        double[] rAll = floats(n, r);
        double[] bAll = b == null ? null : floats(n, b);
        // block k of PyTorch's order comes from ONNX block order[k]
        int[] order = switch (op) {
            case "LSTM" -> new int[] {0, 2, 3, 1};
            case "GRU" -> new int[] {1, 0, 2};
            default -> new int[] {0};
        };
        int in = (int) w.dims()[2];
        for (int d = 0; d < dirs; d++) {
            String sfx = "_l" + layer + ModelConfig.suffix(d);
            String key = dirs == 2 ? "import.src.gates.dir" : "import.src.gates";
            String dirText = String.valueOf(d);
            sd.put("rnn.weight_ih" + sfx, gates(rnnlab.i18n.Messages.format(key, "W", op, n.name(), dirText), wAll, d, blocks, hh, in, order, 0));
            sd.put("rnn.weight_hh" + sfx, gates(rnnlab.i18n.Messages.format(key, "R", op, n.name(), dirText), rAll, d, blocks, hh, hh, order, 0));
            if (bAll != null) {
                String bSource = rnnlab.i18n.Messages.format(key, "B", op, n.name(), dirText);
                sd.put("rnn.bias_ih" + sfx, gates(bSource, bAll, d, 2 * blocks, hh, 1, order, 0));
                sd.put("rnn.bias_hh" + sfx, gates(bSource, bAll, d, 2 * blocks, hh, 1, order, blocks));
            }
        }
    }

    /**
     * Rows of direction d of a [D, blocks·H, cols] array reordered to PyTorch's gate order; for B
     * ([D, 2·blocks·H]) {@code first} picks Wb (0) or Rb (blocks).
     */
    private static Tensor gates(String source, double[] all, int d, int blocksPerDir, int h, int cols, int[] order,
                                int first) {
        int blocks = order.length;
        double[] out = new double[blocks * h * cols];
        int[] origin = new int[blocks];
        int base = d * blocksPerDir * h * cols;
        for (int k = 0; k < blocks; k++) {
            int srcRow = (first + order[k]) * h;
            origin[k] = srcRow;
            System.arraycopy(all, base + srcRow * cols, out, k * h * cols, h * cols);
        }
        int[] shape = cols == 1 ? new int[] {blocks * h} : new int[] {blocks * h, cols};
        return new Tensor(source, shape, out, origin);
    }

    private void checkActivations(OnnxProto.NodeP n, int dirs) throws InputException {
        OnnxProto.AttrP a = n.attrs().get("activations");
        if (a == null) {
            return; // the defaults are PyTorch's: Tanh; Sigmoid, Tanh, Tanh; Sigmoid, Tanh
        }
        List<String> got = new ArrayList<>();
        a.strings().forEach(s -> got.add(s.toStringUtf8()));
        List<String> want = new ArrayList<>();
        List<String> relu = new ArrayList<>();
        for (int d = 0; d < dirs; d++) {
            switch (n.opType()) {
                case "LSTM" -> want.addAll(List.of("Sigmoid", "Tanh", "Tanh"));
                case "GRU" -> want.addAll(List.of("Sigmoid", "Tanh"));
                default -> {
                    want.add("Tanh");
                    relu.add("Relu");
                }
            }
        }
        if (!relu.isEmpty() && got.equals(relu)) {
            reluCell = true;
            return;
        }
        if (!got.equals(want)) {
            throw error(n, "activations " + got + "; PyTorch's " + n.opType() + " uses " + want
                    + (relu.isEmpty() ? "" : " (or Relu)"));
        }
    }

    /** An initial state must be absent, zeros built by the plumbing, or a graph input (then the sequence's). */
    private void initialState(OnnxProto.NodeP n, int k, String what) throws InputException {
        String v = n.input(k);
        if (v.isEmpty()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(v));
        while (!todo.isEmpty()) {
            String x = todo.remove(todo.size() - 1);
            if (!seen.add(x) || x.isEmpty()) {
                continue;
            }
            if (g.inputs().contains(x) && !g.initializers().containsKey(x)) {
                if (notes.stream().noneMatch(s -> s.contains(what))) {
                    notes.add(rnnlab.i18n.Messages.format("import.note.graphInput", what));
                }
                return;
            }
            OnnxProto.TensorP t = g.initializers().containsKey(x) ? g.initializers().get(x) : constants.get(x);
            if (t != null && isFloat(t) && !allZero(n, t)) {
                throw error(n, what + " is a stored non-zero state; RNN Lab starts from zeros or the sequence's h0/c0");
            }
            OnnxProto.NodeP p = producer.get(x);
            if (p == null) {
                continue;
            }
            if (p.opType().equals("ConstantOfShape") && p.attrs().containsKey("value")
                    && !allZero(p, p.attrs().get("value").t())) {
                throw error(p, what + " filled with a non-zero value; RNN Lab starts from zeros or the sequence's h0/c0");
            }
            if (p.opType().equals("Shape")) {
                continue; // depends only on a shape, not on values
            }
            if (!PLUMBING.contains(p.opType())) {
                throw error(n, what + " is computed by " + p.opType() + " '" + p.name() + "'; expected zeros or a graph input");
            }
            todo.addAll(p.inputs());
        }
    }

    private void head(String y, Map<String, Tensor> sd) throws InputException {
        List<OnnxProto.NodeP> heads = g.nodes().stream().filter(n -> HEAD.contains(n.opType())).toList();
        if (heads.isEmpty()) {
            return;
        }
        OnnxProto.NodeP first = heads.get(0);
        if (!origin(first.input(0)).equals(y)) {
            throw error(first, "its input is not the last recurrent node's output Y; RNN Lab's head reads the top layer");
        }
        if (first.opType().equals("Gemm")) {
            if (heads.size() != 1) {
                throw error(heads.get(1), "a second layer after the Gemm head; RNN Lab runs one linear head");
            }
            if (attrInt(first, "transA", 0) != 0 || attrFloat(first, "alpha", 1f) != 1f
                    || attrFloat(first, "beta", 1f) != 1f) {
                throw error(first, "transA, alpha or beta other than 0, 1, 1");
            }
            boolean transB = attrInt(first, "transB", 0) == 1;
            OnnxProto.TensorP w = weight(first.input(1));
            if (w == null || w.dims().length != 2) {
                throw error(first, "B must be a 2-D float initializer");
            }
            putHead(first, w, transB, first.input(2).isEmpty() ? null : weight(first.input(2)), sd);
            return;
        }
        if (!first.opType().equals("MatMul") || heads.size() > 2) {
            throw error(first, "expected a Gemm, or a MatMul followed by an Add, as the head");
        }
        OnnxProto.TensorP w = weight(first.input(1));
        if (w == null || w.dims().length != 2) {
            throw error(first, "the head's weight must be a 2-D float initializer");
        }
        OnnxProto.TensorP bias = null;
        if (heads.size() == 2) {
            OnnxProto.NodeP add = heads.get(1);
            String mm = first.outputs().get(0);
            String other = add.input(0).equals(mm) ? add.input(1) : add.input(1).equals(mm) ? add.input(0) : null;
            if (!add.opType().equals("Add") || other == null || (bias = weight(other)) == null) {
                throw error(add, "expected Add(MatMul output, bias initializer) after the head's MatMul");
            }
        }
        putHead(first, w, false, bias, sd);
    }

    private void putHead(OnnxProto.NodeP n, OnnxProto.TensorP w, boolean transposed, OnnxProto.TensorP b,
                         Map<String, Tensor> sd) throws InputException {
        double[] data = floats(n, w);
        int r = (int) w.dims()[0];
        int c = (int) w.dims()[1];
        int out = transposed ? r : c;
        int in = transposed ? c : r;
        double[] wt = new double[data.length];
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < in; j++) {
                wt[i * in + j] = transposed ? data[i * in + j] : data[j * out + i];
            }
        }
        sd.put(ModelConfig.FC_WEIGHT, Tensor.of(rnnlab.i18n.Messages.format(transposed ? "import.src.headWeight" : "import.src.headWeight.transposed",
                w.name(), n.opType(), n.name()), new int[] {out, in}, wt));
        if (b != null) {
            if (b.dims().length != 1 || b.dims()[0] != out) {
                throw error(n, "the head's bias has shape " + java.util.Arrays.toString(b.dims()) + "; expected [" + out + "]");
            }
            sd.put(ModelConfig.FC_BIAS, Tensor.of(rnnlab.i18n.Messages.format("import.src.headBias", b.name()), new int[] {out}, floats(n, b)));
        }
    }

    private OnnxProto.TensorP weight(String name) {
        OnnxProto.TensorP t = g.initializers().containsKey(name) ? g.initializers().get(name) : constants.get(name);
        return t != null && isFloat(t) ? t : null;
    }

    private static boolean isFloat(OnnxProto.TensorP t) {
        return t.dataType() == OnnxProto.FLOAT || t.dataType() == OnnxProto.DOUBLE || t.dataType() == OnnxProto.FLOAT16
                || t.dataType() == OnnxProto.BFLOAT16;
    }

    private boolean allZero(OnnxProto.NodeP n, OnnxProto.TensorP t) throws InputException {
        if (t == null || !isFloat(t)) {
            return true;
        }
        for (double v : floats(n, t)) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    private int[] dims(OnnxProto.NodeP n, OnnxProto.TensorP t) throws InputException {
        int[] d = new int[t.dims().length];
        for (int i = 0; i < d.length; i++) {
            if (t.dims()[i] < 0 || t.dims()[i] > Integer.MAX_VALUE) {
                throw error(n, "'" + t.name() + "' has a dimension " + t.dims()[i]);
            }
            d[i] = (int) t.dims()[i];
        }
        return d;
    }

    /** A float tensor's numbers as doubles, after checking that its data holds exactly its shape. */
    private double[] floats(OnnxProto.NodeP n, OnnxProto.TensorP t) throws InputException {
        if (t.external()) {
            throw error(n, "'" + t.name() + "' is stored outside the .onnx file; export with the weights inside");
        }
        long count = 1;
        for (long d : t.dims()) {
            if (d < 0) {
                throw error(n, "'" + t.name() + "' has a negative dimension");
            }
            count *= d;
            if (count > Limits.MAX_FILE_BYTES) {
                throw error(n, "'" + t.name() + "' declares more numbers than the file holds");
            }
        }
        DType dt = switch (t.dataType()) {
            case OnnxProto.FLOAT -> DType.F32;
            case OnnxProto.DOUBLE -> DType.F64;
            case OnnxProto.FLOAT16 -> DType.F16;
            case OnnxProto.BFLOAT16 -> DType.BF16;
            default -> throw error(n, "'" + t.name() + "' is not a float tensor (data type " + t.dataType() + ")");
        };
        double[] out;
        if (t.raw() != null) {
            if (t.raw().size() != count * dt.bytes()) {
                throw error(n, "'" + t.name() + "' has " + t.raw().size() + " bytes of data; its shape "
                        + java.util.Arrays.toString(t.dims()) + " needs " + count * dt.bytes());
            }
            out = new double[(int) count];
            dt.decode(t.raw().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN), out.length, out);
            return out;
        }
        List<? extends Number> src = dt == DType.F32 ? t.floats() : dt == DType.F64 ? t.doubles() : null;
        if (src == null) {
            List<Integer> halves = t.int32s(); // float16/bfloat16 without raw_data are stored in int32_data
            if (halves.size() != count) {
                throw error(n, "'" + t.name() + "' holds " + halves.size() + " numbers; its shape needs " + count);
            }
            out = new double[(int) count];
            ByteBuffer b = ByteBuffer.allocate(2 * (int) count).order(ByteOrder.LITTLE_ENDIAN);
            halves.forEach(v -> b.putShort(v.shortValue()));
            b.flip();
            dt.decode(b, out.length, out);
            return out;
        }
        if (src.size() != count) {
            throw error(n, "'" + t.name() + "' holds " + src.size() + " numbers; its shape "
                    + java.util.Arrays.toString(t.dims()) + " needs " + count);
        }
        out = new double[(int) count];
        for (int i = 0; i < out.length; i++) {
            out[i] = src.get(i).doubleValue();
        }
        return out;
    }

    private static long attrInt(OnnxProto.NodeP n, String name, long dflt) {
        OnnxProto.AttrP a = n.attrs().get(name);
        return a == null ? dflt : a.i();
    }

    private static float attrFloat(OnnxProto.NodeP n, String name, float dflt) {
        OnnxProto.AttrP a = n.attrs().get(name);
        return a == null ? dflt : a.f();
    }

    private static String attrString(OnnxProto.NodeP n, String name, String dflt) {
        OnnxProto.AttrP a = n.attrs().get(name);
        return a == null || a.s() == null ? dflt : a.string();
    }
}
