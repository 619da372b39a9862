package rnnlab.ui.viewmodel.seq2seq;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import rnnlab.i18n.Messages;

/**
 * The encoder–decoder window's cursor off the FX thread, as the main window's {@code RunViewModel} does it:
 * decoding a pair ({@link Seq2SeqPlayback#loaded}) and computing a cursor position ({@link Seq2SeqPlayback#at},
 * forward steps and BPTT) run on one worker thread; the FX thread only asks and then reads immutable
 * {@link Shown} results from {@link #shownProperty()}.
 *
 * <ul>
 *   <li>Latest request wins: seeks asked for while the worker is busy replace each other, and only the last
 *       is computed; a decode drops the seeks asked for before it.</li>
 *   <li>Results are coalesced too: if the worker is faster than the FX thread, a result not yet shown is
 *       replaced by the newer one, so the FX thread gets at most one hand-over per pulse.</li>
 *   <li>The FX thread allocates nothing per step: the snapshot (plain arrays) is built on the worker.</li>
 * </ul>
 */
public final class Seq2SeqStepper {
    /**
     * One result for the views.
     *
     * @param playback     the decoded pair (the FX thread reads only its lengths, tokens and step counts)
     * @param snapshot     the numbers at the cursor position
     * @param output       the decoded output text (without the end token)
     * @param load         which decode this belongs to (counts from 1)
     * @param commandNanos {@link System#nanoTime()} when the request was made
     * @param computeNanos how long the worker took to compute it
     */
    public record Shown(Seq2SeqPlayback playback, Seq2SeqPlayback.Snapshot snapshot, String output, long load,
                        long commandNanos, long computeNanos) {
    }

    /** The narrowest and widest beam the window offers (width 1 is greedy decoding, which the cursor shows). */
    public static final int MIN_BEAM = 2;
    public static final int MAX_BEAM = 8;

    /**
     * One candidate of a beam search, for the window's list.
     *
     * @param text     the output as text (without the end token)
     * @param logProb  its total log-probability Σ log p (BeamSearch has no length-normalised score)
     * @param finished whether it emitted the end token within the step limit
     * @param chosen   whether it is the beam's answer (the first: the highest total log-probability)
     */
    public record Candidate(String text, double logProb, boolean finished, boolean chosen) {
    }

    /** A beam search's candidates for one input, best first; {@code number} is that of its request. */
    public record Beam(String input, int width, List<Candidate> candidates, long number) {
    }

    /** Told on the FX thread when a result is shown (bench-ui --seq2seq measures step latency with it). */
    public interface Applied {
        void applied(long commandNanos, long computeNanos);
    }

    private record Load(Seq2SeqPlayback base, String text, String target, long number, long nanos) {
    }

    private record BeamRequest(Seq2SeqPlayback base, String text, int width, long number) {
    }

    /** What the worker has still to do: at most one decode, then at most one seek (null: position 0). */
    private record Request(Load load, int position, long nanos) {
    }

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rnnlab-seq2seq");
        t.setDaemon(true);
        return t;
    });
    private final Executor resultThread;
    private final AtomicReference<Request> request = new AtomicReference<>();
    private final AtomicReference<Shown> pending = new AtomicReference<>();
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final AtomicReference<BeamRequest> beamRequest = new AtomicReference<>();
    private final ReadOnlyObjectWrapper<Beam> beam = new ReadOnlyObjectWrapper<>(this, "beam");
    /** Beam searches asked for or cleared (FX thread): a result of an older one is dropped. */
    private long beams;
    private Applied applied = (c, b) -> { };
    /** Decodes asked for (FX thread). */
    private long loads;
    /** Worker thread only. */
    private Seq2SeqPlayback current;
    private String currentOutput;
    private long currentLoad;
    /** Tests: run on the worker before each computation. */
    private volatile Runnable beforeCompute = () -> { };

    /** Results go to the FX thread. */
    public Seq2SeqStepper() {
        this(Platform::runLater);
    }

    /** Results go to {@code resultThread} (the FX thread in the app). */
    public Seq2SeqStepper(Executor resultThread) {
        this.resultThread = resultThread;
    }

    /** The latest result (FX thread), null until the first decode is done. */
    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The message of a decode that failed on the worker (null: none yet). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void setOnApplied(Applied a) {
        applied = a == null ? (c, b) -> { } : a;
    }

    /**
     * Decodes {@code text} (teacher-forced on {@code target} unless blank) with {@code base}'s model on the
     * worker and shows position 0. Returns the decode's number ({@link Shown#load()}).
     */
    public long load(Seq2SeqPlayback base, String text, String target) {
        long n = ++loads;
        Load l = new Load(base, text, target, n, System.nanoTime());
        request.set(new Request(l, 0, l.nanos()));
        worker.execute(this::work);
        return n;
    }

    /** Moves the cursor of the last decode to {@code position} (clamped); only the latest seek is computed. */
    public void seek(int position) {
        long t0 = System.nanoTime();
        request.updateAndGet(old -> new Request(old == null ? null : old.load(), position, t0));
        worker.execute(this::work);
    }

    /** The latest beam search's candidates (FX thread); null when none is asked for or it is not done yet. */
    public ReadOnlyObjectProperty<Beam> beamProperty() {
        return beam.getReadOnlyProperty();
    }

    /**
     * Searches {@code text} with a beam of {@code width} ({@link #MIN_BEAM} … {@link #MAX_BEAM}) candidates on
     * the worker, after any decode asked for before; only the latest search asked for is computed. Returns
     * its number ({@link Beam#number()}).
     */
    public long beam(Seq2SeqPlayback base, String text, int width) {
        if (width < MIN_BEAM || width > MAX_BEAM) {
            throw new IllegalArgumentException("beam width " + width + " outside " + MIN_BEAM + "…" + MAX_BEAM);
        }
        long n = ++beams;
        beam.set(null);
        beamRequest.set(new BeamRequest(base, text, width, n));
        worker.execute(this::workBeam);
        return n;
    }

    /** Greedy decoding chosen: no candidates shown, and a search still running is dropped when done. */
    public void clearBeam() {
        ++beams;
        beamRequest.set(null);
        beam.set(null);
    }

    /** The number of the last decode asked for. */
    public long lastLoad() {
        return loads;
    }

    public void shutdown() {
        worker.shutdownNow();
    }

    /** Tests: {@code r} runs on the worker before each decode and each position computed. */
    void beforeCompute(Runnable r) {
        beforeCompute = r == null ? () -> { } : r;
    }

    // ---- worker ---------------------------------------------------------------------------------

    private void work() {
        Request r = request.getAndSet(null);
        if (r == null) {
            return; // an earlier run took this request with its own
        }
        try {
            if (r.load() != null) {
                beforeCompute.run();
                Load l = r.load();
                current = l.base().loaded(l.text(), l.target());
                currentOutput = current.outputText();
                currentLoad = l.number();
            }
            if (current == null) {
                return;
            }
            beforeCompute.run();
            long c0 = System.nanoTime();
            Seq2SeqPlayback.Snapshot s = current.at(r.position());
            publish(new Shown(current, s, currentOutput, currentLoad, r.nanos(), System.nanoTime() - c0));
        } catch (Seq2SeqPlayback.Problem e) {
            report(Messages.format(e.key(), e.args()));
        } catch (RuntimeException e) {
            report(Messages.format("error.internal", String.valueOf(e.getMessage())));
        }
    }

    private void workBeam() {
        BeamRequest r = beamRequest.getAndSet(null);
        if (r == null) {
            return;
        }
        try {
            beforeCompute.run();
            var res = r.base().beamSearch(r.text(), r.width());
            List<Candidate> list = new ArrayList<>();
            for (var c : res.candidates()) {
                list.add(new Candidate(r.base().targetText(c.tokens()), c.logProb(), c.finished(), list.isEmpty()));
            }
            Beam b = new Beam(r.text(), r.width(), List.copyOf(list), r.number());
            resultThread.execute(() -> {
                if (b.number() == beams) {
                    beam.set(b);
                }
            });
        } catch (Seq2SeqPlayback.Problem e) {
            report(Messages.format(e.key(), e.args()));
        } catch (RuntimeException e) {
            report(Messages.format("error.internal", String.valueOf(e.getMessage())));
        }
    }

    private void report(String m) {
        resultThread.execute(() -> {
            problem.set(null); // the same message twice still tells the listeners
            problem.set(m);
        });
    }

    private void publish(Shown s) {
        if (pending.getAndSet(s) == null) {
            resultThread.execute(this::drain);
        }
    }

    // ---- result thread ---------------------------------------------------------------------------

    private void drain() {
        Shown s = pending.getAndSet(null);
        if (s == null) {
            return;
        }
        shown.set(s);
        applied.applied(s.commandNanos(), s.computeNanos());
    }
}
