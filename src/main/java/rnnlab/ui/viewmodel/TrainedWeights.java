package rnnlab.ui.viewmodel;

import java.util.concurrent.atomic.AtomicReference;
import rnnlab.engine.Model;
import rnnlab.i18n.Messages;
import rnnlab.session.EngineSession;
import rnnlab.session.Frame;
import rnnlab.session.FrameFactory;

/**
 * The views following a model as it trains. With the same architecture as the model shown, only
 * the weights change and the frame is rebuilt for the same sequence and cursor; the trained weights
 * become the new reference for the W_hh factor (which returns to 1). The gradient-flow analysis
 * (65–95 ms for an LSTM with H = 128) lags by up to a second, except for the last weights. Otherwise
 * the model is adopted like a model file. Only the latest snapshot is used.
 */
final class TrainedWeights {
    /** While training streams weights, the (costly) gradient-flow analysis is redone at most this often. */
    static final long ANALYSIS_EVERY_NS = 1_000_000_000L;
    private final EngineSide side;
    private final FrameFactory frames;
    private final AtomicReference<Model> latest = new AtomicReference<>();
    private volatile boolean last;
    /** Engine thread: the analysis reused while weights stream in (null: compute as usual). */
    private Frame.Analysis analysis;
    private Frame.Analysis inUse;
    private long analysisAt;

    TrainedWeights(EngineSide side, FrameFactory frames) {
        this.side = side;
        this.frames = frames;
    }

    /** Any thread. */
    void show(Model snapshot, boolean isLast) {
        last = isLast;
        if (latest.getAndSet(snapshot) != null) {
            return; // a hand-over is already queued; it will take this newer snapshot
        }
        side.engine().quick(this::apply);
    }

    /** Engine thread: the analysis the frame being built should use (null: the usual one). */
    Frame.Analysis analysisInUse() {
        return inUse;
    }

    private void apply() {
        Model m = latest.getAndSet(null);
        if (m == null) {
            return;
        }
        EngineSession session = side.session();
        if (!session.vocabFixed || !session.model.config().equals(m.config())) {
            session.adoptModel(m);
            side.frames().publish(false, 0, true, Messages.get("training.status.viewsFollow"));
            return;
        }
        int pos = session.run.position();
        boolean wasScaled = session.tweaks.scale() != 1;
        session.model.params().setFrom(m.params());
        session.tweaks.rebase(session.model);
        session.run.load(session.sequence);
        session.run.seek(pos);
        long now = System.nanoTime();
        if (last || analysis == null || now - analysisAt > ANALYSIS_EVERY_NS) {
            analysis = frames.analysisOf(session.run);
            analysisAt = now;
        }
        inUse = analysis;
        try {
            // with information (which carries the W_hh factor, now 1) only when something besides weights changed
            side.frames().publish(false, 0, wasScaled || last);
        } finally {
            inUse = null;
        }
    }
}
