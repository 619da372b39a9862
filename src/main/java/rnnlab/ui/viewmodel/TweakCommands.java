package rnnlab.ui.viewmodel;

import java.util.ArrayList;
import java.util.List;
import rnnlab.i18n.Messages;
import rnnlab.session.EngineSession;
import rnnlab.session.Frame;
import rnnlab.session.GatePin;

/**
 * The "what if" commands of {@link RunViewModel}: scale every W_hh, pin gates. Checked on the FX
 * thread against the frame shown (one message when refused), carried out on the engine thread.
 */
final class TweakCommands {
    private final RunViewModel vm;
    /** The latest factor asked for and not yet applied (a dragged slider: only the last value is computed). */
    private final java.util.concurrent.atomic.AtomicReference<Double> scaleTarget = new java.util.concurrent.atomic.AtomicReference<>();

    TweakCommands(RunViewModel vm) {
        this.vm = vm;
    }

    /** Every W_hh becomes {@code k} × its loaded value; the cursor keeps its place, the numbers are recomputed. */
    void rescale(double k) {
        double target = Double.isFinite(k) ? Math.max(0, Math.min(RunViewModel.MAX_RECURRENT_SCALE, k)) : 1;
        if (scaleTarget.getAndSet(target) != null) {
            return;
        }
        vm.engine.command(() -> {
            double s = scaleTarget.getAndSet(null);
            EngineSession session = vm.session;
            int pos = session.run.position();
            session.tweaks.setScale(s);
            // the run reads the weights live: recompute from the start up to the cursor
            session.run.setGateOverrides(session.tweaks.overrides());
            session.run.seek(Math.min(pos, session.run.timelineLength()));
            vm.publish(false, 0, true, Messages.format("status.rescaled", s));
        });
    }

    /**
     * Pins a gate. Refused (returns the one message, also shown in the error banner) when the gate, step,
     * unit or value does not fit the run; else a pin on the same gate, step and unit is replaced and the
     * run restarts from the first step, as the engine does.
     */
    String addPin(GatePin pin) {
        Frame f = vm.frameProperty().get();
        String problem = f == null ? Messages.get("pin.error.noRun") : pin.problem(f);
        if (problem != null) {
            vm.errorProperty().set(problem);
            return problem;
        }
        List<GatePin> next = new ArrayList<>(vm.pins);
        next.removeIf(p -> p.layer() == pin.layer() && p.direction() == pin.direction() && p.step() == pin.step()
                && p.gate().equals(pin.gate()) && p.unit() == pin.unit());
        next.add(pin);
        send(next);
        return null;
    }

    void removePin(GatePin pin) {
        List<GatePin> next = new ArrayList<>(vm.pins);
        next.remove(pin);
        send(next);
    }

    private void send(List<GatePin> next) {
        vm.playing.set(false);
        vm.engine.command(() -> {
            EngineSession session = vm.session;
            session.tweaks.setPins(next, session.run);
            vm.publish(false, 0, true, Messages.format("status.pins", next.size()));
        });
    }
}
