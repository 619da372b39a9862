package rnnlab.io.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rnnlab.cli.Main;

/**
 * An ONNX file whose LSTM weight initializer was truncated (one row fewer, its data cut to match, so the file
 * itself is consistent) is refused with exit 2 and one line naming the node; made from the PyTorch fixture by
 * rewriting protobuf fields by number (ModelProto.graph 7, GraphProto.initializer 5, TensorProto dims 1,
 * name 8, raw_data 9), since CI has no onnx package.
 */
class OnnxShapeTest {
    @TempDir
    Path tmp;

    static final int GRAPH = 7;
    static final int INITIALIZER = 5;
    static final int DIMS = 1;
    static final int NAME = 8;
    static final int RAW = 9;

    @Test
    void aTruncatedLstmInitializerIsRefusedWithExit2AndOneLine() throws Exception {
        byte[] file = Files.readAllBytes(ImportTest.res("lstm_emb_head.onnx"));
        UnknownFieldSet model = UnknownFieldSet.parseFrom(file);
        UnknownFieldSet graph = UnknownFieldSet.parseFrom(model.getField(GRAPH).getLengthDelimitedList().get(0));
        List<ByteString> inits = new ArrayList<>(graph.getField(INITIALIZER).getLengthDelimitedList());
        String cut = null;
        for (int i = 0; i < inits.size() && cut == null; i++) {
            UnknownFieldSet t = UnknownFieldSet.parseFrom(inits.get(i));
            List<Long> dims = dims(t);
            if (dims.size() == 3 && t.hasField(RAW)) { // the LSTM's W or R: [directions, 4H, in]
                long rows = dims.get(1) - 1;
                ByteString raw = t.getField(RAW).getLengthDelimitedList().get(0);
                UnknownFieldSet.Field d = UnknownFieldSet.Field.newBuilder().addVarint(dims.get(0)).addVarint(rows)
                        .addVarint(dims.get(2)).build();
                UnknownFieldSet.Field r = UnknownFieldSet.Field.newBuilder()
                        .addLengthDelimited(raw.substring(0, (int) (dims.get(0) * rows * dims.get(2) * 4))).build();
                inits.set(i, UnknownFieldSet.newBuilder(t).clearField(DIMS).addField(DIMS, d).clearField(RAW)
                        .addField(RAW, r).build().toByteString());
                cut = t.getField(NAME).getLengthDelimitedList().get(0).toStringUtf8();
            }
        }
        assertThat(cut).as("an initializer with three dimensions").isNotNull();
        UnknownFieldSet.Field.Builder fb = UnknownFieldSet.Field.newBuilder();
        inits.forEach(fb::addLengthDelimited);
        UnknownFieldSet g2 = UnknownFieldSet.newBuilder(graph).clearField(INITIALIZER).addField(INITIALIZER, fb.build())
                .build();
        UnknownFieldSet m2 = UnknownFieldSet.newBuilder(model).clearField(GRAPH).addField(GRAPH,
                UnknownFieldSet.Field.newBuilder().addLengthDelimited(g2.toByteString()).build()).build();
        Path bad = tmp.resolve("cut.onnx");
        Files.write(bad, m2.toByteArray());

        Path seq = tmp.resolve("s.seq.json");
        Files.writeString(seq, "{\"format\":\"rnnlab-sequence\",\"version\":1,\"tokens\":[1,2],\"targets\":null,"
                + "\"target_steps\":null,\"loss\":null}");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "trace", "--model", bad.toString(), "--seq",
                seq.toString(), "--out", tmp.resolve("t.json").toString());
        assertThat(code).as(err.toString()).isEqualTo(2);
        assertThat(err.toString().strip().lines().count()).as(err.toString()).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: " + bad).doesNotContain("Exception").contains("LSTM");
        Files.writeString(tmp.resolve("message.txt"), err.toString());
    }

    private static List<Long> dims(UnknownFieldSet t) throws Exception {
        if (!t.hasField(DIMS)) {
            return List.of();
        }
        UnknownFieldSet.Field f = t.getField(DIMS);
        List<Long> out = new ArrayList<>(f.getVarintList());
        for (ByteString packed : f.getLengthDelimitedList()) {
            var in = packed.newCodedInput();
            while (!in.isAtEnd()) {
                out.add(in.readInt64());
            }
        }
        return out;
    }
}
