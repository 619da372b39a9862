package rnnlab.session;

import java.util.ArrayList;
import java.util.List;
import rnnlab.engine.AttentionKind;
import rnnlab.io.InputException;
import rnnlab.io.Seq2SeqIO;
import rnnlab.lessons.Quantity;
import rnnlab.lessons.Seq2SeqShow;

/**
 * The lesson checkpoints of an encoder–decoder step: a {@link Quantity} of {@link Quantity#SEQ2SEQ}
 * computed from the model file and input of the scene's {@code seq2seq:} line, with {@link Seq2SeqCursor}
 * exactly as the encoder–decoder window decodes it (greedily, at most {@link #MAX_STEPS} outputs) or, for
 * the loss and gradients, teacher-forced on the quoted target with the whole BPTT. Headless; a quantity
 * that does not fit the model (a step past the output, an input step past the input, a symbol outside the
 * vocabulary, attention of a model without it) is an IllegalArgumentException whose message says so.
 */
public final class Seq2SeqQuantities {
    /** As the window: greedy decoding stops after this many outputs. */
    public static final int MAX_STEPS = 40;

    private Seq2SeqQuantities() {
    }

    /** The quantity (and its ratio, if it has a divisor) for the scene's encoder–decoder. */
    public static double evaluate(Quantity q, Seq2SeqShow show) throws InputException {
        if (show == null) {
            throw new IllegalArgumentException("\"" + q.text() + "\" needs a seq2seq: line in the step's scene");
        }
        Seq2SeqIO.Loaded m = Seq2SeqIO.read(show.model());
        double v = value(q, m, show.input());
        if (q.divisor() == null) {
            return v;
        }
        if (!q.divisor().seq2seq()) {
            throw new IllegalArgumentException("\"" + q.text() + "\": an encoder–decoder quantity can only be divided by another one");
        }
        return v / value(q.divisor(), m, show.input());
    }

    static double value(Quantity q, Seq2SeqIO.Loaded m, String input) {
        int[] src = tokens(m.sourceVocab(), input, "the input \"" + input + "\"", "input");
        return switch (q.name()) {
            case "attention", "attention_argmax" -> {
                if (m.model().config().attention() == AttentionKind.NONE) {
                    throw new IllegalArgumentException("\"" + q.text() + "\": this model has no attention");
                }
                Seq2SeqCursor c = Seq2SeqCursor.greedy(m, src, MAX_STEPS);
                c.forwardToEnd();
                int n = c.decoderDone();
                int t = q.step() == Quantity.END ? n - 1 : q.step() - 1;
                if (t >= n) {
                    throw new IllegalArgumentException("\"" + q.text() + "\": decoder step " + q.step()
                            + " is past the output's " + n + " steps (its symbols and the end token)");
                }
                double[] a = c.decoderStep(t).weights();
                if (q.name().equals("attention_argmax")) {
                    int best = 0;
                    for (int s = 1; s < a.length; s++) {
                        best = a[s] > a[best] ? s : best;
                    }
                    yield best + 1;
                }
                yield a[sourceIndex(q, src.length)];
            }
            case "output_length" -> greedyOutput(m, src).length;
            case "output_correct" -> {
                int[] want = tokens(m.targetVocab(), q.symbol(), "\"" + q.symbol() + "\"", "output");
                int[] got = greedyOutput(m, src);
                int right = 0;
                for (int i = 0; i < Math.min(want.length, got.length); i++) {
                    right += want[i] == got[i] ? 1 : 0;
                }
                yield right;
            }
            case "s2s_loss", "grad_enc" -> {
                int[] target = tokens(m.targetVocab(), q.symbol(), "\"" + q.symbol() + "\"", "output");
                Seq2SeqCursor c = Seq2SeqCursor.teacherForced(m, src, target);
                c.forwardToEnd();
                while (c.stepBackward()) {
                    // the whole BPTT
                }
                if (q.name().equals("s2s_loss")) {
                    yield c.loss();
                }
                int s = sourceIndex(q, src.length);
                var g = c.run().encoderStateGradients();
                double sum = 0;
                for (int k = 0; k < g.numCols; k++) {
                    sum += g.get(s, k) * g.get(s, k);
                }
                yield Math.sqrt(sum);
            }
            default -> throw new IllegalArgumentException("\"" + q.name() + "\" is not an encoder–decoder quantity");
        };
    }

    private static int sourceIndex(Quantity q, int length) {
        if (q.source() > length) {
            throw new IllegalArgumentException("\"" + q.text() + "\": input step " + q.source() + " is past the input's "
                    + length + " symbols");
        }
        return q.source() - 1;
    }

    private static int[] greedyOutput(Seq2SeqIO.Loaded m, int[] src) {
        Seq2SeqCursor c = Seq2SeqCursor.greedy(m, src, MAX_STEPS);
        c.forwardToEnd();
        return c.generated();
    }

    /** Symbols of {@code text} in {@code vocab} (words when the vocabulary has words), or a message naming the symbol. */
    static int[] tokens(List<String> vocab, String text, String what, String side) {
        List<String> parts = new ArrayList<>();
        if (Seq2SeqCursor.words(vocab)) {
            for (String w : text.strip().split("\\s+")) {
                if (!w.isEmpty()) {
                    parts.add(w);
                }
            }
        } else {
            text.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        if (parts.size() > MAX_STEPS) {
            throw new IllegalArgumentException(what + " has " + parts.size() + " symbols; at most " + MAX_STEPS);
        }
        int[] out = new int[parts.size()];
        for (int i = 0; i < out.length; i++) {
            int k = vocab.indexOf(parts.get(i));
            if (k < 0 || parts.get(i).startsWith("<")) {
                throw new IllegalArgumentException(what + ": \"" + parts.get(i) + "\" (symbol " + (i + 1)
                        + ") is not in the model's " + side + " vocabulary " + String.join(" ", vocab));
            }
            out[i] = k;
        }
        return out;
    }
}
