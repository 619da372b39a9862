package rnnlab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Quantities hidden from every view until a lesson's checkpoint is answered ("predict, then reveal").
 * Applied where the views get their numbers: {@link #apply} returns a copy of the frame whose masked
 * numbers are {@link #MASKED}, a NaN with its own bit pattern that the views draw as "?" on a grey
 * field (a real NaN still reads "NaN").
 *
 * <p>Parts, as a lesson's {@code mask:} scene key writes them (rnnlab.lessons.Scene#MASK_PARTS): {@code h} (hidden state, every step and unit, so also h_{t−1}),
 * {@code c} (LSTM cell state), {@code gate X} (one gate: f i g o, r z n), {@code gates} (all gates),
 * {@code output} (output probabilities and the losses). Only time steps from {@code fromStep} (from 0)
 * on are hidden: the steps before are the question's inputs (h_{t−1} in a_t) and stay readable.
 */
public record FrameMask(Set<String> parts, int fromStep) {
    /** The masked number: a quiet NaN with a payload of its own ("MASK"). */
    public static final double MASKED = Double.longBitsToDouble(0x7ff8_0000_4d41_534bL);
    public static final FrameMask NONE = new FrameMask(Set.of(), 0);

    public FrameMask {
        parts = Set.copyOf(parts);
        fromStep = Math.max(0, fromStep);
    }

    /** True for the masked number (not for other NaNs). */
    public static boolean masked(double v) {
        return Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(MASKED);
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** Whether the gate with this letter is masked. */
    public boolean masksGate(String letter) {
        return parts.contains("gates") || parts.contains("gate " + letter);
    }

    public boolean masksHidden() {
        return parts.contains("h");
    }

    public boolean masksCell() {
        return parts.contains("c");
    }

    public boolean masksOutput() {
        return parts.contains("output");
    }

    /** The frame with the masked numbers replaced by {@link #MASKED}; the frame itself when nothing is masked. */
    public Frame apply(Frame f) {
        if (f == null || parts.isEmpty()) {
            return f;
        }
        List<Frame.LayerFrame> layers = new ArrayList<>(f.layers().size());
        for (Frame.LayerFrame lf : f.layers()) {
            double[][][] gates = lf.gates();
            if (gates != null && gates.length > 0) {
                gates = gates.clone();
                for (int b = 0; b < gates.length; b++) {
                    String letter = b < f.gateNames().length ? f.gateNames()[b] : "";
                    if (masksGate(letter)) {
                        gates[b] = hide(gates[b], fromStep);
                    }
                }
            }
            layers.add(new Frame.LayerFrame(lf.layer(), lf.direction(), masksHidden() ? hide(lf.h(), fromStep) : lf.h(),
                    masksCell() ? hide(lf.c(), fromStep) : lf.c(), gates, lf.gradH(), lf.gradC(), lf.gateDeltas(), lf.h0(), lf.c0()));
        }
        boolean out = masksOutput();
        double[] stepLoss = f.stepLoss();
        if (out && stepLoss != null) {
            stepLoss = stepLoss.clone();
            java.util.Arrays.fill(stepLoss, Math.min(fromStep, stepLoss.length), stepLoss.length, MASKED);
        }
        return new Frame(f.cell(), f.hiddenSize(), f.numLayers(), f.directions(), f.length(), f.inputSize(),
                f.outputSize(), f.outputActivation(), f.gateNames(), f.vocab(), f.symbols(), f.tokens(), f.inputs(),
                f.phase(), f.time(), f.forwardSteps(), f.backwardSteps(), layers, out ? hide(f.outputs(), fromStep) : f.outputs(),
                stepLoss, f.hasTarget(), f.classTargets(), f.vectorTargets(), out ? MASKED : f.loss(), f.weights(),
                f.grads(), f.position(), f.timelineLength(), f.analysis());
    }

    private static double[][] hide(double[][] a, int from) {
        if (a == null) {
            return null;
        }
        double[][] out = a.clone();
        for (int i = from; i < a.length; i++) {
            if (a[i] != null) {
                out[i] = new double[a[i].length];
                java.util.Arrays.fill(out[i], MASKED);
            }
        }
        return out;
    }
}
