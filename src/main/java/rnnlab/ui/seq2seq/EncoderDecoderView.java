package rnnlab.ui.seq2seq;

import javafx.scene.control.Skin;

/**
 * The unrolled encoder–decoder ({@code view.seq2seq}): encoder cells (blue) along the bottom over the
 * source tokens, the bridge s₀ — the classic fixed context vector — (green), the decoder cells
 * (vermillion) along the top under the tokens they emit; at the current decoder step, with attention, a
 * line from the decoder cell to every encoder state as thick as its weight a_{t,s}. Drawn by
 * {@link EncoderDecoderSkin}.
 */
final class EncoderDecoderView extends S2sView {
    EncoderDecoderView() {
        super("s2s-unrolled", "s2s.unrolled");
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new EncoderDecoderSkin(this);
    }
}
