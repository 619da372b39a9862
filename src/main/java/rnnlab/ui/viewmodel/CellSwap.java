package rnnlab.ui.viewmodel;

import javafx.application.Platform;
import rnnlab.engine.CellType;
import rnnlab.engine.Model;
import rnnlab.engine.Sequence;
import rnnlab.session.EngineSession;
import rnnlab.session.SequenceText;

/**
 * A view model for a comparison column: the same sequence, structure (inputs, embedding, output head,
 * hidden size, layers), seed and initialisation as another view model, with another cell type and
 * fresh weights from that seed. Works for typed text, token and real-valued sequences alike.
 */
public final class CellSwap {
    private CellSwap() {
    }

    /** A new view model like {@code source} but with the cell {@code cellId}; call on the FX thread. */
    public static RunViewModel of(RunViewModel source, String cellId) {
        CellType cell = CellType.fromId(cellId);
        if (cell == null) {
            throw new IllegalArgumentException("unknown cell " + cellId);
        }
        RunViewModel target = new RunViewModel();
        // read the source's state on its engine thread, then build on the target's
        source.engine.quick(() -> {
            EngineSession s = source.session;
            Model model = s.model;
            Sequence seq = s.sequence;
            String text = s.text;
            SequenceText.Mode mode = s.mode;
            boolean fixed = s.vocabFixed;
            EngineSession.Shape shape = new EngineSession.Shape(cell, s.shape.hidden(), s.shape.layers(),
                    s.shape.bidirectional(), s.shape.init(), s.shape.seed());
            Platform.runLater(() -> target.engine.command(() -> {
                EngineSession t = target.session;
                t.model = model;
                t.sequence = seq;
                t.text = text;
                t.mode = mode;
                t.vocabFixed = fixed;
                t.rebuild(shape);
                t.preset = null;
                target.publish(false, 0, true, null);
            }));
        });
        return target;
    }
}
