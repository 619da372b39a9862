package rnnlab.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.CellType;
import rnnlab.engine.LayerState;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;

/** Writes the trace of a forward pass and BPTT ({@code *.trace.json}) from a {@link Run}. */
public final class TraceIO {
    public static final String FORMAT = "rnnlab-trace";

    private TraceIO() {
    }

    /** Runs whatever is left of the forward pass (and BPTT when the sequence has a loss), then writes. */
    public static void write(Run run, Path file) throws IOException {
        Formats.writeAtomically(toJson(run), file);
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
