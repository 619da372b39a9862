package rnnlab.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.Activation;
import rnnlab.engine.LossType;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;

/** Reads and writes sequence files ({@code *.seq.json}), checked against the model they feed. */
public final class SequenceIO {
    public static final String FORMAT = "rnnlab-sequence";
    static final Set<String> KEYS = Set.of("format", "version", "inputs", "tokens", "targets", "target_steps", "loss",
            "h0", "c0");

    private SequenceIO() {
    }

    public static Sequence read(Path file, ModelConfig model) throws InputException {
        return fromJson(JsonNav.open(file), model);
    }

    public static Sequence fromJson(String file, com.fasterxml.jackson.databind.JsonNode node, ModelConfig model)
            throws InputException {
        return fromJson(JsonNav.of(file, node), model);
    }

    static Sequence fromJson(JsonNav root, ModelConfig cfg) throws InputException {
        Formats.checkHeader(root, FORMAT);
        root.onlyKeys(KEYS);
        JsonNav in = root.opt("inputs");
        JsonNav tk = root.opt("tokens");
        if (in.isNull() == tk.isNull()) {
            throw root.error(in.isNull() ? "expected \"inputs\" or \"tokens\", found neither"
                    : "expected only one of \"inputs\" and \"tokens\", found both");
        }
        DMatrixRMaj inputs = null;
        int[] tokens = null;
        int length;
        if (!in.isNull()) {
            if (cfg.hasEmbedding()) {
                throw in.error("this model has an embedding: expected \"tokens\" (indices), not input vectors");
            }
            length = in.array(-1, Limits.MAX_STEPS, "time steps");
            requireMemory(in, cfg, length);
            inputs = new DMatrixRMaj(length, cfg.inputSize());
            for (int t = 0; t < length; t++) {
                in.at(t).vector(cfg.inputSize(), inputs.data, t * cfg.inputSize());
            }
        } else {
            length = tk.array(-1, Limits.MAX_STEPS, "tokens");
            requireMemory(tk, cfg, length);
            tokens = new int[length];
            int max = cfg.tokenCount() - 1;
            for (int t = 0; t < length; t++) {
                JsonNav e = tk.at(t);
                if (!e.node.isIntegralNumber() || e.node.asLong() < 0 || e.node.asLong() > max) {
                    throw e.error("expected a token index from 0 to " + max + " (the model's "
                            + (cfg.hasEmbedding() ? "embedding" : "vocabulary") + " has " + (max + 1) + " entries), found "
                            + e.kind().replace("the number ", ""));
                }
                tokens[t] = e.node.asInt();
            }
        }

        JsonNav tsNode = root.opt("target_steps");
        JsonNav lossNode = root.opt("loss");
        JsonNav tgNode = root.opt("targets");
        int set = (tsNode.isNull() ? 0 : 1) + (lossNode.isNull() ? 0 : 1) + (tgNode.isNull() ? 0 : 1);
        if (set != 0 && set != 3) {
            throw root.error("\"targets\", \"target_steps\" and \"loss\" go together: give all three or none");
        }
        TargetSteps steps = null;
        LossType loss = null;
        int[] classes = null;
        DMatrixRMaj vectors = null;
        if (set == 3) {
            steps = TargetSteps.fromId(tsNode.string());
            if (steps == null) {
                throw tsNode.error("expected \"all\" or \"last\", found \"" + tsNode.string() + "\"");
            }
            loss = LossType.fromId(lossNode.string());
            if (loss == null) {
                throw lossNode.error("unknown loss \"" + lossNode.string() + "\"; expected cross_entropy, mse or bce");
            }
            if (loss == LossType.CROSS_ENTROPY && (!cfg.hasHead() || cfg.outputActivation() != Activation.SOFTMAX)) {
                throw lossNode.error("cross_entropy needs a softmax output, but the model's output is "
                        + (cfg.hasHead() ? cfg.outputActivation().id() : "the hidden state (no head)"));
            }
            int n = steps == TargetSteps.ALL ? length : 1;
            tgNode.array(n, n, steps == TargetSteps.ALL ? "targets (one per time step)" : "target (target_steps is \"last\")");
            int width = cfg.outputWidth();
            if (loss == LossType.CROSS_ENTROPY) {
                classes = new int[n];
                for (int k = 0; k < n; k++) {
                    JsonNav e = tgNode.at(k);
                    if (!e.node.isIntegralNumber() || e.node.asLong() < 0 || e.node.asLong() >= width) {
                        throw e.error("expected a class index from 0 to " + (width - 1) + " (the model has " + width
                                + " outputs), found " + e.kind().replace("the number ", ""));
                    }
                    classes[k] = e.node.asInt();
                }
            } else {
                vectors = new DMatrixRMaj(n, width);
                for (int k = 0; k < n; k++) {
                    tgNode.at(k).vector(width, vectors.data, k * width);
                }
            }
        }
        int rows = cfg.numLayers() * cfg.directions();
        DMatrixRMaj h0 = state(root.opt("h0"), rows, cfg.hiddenSize());
        JsonNav c0Node = root.opt("c0");
        if (!c0Node.isNull() && !cfg.cell().hasCellState()) {
            throw c0Node.error("a " + cfg.cell().id() + " model has no cell state: expected null");
        }
        DMatrixRMaj c0 = state(c0Node, rows, cfg.hiddenSize());
        return Sequence.of(inputs, tokens, classes, vectors, steps, loss, h0, c0);
    }

    /** Refuses, before anything is allocated, a sequence too long for this model to run in the heap. */
    private static void requireMemory(JsonNav at, ModelConfig cfg, int length) throws InputException {
        MemoryBudget.require(at, MemoryBudget.forwardBackward(cfg, length),
                "running this model forward and through BPTT over " + length + " steps");
    }

    private static DMatrixRMaj state(JsonNav n, int rows, int h) throws InputException {
        return n.isNull() ? null : n.matrix(rows, h);
    }

    public static void write(Sequence s, Path file) throws IOException {
        Formats.writeAtomically(toJson(s), file);
    }

    public static ObjectNode toJson(Sequence s) {
        ObjectNode root = JsonNav.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        if (s.hasTokens()) {
            root.putNull("inputs");
            ArrayNode a = root.putArray("tokens");
            for (int t : s.tokens()) {
                a.add(t);
            }
        } else {
            root.set("inputs", Formats.matrix(s.inputs()));
            root.putNull("tokens");
        }
        if (s.hasLoss()) {
            if (s.classTargets() != null) {
                ArrayNode a = root.putArray("targets");
                for (int c : s.classTargets()) {
                    a.add(c);
                }
            } else {
                root.set("targets", Formats.matrix(s.vectorTargets()));
            }
            root.put("target_steps", s.targetSteps().id());
            root.put("loss", s.loss().id());
        } else {
            root.putNull("targets");
            root.putNull("target_steps");
            root.putNull("loss");
        }
        if (s.h0() != null) {
            root.set("h0", Formats.matrix(s.h0()));
        } else {
            root.putNull("h0");
        }
        if (s.c0() != null) {
            root.set("c0", Formats.matrix(s.c0()));
        } else {
            root.putNull("c0");
        }
        return root;
    }
}
