package rnnlab.io.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rnnlab.cli.Main;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.LossType;
import rnnlab.engine.Model;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;
import rnnlab.io.InputException;
import rnnlab.io.TraceIO;

/** Foreign model files written by real PyTorch (src/test/resources/imports/make_fixtures.py). */
class ImportTest {
    @TempDir
    Path tmp;

    static Path res(String name) {
        try {
            return Path.of(ImportTest.class.getResource("/imports/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static final int[] TOKENS = {1, 3, 0, 2, 4, 1};
    static final int[] TARGETS = {3, 0, 2, 4, 1, 0};

    static JsonNode trace(Model m) {
        Sequence s = Sequence.ofTokens(TOKENS, TARGETS, TargetSteps.ALL);
        Model mm = m;
        Run run = new Run(mm, s.length());
        run.load(s);
        run.forwardBackward();
        return TraceIO.toJson(run);
    }

    static double maxDiff(JsonNode a, JsonNode b, String path) {
        if (a.isNumber() || b.isNumber()) {
            assertThat(b.isNumber()).as(path).isEqualTo(a.isNumber());
            return Math.abs(a.asDouble() - b.asDouble());
        }
        assertThat(b.size()).as(path).isEqualTo(a.size());
        double d = 0;
        if (a.isArray()) {
            for (int i = 0; i < a.size(); i++) {
                d = Math.max(d, maxDiff(a.get(i), b.get(i), path + "[" + i + "]"));
            }
        } else if (a.isObject()) {
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                assertThat(b.has(k)).as(path + "." + k).isTrue();
                d = Math.max(d, maxDiff(a.get(k), b.get(k), path + "." + k));
            }
        } else {
            assertThat(b.asText()).as(path).isEqualTo(a.asText());
        }
        return d;
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm_emb_head", "gru_emb_head", "rnn_emb_head", "lstm2_bidi_emb_head",
        "gru2_bidi_emb_head", "rnn2_bidi_emb_head"})
    void sameWeightsGiveIdenticalTracesFromEveryFormat(String name) throws Exception {
        Model json = ModelFiles.read(res(name + ".model.json")).model();
        JsonNode ref = trace(json);
        double worst = 0;
        for (String ext : new String[] {".pt", ".f64.pt", ".safetensors", ".onnx"}) {
            ImportedModel im = ModelFiles.read(res(name + ext));
            assertThat(im.model().config().cell()).isEqualTo(json.config().cell());
            assertThat(im.model().config().numLayers()).isEqualTo(json.config().numLayers());
            assertThat(im.model().config().bidirectional()).isEqualTo(json.config().bidirectional());
            Model m = im.modelFor(LossType.CROSS_ENTROPY);
            assertThat(m.config().outputActivation()).isEqualTo(Activation.SOFTMAX);
            double d = maxDiff(ref, trace(m), name + ext);
            assertThat(d).as(name + ext).isLessThanOrEqualTo(1e-12);
            worst = Math.max(worst, d);
            assertThat(im.gateMap()).isNotEmpty();
        }
        System.out.println(name + ": max abs trace difference over .pt, .f64.pt, .safetensors, .onnx = " + worst);
    }

    @Test
    void onnxGateMapNamesTheOnnxRowsOfEachGate() throws Exception {
        ImportedModel im = ModelFiles.read(res("lstm_emb_head.onnx"));
        String map = String.join("\n", im.gateMap());
        // ONNX LSTM order i o f c: PyTorch's forget gate (rows 4–7) comes from ONNX rows 8–11
        assertThat(map).contains("rows 8–11 → rnn.weight_ih_l0 rows 4–7: W_if (forget gate)");
        assertThat(map).contains("rows 4–7 → rnn.weight_ih_l0 rows 12–15: W_io (output gate)");
        assertThat(map).contains("elements 16–19 → rnn.bias_hh_l0 elements 0–3: b_hi (input gate)");
        ImportedModel gru = ModelFiles.read(res("gru_emb_head.onnx"));
        // ONNX GRU order z r h: PyTorch's reset gate (rows 0–3) comes from ONNX rows 4–7
        assertThat(String.join("\n", gru.gateMap())).contains("rows 4–7 → rnn.weight_hh_l0 rows 0–3: W_hr (reset gate)");
    }

    @Test
    void prefixesAndCustomNamesAreRecognisedAndReported() throws Exception {
        JsonNode ref = trace(ModelFiles.read(res("named_ref.model.json")).model());
        ImportedModel dp = ModelFiles.read(res("dataparallel.pt"));
        assertThat(String.join("\n", dp.notes())).contains("module.");
        assertThat(maxDiff(ref, trace(dp.modelFor(LossType.CROSS_ENTROPY)), "dp")).isZero();
        ImportedModel custom = ModelFiles.read(res("custom_names.pt"));
        assertThat(String.join("\n", custom.notes())).contains("\"lstm.\"").contains("encoder.weight")
                .contains("\"decoder.\"");
        assertThat(maxDiff(ref, trace(custom.modelFor(LossType.CROSS_ENTROPY)), "custom")).isZero();
    }

    @Test
    void twoRecurrentModulesNeedPrefix() throws Exception {
        assertThat(error(() -> ModelFiles.read(res("two_rnns.pt")))).contains("several recurrent modules")
                .contains("--prefix").contains("\"decoder_rnn.\"").contains("\"rnn.\"");
        ImportedModel im = ModelFiles.read(res("two_rnns.pt"), new ImportOptions("rnn.", null, null));
        assertThat(im.model().config().hasHead()).isTrue();
        assertThat(String.join("\n", im.notes())).contains("ignored");
    }

    @Test
    void viewTensorsReadAsTheirViews() throws Exception {
        JsonNode ref = trace(ModelFiles.read(res("views.model.json")).model());
        assertThat(maxDiff(ref, trace(ModelFiles.read(res("views.pt")).modelFor(LossType.CROSS_ENTROPY)), "views"))
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm", "gru", "rnn_tanh"})
    void biasFalseOpensWithZeroBiasesFromPtAndJson(String kind) throws Exception {
        Model pt = ModelFiles.read(res("nobias_" + kind + ".pt")).model();
        Model json = ModelFiles.read(res("nobias_" + kind + ".model.json")).model();
        assertThat(pt.config().cell()).isEqualTo(CellType.fromId(kind));
        assertThat(pt.param("rnn.bias_ih_l0").data).containsOnly(0.0);
        assertThat(json.param("rnn.bias_hh_l0").data).containsOnly(0.0);
        assertThat(pt.param("rnn.weight_hh_l0").data).isEqualTo(json.param("rnn.weight_hh_l0").data);
    }

    @Test
    void projectionsAndFullModulesAndForeignGlobalsAreRefused() {
        assertThat(error(() -> ModelFiles.read(res("proj.pt")))).contains("weight_hr_l0").contains("proj_size");
        assertThat(error(() -> ModelFiles.read(res("full_module.pt")))).contains("pickled module")
                .contains("torch.save(model.state_dict(), path)");
        assertThat(error(() -> ModelFiles.read(res("evil.pt")))).contains("posix.system").contains("refused");
    }

    @Test
    void cliRefusesHostileFilesWithExit2AndOneLine() throws Exception {
        Path seq = tmp.resolve("s.seq.json");
        Files.writeString(seq, "{\"format\":\"rnnlab-sequence\",\"version\":1,\"tokens\":[1,2],\"targets\":null,"
                + "\"target_steps\":null,\"loss\":null}");
        // safetensors whose offsets overlap, and one whose offsets run past the end
        Path overlap = safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12, "overlap.safetensors");
        Path past = safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", 12,
                "past.safetensors");
        Path big = safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[1000000],\"data_offsets\":[0,4000000]}}", 16,
                "big.safetensors");
        Path missing = rewriteZip(res("lstm_emb_head.pt"), "missing.pt", "data/2", null);
        Path huge = rewriteZip(res("lstm_emb_head.pt"), "huge.pt", "data.pkl", null);
        Path negative = rewriteZip(res("lstm_emb_head.pt"), "negative.pt", "data.pkl", new byte[] {-5});
        java.util.Map<Path, String> cases = new java.util.LinkedHashMap<>();
        cases.put(overlap, "overlap");
        cases.put(past, "runs outside");
        cases.put(big, "more numbers than the file holds");
        cases.put(missing, "is missing from the archive");
        cases.put(huge, "declares 1000000000000 numbers");
        cases.put(negative, "its storage has a negative size (-5 numbers)");
        cases.put(res("evil.pt"), "posix.system");
        cases.put(res("full_module.pt"), "pickled module");
        cases.put(res("proj.pt"), "proj_size");
        cases.put(res("softmax_op.onnx"), "node '/Softmax' (Softmax): not an op RNN Lab runs");
        for (Path p : cases.keySet()) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "trace", "--model", p.toString(), "--seq",
                    seq.toString(), "--out", tmp.resolve("t.json").toString());
            assertThat(code).as(p + ": " + err).isEqualTo(2);
            assertThat(err.toString().strip().lines().count()).as(err.toString()).isEqualTo(1);
            assertThat(err.toString()).startsWith("error: " + p).doesNotContain("Exception").contains(cases.get(p));
        }
    }

    @Test
    void exportRoundTripsThroughPtAndSafetensors() throws Exception {
        for (String name : new String[] {"lstm2_bidi_emb_head", "gru2_bidi_emb_head", "rnn_emb_head"}) {
            Model m = ModelFiles.read(res(name + ".model.json")).model();
            JsonNode ref = trace(m);
            for (String ext : new String[] {".pt", ".safetensors"}) {
                Path p = tmp.resolve(name + ext);
                ModelFiles.write(m, p);
                ImportedModel back = ModelFiles.read(p);
                assertThat(maxDiff(ref, trace(back.modelFor(LossType.CROSS_ENTROPY)), name + ext)).isZero();
            }
        }
    }

    @Test
    void explainImportPrintsTheGateMap() throws Exception {
        Path seq = tmp.resolve("s.seq.json");
        Files.writeString(seq, "{\"format\":\"rnnlab-sequence\",\"version\":1,\"tokens\":[1,2,3],\"targets\":[2,3,4],"
                + "\"target_steps\":\"all\",\"loss\":\"cross_entropy\"}");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "trace", "--explain-import", "--model",
                res("lstm_emb_head.onnx").toString(), "--seq", seq.toString(), "--out", tmp.resolve("t.json").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("as ONNX").contains("W_if (forget gate)").contains("LSTM node");
    }

    private Path safetensors(String header, int dataBytes, String name) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        Path p = tmp.resolve(name);
        Files.write(p, b.array());
        return p;
    }

    /** A copy of a .pt without the entry ending in {@code drop} (or with a huge declared size: see below). */
    private Path rewriteZip(Path src, String name, String drop, byte[] unused) throws IOException {
        Path p = tmp.resolve(name);
        try (ZipFile z = new ZipFile(src.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(p))) {
            for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                byte[] data = z.getInputStream(e).readAllBytes();
                if (e.getName().endsWith(drop)) {
                    if (drop.equals("data.pkl")) {
                        // the pickle claims storage '0' holds 10^12 floats: refused before any allocation
                        // (or, with unused = {-5}, that it holds -5: BININT 0xfffffffb)
                        data = new String(data, StandardCharsets.ISO_8859_1).replaceFirst("(?s)cpu(q.)K.",
                                unused != null ? "cpu$1J\u00fb\u00ff\u00ff\u00ff"
                                : "cpu$1\u008a\u0006\u0000\u0010\u00a5\u00d4\u00e8\u0000").getBytes(StandardCharsets.ISO_8859_1);
                    } else {
                        continue;
                    }
                }
                ZipEntry n = new ZipEntry(e.getName());
                n.setMethod(ZipEntry.STORED);
                n.setSize(data.length);
                CRC32 c = new CRC32();
                c.update(data);
                n.setCrc(c.getValue());
                out.putNextEntry(n);
                out.write(data);
                out.closeEntry();
            }
        }
        return p;
    }

    interface Call {
        Object run() throws Exception;
    }

    static String error(Call c) {
        try {
            c.run();
        } catch (InputException e) {
            return e.getMessage();
        } catch (Exception e) {
            throw new AssertionError("expected an InputException, got " + e, e);
        }
        throw new AssertionError("expected an InputException");
    }
}
