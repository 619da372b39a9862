package rnnlab.session;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import rnnlab.io.InputException;
import rnnlab.i18n.Messages;

/**
 * The one thread that owns the model, sequence and run. Commands run here in order; a failure
 * becomes one message for the error sink and leaves the state as it was. Headless: the caller gives the
 * thread its results go to (the UI passes the FX thread's {@code Platform::runLater}) and where the
 * error and busy flag go.
 */
public final class EngineThread {
    /** Work that may fail with a bad file or bad text. */
    public interface Task {
        void run() throws Exception;
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rnnlab-engine");
        t.setDaemon(true);
        return t;
    });
    private final Executor resultThread;
    private final Consumer<String> error;
    private final Consumer<Boolean> busy;
    private int busyCount;

    /**
     * @param resultThread where the error and busy updates run (the FX thread in the app)
     * @param error receives the message of a failed command, or null when a command succeeds
     * @param busy receives whether a long command is under way
     */
    public EngineThread(Executor resultThread, Consumer<String> error, Consumer<Boolean> busy) {
        this.resultThread = resultThread;
        this.error = error;
        this.busy = busy;
    }

    /**
     * A command that may take a while (load, rebuild): sets the busy flag, clears the error on success. Call on
     * the result thread. After {@link #shutdown} it is dropped (a comparison window closed at once still
     * gets the command its columns queued on the FX thread).
     */
    public void command(Task task) {
        if (executor.isShutdown()) {
            return;
        }
        begin();
        executor.execute(() -> {
            try {
                outcome(task);
            } finally {
                end();
            }
        });
    }

    /** Work that decides on the engine thread what to do next (e.g. which files to open, in which order). */
    public interface Plan {
        List<Task> run() throws Exception;
    }

    /**
     * One trip to the engine thread for a user action made of several commands: {@code plan} runs
     * first; when it fails, it is reported like a failed command and nothing else runs; else the tasks
     * it returns run in order, each reported as a command of its own (the last one's outcome stays
     * shown). Call on the result thread; dropped after {@link #shutdown}.
     */
    public void plan(Plan plan) {
        if (executor.isShutdown()) {
            return;
        }
        begin();
        executor.execute(() -> {
            try {
                List<Task> next;
                try {
                    next = plan.run();
                } catch (Exception e) {
                    outcome(() -> {
                        throw e;
                    });
                    return;
                }
                for (Task t : next) {
                    outcome(t);
                }
            } finally {
                end();
            }
        });
    }

    private void begin() {
        busyCount++;
        busy.accept(true);
    }

    private void end() {
        resultThread.execute(() -> {
            busyCount--;
            busy.accept(busyCount > 0);
        });
    }

    /** Runs {@code task} here (engine thread) and reports how it went: its one message, or none. */
    private void outcome(Task task) {
        try {
            task.run();
            resultThread.execute(() -> error.accept(null));
        } catch (InputException e) {
            report(Messages.format("error.file", e.getMessage()));
        } catch (SequenceText.Problem e) {
            report(Messages.format(e.key, e.args));
        } catch (java.io.IOException e) {
            report(Messages.format("error.io", String.valueOf(e.getMessage())));
        } catch (Exception e) {
            fail(e);
        }
    }

    /**
     * A quick command (a step, a seek); a failure becomes a message. After {@link #shutdown} (the window
     * closed) it is dropped: training's last weights, say, can still arrive from other threads then.
     */
    public void quick(Runnable r) {
        try {
            executor.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    fail(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            if (!executor.isShutdown()) {
                throw e;
            }
        }
    }

    public void report(String message) {
        resultThread.execute(() -> error.accept(message));
    }

    void fail(Exception e) {
        report(Messages.format("error.internal", String.valueOf(e.getMessage())));
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
