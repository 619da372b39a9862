package rnnlab.training;

import java.util.Arrays;

/**
 * Runs a {@link Trainer} on a background thread for a number of steps: can be paused, resumed and
 * cancelled from any thread, publishes {@link Progress} at a bounded rate, evaluates the task's metric
 * now and then, validates on held-out data every so often when given a {@link Validation} (and once
 * more at the end of a completed run), and stops with an explanation (keeping the last good weights) if the loss or the
 * gradients become NaN or infinite. Never throws out of the thread: an unexpected error ends the
 * session with {@link Outcome#FAILED} and its message.
 *
 * <p>The trainer's model must not be touched by other threads while the session runs; read it after
 * {@link SessionListener#finished} or {@link #await()}.
 */
public final class TrainingSession {
    public static final int MAX_EVENTS_PER_SECOND = 20;

    /** How a session ended. */
    public enum Outcome { COMPLETED, EARLY_STOPPED, CANCELLED, DIVERGED, FAILED }

    private final Trainer trainer;
    private final long totalSteps;
    private final SessionListener listener;
    private final long evalEvery;
    private final Object lock = new Object();
    private final Thread thread;
    private volatile boolean paused;
    private volatile boolean cancelled;
    private volatile Outcome outcome;
    private volatile String message;
    private volatile Pacer pacer;
    private Validation validation;
    private long valEvery;
    private int patience;
    /** Validations not reported yet (training thread only). */
    private final java.util.List<Validation.Point> validated = new java.util.ArrayList<>();
    private long lastValidated = -1;

    /**
     * Called on the training thread after every step with how long the step took; it may sleep to
     * leave the CPU to others (e.g. a UI that is animating).
     */
    public interface Pacer {
        void afterStep(long stepNanos) throws InterruptedException;
    }

    /** Sets the pacer (null: train flat out). */
    public void setPacer(Pacer p) {
        pacer = p;
    }

    /**
     * Validates on {@code v} every {@code every} steps and after the last step of a completed run (call
     * before {@link #start()}; null: no validation). The points reach the listener in {@link Progress#validations()}.
     */
    public void setValidation(Validation v, long every) {
        setValidation(v, every, 0);
    }

    /**
     * As {@link #setValidation(Validation, long)}, with early stopping: after {@code patience} validations
     * in a row without a better one ({@link Validation#patienceRunOut}, the rule of {@code train --early-stop})
     * the session restores the best weights and ends with {@link Outcome#EARLY_STOPPED} ({@code patience} ≤ 0:
     * no early stopping). {@link #validation()} then tells the best step.
     */
    public void setValidation(Validation v, long every, int patience) {
        validation = v;
        valEvery = Math.max(1, every);
        this.patience = Math.max(0, patience);
    }

    /** The session's validation (null: none); read its best point after the session has ended. */
    public Validation validation() {
        return validation;
    }

    public TrainingSession(Trainer trainer, long steps, long evalEvery, SessionListener listener) {
        this.trainer = trainer;
        this.totalSteps = steps;
        this.listener = listener;
        this.evalEvery = evalEvery;
        this.thread = new Thread(this::loop, "rnnlab-training");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    public void cancel() {
        synchronized (lock) {
            cancelled = true;
            lock.notifyAll();
        }
    }

    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Waits until the session has ended; returns its outcome. */
    public Outcome await() throws InterruptedException {
        thread.join();
        return outcome;
    }

    public String message() {
        return message;
    }

    private void loop() {
        long minGapNanos = 1_000_000_000L / MAX_EVENTS_PER_SECOND;
        double[] history = new double[64];
        double[] norms = new double[64];
        int[] clips = new int[64];
        double[] rates = new double[64];
        int hist = 0;
        long lastEvent = System.nanoTime();
        long busyNanos = 0;
        long tokens = 0;
        long clipTotal = 0;
        Metric metric = null;
        StepResult r = null;
        Progress last = null;
        try {
            while (trainer.steps() < totalSteps) {
                if (paused) {
                    last = report(r, metric, clipTotal, tokens, busyNanos, history, norms, clips, rates, hist);
                    hist = 0;
                    synchronized (lock) {
                        while (paused && !cancelled) {
                            lock.wait();
                        }
                    }
                }
                if (cancelled) {
                    finish(Outcome.CANCELLED, "cancelled at step " + trainer.steps(),
                            report(r, metric, clipTotal, tokens, busyNanos, history, norms, clips, rates, hist));
                    return;
                }
                long t0 = System.nanoTime();
                r = trainer.step();
                long took = System.nanoTime() - t0;
                busyNanos += took;
                Pacer pc = pacer;
                if (pc != null) {
                    pc.afterStep(took);
                }
                tokens += r.tokens();
                clipTotal += r.clipEvents();
                if (hist == history.length) {
                    history = Arrays.copyOf(history, 2 * hist);
                    norms = Arrays.copyOf(norms, 2 * hist);
                    clips = Arrays.copyOf(clips, 2 * hist);
                    rates = Arrays.copyOf(rates, 2 * hist);
                }
                norms[hist] = r.gradNorm();
                clips[hist] = r.clipEvents();
                rates[hist] = trainer.lastLearningRate();
                history[hist++] = r.loss();
                if (!r.ok()) {
                    finish(Outcome.DIVERGED, r.problem(), report(r, metric, clipTotal, tokens, busyNanos, history, norms, clips, rates, hist));
                    return;
                }
                if (evalEvery > 0 && r.step() % evalEvery == 0) {
                    metric = trainer.evaluate();
                }
                if (validation != null && (trainer.steps() % valEvery == 0 || trainer.steps() == totalSteps)) {
                    validate();
                    if (validation.patienceRunOut(patience)) {
                        long at = trainer.steps();
                        trainer.model().params().setFrom(validation.bestWeights());
                        metric = trainer.evaluate();
                        finish(Outcome.EARLY_STOPPED, "stopped early at step " + at + "; kept the weights of step "
                                + validation.best().step(),
                                report(r, metric, clipTotal, tokens, busyNanos, history, norms, clips, rates, hist));
                        return;
                    }
                }
                long now = System.nanoTime();
                if (now - lastEvent >= minGapNanos) {
                    last = report(r, metric, clipTotal, tokens, busyNanos, history, norms, clips, rates, hist);
                    hist = 0;
                    lastEvent = now;
                }
            }
            metric = trainer.evaluate();
            if (validation != null && trainer.steps() > 0 && lastValidated != trainer.steps()) {
                validate();
            }
            finish(Outcome.COMPLETED, "completed " + trainer.steps() + " steps",
                    report(r, metric, clipTotal, tokens, busyNanos, history, norms, clips, rates, hist));
        } catch (InterruptedException e) {
            finish(Outcome.CANCELLED, "interrupted", last);
        } catch (RuntimeException | Error e) {
            finish(Outcome.FAILED, "training failed: " + e, last);
        }
    }

    private void validate() {
        validated.add(validation.validate(trainer.model(), trainer.steps()));
        lastValidated = trainer.steps();
    }

    private Progress report(StepResult r, Metric metric, long clipTotal, long tokens, long busy, double[] history,
                            double[] norms, int[] clips, double[] rates, int hist) {
        Progress p = new Progress(trainer.steps(), totalSteps, r == null ? Double.NaN : r.loss(), metric,
                r == null ? Double.NaN : r.gradNorm(), r == null ? 0 : r.clipEvents(), clipTotal,
                busy == 0 ? 0 : tokens * 1e9 / busy, Arrays.copyOf(history, hist), Arrays.copyOf(norms, hist),
                Arrays.copyOf(clips, hist), Arrays.copyOf(rates, hist),
                trainer.steps() == 0 ? Double.NaN : trainer.weightNorm(), trainer.dropoutMask(),
                validated.toArray(new Validation.Point[0]));
        validated.clear();
        listener.progress(p);
        return p;
    }

    private void finish(Outcome o, String msg, Progress last) {
        outcome = o;
        message = msg;
        listener.finished(o, msg, last);
    }
}
