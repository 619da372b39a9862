package rnnlab.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A number the engine computes for a checkpoint, written in a lesson as words:
 * {@code gate f unit 2 step 5}, {@code grad_h step 1} (the norm over all units), {@code grad_h unit 3 step 5}
 * (one unit's ∂L/∂h, signed), {@code hidden unit 1 step end}, {@code prob "l" step 3}, {@code rho}, or the ratio
 * of two of them ({@code grad_h step 1 / grad_h step 12}). Units, steps and layers count from 1; 0 means
 * "not given".
 *
 * @param name      hidden, cell, gate, prob, loss, grad_h, grad_c, rho, sigma_max, params, steps, hidden_size, w_hh_scale
 * @param gate      the gate's letter (gate only)
 * @param symbol    the output symbol (prob only)
 * @param unit      the unit, from 1
 * @param step      the time step, from 1
 * @param layer     the layer, from 1 (0: the first)
 * @param backward  the right-to-left direction of a bidirectional layer
 * @param divisor   the denominator of a ratio, or null
 * @param source    the encoder (input) step, from 1 (encoder–decoder quantities: {@code attention step 2 source 7})
 */
public record Quantity(String name, String gate, String symbol, int unit, int step, int layer, boolean backward,
                       Quantity divisor, int source) {
    /**
     * Quantities of the encoder–decoder the step's {@code seq2seq:} line names (its model and input):
     * {@code attention step T source S} (a_{T,S} while decoding greedily), {@code attention_argmax step T}
     * (the input position with the largest weight), {@code output_length}, {@code output_correct "text"}
     * (output symbols equal to the text's at the same place), {@code s2s_loss "target"} and
     * {@code grad_enc "target" source S} (‖∂L/∂h_S‖ after the whole BPTT, teacher-forced on the target).
     */
    public static final Set<String> SEQ2SEQ = Set.of("attention", "attention_argmax", "output_length", "output_correct",
            "s2s_loss", "grad_enc");
    /** Encoder–decoder quantities that need a text in quotes (the expected output or the target). */
    static final Set<String> QUOTED = Set.of("prob", "output_correct", "s2s_loss", "grad_enc");
    public static final Set<String> NAMES = Set.of("hidden", "cell", "gate", "prob", "loss", "grad_h", "grad_c",
            "rho", "sigma_max", "params", "steps", "hidden_size", "w_hh_scale", "attention", "attention_argmax",
            "output_length", "output_correct", "s2s_loss", "grad_enc");
    /** Quantities that name a unit and a step. */
    static final Set<String> PER_UNIT = Set.of("hidden", "cell", "gate");
    /** {@code step end}: the sequence's last step. */
    public static final int END = Integer.MAX_VALUE;
    /** Quantities that need a loss (and, for gradients, the whole BPTT). */
    static final Set<String> NEED_LOSS = Set.of("loss", "grad_h", "grad_c", "prob");

    /** A quantity without an encoder step (every single-network quantity). */
    public Quantity(String name, String gate, String symbol, int unit, int step, int layer, boolean backward,
                    Quantity divisor) {
        this(name, gate, symbol, unit, step, layer, backward, divisor, 0);
    }

    /** Whether this is an encoder–decoder quantity, computed from the scene's {@code seq2seq:} model. */
    public boolean seq2seq() {
        return SEQ2SEQ.contains(name);
    }

    /** The layer index from 0. */
    public int layerIndex() {
        return layer == 0 ? 0 : layer - 1;
    }

    /** Parses the words; throws IllegalArgumentException with a message for the lesson author. */
    public static Quantity parse(String text) {
        String t = text.trim();
        int slash = slashOutsideQuotes(t);
        if (slash >= 0) {
            Quantity top = parseOne(t.substring(0, slash));
            Quantity bottom = parseOne(t.substring(slash + 1));
            return new Quantity(top.name, top.gate, top.symbol, top.unit, top.step, top.layer, top.backward, bottom, top.source);
        }
        return parseOne(t);
    }

    private static int slashOutsideQuotes(String t) {
        boolean quoted = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '/' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static Quantity parseOne(String text) {
        List<String> w = words(text);
        if (w.isEmpty()) {
            throw new IllegalArgumentException("expected a quantity such as \"hidden unit 1 step 3\"");
        }
        String name = w.get(0);
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown quantity \"" + name + "\"; expected one of "
                    + String.join(", ", NAMES.stream().sorted().toList()));
        }
        String gate = null;
        String symbol = null;
        int i = 1;
        if (name.equals("gate")) {
            if (w.size() < 2) {
                throw new IllegalArgumentException("\"gate\" needs the gate's letter: gate f unit 1 step 2");
            }
            gate = w.get(1);
            if (rnnlab.engine.CellType.gate(gate) == null) {
                throw new IllegalArgumentException("unknown gate \"" + gate + "\"; expected f, i, g, o (LSTM) or r, z, n (GRU)");
            }
            i = 2;
        } else if (QUOTED.contains(name)) {
            if (w.size() < 2 || !w.get(1).startsWith("\"")) {
                throw new IllegalArgumentException(name.equals("prob") ? "\"prob\" needs a symbol in quotes: prob \"l\" step 3"
                        : "\"" + name + "\" needs " + (name.equals("output_correct") ? "the expected output" : "the target output")
                        + " in quotes: " + name + " \"62951413\"" + (name.equals("grad_enc") ? " source 1" : ""));
            }
            symbol = w.get(1).substring(1, w.get(1).length() - 1);
            i = 2;
        }
        int unit = 0;
        int step = 0;
        int layer = 0;
        int source = 0;
        boolean backward = false;
        for (; i < w.size(); i += 2) {
            String key = w.get(i);
            if (i + 1 >= w.size()) {
                throw new IllegalArgumentException("\"" + key + "\" needs a value");
            }
            String v = w.get(i + 1);
            switch (key) {
                case "unit" -> unit = positive(key, v);
                case "step" -> step = v.equals("end") ? END : positive(key, v);
                case "layer" -> layer = positive(key, v);
                case "source" -> {
                    if (!SEQ2SEQ.contains(name)) {
                        throw new IllegalArgumentException("\"source\" is an encoder step: only attention and grad_enc take one");
                    }
                    source = positive(key, v);
                }
                case "direction" -> {
                    if (!v.equals("forward") && !v.equals("backward")) {
                        throw new IllegalArgumentException("direction is forward or backward, not \"" + v + "\"");
                    }
                    backward = v.equals("backward");
                }
                default -> throw new IllegalArgumentException("unknown word \"" + key
                        + "\"; expected unit, step, layer, direction or source");
            }
        }
        if (SEQ2SEQ.contains(name)) {
            if (unit > 0 || layer > 0 || backward) {
                throw new IllegalArgumentException("\"" + name + "\" takes no unit, layer or direction");
            }
            boolean needsStep = name.startsWith("attention");
            boolean needsSource = name.equals("attention") || name.equals("grad_enc");
            if (needsStep != (step > 0) || needsSource != (source > 0)) {
                throw new IllegalArgumentException(switch (name) {
                    case "attention" -> "\"attention\" needs a decoder step and an input step: attention step 1 source 8";
                    case "attention_argmax" -> "\"attention_argmax\" needs a decoder step and nothing else: attention_argmax step 1";
                    case "grad_enc" -> "\"grad_enc\" needs an input step and no decoder step: grad_enc \"62951413\" source 1";
                    default -> "\"" + name + "\" takes no step or source";
                });
            }
            return new Quantity(name, gate, symbol, unit, step, layer, backward, null, source);
        }
        if (PER_UNIT.contains(name) && (unit == 0 || step == 0)) {
            throw new IllegalArgumentException("\"" + name + "\" needs a unit and a step: " + name
                    + (gate != null ? " " + gate : "") + " unit 1 step 2");
        }
        if (unit > 0 && !PER_UNIT.contains(name) && !name.startsWith("grad_")) {
            throw new IllegalArgumentException("\"" + name + "\" takes no unit (units: hidden, cell, gate, grad_h, grad_c)");
        }
        if ((name.equals("prob") || name.startsWith("grad_")) && step == 0) {
            throw new IllegalArgumentException("\"" + name + "\" needs a step");
        }
        return new Quantity(name, gate, symbol, unit, step, layer, backward, null);
    }

    private static int positive(String key, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException(key + " must be a whole number from 1, not \"" + v + "\"");
    }

    /** Splits on spaces, keeping a quoted symbol (which may be a space) as one word with its quotes. */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        String t = text.trim();
        while (i < t.length()) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = t.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("a quote is not closed");
                }
                out.add(t.substring(i, end + 1));
                i = end + 1;
            } else {
                int j = i;
                while (j < t.length() && !Character.isWhitespace(t.charAt(j))) {
                    j++;
                }
                out.add(t.substring(i, j));
                i = j;
            }
        }
        return out;
    }

    /** The words again (for messages and the check command). */
    public String text() {
        StringBuilder b = new StringBuilder(name);
        if (gate != null) {
            b.append(' ').append(gate);
        }
        if (symbol != null) {
            b.append(" \"").append(symbol).append('"');
        }
        if (unit > 0) {
            b.append(" unit ").append(unit);
        }
        if (step == END) {
            b.append(" step end");
        } else if (step > 0) {
            b.append(" step ").append(step);
        }
        if (layer > 0) {
            b.append(" layer ").append(layer);
        }
        if (backward) {
            b.append(" direction backward");
        }
        if (source > 0) {
            b.append(" source ").append(source);
        }
        if (divisor != null) {
            b.append(" / ").append(divisor.text());
        }
        return b.toString();
    }
}
