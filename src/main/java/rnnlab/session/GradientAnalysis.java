package rnnlab.session;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.Dynamics;
import rnnlab.engine.GradientFlow;
import rnnlab.engine.LayerState;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;

/**
 * Computes {@link Frame.Analysis} for a model and sequence, on the engine thread, and remembers the
 * last answer: it is recomputed only when the sequence or a weight changes, not at every cursor step.
 */
public final class GradientAnalysis {
    /** Jacobian products are multiplied out only for states up to this many numbers. */
    static final int MAX_STATE = 64;

    private Sequence lastSeq;
    private Model lastModel;
    private long lastWeights;
    private Frame.Analysis last;

    /** The analysis of {@code run}'s model and sequence (cached). */
    public Frame.Analysis of(Run run) {
        Model model = run.model();
        Sequence seq = run.sequence();
        long stamp = weightsStamp(model);
        if (last != null && seq == lastSeq && model == lastModel && stamp == lastWeights) {
            return last;
        }
        last = compute(model, seq);
        lastSeq = seq;
        lastModel = model;
        lastWeights = stamp;
        return last;
    }

    /**
     * From now on {@code a} is the analysis of {@code run}'s model as its weights are now, and its
     * sequence: an analysis computed elsewhere (on another thread, from a copy of these weights) is
     * reused instead of being computed again here.
     */
    void remember(Run run, Frame.Analysis a) {
        last = a;
        lastSeq = run.sequence();
        lastModel = run.model();
        lastWeights = weightsStamp(run.model());
    }

    static Frame.Analysis compute(Model model, Sequence seq) {
        ModelConfig cfg = model.config();
        int len = seq.length();
        Sequence lastOnly = lastStepOnly(seq);
        Run run = new Run(model, len);
        run.load(lastOnly != null ? lastOnly : seq);
        if (lastOnly != null) {
            run.forwardBackward();
        } else {
            run.forward();
        }
        List<double[]> lastNorms = new ArrayList<>();
        List<double[]> products = new ArrayList<>();
        List<Frame.Spectrum> spectra = new ArrayList<>();
        List<Frame.Flow> flows = new ArrayList<>();
        boolean small = Dynamics.stateSize(cfg) <= MAX_STATE;
        for (int l = 0; l < cfg.numLayers(); l++) {
            for (int d = 0; d < cfg.directions(); d++) {
                LayerState s = run.layer(l, d);
                if (lastOnly != null) {
                    double[] n = new double[len];
                    for (int t = 0; t < len; t++) {
                        double sum = 0;
                        for (int u = 0; u < cfg.hiddenSize(); u++) {
                            double g = s.gradHidden(t, u);
                            sum += g * g;
                        }
                        n[t] = Math.sqrt(sum);
                    }
                    lastNorms.add(n);
                } else {
                    lastNorms.add(null);
                }
                products.add(small ? Dynamics.productNorms(run, l, d) : null);
                GradientFlow.Reading r = GradientFlow.read(run, l, d);
                flows.add(new Frame.Flow(cfg.cell().name().toLowerCase(java.util.Locale.ROOT), r.rho(), r.sigmaMax(), r.meanSlope(),
                        r.maxSlope(), r.carryProduct(), r.stepsBack(), cfg.layerNorm()));
                String[] names = cfg.cell().gateNames();
                int blocks = cfg.cell().blocks();
                for (int b = 0; b < blocks; b++) {
                    DMatrixRMaj block = Dynamics.recurrentBlock(model, l, d, b);
                    Complex_F64[] ev = Dynamics.eigenvalues(block);
                    double[] re = new double[ev.length];
                    double[] im = new double[ev.length];
                    double radius = 0;
                    for (int k = 0; k < ev.length; k++) {
                        re[k] = ev[k].real;
                        im[k] = ev[k].imaginary;
                        radius = Math.max(radius, ev[k].getMagnitude());
                    }
                    spectra.add(new Frame.Spectrum(l, d, names.length == 0 ? "hh" : names[b], re, im, radius));
                }
            }
        }
        return new Frame.Analysis(wrapNulls(lastNorms), wrapNulls(products), List.copyOf(spectra), List.copyOf(flows));
    }

    private static List<double[]> wrapNulls(List<double[]> l) {
        return java.util.Collections.unmodifiableList(new ArrayList<>(l));
    }

    /** The same inputs with only the last step's target (null when the sequence has no loss). */
    static Sequence lastStepOnly(Sequence seq) {
        if (!seq.hasLoss()) {
            return null;
        }
        int len = seq.length();
        int k = seq.targetSteps() == TargetSteps.ALL ? len - 1 : 0;
        int[] classes = null;
        DMatrixRMaj vectors = null;
        if (seq.classTargets() != null) {
            classes = new int[] {seq.classTargets()[k]};
        } else {
            DMatrixRMaj v = seq.vectorTargets();
            vectors = new DMatrixRMaj(1, v.numCols);
            System.arraycopy(v.data, k * v.numCols, vectors.data, 0, v.numCols);
        }
        return Sequence.of(seq.inputs(), seq.tokens(), classes, vectors, TargetSteps.LAST, seq.loss(), seq.h0(), seq.c0());
    }

    private static long weightsStamp(Model model) {
        long h = 1125899906842597L;
        for (DMatrixRMaj m : model.params().asMap().values()) {
            for (int i = 0, n = m.getNumElements(); i < n; i++) {
                h = 31 * h + Double.doubleToLongBits(m.data[i]);
            }
        }
        return h;
    }
}
