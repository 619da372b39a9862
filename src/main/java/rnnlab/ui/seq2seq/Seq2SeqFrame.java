package rnnlab.ui.seq2seq;

import rnnlab.i18n.Messages;
import rnnlab.ui.viewmodel.seq2seq.Seq2SeqPlayback;

/**
 * What the encoder–decoder window's views draw at one cursor position, as plain data: the view model's
 * snapshot and the few facts of the loaded pair the views print (tokens as text, sizes, the attention
 * kind). The window builds it on the FX thread and sets it on each view's {@code frame} property; the
 * views never call the view model.
 *
 * @param snap          the numbers at this position
 * @param source        the input tokens as shown, one per encoder step
 * @param outputs       the token emitted at each computed decoder step as shown (the end token as ⟨end⟩)
 * @param attention     whether the model has attention
 * @param attentionId   none, additive, dot or general
 * @param outputLength  decoder steps of the whole pair (rows of the attention matrix)
 * @param decoderUnits  the decoder's units (the size of s₀)
 * @param encoderSteps  encoder groups the cursor steps through
 * @param backwardSteps BPTT steps after the forward pass (0 without a target)
 */
record Seq2SeqFrame(Seq2SeqPlayback.Snapshot snap, String[] source, String[] outputs, boolean attention,
                    String attentionId, int outputLength, int decoderUnits, int encoderSteps, int backwardSteps) {

    /** The frame of a snapshot of {@code p} (FX thread, with the pair {@code s} came from still loaded). */
    static Seq2SeqFrame of(Seq2SeqPlayback p, Seq2SeqPlayback.Snapshot s) {
        int[] src = p.source();
        String[] source = new String[src.length];
        for (int i = 0; i < src.length; i++) {
            source[i] = p.sourceSymbol(src[i]);
        }
        int[] out = s.outputs();
        String[] outputs = new String[out.length];
        for (int t = 0; t < out.length; t++) {
            outputs[t] = out[t] == Seq2SeqPlayback.END ? Messages.get("s2s.endToken") : p.targetSymbol(out[t]);
        }
        return new Seq2SeqFrame(s, source, outputs, p.hasAttention(), p.attentionId(), p.outputLength(),
                ((Number) p.shape()[3]).intValue(), p.encoderSteps(), p.backwardSteps());
    }

    int sourceLength() {
        return source.length;
    }

    /** The decoder step the views mark: the one BPTT just passed, or the one just taken (−1 while encoding). */
    int current() {
        return snap.grad() != null ? snap.grad().current() : snap.decoderStep();
    }
}
