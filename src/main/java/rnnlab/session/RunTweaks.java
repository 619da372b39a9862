package rnnlab.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.GateOverride;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;

/**
 * "What if" changes to the session's run, on the engine thread: a factor on every W_hh (relative to the
 * weights as loaded or initialised, whose copy is kept) and gates pinned to values. A new model resets
 * the factor to 1; pins that still fit a new run are kept, the others dropped.
 */
public final class RunTweaks {
    private final Map<String, DMatrixRMaj> original = new LinkedHashMap<>();
    private Model model;
    private double scale = 1;
    private List<GatePin> pins = List.of();

    /** Called when {@code m} becomes the session's model; new weights are the new reference, factor 1. */
    void adopt(Model m) {
        if (m == model) {
            return;
        }
        model = m;
        scale = 1;
        original.clear();
        ModelConfig cfg = m.config();
        for (int l = 0; l < cfg.numLayers(); l++) {
            for (int d = 0; d < cfg.directions(); d++) {
                String name = ModelConfig.weightHh(l, d);
                original.put(name, m.param(name).copy());
            }
        }
    }

    /** The model's weights changed in place (training): they become the reference, factor 1. */
    public void rebase(Model m) {
        model = null;
        adopt(m);
    }

    public double scale() {
        return scale;
    }

    /** W_hh = s · W_hh(as loaded) for every layer and direction; s = 1 restores the loaded numbers bit for bit. */
    public void setScale(double s) {
        if (!Double.isFinite(s) || s < 0) {
            throw new IllegalArgumentException("recurrent scale " + s);
        }
        scale = s;
        for (var e : original.entrySet()) {
            DMatrixRMaj w = model.param(e.getKey());
            DMatrixRMaj o = e.getValue();
            if (s == 1) {
                w.setTo(o);
            } else {
                for (int i = 0; i < o.data.length && i < w.data.length; i++) {
                    w.data[i] = s * o.data[i];
                }
            }
        }
    }

    /** A copy of the model with W_hh as loaded (for saving a scenario: the factor is saved apart). */
    public Model unscaledCopy() {
        Model c = model.copy();
        original.forEach((name, o) -> c.param(name).setTo(o));
        return c;
    }

    public List<GatePin> pins() {
        return pins;
    }

    /**
     * Pins these gates in {@code run} (the engine checks every field); the run's cursors return to the
     * start. A pin that does not fit throws and leaves the earlier pins in force.
     */
    public void setPins(List<GatePin> newPins, Run run) {
        List<GatePin> next = List.copyOf(newPins);
        try {
            run.setGateOverrides(next.stream().map(GatePin::toOverride).toList());
        } catch (IllegalArgumentException e) {
            run.setGateOverrides(overrides());
            throw e;
        }
        pins = next;
    }

    /** Re-pins in a fresh run of the session; pins that do not fit it any more are dropped. */
    void applyTo(Run run) {
        if (pins.isEmpty()) {
            return;
        }
        List<GatePin> kept = new ArrayList<>();
        for (GatePin p : pins) {
            try {
                run.setGateOverrides(List.of(p.toOverride()));
                kept.add(p);
            } catch (IllegalArgumentException e) {
                // dropped: the new model or sequence has no such gate, step or unit
            }
        }
        pins = List.copyOf(kept);
        run.setGateOverrides(overrides());
    }

    public List<GateOverride> overrides() {
        return pins.stream().map(GatePin::toOverride).toList();
    }
}
