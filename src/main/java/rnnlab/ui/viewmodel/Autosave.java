package rnnlab.ui.viewmodel;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;
import rnnlab.io.Formats;
import rnnlab.io.Scenario;
import rnnlab.io.ScenarioIO;
import rnnlab.io.SessionMarker;
import rnnlab.io.UserFiles;
import rnnlab.i18n.Messages;
import rnnlab.session.EngineThread;

/**
 * Keeps the current scenario in the user folder ({@value #FILE}) so that nothing is lost when the app
 * crashes or is killed. A change (FX thread) starts a short timer; when it runs out — or when changes
 * keep coming for longer than {@link #MAX_WAIT} (playing) — the engine thread takes a snapshot as JSON
 * and a writer thread writes it atomically. The FX thread never waits, except at a clean exit, which
 * saves a last time (for at most a few seconds) and removes the {@link SessionMarker}.
 */
public final class Autosave {
    public static final String FILE = "autosave" + ScenarioIO.EXTENSION;
    /** The longest a change waits while more keep coming (e.g. while playing). */
    static final long MAX_WAIT = 15_000;
    private final EngineThread engine;
    /** The scenario of the state now, on the engine thread. */
    private final BiFunction<List<String>, Map<String, String>, Scenario> snapshot;
    private final StringProperty status;
    private final Supplier<List<String>> views;
    private final Supplier<Map<String, String>> settings;
    private final PauseTransition timer = new PauseTransition(Duration.seconds(3));
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rnnlab-autosave");
        t.setDaemon(true);
        return t;
    });
    private boolean active;
    private boolean suspended;
    private boolean dirty;
    private long firstChange;
    private volatile Instant lastSaved;

    /** {@code views} and {@code settings} give the window's part of the scenario (read on the FX thread). */
    public Autosave(RunViewModel vm, Supplier<List<String>> views, Supplier<Map<String, String>> settings) {
        this.engine = vm.engineSide().engine();
        this.snapshot = vm::snapshot;
        this.status = vm.statusProperty();
        this.views = views;
        this.settings = settings;
        timer.setOnFinished(e -> saveNow());
    }

    /** Where the scenario is autosaved. */
    public static Path file() {
        return UserFiles.file(FILE);
    }

    /** The quiet time after a change before it is saved (3 s by default). */
    public void setDelay(Duration d) {
        timer.setDuration(d);
    }

    /** Starts autosaving (until then changes are ignored). */
    public void setActive(boolean a) {
        active = a;
    }

    /** While suspended (a restore offer is pending) nothing is written, so the old autosave survives. */
    public void setSuspended(boolean s) {
        suspended = s;
        if (!s && dirty) {
            timer.playFromStart();
        }
    }

    /** When the last autosave was written (null if none in this session). */
    public Instant lastSaved() {
        return lastSaved;
    }

    /** Something the scenario holds changed (FX thread). */
    public void changed() {
        if (!active) {
            return;
        }
        long now = System.currentTimeMillis();
        if (!dirty) {
            firstChange = now;
        }
        dirty = true;
        if (suspended) {
            return;
        }
        if (now - firstChange > MAX_WAIT) {
            saveNow();
        } else {
            timer.playFromStart();
        }
    }

    /** Saves now, off the FX thread (FX thread). */
    public void saveNow() {
        timer.stop();
        if (!active || suspended) {
            return;
        }
        dirty = false;
        List<String> v = views.get();
        Map<String, String> s = settings.get();
        engine.quick(() -> {
            JsonNode json = ScenarioIO.toJson(snapshot.apply(v, s));
            writer.execute(() -> write(json));
        });
    }

    private void write(JsonNode json) {
        try {
            Formats.writeAtomically(json, file());
            lastSaved = Instant.now();
        } catch (java.io.IOException | RuntimeException e) {
            String msg = Messages.format("autosave.failed", file().toString(), String.valueOf(e.getMessage()));
            Platform.runLater(() -> status.set(msg));
        }
    }

    /**
     * Clean exit (FX thread): saves unsaved changes, waiting at most {@code timeoutMillis} for the engine
     * and the disk, then removes the session marker. Call before the view model shuts down.
     */
    public void exit(long timeoutMillis) {
        if (!active) {
            return;
        }
        active = false;
        timer.stop();
        if (dirty && !suspended) {
            List<String> v = views.get();
            Map<String, String> s = settings.get();
            CountDownLatch done = new CountDownLatch(1);
            engine.quick(() -> {
                try {
                    write(ScenarioIO.toJson(snapshot.apply(v, s)));
                } finally {
                    done.countDown();
                }
            });
            try {
                done.await(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writer.shutdown();
        try {
            writer.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SessionMarker.end();
    }

    /** Whether an autosave is there to restore. */
    public static boolean exists() {
        return Files.isRegularFile(file());
    }
}
