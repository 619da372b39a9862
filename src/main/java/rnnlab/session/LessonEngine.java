package rnnlab.session;

import rnnlab.engine.CellType;
import rnnlab.engine.Dynamics;
import rnnlab.engine.LayerState;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.io.InputException;
import rnnlab.io.ModelIO;
import rnnlab.io.Preset;
import rnnlab.io.SequenceIO;
import rnnlab.lessons.Quantity;
import rnnlab.lessons.Scene;

/**
 * Lessons meet the engine here: a scene's model, text or sequence and W_hh factor are built exactly as
 * the app builds them ({@link EngineSession}), and a checkpoint's {@link Quantity} is computed from a
 * complete forward pass and BPTT of that model. Headless and not thread-safe: the app calls it on its
 * engine thread, the {@code lessons check} command on its own.
 */
public final class LessonEngine {
    /** A model and sequence built for a scene, and the factor on W_hh. */
    public static final class Built {
        final EngineSession session;
        final rnnlab.lessons.Seq2SeqShow seq2seq;

        Built(EngineSession session, rnnlab.lessons.Seq2SeqShow seq2seq) {
            this.session = session;
            this.seq2seq = seq2seq;
        }

        public ModelConfig config() {
            return session.model.config();
        }

        public int steps() {
            return session.sequence.length();
        }

        public double scale() {
            return session.tweaks.scale();
        }
    }

    private LessonEngine() {
    }

    /** The shape a scene asks for (preset with its overrides); null for a model file. */
    static EngineSession.Shape shape(Scene sc) {
        Preset p = sc.preset() == null ? null : Preset.fromId(sc.preset());
        if (p == null) {
            return null;
        }
        CellType cell = sc.cell() != null ? CellType.fromId(sc.cell()) : p.cell;
        int hidden = sc.hiddenSize() != null ? sc.hiddenSize() : p.hidden;
        int layers = sc.layers() != null ? sc.layers() : p.layers;
        boolean bidi = sc.bidirectional() != null ? sc.bidirectional() : p.bidirectional;
        Initialiser init = sc.init() != null ? Initialiser.fromId(sc.init()) : Initialiser.PYTORCH_DEFAULT;
        long seed = sc.seed() != null ? sc.seed() : 1;
        return new EngineSession.Shape(cell, hidden, layers, bidi, init == null ? Initialiser.PYTORCH_DEFAULT : init, seed);
    }

    /** Builds the scene's model and sequence (with its W_hh factor) in a fresh session. */
    public static Built build(Scene sc) throws InputException, SequenceText.Problem {
        EngineSession s = new EngineSession();
        apply(s, sc);
        return new Built(s, sc.seq2seq());
    }

    /** Puts the scene's model, sequence and W_hh factor into {@code s}, as the app's own commands would. */
    public static void apply(EngineSession s, Scene sc) throws InputException, SequenceText.Problem {
        if (sc.model() != null) {
            s.adoptModel(rnnlab.io.imports.ModelFiles.read(sc.model())
                    .modelFor(sc.sequence() == null ? null : rnnlab.io.imports.ModelFiles.lossOf(sc.sequence())));
            if (sc.sequence() != null) {
                s.adoptSequence(rnnlab.io.SequenceFiles.read(sc.sequence(), s.model.config()));
            } else if (sc.text() != null) {
                s.editText(sc.text());
            }
        } else {
            EngineSession.Shape shape = shape(sc);
            if (shape == null) {
                throw new IllegalArgumentException("a scene needs a preset or a model file");
            }
            s.buildForText(shape, sc.text() != null ? sc.text() : EngineSession.DEFAULT_TEXT);
            s.preset = sc.preset();
        }
        if (!sc.set().isEmpty()) {
            for (rnnlab.lessons.WeightEdit e : sc.set()) {
                edit(s.model, e);
            }
            // a fresh run over the edited weights
            s.install(s.model, s.sequence, s.text, s.mode);
        }
        s.tweaks.setScale(sc.wHhScale() != null ? sc.wHhScale() : 1);
    }

    /** A {@code set:} refused by the step's model: the edit's line and what the model has. */
    public static final class EditRefused extends IllegalArgumentException {
        public final transient rnnlab.lessons.WeightEdit edit;

        EditRefused(rnnlab.lessons.WeightEdit edit, String message) {
            super(message);
            this.edit = edit;
        }
    }

    /** Changes one number of the model's weights, or says why not (unknown name, index out of range). */
    static void edit(rnnlab.engine.Model m, rnnlab.lessons.WeightEdit e) {
        java.util.List<String> names = new java.util.ArrayList<>(m.params().names());
        if (!names.contains(e.param())) {
            throw new EditRefused(e, "\"" + e.param() + "\" is not a weight of this model; it has " + String.join(", ", names));
        }
        org.ejml.data.DMatrixRMaj w = m.param(e.param());
        boolean vector = e.param().contains("bias") && (w.numCols == 1 || w.numRows == 1);
        if (vector && e.col() < 0) {
            int n = w.getNumElements();
            if (e.row() >= n) {
                throw new EditRefused(e, e.param() + " has " + n + " numbers (indices 0 to " + (n - 1) + "), not [" + e.row() + "]");
            }
            w.set(e.row(), e.value());
            return;
        }
        if (vector) {
            throw new EditRefused(e, e.param() + " is a list of numbers: give one index, " + e.param() + "[" + e.row() + "]");
        }
        if (e.col() < 0) {
            throw new EditRefused(e, e.param() + " is a " + w.numRows + " x " + w.numCols + " matrix: give [row][column]");
        }
        if (e.row() >= w.numRows || e.col() >= w.numCols) {
            throw new EditRefused(e, e.param() + " is " + w.numRows + " x " + w.numCols + " (rows 0 to " + (w.numRows - 1)
                    + ", columns 0 to " + (w.numCols - 1) + "), not [" + e.row() + "][" + e.col() + "]");
        }
        w.set(e.row(), e.col(), e.value());
    }

    /** The quantity for the model and sequence built for a scene. */
    public static double evaluate(Quantity q, Built b) {
        return evaluate(q, b.session, b.seq2seq);
    }

    /**
     * As {@link #evaluate(Quantity, EngineSession)}, but an encoder–decoder quantity ({@link Quantity#seq2seq()})
     * is computed from the step's {@code seq2seq:} model and input ({@link Seq2SeqQuantities}).
     */
    public static double evaluate(Quantity q, EngineSession s, rnnlab.lessons.Seq2SeqShow seq2seq) {
        if (q.seq2seq()) {
            try {
                return Seq2SeqQuantities.evaluate(q, seq2seq);
            } catch (InputException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return evaluate(q, s);
    }

    /** The quantity for a session's model and sequence (a fresh run: the session's own run is not moved). */
    public static double evaluate(Quantity q, EngineSession s) {
        Run run = new Run(s.model, s.sequence.length());
        run.load(s.sequence);
        if (s.sequence.hasLoss()) {
            run.forwardBackward();
        } else {
            run.forward();
        }
        double v = value(q, run, s);
        return q.divisor() == null ? v : v / value(q.divisor(), run, s);
    }

    private static double value(Quantity q, Run run, EngineSession s) {
        ModelConfig cfg = s.model.config();
        int l = q.layerIndex();
        int d = q.backward() ? 1 : 0;
        int t = q.step() == Quantity.END ? s.sequence.length() - 1 : q.step() - 1;
        int u = q.unit() - 1;
        return switch (q.name()) {
            case "hidden" -> run.layer(l, d).hidden(t, u);
            case "cell" -> run.layer(l, d).cell(t, u);
            case "gate" -> run.layer(l, d).gate(t, block(cfg.cell(), q.gate()), u);
            case "prob" -> {
                int k = cfg.vocab() == null ? -1 : cfg.vocab().indexOf(q.symbol());
                if (k < 0) {
                    throw new IllegalArgumentException("\"" + q.symbol() + "\" is not in the vocabulary");
                }
                yield run.outputs().get(t, k);
            }
            case "loss" -> q.step() > 0 ? run.stepLoss(t) : run.loss();
            // with a unit: that unit's gradient (signed); without: the norm over all units
            case "grad_h" -> u >= 0 ? run.layer(l, d).gradHidden(t, u) : norm(run.layer(l, d), t, cfg.hiddenSize(), false);
            case "grad_c" -> u >= 0 ? run.layer(l, d).gradCell(t, u) : norm(run.layer(l, d), t, cfg.hiddenSize(), true);
            case "rho" -> rho(s, l, d);
            case "sigma_max" -> sigmaMax(s, l, d);
            case "params" -> cfg.parameterCount();
            case "steps" -> s.sequence.length();
            case "hidden_size" -> cfg.hiddenSize();
            case "w_hh_scale" -> s.tweaks.scale();
            default -> throw new IllegalArgumentException("unknown quantity " + q.name());
        };
    }

    private static int block(CellType cell, String gate) {
        String[] names = cell.gateNames();
        for (int b = 0; b < names.length; b++) {
            if (names[b].equals(gate)) {
                return b;
            }
        }
        throw new IllegalArgumentException("a " + cell.id() + " cell has no gate " + gate);
    }

    private static double norm(LayerState st, int t, int h, boolean cell) {
        double sum = 0;
        for (int u = 0; u < h; u++) {
            double g = cell ? st.gradCell(t, u) : st.gradHidden(t, u);
            sum += g * g;
        }
        return Math.sqrt(sum);
    }

    /** ρ(W_hh): of the whole matrix for a vanilla RNN, the largest over the gate blocks for a gated cell. */
    private static double rho(EngineSession s, int l, int d) {
        double r = 0;
        for (int b = 0; b < s.model.config().cell().blocks(); b++) {
            r = Math.max(r, Dynamics.spectralRadius(Dynamics.recurrentBlock(s.model, l, d, b)));
        }
        return r;
    }

    /** σ_max(W_hh), its largest singular value: of the whole matrix, or the largest over the gate blocks. */
    private static double sigmaMax(EngineSession s, int l, int d) {
        double r = 0;
        for (int b = 0; b < s.model.config().cell().blocks(); b++) {
            r = Math.max(r, rnnlab.engine.GradientFlow.sigmaMax(Dynamics.recurrentBlock(s.model, l, d, b)));
        }
        return r;
    }
}
