package rnnlab.session;

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

    /** A command that may take a while (load, rebuild): sets the busy flag, clears the error on success. Call on the result thread. */
    public void command(Task task) {
        busyCount++;
        busy.accept(true);
        executor.execute(() -> {
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
            } finally {
                resultThread.execute(() -> {
                    busyCount--;
                    busy.accept(busyCount > 0);
                });
            }
        });
    }

    /** A quick command (a step, a seek); a failure becomes a message. */
    public void quick(Runnable r) {
        executor.execute(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                fail(e);
            }
        });
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
