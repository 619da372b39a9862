package rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The encoder–decoder equals the reference PyTorch module (src/main/python/rnnlab_seq2seq.py) in float64
 * autograd to rtol 1e-9: loss, encoder states, s_0, decoder states, logits, attention scores, weights and
 * contexts, and the gradient of every weight. Fixtures come from src/main/python/make_seq2seq_fixtures.py.
 */
class Seq2SeqPyTorchTest {
    static final double RTOL = 1e-9;
    static final double ATOL = 1e-12;

    @ParameterizedTest
    @ValueSource(strings = {"classic_gru_lstm", "additive_lstm_gru_bi", "dot_gru_gru", "general_lstm_rnn_stacked",
            "dot_rnn_lstm_bi", "additive_gru_lstm_stacked_bi"})
    void equalsPyTorch(String name) throws Exception {
        JsonNode d;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/seq2seq/" + name + ".json")) {
            d = new ObjectMapper().readTree(in);
        }
        Seq2SeqConfig cfg = config(d.get("config"));
        Seq2SeqModel model = Seq2SeqModel.zeros(cfg);
        int loaded = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = d.get("state_dict").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            fill(model.param(e.getKey()), e.getValue());
            loaded++;
        }
        assertEquals(cfg.parameterShapes().size(), loaded, "every state_dict name is a parameter");
        int[] src = ints(d.get("source"));
        int[] decIn = ints(d.get("decoder_inputs"));
        int[] tgt = ints(d.get("targets"));
        Seq2SeqRun run = new Seq2SeqRun(model, src.length, tgt.length);
        run.load(src, decIn, tgt);
        double loss = run.forwardBackward();
        close(d.get("loss").asDouble(), loss, "loss");
        same(d.get("encoder_states"), run.encoderStates(), "encoder states");
        same(d.get("s0"), run.initialDecoderState(), "s0");
        same(d.get("decoder_states"), run.decoderStates(), "decoder states");
        same(d.get("logits"), run.logits(), "logits");
        if (cfg.attention() != AttentionKind.NONE) {
            same(d.get("scores"), run.scores(), "scores");
            same(d.get("weights"), run.attentionWeights(), "weights");
            same(d.get("contexts"), run.contexts(), "contexts");
        }
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = d.get("gradients").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            same(e.getValue(), run.gradients().get(e.getKey()), "d " + e.getKey());
            checked++;
        }
        assertEquals(loaded, checked);
        // the gradients are not trivially zero
        assertTrue(run.gradients().globalNorm() > 1e-3);
    }

    static Seq2SeqConfig config(JsonNode c) {
        return new Seq2SeqConfig(CellType.fromId(c.get("encoder_cell").asText()), c.get("source_vocab").asInt(),
                c.get("encoder_embedding").asInt(), c.get("encoder_hidden").asInt(), c.get("encoder_layers").asInt(),
                c.get("bidirectional").asBoolean(), CellType.fromId(c.get("decoder_cell").asText()),
                c.get("target_vocab").asInt(), c.get("decoder_embedding").asInt(), c.get("decoder_hidden").asInt(),
                AttentionKind.fromId(c.get("attention").asText()), c.get("attention_size").asInt());
    }

    static int[] ints(JsonNode a) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asInt();
        }
        return out;
    }

    static double[] flat(JsonNode a) {
        java.util.List<Double> l = new java.util.ArrayList<>();
        flatten(a, l);
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void flatten(JsonNode a, java.util.List<Double> out) {
        if (a.isArray()) {
            a.forEach(x -> flatten(x, out));
        } else {
            out.add(a.asDouble());
        }
    }

    static void fill(DMatrixRMaj m, JsonNode a) {
        double[] v = flat(a);
        assertEquals(m.getNumElements(), v.length);
        System.arraycopy(v, 0, m.data, 0, v.length);
    }

    static void same(JsonNode expected, DMatrixRMaj actual, String what) {
        double[] e = flat(expected);
        assertEquals(e.length, actual.getNumElements(), what + " size");
        for (int i = 0; i < e.length; i++) {
            close(e[i], actual.data[i], what + "[" + i + "]");
        }
    }

    static void same(JsonNode expected, double[] actual, String what) {
        double[] e = flat(expected);
        assertEquals(e.length, actual.length, what + " size");
        for (int i = 0; i < e.length; i++) {
            close(e[i], actual[i], what + "[" + i + "]");
        }
    }

    static void close(double e, double a, String what) {
        assertTrue(Math.abs(e - a) <= ATOL + RTOL * Math.abs(e), what + ": expected " + e + ", got " + a);
    }
}
