package rnnlab.ui.seq2seq;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import rnnlab.ui.controls.LabCanvasControl;

/**
 * A canvas view of the encoder–decoder window: a small control that holds what to draw (the
 * {@link Seq2SeqFrame} of the cursor's position) beside the theme, highlight and font size every
 * {@link LabCanvasControl} has; its skin draws it and removes its listeners when disposed.
 */
abstract class S2sView extends LabCanvasControl {
    private final ObjectProperty<Seq2SeqFrame> frame = new SimpleObjectProperty<>(this, "frame");

    S2sView(String styleClass, String id) {
        super(styleClass);
        setId(id);
        setMinSize(200, 120);
    }

    /** The numbers at the cursor (null: no model open, the view says how to get one). */
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
