package rnnlab.ui.viewmodel;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import rnnlab.i18n.Messages;
import rnnlab.session.EngineSession;
import rnnlab.session.Frame;
import rnnlab.session.GatePin;

/**
 * The "what if" commands of {@link RunViewModel}: scale every W_hh, pin gates. Checked on the FX
 * thread against the frame shown (one message when refused), carried out on the engine thread.
 */
final class TweakCommands {
    private final EngineSide side;
    private final BooleanProperty playing;
    /** The pins in force as the FX thread last heard (the engine's answer updates them). */
    private final List<GatePin> pins;
    private final ReadOnlyObjectProperty<Frame> frame;
    private final StringProperty error;
    /** The latest factor asked for and not yet applied (a dragged slider: only the last value is computed). */
    private final java.util.concurrent.atomic.AtomicReference<Double> scaleTarget = new java.util.concurrent.atomic.AtomicReference<>();

    TweakCommands(EngineSide side, BooleanProperty playing, List<GatePin> pins, ReadOnlyObjectProperty<Frame> frame,
                  StringProperty error) {
        this.side = side;
        this.playing = playing;
        this.pins = pins;
        this.frame = frame;
        this.error = error;
    }

    /** Every W_hh becomes {@code k} × its loaded value; the cursor keeps its place, the numbers are recomputed. */
    void rescale(double k) {
        double target = Double.isFinite(k) ? Math.max(0, Math.min(RunViewModel.MAX_RECURRENT_SCALE, k)) : 1;
        if (scaleTarget.getAndSet(target) != null) {
            return;
        }
        side.engine().command(() -> {
            double s = scaleTarget.getAndSet(null);
            EngineSession session = side.session();
            int pos = session.run.position();
            session.tweaks.setScale(s);
            // the run reads the weights live: recompute from the start up to the cursor
            session.run.setGateOverrides(session.tweaks.overrides());
            session.run.seek(Math.min(pos, session.run.timelineLength()));
            side.frames().publish(false, 0, true, Messages.format("status.rescaled", s));
        });
    }

    /**
     * Pins a gate. Refused (returns the one message, also shown in the error banner) when the gate, step,
     * unit or value does not fit the run; else a pin on the same gate, step and unit is replaced and the
     * run restarts from the first step, as the engine does.
     */
    String addPin(GatePin pin) {
        Frame f = frame.get();
        String problem = f == null ? Messages.get("pin.error.noRun") : pin.problem(f);
        if (problem != null) {
            error.set(problem);
            return problem;
        }
        List<GatePin> next = new ArrayList<>(pins);
        next.removeIf(p -> p.layer() == pin.layer() && p.direction() == pin.direction() && p.step() == pin.step()
                && p.gate().equals(pin.gate()) && p.unit() == pin.unit());
        next.add(pin);
        send(next);
        return null;
    }

    void removePin(GatePin pin) {
        List<GatePin> next = new ArrayList<>(pins);
        next.remove(pin);
        send(next);
    }

    private void send(List<GatePin> next) {
        playing.set(false);
        side.engine().command(() -> {
            EngineSession session = side.session();
            session.tweaks.setPins(next, session.run);
            side.frames().publish(false, 0, true, Messages.format("status.pins", next.size()));
        });
    }
}
