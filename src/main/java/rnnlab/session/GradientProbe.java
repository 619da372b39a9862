package rnnlab.session;

import java.util.ArrayList;
import java.util.List;
import rnnlab.engine.gradcheck.GradientCheck;
import rnnlab.engine.Model;
import rnnlab.engine.Run;

/**
 * The app's gradient check of one weight: BPTT's ∂L/∂w beside the numeric (L(w+ε) − L(w−ε)) / 2ε of the model
 * and sequence on screen, pinned gates included. Runs on a copy of the model, so the views never see the
 * perturbed weight. Headless; the UI runs it on the engine thread.
 */
public final class GradientProbe {
    /** The weight checked when none is chosen: the recurrent weights of layer 1, forward direction. */
    public static final String DEFAULT_PARAMETER = "rnn.weight_hh_l0";

    /** A parameter the window can offer: its name and shape (a bias has one column). */
    public record Parameter(String name, int rows, int cols) {
        public int size() {
            return rows * cols;
        }
    }

    /** The parameters of the model, in the model's order. */
    public static List<Parameter> parameters(Model m) {
        List<Parameter> out = new ArrayList<>();
        for (String n : m.params().names()) {
            out.add(new Parameter(n, m.param(n).getNumRows(), m.param(n).getNumCols()));
        }
        return out;
    }

    private GradientProbe() {
    }

    /**
     * Checks {@code parameter[index]} of the session's model; a null parameter means {@link #DEFAULT_PARAMETER}
     * (else the first parameter) at the index where BPTT's gradient is largest in size, the weight a class
     * can see change. Throws IllegalArgumentException for a sequence without targets or an unknown name.
     */
    public static GradientCheck.Single check(EngineSession s, String parameter, int index) {
        Model copy = s.model.copy();
        String name = parameter;
        int at = index;
        if (name == null) {
            name = copy.params().names().contains(DEFAULT_PARAMETER) ? DEFAULT_PARAMETER
                    : copy.params().names().iterator().next();
            at = largestGradient(copy, s, name);
        }
        if (!copy.params().names().contains(name)) {
            throw new IllegalArgumentException("the model has no parameter " + name);
        }
        return GradientCheck.checkOne(copy, s.sequence, s.tweaks.overrides(), name, at);
    }

    private static int largestGradient(Model m, EngineSession s, String name) {
        if (!s.sequence.hasLoss()) {
            return 0;
        }
        Run run = new Run(m, s.sequence.length());
        run.setGateOverrides(s.tweaks.overrides());
        run.load(s.sequence);
        run.forwardBackward();
        double[] g = run.gradients().get(name).data;
        int best = 0;
        for (int i = 1; i < g.length; i++) {
            if (Math.abs(g[i]) > Math.abs(g[best])) {
                best = i;
            }
        }
        return best;
    }
}
