package rnnlab.ui.viewmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.LayerState;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;

/** Copies a run's state into an immutable {@link Frame}. Call it on the thread that owns the run. */
public final class FrameBuilder {
    private FrameBuilder() {
    }

    public static Frame build(Run run) {
        return build(run, null);
    }

    /** A frame with the gradient-flow analysis (pass the analysis of the same run, or null). */
    public static Frame build(Run run, Frame.Analysis analysis) {
        ModelConfig cfg = run.model().config();
        Sequence seq = run.sequence();
        int len = run.length();
        int h = cfg.hiddenSize();
        String[] gateNames = cfg.cell().gateNames();
        int blocks = cfg.cell().blocks();
        List<Frame.LayerFrame> layers = new ArrayList<>();
        for (int l = 0; l < cfg.numLayers(); l++) {
            for (int d = 0; d < cfg.directions(); d++) {
                LayerState s = run.layer(l, d);
                double[][][] gates = new double[gateNames.length][][];
                double[][][] deltas = new double[blocks][][];
                for (int b = 0; b < blocks; b++) {
                    double[][] gd = new double[len][h];
                    double[][] gv = new double[len][h];
                    for (int t = 0; t < len; t++) {
                        for (int u = 0; u < h; u++) {
                            gd[t][u] = s.gateDelta(t, b, u);
                            gv[t][u] = s.gate(t, b, u);
                        }
                    }
                    deltas[b] = gd;
                    if (b < gates.length) {
                        gates[b] = gv;
                    }
                }
                layers.add(new Frame.LayerFrame(l, d, rows(s.hiddenCopy()), cfg.cell().hasCellState() ? rows(s.cellMatrix()) : null,
                        gates, rows(s.gradHiddenCopy()), cfg.cell().hasCellState() ? rows(s.gradCellMatrix()) : null,
                        deltas, null, null));
            }
        }
        int fwdSteps = 0;
        for (int t = 0; t < len; t++) {
            if (run.outputDone(t)) {
                fwdSteps = t + 1;
            }
        }
        boolean backward = run.backwardPosition() > 0;
        int bwdSteps = backward ? backwardTimeSteps(run) : 0;
        int time = backward ? len - bwdSteps : fwdSteps - 1;
        double[] stepLoss = new double[len];
        boolean[] hasTarget = new boolean[len];
        int[] classTargets = seq.classTargets() == null ? null : new int[len];
        for (int t = 0; t < len; t++) {
            int k = seq.targetIndex(t);
            hasTarget[t] = k >= 0;
            stepLoss[t] = k >= 0 && run.outputDone(t) ? run.stepLoss(t) : 0;
            if (classTargets != null) {
                classTargets[t] = k >= 0 ? seq.classTargets()[k] : -1;
            }
        }
        String[] symbols = null;
        double[][] inputs;
        if (seq.hasTokens()) {
            symbols = new String[len];
            int n = cfg.tokenCount();
            inputs = new double[len][];
            for (int t = 0; t < len; t++) {
                int tok = seq.tokens()[t];
                symbols[t] = cfg.vocab() != null ? cfg.vocab().get(tok) : String.valueOf(tok);
                if (cfg.hasEmbedding()) {
                    inputs[t] = row(run.model().param(ModelConfig.EMBEDDING), tok);
                } else {
                    inputs[t] = new double[n];
                    inputs[t][tok] = 1.0;
                }
            }
        } else {
            inputs = rows(seq.inputs());
        }
        return new Frame(cfg.cell().id(), h, cfg.numLayers(), cfg.directions(), len, cfg.inputSize(),
                cfg.outputWidth(), cfg.hasHead() ? cfg.outputActivation().id() : "identity", gateNames, cfg.vocab(),
                symbols, seq.hasTokens() ? seq.tokens().clone() : null, inputs,
                backward ? Frame.Phase.BACKWARD : Frame.Phase.FORWARD, time, fwdSteps, bwdSteps,
                List.copyOf(layers), rows(run.outputs()), stepLoss, hasTarget, classTargets, run.loss(),
                matrices(cfg, run.model().params().asMap()), matrices(cfg, run.gradients().asMap()),
                run.position(), run.timelineLength(), analysis);
    }

    /** Time steps whose output BPTT has passed, for one direction (the loss side of the schedule). */
    private static int backwardTimeSteps(Run run) {
        int len = run.length();
        int done = run.backwardPosition();
        if (!run.model().config().bidirectional()) {
            return done;
        }
        // Bidirectional: the first T backward groups are the outputs; then each layer's T groups.
        return Math.min(len, done);
    }

    private static Map<String, double[][]> matrices(ModelConfig cfg, Map<String, DMatrixRMaj> m) {
        Map<String, double[][]> out = new LinkedHashMap<>();
        for (ModelConfig.ParamShape s : cfg.parameterShapes()) {
            DMatrixRMaj v = m.get(s.name());
            out.put(s.name(), rows(s.isVector() ? transposeVector(v) : v));
        }
        return out;
    }

    private static DMatrixRMaj transposeVector(DMatrixRMaj v) {
        DMatrixRMaj r = new DMatrixRMaj(1, v.numRows);
        System.arraycopy(v.data, 0, r.data, 0, v.numRows);
        return r;
    }

    static double[][] rows(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][];
        for (int r = 0; r < m.numRows; r++) {
            out[r] = row(m, r);
        }
        return out;
    }

    static double[] row(DMatrixRMaj m, int r) {
        double[] out = new double[m.numCols];
        System.arraycopy(m.data, r * m.numCols, out, 0, m.numCols);
        return out;
    }
}
