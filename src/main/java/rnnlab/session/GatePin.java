package rnnlab.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import rnnlab.engine.GateOverride;
import rnnlab.i18n.Messages;

/**
 * One gate pinned to a value, as the user sees it: the step is 1-based (t = 1 … T, as on screen), the
 * unit is 0-based or −1 for all units. Turned into an engine {@link GateOverride} on the engine thread.
 *
 * @param layer     layer index (0-based)
 * @param direction 0 forward, 1 reverse
 * @param step      time step, 1-based
 * @param gate      i, f, g, o (LSTM) or r, z, n (GRU)
 * @param unit      hidden unit (0-based) or −1 for every unit
 * @param value     the pinned value
 */
public record GatePin(int layer, int direction, int step, String gate, int unit, double value) {
    /** Candidate gates (tanh, −1 … 1); every other gate is a σ gate (0 … 1). */
    private static final List<String> CANDIDATES = List.of("g", "n");

    GateOverride toOverride() {
        return new GateOverride(layer, direction, step - 1, gate, unit, value);
    }

    /**
     * Why this pin cannot be applied to the run {@code f} shows, as one message (null when it can):
     * a gate the cell lacks, a layer, step or unit outside the run, a value that is not a finite number
     * in the gate's range.
     */
    public String problem(Frame f) {
        if (f.gateNames().length == 0) {
            return Messages.format("pin.error.noGates", Messages.get("cell." + f.cell()));
        }
        if (!Arrays.asList(f.gateNames()).contains(gate)) {
            return Messages.format("pin.error.gate", Messages.get("cell." + f.cell()), gate, String.join(", ", f.gateNames()));
        }
        if (layer < 0 || layer >= f.numLayers() || direction < 0 || direction >= f.directions()) {
            return Messages.format("pin.error.layer", layer + 1, f.numLayers());
        }
        if (step < 1 || step > f.length()) {
            return Messages.format("pin.error.step", step, f.length());
        }
        if (unit < -1 || unit >= f.hiddenSize()) {
            return Messages.format("pin.error.unit", unit + 1, f.hiddenSize());
        }
        double lo = CANDIDATES.contains(gate) ? -1 : 0;
        if (!Double.isFinite(value) || value < lo || value > 1) {
            return Messages.format("pin.error.value", gate, String.valueOf(value), lo, 1);
        }
        return null;
    }

    /** "f = 0 at t = 3 (layer 1, all units)" for the list of pins. */
    public String describe() {
        String units = unit < 0 ? Messages.get("pin.units.all") : Messages.format("pin.units.one", unit + 1);
        String dir = direction == 0 ? "" : Messages.get("pin.reverse");
        return Messages.format("pin.describe", gate, value, step, layer + 1, units, dir);
    }

    /** The pins as one line for a scenario setting: {@code layer,direction,step,gate,unit,value;…}. */
    public static String encode(List<GatePin> pins) {
        List<String> parts = new ArrayList<>();
        for (GatePin p : pins) {
            parts.add(p.layer + "," + p.direction + "," + p.step + "," + p.gate + "," + p.unit + "," + p.value);
        }
        return String.join(";", parts);
    }

    /** Reads {@link #encode}'s text; malformed entries are skipped (a scenario setting is advisory). */
    public static List<GatePin> decode(String text) {
        List<GatePin> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(";")) {
            String[] f = part.trim().split(",");
            if (f.length != 6) {
                continue;
            }
            try {
                out.add(new GatePin(Integer.parseInt(f[0].trim()), Integer.parseInt(f[1].trim()),
                        Integer.parseInt(f[2].trim()), f[3].trim().toLowerCase(Locale.ROOT),
                        Integer.parseInt(f[4].trim()), Double.parseDouble(f[5].trim())));
            } catch (NumberFormatException e) {
                // skipped: not a pin
            }
        }
        return out;
    }
}
