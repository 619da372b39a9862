package rnnlab.ui.seq2seq;

import javafx.scene.control.Skin;

/**
 * The attention matrix ({@code view.attention}): a row per decoder step (the output token on the left),
 * a column per encoder step (the input token on top), each cell coloured by its weight a_{t,s} (in BPTT
 * by ∂L/∂a); rows fill in as the decoder steps, the current row is outlined, hovering a cell gives its
 * numbers. Drawn by {@link AttentionMatrixSkin}.
 */
final class AttentionMatrixView extends S2sView {
    AttentionMatrixView() {
        super("s2s-attention", "s2s.attention");
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new AttentionMatrixSkin(this);
    }
}
