package rnnlab.training.tasks;

import rnnlab.training.Init;
import rnnlab.training.Metric;
import rnnlab.training.TrainConfig;
import rnnlab.training.optim.Clipper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ejml.data.DMatrixRMaj;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.engine.LossType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.engine.TargetSteps;
import rnnlab.io.InputException;
import rnnlab.io.Limits;

/**
 * Character-level language model: read a text in windows of T characters, at every step predict the
 * next character (softmax + cross-entropy summed over the window), full BPTT inside a window, the
 * hidden state carried from window to window (as min-char-rnn and the PyTorch benchmark do). Input is
 * one-hot (vocabulary = the 64 commonest characters + 1) or a learned 32-wide embedding. A long text
 * (at least 20 windows) is split in order: the first 80 % for training, the next tenth for validation
 * ({@link #validationStream}, {@link #validationMetric}), the last tenth as the test text of
 * {@link #evaluate}; the metric is bits per character on held-out text (perplexity = 2^bpc). A short
 * text is used whole for all three.
 */
public final class CharLmTask implements Task {
    public static final int EMBEDDING_DIM = 32;
    /** The largest vocabulary {@code --vocab} accepts (characters kept besides the "other" symbol). */
    public static final int MAX_COMMON = 5000;
    private final CharVocab vocab;
    private final int[] train;
    private final int[] validation;
    private final int[] heldOut;
    private final int window;
    private final boolean embedding;

    public CharLmTask(String text, int window, boolean embedding) {
        this(text, window, embedding, CharVocab.DEFAULT_COMMON);
    }

    /** As above, keeping the {@code common} commonest characters (Chinese text needs hundreds, not 64). */
    public CharLmTask(String text, int window, boolean embedding, int common) {
        this.window = SequenceTask.require(window, 1, 10_000, "the window length T");
        this.vocab = CharVocab.of(text, SequenceTask.require(common, 2, MAX_COMMON, "the vocabulary size"));
        int[] all = vocab.encode(text);
        if (all.length < window + 2) {
            throw new IllegalArgumentException("the text has " + all.length + " characters; it needs at least "
                    + (window + 2) + " for windows of " + window);
        }
        if (all.length >= 20 * (window + 1)) {
            int cut = all.length - all.length / 10;
            int valCut = cut - all.length / 10;
            train = java.util.Arrays.copyOfRange(all, 0, valCut);
            validation = java.util.Arrays.copyOfRange(all, valCut, cut);
            heldOut = java.util.Arrays.copyOfRange(all, cut, all.length);
        } else {
            train = all;
            validation = all;
            heldOut = all;
        }
        this.embedding = embedding;
    }

    /** Reads a UTF-8 text file (malformed bytes become U+FFFD). */
    public static String readText(Path file) throws IOException, InputException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file.toString(), "", "no such file");
        }
        if (Files.size(file) > Limits.MAX_FILE_BYTES) {
            throw new InputException(file.toString(), "", "file larger than " + Limits.MAX_FILE_BYTES + " bytes");
        }
        byte[] b = Files.readAllBytes(file);
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(b)).toString();
    }

    /** The small text that ships with RNN Lab (assets/memory.txt on the class path). */
    public static String defaultText() {
        try (var in = CharLmTask.class.getResourceAsStream("/assets/memory.txt")) {
            if (in == null) {
                throw new IllegalStateException("assets/memory.txt is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public CharVocab vocab() {
        return vocab;
    }

    @Override
    public String name() {
        return "charlm";
    }

    @Override
    public String teaches() {
        return "One-to-many generation: a net that only ever predicts the next character learns spelling, "
                + "words and punctuation, and can then write text of its own.";
    }

    @Override
    public int length() {
        return window;
    }

    @Override
    public ModelConfig config(CellType cell, int hidden, int layers) {
        int v = vocab.size();
        return new ModelConfig(cell, embedding ? EMBEDDING_DIM : v, hidden, layers, false, embedding ? v : 0, v,
                Activation.SOFTMAX, vocab.symbols());
    }

    @Override
    public TrainConfig defaults() {
        return new TrainConfig(CellType.LSTM, 64, 1, 500, "adam", 2e-3, Clipper.Mode.NORM, 5.0, 1, 1, null);
    }

    @Override
    public Init init(CellType cell) {
        return Init.PYTORCH;
    }

    /** Characters in the training, validation and test parts of the text (the same text thrice when short). */
    public int[] splitSizes() {
        return new int[] {train.length, validation.length, heldOut.length};
    }

    @Override
    public DataStream stream(long seed) {
        return windows(train);
    }

    /** The validation text in consecutive windows from its start, the state carried (wraps with a fresh state). */
    @Override
    public DataStream validationStream(long seed) {
        return windows(validation);
    }

    private DataStream windows(int[] text) {
        return new DataStream() {
            private final int[] x = new int[window];
            private final int[] y = new int[window];
            private int p;
            private DMatrixRMaj h0;
            private DMatrixRMaj c0;
            private Sequence seq;

            @Override
            public boolean carriesState() {
                return true;
            }

            @Override
            public void bindState(DMatrixRMaj h, DMatrixRMaj c) {
                h0 = h;
                c0 = c;
            }

            @Override
            public Sequence next() {
                if (seq == null) {
                    seq = Sequence.of(null, x, y, null, TargetSteps.ALL, LossType.CROSS_ENTROPY, h0, c0);
                }
                if (p + window + 1 >= text.length) {
                    // back to the start of the text, with a fresh state
                    p = 0;
                    SineTask.zero(h0);
                    SineTask.zero(c0);
                }
                System.arraycopy(text, p, x, 0, window);
                System.arraycopy(text, p + 1, y, 0, window);
                p += window;
                return seq;
            }
        };
    }

    /** Bits per character on (up to 3000 characters of) the held-out test text. */
    @Override
    public Metric evaluate(Model model, long seed) {
        return bitsPerChar(model, heldOut);
    }

    /** Bits per character on (up to 3000 characters of) the validation text. */
    @Override
    public Metric validationMetric(Model model, long seed) {
        return bitsPerChar(model, validation);
    }

    private Metric bitsPerChar(Model model, int[] text) {
        ModelConfig c = model.config();
        int rows = c.numLayers() * c.directions();
        DMatrixRMaj h = new DMatrixRMaj(rows, c.hiddenSize());
        DMatrixRMaj cs = new DMatrixRMaj(rows, c.hiddenSize());
        int[] x = new int[window];
        int[] y = new int[window];
        Sequence s = Sequence.of(null, x, y, null, TargetSteps.ALL, LossType.CROSS_ENTROPY, h, cs);
        Run run = new Run(model, window);
        double nats = 0;
        int n = 0;
        for (int p = 0; p + window + 1 <= text.length && n < 3000; p += window) {
            System.arraycopy(text, p, x, 0, window);
            System.arraycopy(text, p + 1, y, 0, window);
            run.load(s);
            run.forward();
            run.finalState(h, cs);
            nats += run.loss();
            n += window;
        }
        return Metric.error(Metric.BITS_PER_CHAR, nats / n / Math.log(2), Double.NaN);
    }
}
