package rnnlab.io.imports;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of onnx.proto RNN Lab needs (ModelProto.graph, GraphProto, NodeProto, AttributeProto,
 * TensorProto, ValueInfoProto names), parsed by field number with protobuf-java's CodedInputStream.
 * Unknown fields are skipped, as protobuf does. Field numbers are those of onnx/onnx.proto.
 */
final class OnnxProto {
    private OnnxProto() {
    }

    static final int FLOAT = 1;
    static final int INT32 = 6;
    static final int INT64 = 7;
    static final int FLOAT16 = 10;
    static final int DOUBLE = 11;
    static final int BFLOAT16 = 16;

    record TensorP(String name, long[] dims, int dataType, ByteString raw, List<Float> floats, List<Double> doubles,
                   List<Long> int64s, List<Integer> int32s, boolean external) {
        long count() {
            long n = 1;
            for (long d : dims) {
                n *= d;
            }
            return n;
        }
    }

    record AttrP(String name, float f, long i, ByteString s, TensorP t, List<Float> floats, List<Long> ints,
                 List<ByteString> strings) {
        String string() {
            return s == null ? null : s.toStringUtf8();
        }
    }

    record NodeP(List<String> inputs, List<String> outputs, String name, String opType, String domain,
                 Map<String, AttrP> attrs) {
        String input(int k) {
            return k < inputs.size() ? inputs.get(k) : "";
        }
    }

    record GraphP(List<NodeP> nodes, Map<String, TensorP> initializers, List<String> inputs, List<String> outputs) {
    }

    static GraphP model(CodedInputStream in) throws IOException {
        GraphP g = null;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            if (WireFormat.getTagFieldNumber(tag) == 7 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                g = graph(sub(in));
            } else {
                in.skipField(tag);
            }
        }
        return g;
    }

    private static CodedInputStream sub(CodedInputStream in) throws IOException {
        CodedInputStream c = in.readBytes().newCodedInput();
        c.setRecursionLimit(20);
        return c;
    }

    static GraphP graph(CodedInputStream in) throws IOException {
        List<NodeP> nodes = new ArrayList<>();
        Map<String, TensorP> inits = new LinkedHashMap<>();
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            int field = WireFormat.getTagFieldNumber(tag);
            boolean bytes = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
            if (field == 1 && bytes) {
                nodes.add(node(sub(in)));
            } else if (field == 5 && bytes) {
                TensorP t = tensor(sub(in));
                inits.put(t.name(), t);
            } else if (field == 11 && bytes) {
                inputs.add(valueInfoName(sub(in)));
            } else if (field == 12 && bytes) {
                outputs.add(valueInfoName(sub(in)));
            } else {
                in.skipField(tag);
            }
        }
        return new GraphP(nodes, inits, inputs, outputs);
    }

    private static String valueInfoName(CodedInputStream in) throws IOException {
        String name = "";
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                return name;
            }
            if (WireFormat.getTagFieldNumber(tag) == 1) {
                name = in.readStringRequireUtf8();
            } else {
                in.skipField(tag);
            }
        }
    }

    static NodeP node(CodedInputStream in) throws IOException {
        List<String> ins = new ArrayList<>();
        List<String> outs = new ArrayList<>();
        String name = "";
        String op = "";
        String domain = "";
        Map<String, AttrP> attrs = new LinkedHashMap<>();
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> ins.add(in.readStringRequireUtf8());
                case 2 -> outs.add(in.readStringRequireUtf8());
                case 3 -> name = in.readStringRequireUtf8();
                case 4 -> op = in.readStringRequireUtf8();
                case 7 -> domain = in.readStringRequireUtf8();
                case 5 -> {
                    AttrP a = attr(sub(in));
                    attrs.put(a.name(), a);
                }
                default -> in.skipField(tag);
            }
        }
        return new NodeP(ins, outs, name, op, domain, attrs);
    }

    static AttrP attr(CodedInputStream in) throws IOException {
        String name = "";
        float f = 0;
        long i = 0;
        ByteString s = null;
        TensorP t = null;
        List<Float> floats = new ArrayList<>();
        List<Long> ints = new ArrayList<>();
        List<ByteString> strings = new ArrayList<>();
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            int wt = WireFormat.getTagWireType(tag);
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> name = in.readStringRequireUtf8();
                case 2 -> f = in.readFloat();
                case 3 -> i = in.readInt64();
                case 4 -> s = in.readBytes();
                case 5 -> t = tensor(sub(in));
                case 7 -> readFloats(in, wt, floats);
                case 8 -> readLongs(in, wt, ints);
                case 9 -> strings.add(in.readBytes());
                default -> in.skipField(tag);
            }
        }
        return new AttrP(name, f, i, s, t, floats, ints, strings);
    }

    static TensorP tensor(CodedInputStream in) throws IOException {
        List<Long> dims = new ArrayList<>();
        int type = 0;
        String name = "";
        ByteString raw = null;
        List<Float> floats = new ArrayList<>();
        List<Double> doubles = new ArrayList<>();
        List<Long> int64s = new ArrayList<>();
        List<Integer> int32s = new ArrayList<>();
        boolean external = false;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            int wt = WireFormat.getTagWireType(tag);
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> readLongs(in, wt, dims);
                case 2 -> type = in.readInt32();
                case 4 -> readFloats(in, wt, floats);
                case 5 -> {
                    List<Long> tmp = new ArrayList<>();
                    readLongs(in, wt, tmp);
                    tmp.forEach(v -> int32s.add(v.intValue()));
                }
                case 7 -> readLongs(in, wt, int64s);
                case 8 -> name = in.readStringRequireUtf8();
                case 9 -> raw = in.readBytes();
                case 10 -> {
                    if (wt == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                        int limit = in.pushLimit(in.readRawVarint32());
                        while (in.getBytesUntilLimit() > 0) {
                            doubles.add(in.readDouble());
                        }
                        in.popLimit(limit);
                    } else {
                        doubles.add(in.readDouble());
                    }
                }
                case 13 -> {
                    external = true;
                    in.skipField(tag);
                }
                case 14 -> external |= in.readInt32() == 1;
                default -> in.skipField(tag);
            }
        }
        long[] d = new long[dims.size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = dims.get(k);
        }
        return new TensorP(name, d, type, raw, floats, doubles, int64s, int32s, external);
    }

    private static void readLongs(CodedInputStream in, int wt, List<Long> out) throws IOException {
        if (wt == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int limit = in.pushLimit(in.readRawVarint32());
            while (in.getBytesUntilLimit() > 0) {
                out.add(in.readInt64());
            }
            in.popLimit(limit);
        } else {
            out.add(in.readInt64());
        }
    }

    private static void readFloats(CodedInputStream in, int wt, List<Float> out) throws IOException {
        if (wt == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int limit = in.pushLimit(in.readRawVarint32());
            while (in.getBytesUntilLimit() > 0) {
                out.add(in.readFloat());
            }
            in.popLimit(limit);
        } else {
            out.add(in.readFloat());
        }
    }
}
