package rnnlab.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.SimpleMatrix;

/**
 * A deliberately plain forward pass and BPTT with SimpleMatrix: whole sequences, one layer and
 * direction at a time, textbook formulas, no workspaces and no cursors. It exists only to
 * cross-check the fast engine.
 */
final class ReferenceNetwork {
    record Result(double loss, double[] stepLoss, List<SimpleMatrix> outputs, Map<String, List<SimpleMatrix>> hidden,
                  Map<String, List<SimpleMatrix>> gradHidden, Map<String, SimpleMatrix> grads) {
    }

    private final Model model;
    private final ModelConfig cfg;
    private final Map<String, SimpleMatrix> grads = new HashMap<>();

    private ReferenceNetwork(Model model) {
        this.model = model;
        this.cfg = model.config();
        for (String n : model.params().names()) {
            DMatrixRMaj w = model.param(n);
            grads.put(n, new SimpleMatrix(w.numRows, w.numCols));
        }
    }

    static Result run(Model model, Sequence seq) {
        return new ReferenceNetwork(model).compute(seq);
    }

    private SimpleMatrix p(String name) {
        return SimpleMatrix.wrap(model.param(name));
    }

    private static String key(int l, int d) {
        return l + "/" + d;
    }

    /** Per-step values of one layer-direction, kept for its backward pass. */
    private static final class Cache {
        final List<SimpleMatrix> x = new ArrayList<>();
        final List<SimpleMatrix> hPrev = new ArrayList<>();
        final List<SimpleMatrix> cPrev = new ArrayList<>();
        final List<SimpleMatrix[]> gates = new ArrayList<>();
        final List<SimpleMatrix> h = new ArrayList<>();
        final List<SimpleMatrix> c = new ArrayList<>();
        final List<SimpleMatrix> hn = new ArrayList<>();
    }

    private Result compute(Sequence seq) {
        int len = seq.length();
        int hs = cfg.hiddenSize();
        int dirs = cfg.directions();
        List<SimpleMatrix> input = new ArrayList<>();
        for (int t = 0; t < len; t++) {
            if (seq.hasTokens()) {
                int tok = seq.tokens()[t];
                if (cfg.hasEmbedding()) {
                    input.add(p(ModelConfig.EMBEDDING).extractVector(true, tok).transpose());
                } else {
                    SimpleMatrix x = new SimpleMatrix(cfg.inputSize(), 1);
                    x.set(tok, 0, 1.0);
                    input.add(x);
                }
            } else {
                input.add(SimpleMatrix.wrap(seq.inputs()).extractVector(true, t).transpose());
            }
        }
        Map<String, Cache> caches = new HashMap<>();
        Map<String, List<SimpleMatrix>> hidden = new HashMap<>();
        List<List<SimpleMatrix>> layerInputs = new ArrayList<>();
        for (int l = 0; l < cfg.numLayers(); l++) {
            layerInputs.add(input);
            List<SimpleMatrix> next = new ArrayList<>();
            for (int t = 0; t < len; t++) {
                next.add(new SimpleMatrix(hs * dirs, 1));
            }
            for (int d = 0; d < dirs; d++) {
                Cache cache = forwardLayer(l, d, input, seq);
                caches.put(key(l, d), cache);
                hidden.put(key(l, d), cache.h);
                for (int t = 0; t < len; t++) {
                    next.get(t).insertIntoThis(d * hs, 0, cache.h.get(t));
                }
            }
            input = next;
        }
        // Output head and loss.
        List<SimpleMatrix> outputs = new ArrayList<>();
        List<SimpleMatrix> dTop = new ArrayList<>();
        double[] stepLoss = new double[len];
        double loss = 0;
        for (int t = 0; t < len; t++) {
            SimpleMatrix top = input.get(t);
            SimpleMatrix z = cfg.hasHead() ? p(ModelConfig.FC_WEIGHT).mult(top).plus(p(ModelConfig.FC_BIAS)) : top;
            Activation act = cfg.hasHead() ? cfg.outputActivation() : Activation.IDENTITY;
            SimpleMatrix y = activate(act, z);
            outputs.add(y);
            int k = seq.targetIndex(t);
            SimpleMatrix dz = new SimpleMatrix(z.getNumRows(), 1);
            if (k >= 0) {
                stepLoss[t] = stepLoss(seq, k, z, y);
                loss += stepLoss[t];
                dz = outputGradient(seq, k, act, y);
            }
            if (cfg.hasHead()) {
                addInto(grads.get(ModelConfig.FC_WEIGHT), dz.mult(top.transpose()));
                addInto(grads.get(ModelConfig.FC_BIAS), dz);
                dTop.add(p(ModelConfig.FC_WEIGHT).transpose().mult(dz));
            } else {
                dTop.add(dz);
            }
        }
        // BPTT, top layer first.
        Map<String, List<SimpleMatrix>> gradHidden = new HashMap<>();
        List<SimpleMatrix> dAbove = dTop;
        for (int l = cfg.numLayers() - 1; l >= 0; l--) {
            List<SimpleMatrix> dBelow = new ArrayList<>();
            for (int t = 0; t < len; t++) {
                dBelow.add(new SimpleMatrix(cfg.layerInputSize(l), 1));
            }
            for (int d = 0; d < dirs; d++) {
                List<SimpleMatrix> dh = new ArrayList<>();
                for (int t = 0; t < len; t++) {
                    dh.add(dAbove.get(t).extractMatrix(d * hs, (d + 1) * hs, 0, 1));
                }
                gradHidden.put(key(l, d), backwardLayer(l, d, caches.get(key(l, d)), dh, dBelow, seq));
            }
            if (l == 0 && cfg.hasEmbedding()) {
                for (int t = 0; t < len; t++) {
                    SimpleMatrix g = grads.get(ModelConfig.EMBEDDING);
                    int tok = seq.tokens()[t];
                    for (int j = 0; j < cfg.inputSize(); j++) {
                        g.set(tok, j, g.get(tok, j) + dBelow.get(t).get(j));
                    }
                }
            }
            dAbove = dBelow;
        }
        return new Result(loss, stepLoss, outputs, hidden, gradHidden, grads);
    }

    private Cache forwardLayer(int l, int d, List<SimpleMatrix> xs, Sequence seq) {
        int len = xs.size();
        int hs = cfg.hiddenSize();
        SimpleMatrix wih = p(ModelConfig.weightIh(l, d));
        SimpleMatrix whh = p(ModelConfig.weightHh(l, d));
        SimpleMatrix bih = p(ModelConfig.biasIh(l, d));
        SimpleMatrix bhh = p(ModelConfig.biasHh(l, d));
        int row = l * cfg.directions() + d;
        SimpleMatrix h = seq.h0() == null ? new SimpleMatrix(hs, 1) : SimpleMatrix.wrap(seq.h0()).extractVector(true, row).transpose();
        SimpleMatrix c = seq.c0() == null ? new SimpleMatrix(hs, 1) : SimpleMatrix.wrap(seq.c0()).extractVector(true, row).transpose();
        Cache cache = new Cache();
        for (int t = 0; t < len; t++) {
            cache.h.add(null);
            cache.c.add(null);
            cache.x.add(null);
            cache.hPrev.add(null);
            cache.cPrev.add(null);
            cache.gates.add(null);
            cache.hn.add(null);
        }
        for (int k = 0; k < len; k++) {
            int t = d == 0 ? k : len - 1 - k;
            SimpleMatrix x = xs.get(t);
            cache.x.set(t, x);
            cache.hPrev.set(t, h);
            cache.cPrev.set(t, c);
            SimpleMatrix gi = wih.mult(x).plus(bih);
            SimpleMatrix gh = whh.mult(h).plus(bhh);
            switch (cfg.cell()) {
                case RNN_TANH, RNN_RELU -> {
                    SimpleMatrix a = gi.plus(gh);
                    h = cfg.cell() == CellType.RNN_TANH ? map(a, v -> Math.tanh(v)) : map(a, v -> Math.max(v, 0));
                    cache.gates.set(t, new SimpleMatrix[] {a});
                }
                case LSTM -> {
                    SimpleMatrix z = gi.plus(gh);
                    SimpleMatrix i = sig(block(z, 0));
                    SimpleMatrix f = sig(block(z, 1));
                    SimpleMatrix g = tanh(block(z, 2));
                    SimpleMatrix o = sig(block(z, 3));
                    c = f.elementMult(c).plus(i.elementMult(g));
                    h = o.elementMult(tanh(c));
                    cache.gates.set(t, new SimpleMatrix[] {i, f, g, o});
                }
                case GRU -> {
                    SimpleMatrix r = sig(block(gi, 0).plus(block(gh, 0)));
                    SimpleMatrix z = sig(block(gi, 1).plus(block(gh, 1)));
                    SimpleMatrix hn = block(gh, 2);
                    SimpleMatrix n = tanh(block(gi, 2).plus(r.elementMult(hn)));
                    h = ones(hs).minus(z).elementMult(n).plus(z.elementMult(h));
                    cache.gates.set(t, new SimpleMatrix[] {r, z, n});
                    cache.hn.set(t, hn);
                }
                default -> throw new IllegalStateException();
            }
            cache.h.set(t, h);
            cache.c.set(t, c);
        }
        return cache;
    }

    /** BPTT through one layer-direction; adds dL/dx_t into dBelow; returns dL/dh_t in total. */
    private List<SimpleMatrix> backwardLayer(int l, int d, Cache cache, List<SimpleMatrix> dhAbove,
                                             List<SimpleMatrix> dBelow, Sequence seq) {
        int len = dhAbove.size();
        int hs = cfg.hiddenSize();
        SimpleMatrix wih = p(ModelConfig.weightIh(l, d));
        SimpleMatrix whh = p(ModelConfig.weightHh(l, d));
        SimpleMatrix gWih = grads.get(ModelConfig.weightIh(l, d));
        SimpleMatrix gWhh = grads.get(ModelConfig.weightHh(l, d));
        SimpleMatrix gBih = grads.get(ModelConfig.biasIh(l, d));
        SimpleMatrix gBhh = grads.get(ModelConfig.biasHh(l, d));
        List<SimpleMatrix> total = new ArrayList<>();
        for (int t = 0; t < len; t++) {
            total.add(null);
        }
        SimpleMatrix dhNext = new SimpleMatrix(hs, 1);
        SimpleMatrix dcNext = new SimpleMatrix(hs, 1);
        for (int k = len - 1; k >= 0; k--) {
            int t = d == 0 ? k : len - 1 - k;
            SimpleMatrix dh = dhAbove.get(t).plus(dhNext);
            total.set(t, dh);
            SimpleMatrix[] g = cache.gates.get(t);
            SimpleMatrix dGi;
            SimpleMatrix dGh;
            switch (cfg.cell()) {
                case RNN_TANH, RNN_RELU -> {
                    SimpleMatrix h = cache.h.get(t);
                    SimpleMatrix deriv = cfg.cell() == CellType.RNN_TANH ? ones(hs).minus(h.elementMult(h))
                            : g[0].elementOp((r, c, v) -> v > 0 ? 1.0 : 0.0);
                    dGi = dh.elementMult(deriv);
                    dGh = dGi;
                }
                case LSTM -> {
                    SimpleMatrix i = g[0];
                    SimpleMatrix f = g[1];
                    SimpleMatrix gg = g[2];
                    SimpleMatrix o = g[3];
                    SimpleMatrix tc = tanh(cache.c.get(t));
                    SimpleMatrix dc = dh.elementMult(o).elementMult(ones(hs).minus(tc.elementMult(tc))).plus(dcNext);
                    SimpleMatrix di = dc.elementMult(gg).elementMult(i.elementMult(ones(hs).minus(i)));
                    SimpleMatrix df = dc.elementMult(cache.cPrev.get(t)).elementMult(f.elementMult(ones(hs).minus(f)));
                    SimpleMatrix dg = dc.elementMult(i).elementMult(ones(hs).minus(gg.elementMult(gg)));
                    SimpleMatrix dO = dh.elementMult(tc).elementMult(o.elementMult(ones(hs).minus(o)));
                    dGi = di.concatRows(df, dg, dO);
                    dGh = dGi;
                    dcNext = dc.elementMult(f);
                }
                case GRU -> {
                    SimpleMatrix r = g[0];
                    SimpleMatrix z = g[1];
                    SimpleMatrix n = g[2];
                    SimpleMatrix dn = dh.elementMult(ones(hs).minus(z)).elementMult(ones(hs).minus(n.elementMult(n)));
                    SimpleMatrix dz = dh.elementMult(cache.hPrev.get(t).minus(n)).elementMult(z.elementMult(ones(hs).minus(z)));
                    SimpleMatrix dr = dn.elementMult(cache.hn.get(t)).elementMult(r.elementMult(ones(hs).minus(r)));
                    dGi = dr.concatRows(dz, dn);
                    dGh = dr.concatRows(dz, dn.elementMult(r));
                }
                default -> throw new IllegalStateException();
            }
            addInto(gWih, dGi.mult(cache.x.get(t).transpose()));
            addInto(gBih, dGi);
            addInto(gWhh, dGh.mult(cache.hPrev.get(t).transpose()));
            addInto(gBhh, dGh);
            addInto(dBelow.get(t), wih.transpose().mult(dGi));
            dhNext = whh.transpose().mult(dGh);
            if (cfg.cell() == CellType.GRU) {
                dhNext = dhNext.plus(dh.elementMult(g[1]));
            }
        }
        return total;
    }

    private SimpleMatrix block(SimpleMatrix v, int b) {
        int hs = cfg.hiddenSize();
        return v.extractMatrix(b * hs, (b + 1) * hs, 0, 1);
    }

    private static void addInto(SimpleMatrix a, SimpleMatrix b) {
        org.ejml.dense.row.CommonOps_DDRM.addEquals(a.getDDRM(), b.getDDRM());
    }

    private static SimpleMatrix map(SimpleMatrix m, java.util.function.DoubleUnaryOperator f) {
        SimpleMatrix out = m.copy();
        double[] d = out.getDDRM().data;
        for (int i = 0; i < d.length; i++) {
            d[i] = f.applyAsDouble(d[i]);
        }
        return out;
    }

    private static SimpleMatrix ones(int n) {
        SimpleMatrix m = new SimpleMatrix(n, 1);
        m.fill(1.0);
        return m;
    }

    private static SimpleMatrix sig(SimpleMatrix v) {
        return map(v, x -> 1.0 / (1.0 + Math.exp(-x)));
    }

    private static SimpleMatrix tanh(SimpleMatrix v) {
        return map(v, x -> Math.tanh(x));
    }

    private static SimpleMatrix activate(Activation act, SimpleMatrix z) {
        return switch (act) {
            case IDENTITY -> z.copy();
            case SIGMOID -> sig(z);
            case SOFTMAX -> {
                SimpleMatrix e = map(z, x -> Math.exp(x - z.elementMax()));
                yield e.divide(e.elementSum());
            }
        };
    }

    private static double stepLoss(Sequence seq, int k, SimpleMatrix z, SimpleMatrix y) {
        switch (seq.loss()) {
            case CROSS_ENTROPY:
                return -Math.log(y.get(seq.classTargets()[k]));
            case MSE: {
                SimpleMatrix d = y.minus(target(seq, k));
                return 0.5 * d.elementMult(d).elementSum();
            }
            default: {
                SimpleMatrix q = target(seq, k);
                double s = 0;
                for (int j = 0; j < y.getNumRows(); j++) {
                    s -= q.get(j) * Math.log(y.get(j)) + (1 - q.get(j)) * Math.log(1 - y.get(j));
                }
                return s;
            }
        }
    }

    private static SimpleMatrix target(Sequence seq, int k) {
        return SimpleMatrix.wrap(seq.vectorTargets()).extractVector(true, k).transpose();
    }

    /** dL/dz by the chain rule written out: dL/dy, then the activation's Jacobian. */
    private static SimpleMatrix outputGradient(Sequence seq, int k, Activation act, SimpleMatrix y) {
        int n = y.getNumRows();
        SimpleMatrix dy = new SimpleMatrix(n, 1);
        for (int j = 0; j < n; j++) {
            dy.set(j, switch (seq.loss()) {
                case CROSS_ENTROPY -> j == seq.classTargets()[k] ? -1.0 / y.get(j) : 0.0;
                case MSE -> y.get(j) - target(seq, k).get(j);
                case BCE -> (y.get(j) - target(seq, k).get(j)) / (y.get(j) * (1 - y.get(j)));
            });
        }
        SimpleMatrix jac = new SimpleMatrix(n, n);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double v = switch (act) {
                    case IDENTITY -> a == b ? 1.0 : 0.0;
                    case SIGMOID -> a == b ? y.get(a) * (1 - y.get(a)) : 0.0;
                    case SOFTMAX -> y.get(a) * ((a == b ? 1.0 : 0.0) - y.get(b));
                };
                jac.set(a, b, v);
            }
        }
        return jac.transpose().mult(dy);
    }
}
