package rnnlab.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.LayerState;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;

/**
 * Copies a run's state into an immutable {@link Frame}. Call it on the thread that owns the run.
 *
 * <p>Given the previous frame, every row that has not changed (most of them: a step changes one
 * time step's values) is that frame's row object, not a copy: frames stay immutable, and playing a
 * large model allocates little, so garbage collection pauses no longer cost frames.
 */
public final class FrameBuilder {
    private FrameBuilder() {
    }

    public static Frame build(Run run) {
        return build(run, null, null);
    }

    /** A frame with the gradient-flow analysis (pass the analysis of the same run, or null). */
    public static Frame build(Run run, Frame.Analysis analysis) {
        return build(run, analysis, null);
    }

    /** The same, sharing unchanged rows with {@code previous} (the frame built before, or null). */
    public static Frame build(Run run, Frame.Analysis analysis, Frame previous) {
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
                Frame.LayerFrame p = previous != null && previous.layers().size() == cfg.numLayers() * cfg.directions()
                        ? previous.layers().get(l * cfg.directions() + d) : null;
                double[][][] gates = new double[gateNames.length][][];
                double[][][] deltas = new double[blocks][][];
                for (int b = 0; b < blocks; b++) {
                    deltas[b] = block(s.gateDeltaMatrix(), b * h, h, p == null || p.gateDeltas().length <= b ? null : p.gateDeltas()[b]);
                    if (b < gates.length) {
                        gates[b] = block(s.gatesMatrix(), b * h, h, p == null || p.gates().length <= b ? null : p.gates()[b]);
                    }
                }
                boolean lstm = cfg.cell().hasCellState();
                layers.add(new Frame.LayerFrame(l, d,
                        block(s.hiddenMatrix(), s.hiddenOffset(), h, p == null ? null : p.h()),
                        lstm ? block(s.cellMatrix(), 0, h, p == null ? null : p.c()) : null,
                        gates,
                        block(s.gradHiddenMatrix(), s.hiddenOffset(), h, p == null ? null : p.gradH()),
                        lstm ? block(s.gradCellMatrix(), 0, h, p == null ? null : p.gradC()) : null,
                        deltas, initialRow(seq.h0(), l * cfg.directions() + d, h),
                        lstm ? initialRow(seq.c0(), l * cfg.directions() + d, h) : null));
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
        org.ejml.data.DMatrixRMaj vt = seq.vectorTargets();
        double[][] vectorTargets = vt == null ? null : new double[len][];
        for (int t = 0; t < len; t++) {
            int k = seq.targetIndex(t);
            hasTarget[t] = k >= 0;
            stepLoss[t] = k >= 0 && run.outputDone(t) ? run.stepLoss(t) : 0;
            if (classTargets != null) {
                classTargets[t] = k >= 0 ? seq.classTargets()[k] : -1;
            }
            if (vectorTargets != null && k >= 0) {
                vectorTargets[t] = row(vt, k);
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
                List.copyOf(layers), block(run.outputs(), 0, run.outputs().numCols, previous == null ? null : previous.outputs()),
                stepLoss, hasTarget, classTargets, vectorTargets, run.loss(),
                matrices(cfg, run.model().params().asMap(), previous == null ? null : previous.weights()),
                matrices(cfg, run.gradients().asMap(), previous == null ? null : previous.grads()),
                run.position(), run.timelineLength(), analysis);
    }

    /**
     * Row {@code r} of an initial-state matrix (one row per layer-direction, as PyTorch's h0/c0), or
     * null when the sequence has none: the engine then starts from zeros, and so do the views.
     */
    static double[] initialRow(DMatrixRMaj m, int r, int n) {
        if (m == null) {
            return null;
        }
        double[] out = new double[n];
        System.arraycopy(m.data, r * m.numCols, out, 0, n);
        return out;
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

    private static Map<String, double[][]> matrices(ModelConfig cfg, Map<String, DMatrixRMaj> m,
                                                    Map<String, double[][]> prev) {
        Map<String, double[][]> out = new LinkedHashMap<>();
        for (ModelConfig.ParamShape s : cfg.parameterShapes()) {
            DMatrixRMaj v = m.get(s.name());
            double[][] p = prev == null ? null : prev.get(s.name());
            // a bias (n × 1) is shown as one row of n numbers: the same data read as a 1 × n matrix
            DMatrixRMaj asRows = s.isVector() ? DMatrixRMaj.wrap(1, v.numRows, v.data) : v;
            out.put(s.name(), block(asRows, 0, asRows.numCols, p));
        }
        return out;
    }

    /**
     * Rows of columns [c0, c0 + n) of {@code m}; a row equal (bit for bit) to the same row of
     * {@code prev} is {@code prev}'s array, shared rather than copied.
     */
    static double[][] block(DMatrixRMaj m, int c0, int n, double[][] prev) {
        double[][] out = new double[m.numRows][];
        for (int r = 0; r < m.numRows; r++) {
            int o = r * m.numCols + c0;
            double[] p = prev != null && r < prev.length ? prev[r] : null;
            if (p != null && p.length == n && java.util.Arrays.equals(p, 0, n, m.data, o, o + n)) {
                out[r] = p;
            } else {
                out[r] = java.util.Arrays.copyOfRange(m.data, o, o + n);
            }
        }
        return out;
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
