package rnnlab.session;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.StringProperty;
import rnnlab.io.InputException;
import rnnlab.i18n.Messages;

/**
 * The one thread that owns the model, sequence and run. Commands run here in order; a failure
 * becomes one message in the error property and leaves the state as it was.
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
    private final StringProperty error;
    private final ReadOnlyBooleanWrapper busy;
    private int busyCount;

    public EngineThread(StringProperty error, ReadOnlyBooleanWrapper busy) {
        this.error = error;
        this.busy = busy;
    }

    /** A command that may take a while (load, rebuild): sets the busy flag, clears the error on success. Call on the FX thread. */
    public void command(Task task) {
        busyCount++;
        busy.set(true);
        executor.execute(() -> {
            try {
                task.run();
                Platform.runLater(() -> error.set(null));
            } catch (InputException e) {
                report(Messages.format("error.file", e.getMessage()));
            } catch (SequenceText.Problem e) {
                report(Messages.format(e.key, e.args));
            } catch (java.io.IOException e) {
                report(Messages.format("error.io", String.valueOf(e.getMessage())));
            } catch (Exception e) {
                fail(e);
            } finally {
                Platform.runLater(() -> {
                    busyCount--;
                    busy.set(busyCount > 0);
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
        Platform.runLater(() -> error.set(message));
    }

    void fail(Exception e) {
        report(Messages.format("error.internal", String.valueOf(e.getMessage())));
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
