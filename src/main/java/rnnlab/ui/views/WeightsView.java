package rnnlab.ui.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import rnnlab.ui.controls.WeightMatrices;
import rnnlab.session.Frame;
import rnnlab.i18n.Messages;

/**
 * view.weights: every weight matrix with its gradient (one at a time, picked in the view; W_hh of the
 * selected layer first) and the eigenvalues of the selected layer's recurrent blocks.
 */
public final class WeightsView extends FrameView<WeightMatrices> {
    private String shownName;
    private final List<String> names = new ArrayList<>();
    private final javafx.beans.InvalidationListener onNorms = o -> {
        if (context() != null && context().getFrame() != null) {
            update(context().getFrame(), context());
        }
    };

    public WeightsView() {
        super(new WeightMatrices(), "view.weights.title");
        control.selectedMatrixProperty().addListener((o, a, b) -> {
            int k = b.intValue();
            shownName = k >= 0 && k < names.size() ? names.get(k) : shownName;
        });
    }

    @Override
    public void bind(ViewContext ctx) {
        super.bind(ctx);
        ctx.trainingNormsProperty().addListener(onNorms);
    }

    @Override
    public void unbind() {
        if (context() != null) {
            context().trainingNormsProperty().removeListener(onNorms);
        }
        super.unbind();
    }

    /**
     * The norm history of training for the matrices shown: while a run goes on, every matrix it has; once it
     * has ended, only if its last norms are those of the weights shown (the views show the trained model;
     * another model loaded since, or the model brought back after training one of its own, gets none).
     */
    static List<WeightMatrices.NormTrace> traces(rnnlab.training.NormHistory h, List<String> names,
                                                 List<WeightMatrices.Matrix> shown) {
        if (h == null || h.size() < 2) {
            return List.of();
        }
        List<WeightMatrices.NormTrace> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double[] v = h.of(names.get(i));
            if (v == null) {
                continue;
            }
            double now = shown.get(i).norm();
            if (h.ended() && !(Math.abs(v[v.length - 1] - now) <= 1e-9 * Math.max(1, now))) {
                return List.of();
            }
            out.add(new WeightMatrices.NormTrace(i, h.steps(), v));
        }
        return List.copyOf(out);
    }

    @Override
    protected void update(Frame f, ViewContext ctx) {
        Frame.LayerFrame lf = layer(f, ctx);
        List<WeightMatrices.Matrix> list = new ArrayList<>();
        names.clear();
        boolean several = f.weights().keySet().stream().anyMatch(n -> n.startsWith("rnn.weight_") && !n.endsWith("_l0"));
        for (Map.Entry<String, double[][]> e : f.weights().entrySet()) {
            String name = e.getKey();
            if (!name.contains("weight") || e.getValue().length == 0) {
                continue;
            }
            boolean gated = name.startsWith("rnn.weight_") && f.gateNames().length > 0;
            list.add(new WeightMatrices.Matrix(label(name), e.getValue(), f.grads().get(name),
                    gated ? f.gateNames() : null, symbol(name, several), norm(e.getValue())));
            names.add(name);
        }
        String want = shownName != null && names.contains(shownName) ? shownName
                : "rnn.weight_hh_l" + lf.layer() + CellMath.suffix(lf.direction());
        control.matricesProperty().set(List.copyOf(list));
        control.normHistoryProperty().set(traces(ctx.trainingNormsProperty().get(), names, list));
        control.selectedMatrixProperty().set(Math.max(0, names.indexOf(want)));
        List<WeightMatrices.Eigen> eig = new ArrayList<>();
        int pick = 0;
        if (f.analysis() != null) {
            for (Frame.Spectrum s : f.analysis().spectra()) {
                if (s.layer() == lf.layer() && s.direction() == lf.direction()) {
                    boolean rnn = "hh".equals(s.block());
                    if (s.block().equals(ctx.selectedGateProperty().get())) {
                        pick = eig.size();
                    }
                    eig.add(new WeightMatrices.Eigen(rnn ? Messages.get("weights.block.hh")
                            : Messages.format("weights.block.gate", s.block()), rnn ? null : s.block(), s.re(), s.im(),
                            s.radius()));
                }
            }
        }
        int keep = control.selectedSpectrumProperty().get();
        boolean sameBlocks = control.getSpectra().size() == eig.size() && !eig.isEmpty();
        control.spectraProperty().set(List.copyOf(eig));
        control.selectedSpectrumProperty().set(sameBlocks ? keep : pick);
    }

    /** Textbook name of a state_dict entry. */
    static String label(String name) {
        if (name.startsWith("rnn.weight_")) {
            String rest = name.substring("rnn.weight_".length());
            boolean reverse = rest.endsWith("_reverse");
            String kind = rest.substring(0, 2);
            int layer = Integer.parseInt(rest.substring(4, reverse ? rest.length() - "_reverse".length() : rest.length()));
            return Messages.format(reverse ? "weights.label.reverse" : "weights.label", "ih".equals(kind) ? "W_ih" : "W_hh",
                    layer + 1);
        }
        if (name.startsWith("fc.")) {
            return Messages.get("weights.label.fc");
        }
        if (name.startsWith("embedding")) {
            return Messages.get("weights.label.embedding");
        }
        return name;
    }

    /**
     * The short symbol of a state_dict weight for the norms line: W_ih, W_hh (with the layer, and ← for the
     * reverse direction, when there are several: W_{ih,2}, W_{hh,1←}), W_hy, E.
     */
    static String symbol(String name, boolean several) {
        if (name.startsWith("rnn.weight_")) {
            String rest = name.substring("rnn.weight_".length());
            boolean reverse = rest.endsWith("_reverse");
            String kind = rest.substring(0, 2);
            int layer = Integer.parseInt(rest.substring(4, reverse ? rest.length() - "_reverse".length() : rest.length()));
            return several ? "W_{" + kind + "," + (layer + 1) + (reverse ? "\u2190" : "") + "}" : "W_" + kind;
        }
        if (name.startsWith("fc.")) {
            return "W_hy";
        }
        return name.startsWith("embedding") ? "E" : name;
    }

    /** Every weight matrix: shape, Frobenius norm, gradient norm, and ρ of the recurrent ones. */
    @Override
    protected ValuesTable values(Frame f, ViewContext ctx) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, double[][]> e : f.weights().entrySet()) {
            double[][] w = e.getValue();
            if (w.length == 0) {
                continue;
            }
            double rho = Double.NaN;
            if (f.analysis() != null && e.getKey().startsWith("rnn.weight_hh_l")) {
                for (Frame.Spectrum s : f.analysis().spectra()) {
                    if (e.getKey().equals("rnn.weight_hh_l" + s.layer() + CellMath.suffix(s.direction()))) {
                        rho = Double.isNaN(rho) ? s.radius() : Math.max(rho, s.radius());
                    }
                }
            }
            String name = e.getKey().contains("weight") ? label(e.getKey()) : e.getKey();
            rows.add(List.of(name, Messages.format("values.weights.shape", w.length, w[0].length), ValuesTable.num(norm(w)),
                    ValuesTable.sci(norm(f.grads().get(e.getKey()))), Double.isNaN(rho) ? "" : ValuesTable.num(rho)));
        }
        return new ValuesTable(Messages.get("values.weights.caption"), List.of(Messages.get("values.col.matrix"),
                Messages.get("values.col.shape"), Messages.get("values.col.norm"), Messages.get("values.col.gradNorm"),
                "\u03c1"), rows);
    }

    /** Frobenius norm (0 for null). */
    static double norm(double[][] m) {
        double s = 0;
        if (m != null) {
            for (double[] r : m) {
                for (double v : r) {
                    s += v * v;
                }
            }
        }
        return Math.sqrt(s);
    }
}
