package rnnlab.ui.seq2seq;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * The equations and values of the current step ({@code s2s.step}): for a decoder step with attention,
 * score → softmax → context written for this model's kind of attention and a table of every encoder
 * step's score, weight and share of the context; the bridge s₀ while encoding; the gradients in BPTT.
 * Holds only the frame to show; {@link AttentionStepSkin} builds the labels and the table.
 */
final class AttentionStepView extends Control {
    /** One row of the values table. */
    record Row(String step, String token, String score, String weight, String share, String weightGrad,
               String scoreGrad, String stateGrad, String totalGrad) {
        Row(String step, String token, String score, String weight, String share) {
            this(step, token, score, weight, share, "", "", "", "");
        }
    }

    private final ObjectProperty<Seq2SeqFrame> frame = new SimpleObjectProperty<>(this, "frame");

    AttentionStepView() {
        setId("s2s.step");
        getStyleClass().add("s2s-step");
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new AttentionStepSkin(this);
    }

    ObjectProperty<Seq2SeqFrame> frameProperty() {
        return frame;
    }

    Seq2SeqFrame getFrame() {
        return frame.get();
    }

    void setFrame(Seq2SeqFrame f) {
        frame.set(f);
    }
}
