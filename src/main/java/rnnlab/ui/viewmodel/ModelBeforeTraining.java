package rnnlab.ui.viewmodel;

import rnnlab.engine.Model;
import rnnlab.engine.Sequence;
import rnnlab.session.EngineSession;
import rnnlab.session.SequenceText;

/**
 * What the views showed when training started (issue 12): the model, its sequence and text, and the
 * timeline position. When the task needs a model of its own, the views follow that model while it
 * trains, and this puts the teacher's model and sequence back when training ends. Engine thread only.
 */
record ModelBeforeTraining(Model model, Sequence sequence, String text, SequenceText.Mode mode, boolean vocabFixed,
                           String preset, EngineSession.Shape shape, int position) {

    static ModelBeforeTraining of(EngineSession s) {
        return new ModelBeforeTraining(s.model.copy(), s.sequence, s.text, s.mode, s.vocabFixed, s.preset, s.shape,
                s.run.position());
    }

    void restore(EngineSession s) {
        s.install(model, sequence, text, mode);
        s.vocabFixed = vocabFixed;
        s.preset = preset;
        s.shape = shape;
        s.run.seek(Math.min(position, s.run.timelineLength()));
    }
}
