package rnnlab.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Parameters;
import org.ejml.data.DMatrixRMaj;

/** Reads and writes model files ({@code *.model.json}, format {@code rnnlab-model} version 1). */
public final class ModelIO {
    public static final String FORMAT = "rnnlab-model";
    static final Set<String> KEYS = Set.of("format", "version", "cell", "input_size", "hidden_size", "num_layers",
            "bidirectional", "residual", "layer_norm", "embedding", "output", "vocab", "state_dict");

    private ModelIO() {
    }

    public static Model read(Path file) throws InputException {
        return fromJson(JsonNav.open(file));
    }

    /** Reads a model from an already parsed node (e.g. inside a scenario file). */
    public static Model fromJson(String file, com.fasterxml.jackson.databind.JsonNode node) throws InputException {
        return fromJson(JsonNav.of(file, node));
    }

    static Model fromJson(JsonNav root) throws InputException {
        Formats.checkHeader(root, FORMAT);
        root.onlyKeys(KEYS);
        JsonNav cellNode = root.get("cell");
        CellType cell = CellType.fromId(cellNode.string());
        if (cell == null) {
            throw cellNode.error("unknown cell \"" + cellNode.string() + "\"; expected rnn_tanh, rnn_relu, lstm or gru");
        }
        int input = root.get("input_size").integer(1, Limits.MAX_INPUT);
        int hidden = root.get("hidden_size").integer(1, Limits.MAX_HIDDEN);
        int layers = root.opt("num_layers").isNull() ? 1 : root.get("num_layers").integer(1, Limits.MAX_LAYERS);
        boolean bidi = !root.opt("bidirectional").isNull() && root.get("bidirectional").bool();
        // residual connections and layer normalisation (absent in files from before them: off)
        boolean residual = !root.opt("residual").isNull() && root.get("residual").bool();
        boolean layerNorm = !root.opt("layer_norm").isNull() && root.get("layer_norm").bool();
        if (residual && layers < 2) {
            throw root.get("residual").error("residual connections join stacked layers: expected num_layers of at "
                    + "least 2 with \"residual\": true, found " + layers);
        }

        int embVocab = 0;
        JsonNav emb = root.opt("embedding");
        if (!emb.isNull()) {
            emb.onlyKeys(Set.of("num_embeddings"));
            embVocab = emb.get("num_embeddings").integer(1, Limits.MAX_VOCAB);
        }
        int outSize = 0;
        Activation act = null;
        JsonNav out = root.opt("output");
        if (!out.isNull()) {
            out.onlyKeys(Set.of("size", "activation"));
            outSize = out.get("size").integer(1, Limits.MAX_OUTPUT);
            JsonNav a = out.get("activation");
            act = Activation.fromId(a.string());
            if (act == null) {
                throw a.error("unknown activation \"" + a.string() + "\"; expected softmax, sigmoid or identity");
            }
        }
        List<String> vocab = null;
        JsonNav v = root.opt("vocab");
        if (!v.isNull()) {
            int n = v.array(-1, Limits.MAX_VOCAB, "symbols");
            vocab = new ArrayList<>(n);
            java.util.Map<String, Integer> seen = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                JsonNav sym = v.at(i);
                String text = sym.string();
                Integer first = seen.putIfAbsent(text, i);
                if (first != null) {
                    throw sym.error("the symbol \"" + text + "\" is already vocab[" + first
                            + "]; expected each symbol once (a token could not tell which one it means)");
                }
                vocab.add(text);
            }
            int expected = embVocab > 0 ? embVocab : input;
            if (n != expected) {
                throw v.error("expected " + expected + " symbols (" + (embVocab > 0 ? "embedding.num_embeddings" : "input_size")
                        + "), found " + n);
            }
        }
        ModelConfig cfg = new ModelConfig(cell, input, hidden, layers, bidi, embVocab, outSize, act, vocab,
                residual, layerNorm);
        JsonNav sd = root.get("state_dict");
        checkShapes(sd, cfg);
        MemoryBudget.require(root, MemoryBudget.weights(cfg), "holding this model's " + cfg.parameterCount() + " weights");
        Model model = Model.zeros(cfg);
        readStateDict(sd, cfg, model.params());
        return model;
    }

    /**
     * Every weight the declared sizes call for is present with the declared shape, checked before
     * anything is allocated: a small file that declares huge sizes is refused at once, by name.
     */
    private static void checkShapes(JsonNav sd, ModelConfig cfg) throws InputException {
        sd.requireObject();
        List<String> keys = new ArrayList<>();
        sd.node.fieldNames().forEachRemaining(keys::add);
        String problem = StateDictKeys.diagnose(keys);
        if (problem != null) {
            throw sd.error(problem);
        }
        List<ModelConfig.ParamShape> shapes = cfg.parameterShapes();
        Set<String> names = new java.util.LinkedHashSet<>();
        shapes.forEach(s -> names.add(s.name()));
        sd.onlyKeys(names);
        // bias=False: the module's biases are absent and read as zeros
        Set<String> zeroBiases = Set.copyOf(StateDictKeys.absentBiases(keys, names));
        for (ModelConfig.ParamShape s : shapes) {
            if (zeroBiases.contains(s.name())) {
                continue;
            }
            checkShape(sd.get(s.name()), s);
        }
    }

    private static void readStateDict(JsonNav sd, ModelConfig cfg, Parameters params) throws InputException {
        List<String> keys = new ArrayList<>();
        sd.node.fieldNames().forEachRemaining(keys::add);
        Set<String> zeroBiases = Set.copyOf(StateDictKeys.absentBiases(keys, params.names()));
        for (ModelConfig.ParamShape s : cfg.parameterShapes()) {
            if (zeroBiases.contains(s.name())) {
                continue;
            }
            JsonNav n = sd.get(s.name());
            DMatrixRMaj m = params.get(s.name());
            if (s.isVector()) {
                n.vector(s.rows(), m.data, 0);
            } else {
                m.setTo(n.matrix(s.rows(), s.cols()));
            }
        }
    }

    /** Writes atomically (a temporary file, then a rename); numbers round-trip bit for bit. */
    public static void write(Model model, Path file) throws IOException {
        Formats.writeAtomically(toJson(model), file);
    }

    public static ObjectNode toJson(Model model) {
        ModelConfig c = model.config();
        ObjectNode root = JsonNav.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.put("cell", c.cell().id());
        root.put("input_size", c.inputSize());
        root.put("hidden_size", c.hiddenSize());
        root.put("num_layers", c.numLayers());
        root.put("bidirectional", c.bidirectional());
        if (c.residual()) {
            root.put("residual", true);
        }
        if (c.layerNorm()) {
            root.put("layer_norm", true);
        }
        if (c.hasEmbedding()) {
            root.putObject("embedding").put("num_embeddings", c.embeddingVocab());
        } else {
            root.putNull("embedding");
        }
        if (c.hasHead()) {
            ObjectNode o = root.putObject("output");
            o.put("size", c.outputSize());
            o.put("activation", c.outputActivation().id());
        } else {
            root.putNull("output");
        }
        if (c.vocab() != null) {
            ArrayNode v = root.putArray("vocab");
            c.vocab().forEach(v::add);
        } else {
            root.putNull("vocab");
        }
        ObjectNode sd = root.putObject("state_dict");
        for (ModelConfig.ParamShape s : c.parameterShapes()) {
            DMatrixRMaj m = model.param(s.name());
            sd.set(s.name(), s.isVector() ? Formats.vector(m.data, 0, s.rows()) : Formats.matrix(m));
        }
        return root;
    }

    /** Checks that one parameter in a file has the shape the config says: a vector of rows, or rows × cols. */
    static void checkShape(JsonNav n, ModelConfig.ParamShape s) throws InputException {
        if (s.isVector()) {
            n.array(s.rows(), s.rows(), "numbers");
        } else {
            n.array(s.rows(), s.rows(), "rows of " + s.cols() + " numbers");
            for (int r = 0; r < s.rows(); r++) {
                n.at(r).array(s.cols(), s.cols(), "numbers");
            }
        }
    }
}
