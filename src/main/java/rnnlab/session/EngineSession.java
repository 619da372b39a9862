package rnnlab.session;

import java.util.List;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;

/**
 * The model, sequence and run the app shows. Lives on the view model's single engine thread; nothing
 * here is touched from the FX thread.
 */
public final class EngineSession {
    /** The text a new window, and a lesson scene that names none, starts with. */
    public static final String DEFAULT_TEXT = "hello";

    /** The shape the user chose in the model panel. */
    public record Shape(CellType cell, int hidden, int layers, boolean bidirectional, Initialiser init, long seed) {
    }

    public Model model;
    public Sequence sequence;
    public Run run;
    public String text;
    public SequenceText.Mode mode;
    /** True when the vocabulary comes from a model file; false when it follows the typed text. */
    public boolean vocabFixed;
    public String preset;
    public Shape shape;
    /** W_hh factor and pinned gates, kept across runs of the same model. */
    public final RunTweaks tweaks = new RunTweaks();

    /** A character model sized for {@code text}: one-hot inputs, softmax over the same vocabulary. */
    static ModelConfig charConfig(Shape s, List<String> vocab) {
        int v = vocab.size();
        return new ModelConfig(s.cell(), v, s.hidden(), s.layers(), s.bidirectional(), 0, v, Activation.SOFTMAX, vocab);
    }

    /** The current model's structure (inputs, head, vocabulary) with the shape's recurrent part. */
    static ModelConfig reshape(ModelConfig base, Shape s) {
        return new ModelConfig(s.cell(), base.inputSize(), s.hidden(), s.layers(), s.bidirectional(),
                base.embeddingVocab(), base.outputSize(), base.outputActivation(), base.vocab());
    }

    /** Builds a fresh character model for the text (vocabulary from the text). */
    public void buildForText(Shape s, String newText) throws SequenceText.Problem {
        List<String> vocab = SequenceText.vocabOf(newText);
        if (vocab.isEmpty()) {
            throw new SequenceText.Problem("seq.error.tooShort");
        }
        ModelConfig cfg = charConfig(s, vocab);
        Sequence seq = SequenceText.parse(newText, SequenceText.Mode.CHARS, cfg, null);
        install(s.init().create(cfg, s.seed()), seq, newText, SequenceText.Mode.CHARS);
        vocabFixed = false;
        shape = s;
    }

    /** New random weights for the shape, keeping the structure and the sequence when they still fit. */
    public void rebuild(Shape s) throws SequenceText.Problem {
        if (!vocabFixed && mode == SequenceText.Mode.CHARS) {
            buildForText(s, text);
            return;
        }
        ModelConfig cfg = reshape(model.config(), s);
        Model m = s.init().create(cfg, s.seed());
        install(m, sequence, text, mode);
        shape = s;
    }

    public void install(Model m, Sequence seq, String newText, SequenceText.Mode newMode) {
        Run r = new Run(m, seq.length());
        r.load(seq);
        tweaks.adopt(m);
        tweaks.applyTo(r);
        model = m;
        sequence = seq;
        run = r;
        text = newText;
        mode = newMode;
    }

    /** Re-parses the text for the current model; a character model without a fixed vocabulary follows the text. */
    public void editText(String newText) throws SequenceText.Problem {
        if (mode == SequenceText.Mode.CHARS && !vocabFixed && (sequence == null || !SequenceText.keepsItsTargets(sequence))) {
            List<String> vocab = SequenceText.vocabOf(newText);
            if (!vocab.equals(model.config().vocab())) {
                buildForText(shape, newText);
                return;
            }
        }
        Sequence seq = SequenceText.parse(newText, mode, model.config(), sequence);
        int pos = run.position();
        install(model, seq, newText, mode);
        run.seek(Math.min(pos, run.timelineLength()));
    }

    /** Takes a model from a file; keeps the current text when it fits the model, else a default sequence. */
    public void adoptModel(Model m) {
        ModelConfig cfg = m.config();
        SequenceText.Mode newMode = SequenceText.modeFor(cfg, null);
        Sequence seq = null;
        String newText = text;
        if (newMode == mode && text != null) {
            try {
                seq = SequenceText.parse(text, newMode, cfg, null);
            } catch (SequenceText.Problem e) {
                seq = null;
            }
        }
        if (seq == null) {
            seq = defaultSequence(cfg, newMode);
            newText = SequenceText.format(seq, newMode, cfg);
        }
        install(m, seq, newText, newMode);
        vocabFixed = true;
        preset = null;
        shape = new Shape(cfg.cell(), cfg.hiddenSize(), cfg.numLayers(), cfg.bidirectional(),
                shape == null ? Initialiser.PYTORCH_DEFAULT : shape.init(), shape == null ? 1 : shape.seed());
    }

    /** Takes a sequence (from a file) for the current model. */
    public void adoptSequence(Sequence seq) {
        SequenceText.Mode newMode = SequenceText.modeFor(model.config(), seq);
        install(model, seq, SequenceText.format(seq, newMode, model.config()), newMode);
    }

    /** Eight steps cycling through the tokens, or a sine wave for real-valued inputs. */
    static Sequence defaultSequence(ModelConfig cfg, SequenceText.Mode mode) {
        int n = 8;
        if (mode == SequenceText.Mode.NUMBERS) {
            org.ejml.data.DMatrixRMaj in = new org.ejml.data.DMatrixRMaj(n, cfg.inputSize());
            for (int t = 0; t < n; t++) {
                for (int k = 0; k < cfg.inputSize(); k++) {
                    in.set(t, k, Math.round(Math.sin(0.8 * t + k) * 1000) / 1000.0);
                }
            }
            return Sequence.ofInputs(in, null, null, null);
        }
        int[] all = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            all[i] = i % cfg.tokenCount();
        }
        boolean nextToken = cfg.hasHead() && cfg.outputActivation() == Activation.SOFTMAX
                && cfg.outputSize() == cfg.tokenCount();
        if (!nextToken) {
            return Sequence.ofTokens(java.util.Arrays.copyOf(all, n), null, null);
        }
        return Sequence.ofTokens(java.util.Arrays.copyOf(all, n), java.util.Arrays.copyOfRange(all, 1, n + 1),
                rnnlab.engine.TargetSteps.ALL);
    }
}
