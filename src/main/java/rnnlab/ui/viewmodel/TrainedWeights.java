package rnnlab.ui.viewmodel;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;
import rnnlab.engine.Sequence;
import rnnlab.i18n.Messages;
import rnnlab.session.EngineSession;
import rnnlab.session.Frame;
import rnnlab.session.FrameFactory;

/**
 * The views following a model as it trains. With the same architecture as the model shown, only
 * the weights change and the frame is rebuilt for the same sequence and cursor (forward up to the
 * cursor, BPTT only when the cursor is in BPTT); the trained weights become the new reference for the
 * W_hh factor (which returns to 1). Otherwise the model is adopted like a model file.
 *
 * <p>Only the newest snapshot counts: snapshots that arrive while one is being prepared replace each
 * other. The costly part of new weights, the gradient-flow analysis (65–95 ms for an LSTM with
 * H = 128), is computed on a thread of its own ({@code rnnlab-weights}) from the snapshot before the
 * weights go to the engine thread, which then only copies them, recomputes the trace up to the cursor
 * and hands the analysis to the frame factory. So a step the user asks for meanwhile waits for at most
 * that short hand-over (before issue 12 the analysis ran on the engine thread, and every step after new
 * weights computed it again: 100 ms of engine time per step), and every frame's analysis belongs to the
 * weights it shows.
 */
final class TrainedWeights {
    /** A copy of the trained model, and whether it is training's last. */
    private record Snapshot(Model model, boolean last, long generation) {
    }

    /** A snapshot with its analysis over {@code sequence} (both null: not computed, the engine thread does it). */
    private record Prepared(Model model, boolean last, Sequence sequence, Frame.Analysis analysis, long generation) {
    }

    /** What the engine thread shows: the worker computes the analysis for this sequence when the shape fits. */
    private record Shown(ModelConfig config, Sequence sequence) {
    }

    private final EngineSide side;
    private final FrameFactory frames;
    private final Executor worker;
    private final ExecutorService ownWorker;
    /** The analysis of a snapshot over a sequence (worker thread). */
    private final java.util.function.BiFunction<Model, Sequence, Frame.Analysis> analyse;
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private final AtomicReference<Prepared> ready = new AtomicReference<>();
    private volatile Shown shown;
    /** Bumped when training's model gives way to the one shown before it: snapshots of an older generation are dropped. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    TrainedWeights(EngineSide side, FrameFactory frames) {
        this.side = side;
        this.frames = frames;
        // the thread starts with the first snapshot
        this.ownWorker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rnnlab-weights");
            t.setDaemon(true);
            return t;
        });
        this.worker = ownWorker;
        this.analyse = FrameFactory::compute;
    }

    /** With the thread that prepares snapshots and how it computes the analysis given (tests). */
    TrainedWeights(EngineSide side, FrameFactory frames, Executor worker,
                   java.util.function.BiFunction<Model, Sequence, Frame.Analysis> analyse) {
        this.side = side;
        this.frames = frames;
        this.worker = worker;
        this.ownWorker = null;
        this.analyse = analyse;
    }

    /** Any thread. */
    void show(Model snapshot, boolean isLast) {
        if (latest.getAndSet(new Snapshot(snapshot, isLast, generation.get())) != null) {
            return; // a preparation is already queued; it will take this newer snapshot
        }
        worker.execute(this::prepare);
    }

    /**
     * Training ended and the model shown before it comes back: snapshots not yet shown are dropped, so that
     * training's last weights, prepared on the worker, cannot replace the restored model after it. Any thread.
     */
    void discardPending() {
        generation.incrementAndGet();
    }

    void shutdown() {
        if (ownWorker != null) {
            ownWorker.shutdownNow();
        }
    }

    /** Worker thread: the analysis of the newest snapshot, then to the engine thread. */
    private void prepare() {
        Snapshot s = latest.getAndSet(null);
        if (s == null) {
            return;
        }
        Shown now = shown;
        Sequence seq = null;
        Frame.Analysis a = null;
        if (now != null && now.config().equals(s.model().config())) {
            try {
                a = analyse.apply(s.model(), now.sequence());
                seq = now.sequence();
            } catch (RuntimeException e) {
                a = null; // the engine thread computes it, and reports what fails there
            }
        }
        if (ready.getAndSet(new Prepared(s.model(), s.last(), seq, a, s.generation())) != null) {
            return; // the engine has not taken the one before: it takes this newer one instead
        }
        side.engine().quick(this::apply);
    }

    private void apply() {
        Prepared p = ready.getAndSet(null);
        if (p == null || p.generation() != generation.get()) {
            return;
        }
        EngineSession session = side.session();
        if (!session.vocabFixed || !session.model.config().equals(p.model().config())) {
            session.adoptModel(p.model());
            shown = new Shown(session.model.config(), session.sequence);
            side.frames().publish(false, 0, true, Messages.get("training.status.viewsFollow"));
            return;
        }
        int pos = session.run.position();
        boolean wasScaled = session.tweaks.scale() != 1;
        session.model.params().setFrom(p.model().params());
        session.tweaks.rebase(session.model);
        session.run.load(session.sequence);
        session.run.seek(pos);
        if (p.analysis() != null && p.sequence() == session.sequence) {
            // the session's weights are now the snapshot's: its analysis is theirs
            frames.remember(session.run, p.analysis());
        } // else the sequence changed meanwhile: the frame computes the analysis here, once
        shown = new Shown(session.model.config(), session.sequence);
        // with information (which carries the W_hh factor, now 1) only when something besides weights changed
        side.frames().publish(false, 0, wasScaled || p.last());
    }
}
