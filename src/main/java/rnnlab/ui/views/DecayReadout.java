package rnnlab.ui.views;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import rnnlab.ui.controls.GradientDecay;
import rnnlab.session.Frame;
import rnnlab.i18n.Messages;
import rnnlab.ui.controls.NumberText;

/**
 * The gradient-decay view's banner: what the plot measures first (the mean factor of one step back,
 * ‖δh_{t−1}‖/‖δh_t‖), then what the weights say about it, worded so that it can never contradict the
 * plot: σ_max(W_hh)·γ &lt; 1 is a guarantee of shrinking, ρ(W_hh) only the long run; for an LSTM or GRU
 * the cell-state (direct) path and its gate product, not ρ(W_hh).
 */
public final class DecayReadout {
    /** |log factor| below this counts as "about the same". */
    static final double STEADY = 0.03;

    private DecayReadout() {
    }

    /**
     * ‖δ_{t−1}‖/‖δ_t‖ for each step back: index t−1 holds the factor from step t to step t−1 (0-based);
     * for a backward direction ({@code reverse}) index t+1 holds the one from t to t+1. NaN where either
     * norm is missing or zero.
     */
    public static double[] stepFactors(double[] norms, boolean reverse) {
        double[] out = new double[norms.length];
        Arrays.fill(out, Double.NaN);
        for (int t = 1; t < norms.length; t++) {
            double later = reverse ? norms[t - 1] : norms[t];
            double earlier = reverse ? norms[t] : norms[t - 1];
            if (later > 0 && earlier > 0 && Double.isFinite(later) && Double.isFinite(earlier)) {
                out[reverse ? t : t - 1] = earlier / later;
            }
        }
        return out;
    }

    /** Geometric mean of the finite factors (NaN when there is none). */
    public static double meanFactor(double[] factors) {
        double logSum = 0;
        int k = 0;
        for (double f : factors) {
            if (!Double.isNaN(f)) {
                logSum += Math.log(f);
                k++;
            }
        }
        return k == 0 ? Double.NaN : Math.exp(logSum / k);
    }

    static int count(double[] factors) {
        return (int) Arrays.stream(factors).filter(f -> !Double.isNaN(f)).count();
    }

    /**
     * The banner lines for one layer-direction: the measurement (when BPTT has reached at least two
     * steps), then the theory that goes with this cell.
     *
     * @param dhNorms ‖δh_t‖ as plotted (NaN where BPTT has not been)
     */
    public static List<GradientDecay.Line> lines(Frame.Flow flow, double[] dhNorms, boolean reverse) {
        List<GradientDecay.Line> out = new ArrayList<>();
        double[] factors = stepFactors(dhNorms, reverse);
        int k = count(factors);
        if (k > 0) {
            double mean = meanFactor(factors);
            double total = Math.pow(mean, k);
            double l = Math.log(mean);
            if (l < -STEADY) {
                out.add(new GradientDecay.Line(Messages.format("decay.measured.shrink", NumberText.num(mean),
                        NumberText.sci(total), k), -1));
            } else if (l > STEADY) {
                out.add(new GradientDecay.Line(Messages.format("decay.measured.grow", NumberText.num(mean),
                        NumberText.sci(total), k), 1));
            } else {
                out.add(new GradientDecay.Line(Messages.format("decay.measured.steady", NumberText.num(mean), k), 0));
            }
        }
        if (flow == null) {
            return out;
        }
        if (flow.gated()) {
            String key = flow.cellType().hasCellState() ? "decay.path.lstm" : "decay.path.gru";
            out.add(new GradientDecay.Line(Messages.format(key, NumberText.sci(flow.carryProduct()), flow.stepsBack(),
                    NumberText.num(flow.meanSlope()), NumberText.num(flow.maxSlope())), 0));
            out.add(new GradientDecay.Line(Messages.format("decay.path.rho", NumberText.num(flow.rho())), 0));
            return out;
        }
        out.add(new GradientDecay.Line(Messages.format(flow.cellType() != null && flow.cellType().relu() ? "decay.rnn.figures.relu" : "decay.rnn.figures", NumberText.num(flow.rho()),
                NumberText.num(flow.sigmaMax()), NumberText.num(flow.meanSlope()), NumberText.num(flow.maxSlope())), 0));
        if (flow.layerNorm()) {
            // LN(W_hh h) rescales by γ/σ at every step: σ_max(W_hh)·γ bounds nothing here
            out.add(new GradientDecay.Line(Messages.get("decay.bound.layerNorm"), 0));
            return out;
        }
        double bound = flow.bound();
        String key = bound < 1 ? "decay.bound.shrink" : flow.rho() < 1 ? "decay.bound.none.rhoBelow" : "decay.bound.none";
        out.add(new GradientDecay.Line(Messages.format(key, NumberText.num(bound), NumberText.num(flow.rho())), 0));
        return out;
    }
}
