package rnnlab.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.AttentionKind;
import rnnlab.engine.CellType;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Seq2SeqConfig;
import rnnlab.engine.Seq2SeqModel;

/**
 * Reads and writes encoder–decoder files ({@code *.s2s.json}, format {@code rnnlab-seq2seq} version 1),
 * with the state_dict names of the reference module {@code src/main/python/rnnlab_seq2seq.py}. Same
 * strict rules as {@link ModelIO}: unknown keys, wrong shapes, non-finite numbers and sizes beyond the
 * limits are refused with one message naming the file and the place, before anything large is allocated.
 */
public final class Seq2SeqIO {
    public static final String FORMAT = "rnnlab-seq2seq";
    static final Set<String> KEYS = Set.of("format", "version", "encoder", "decoder", "attention",
            "source_vocab", "target_vocab", "state_dict");

    /** A model with its optional symbol lists (index i is token i). */
    public record Loaded(Seq2SeqModel model, List<String> sourceVocab, List<String> targetVocab) {
    }

    private Seq2SeqIO() {
    }

    public static Loaded read(Path file) throws InputException {
        return fromJson(JsonNav.open(file));
    }

    static Loaded fromJson(JsonNav root) throws InputException {
        Formats.checkHeader(root, FORMAT);
        root.onlyKeys(KEYS);
        JsonNav enc = root.get("encoder");
        enc.onlyKeys(Set.of("cell", "vocab_size", "embedding_size", "hidden_size", "num_layers", "bidirectional"));
        JsonNav dec = root.get("decoder");
        dec.onlyKeys(Set.of("cell", "vocab_size", "embedding_size", "hidden_size"));
        JsonNav att = root.get("attention");
        att.onlyKeys(Set.of("kind", "size"));
        CellType ec = cell(enc.get("cell"));
        CellType dc = cell(dec.get("cell"));
        JsonNav kindNode = att.get("kind");
        AttentionKind kind = AttentionKind.fromId(kindNode.string());
        if (kind == null) {
            throw kindNode.error("unknown attention \"" + kindNode.string() + "\"; expected none, additive, dot or general");
        }
        int attSize = kind == AttentionKind.ADDITIVE ? att.get("size").integer(1, Limits.MAX_HIDDEN) : 0;
        Seq2SeqConfig cfg;
        try {
            cfg = new Seq2SeqConfig(ec, enc.get("vocab_size").integer(1, Limits.MAX_VOCAB),
                    enc.get("embedding_size").integer(1, Limits.MAX_INPUT), enc.get("hidden_size").integer(1, Limits.MAX_HIDDEN),
                    enc.get("num_layers").integer(1, Limits.MAX_LAYERS), enc.get("bidirectional").bool(), dc,
                    dec.get("vocab_size").integer(1, Limits.MAX_VOCAB), dec.get("embedding_size").integer(1, Limits.MAX_INPUT),
                    dec.get("hidden_size").integer(1, Limits.MAX_HIDDEN), kind, attSize);
        } catch (IllegalArgumentException e) {
            throw att.error(e.getMessage());
        }
        List<String> srcVocab = vocab(root.opt("source_vocab"), cfg.sourceVocab(), "encoder.vocab_size");
        List<String> tgtVocab = vocab(root.opt("target_vocab"), cfg.targetVocab(), "decoder.vocab_size");
        JsonNav sd = root.get("state_dict");
        sd.requireObject();
        Set<String> names = new LinkedHashSet<>();
        cfg.parameterShapes().forEach(s -> names.add(s.name()));
        sd.onlyKeys(names);
        long count = 0;
        for (ModelConfig.ParamShape s : cfg.parameterShapes()) {
            JsonNav n = sd.get(s.name());
            ModelIO.checkShape(n, s);
            count += s.size();
        }
        MemoryBudget.require(root, count * 8L * 4, "holding this model's " + count + " weights");
        Seq2SeqModel model = Seq2SeqModel.zeros(cfg);
        for (ModelConfig.ParamShape s : cfg.parameterShapes()) {
            JsonNav n = sd.get(s.name());
            DMatrixRMaj m = model.param(s.name());
            if (s.isVector()) {
                n.vector(s.rows(), m.data, 0);
            } else {
                m.setTo(n.matrix(s.rows(), s.cols()));
            }
        }
        return new Loaded(model, srcVocab, tgtVocab);
    }

    private static CellType cell(JsonNav n) throws InputException {
        CellType c = CellType.fromId(n.string());
        if (c == null) {
            throw n.error("unknown cell \"" + n.string() + "\"; expected rnn_tanh, rnn_relu, lstm or gru");
        }
        return c;
    }

    private static List<String> vocab(JsonNav v, int expected, String sizeKey) throws InputException {
        if (v.isNull()) {
            return null;
        }
        int n = v.array(-1, Limits.MAX_VOCAB, "symbols");
        if (n != expected) {
            throw v.error("expected " + expected + " symbols (" + sizeKey + "), found " + n);
        }
        List<String> out = new ArrayList<>(n);
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            String s = v.at(i).string();
            if (!seen.add(s)) {
                throw v.at(i).error("the symbol \"" + s + "\" appears twice; expected each symbol once");
            }
            out.add(s);
        }
        return out;
    }

    /** Writes atomically; numbers round-trip bit for bit. */
    public static void write(Seq2SeqModel model, List<String> sourceVocab, List<String> targetVocab, Path file)
            throws IOException {
        Formats.writeAtomically(toJson(model, sourceVocab, targetVocab), file);
    }

    public static ObjectNode toJson(Seq2SeqModel model, List<String> sourceVocab, List<String> targetVocab) {
        Seq2SeqConfig c = model.config();
        ObjectNode root = JsonNav.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        ObjectNode e = root.putObject("encoder");
        e.put("cell", c.encoderCell().id());
        e.put("vocab_size", c.sourceVocab());
        e.put("embedding_size", c.encoderEmbedding());
        e.put("hidden_size", c.encoderHidden());
        e.put("num_layers", c.encoderLayers());
        e.put("bidirectional", c.bidirectional());
        ObjectNode d = root.putObject("decoder");
        d.put("cell", c.decoderCell().id());
        d.put("vocab_size", c.targetVocab());
        d.put("embedding_size", c.decoderEmbedding());
        d.put("hidden_size", c.decoderHidden());
        ObjectNode a = root.putObject("attention");
        a.put("kind", c.attention().id());
        if (c.attention() == AttentionKind.ADDITIVE) {
            a.put("size", c.attentionSize());
        }
        putVocab(root, "source_vocab", sourceVocab);
        putVocab(root, "target_vocab", targetVocab);
        ObjectNode sd = root.putObject("state_dict");
        for (ModelConfig.ParamShape s : c.parameterShapes()) {
            DMatrixRMaj m = model.param(s.name());
            sd.set(s.name(), s.isVector() ? Formats.vector(m.data, 0, s.rows()) : Formats.matrix(m));
        }
        return root;
    }

    private static void putVocab(ObjectNode root, String key, List<String> vocab) {
        if (vocab == null) {
            return;
        }
        ArrayNode a = root.putArray(key);
        vocab.forEach(a::add);
    }
}
