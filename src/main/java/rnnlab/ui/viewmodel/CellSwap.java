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
        EngineSide from = source.engineSide();
        EngineSide to = target.engineSide();
        from.engine().quick(() -> {
            EngineSession s = from.session();
            Model model = s.model;
            Sequence seq = s.sequence;
            String text = s.text;
            SequenceText.Mode mode = s.mode;
            boolean fixed = s.vocabFixed;
            EngineSession.Shape shape = new EngineSession.Shape(cell, s.shape.hidden(), s.shape.layers(),
                    s.shape.bidirectional(), s.shape.init(), s.shape.seed());
            // two engine threads: a command is handed to the target's from the FX thread, as every command is
            Platform.runLater(() -> to.engine().command(() -> {
                EngineSession t = to.session();
                t.model = model;
                t.sequence = seq;
                t.text = text;
                t.mode = mode;
                t.vocabFixed = fixed;
                t.rebuild(shape);
                t.preset = null;
                to.frames().publish(false, 0, true);
            }));
        });
        return target;
    }
}
