package rnnlab.ui.export;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CompletableFuture;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.value.ChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import javafx.util.Duration;
import rnnlab.io.AnimatedGif;
import rnnlab.session.Frame;
import rnnlab.i18n.Messages;
import rnnlab.ui.views.FrameView;
import rnnlab.ui.views.LabView;

/**
 * File ▸ Export pass as GIF: one frame per step of the forward pass or of BPTT, as an animated GIF for
 * slides. On the FX thread the run is seeked step by step and the view snapshotted (as in the PNG
 * export, at 1× or 2×) and each frame handed to a background thread that encodes it into a temporary
 * file (at most {@link #MAX_PENDING} frames wait, so long runs do not fill the memory); the file is
 * renamed in place at the end. The timeline goes back to where it was. A {@link Job} reports progress and can be cancelled (no file is left).
 */
public final class GifExport {
    /** Which pass the GIF shows. */
    public enum Pass { FORWARD, BACKWARD }

    /** Hundredths of a second each step is shown, and the holds on the first and last frames. */
    static final int STEP_DELAY = 60;
    static final int FIRST_HOLD = 120;
    static final int LAST_HOLD = 250;

    private GifExport() {
    }

    /** A running export: progress 0..1 (frames encoded), cancel, result. */
    public static final class Job {
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
        private volatile boolean cancelled;
        /** Completes on the FX thread: true when the file was written, false when cancelled; exceptionally on failure. */
        public final CompletableFuture<Boolean> done = new CompletableFuture<>();

        ReadOnlyDoubleProperty progressProperty() {
            return progress.getReadOnlyProperty();
        }

        void cancel() {
            cancelled = true;
        }

        boolean isCancelled() {
            return cancelled;
        }
    }

    /** Whether the run has this pass (BPTT needs targets). */
    static boolean hasPass(Frame f, Pass pass) {
        return f != null && f.length() > 0 && (pass == Pass.FORWARD || f.timelineLength() > f.length());
    }

    /** At most this many captured frames wait for the encoder (bounds the memory on long runs). */
    static final int MAX_PENDING = 3;

    /** Starts exporting (FX thread); the view must be showing. */
    static Job start(ExportHost w, LabView view, Pass pass, double scale, Path file) {
        Job job = new Job();
        Frame f = w.viewModel().frameProperty().get();
        if (!hasPass(f, pass)) {
            job.done.completeExceptionally(new IllegalStateException(Messages.get("export.gif.noPass")));
            return job;
        }
        int first = pass == Pass.FORWARD ? 1 : f.length() + 1;
        int last = pass == Pass.FORWARD ? f.length() : f.timelineLength();
        int count = last - first + 1;
        int back = w.viewModel().positionProperty().get();
        w.viewModel().playingProperty().set(false);
        // frames go to the encoder thread as they are captured; it writes them to a temporary file
        ExecutorService encoder = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rnnlab-gif");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger pending = new AtomicInteger();
        AtomicInteger encoded = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<AnimatedGif.Writer> gif = new AtomicReference<>();
        encoder.execute(() -> {
            try {
                gif.set(AnimatedGif.open(file));
            } catch (java.io.IOException | RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        });
        new Object() {
            int pos = first;

            void next() {
                if (job.cancelled || failure.get() != null || pos > last) {
                    w.viewModel().seek(back);
                    finish();
                    return;
                }
                if (pending.get() >= MAX_PENDING) {
                    PauseTransition wait = new PauseTransition(Duration.millis(30));
                    wait.setOnFinished(e -> next());
                    wait.play();
                    return;
                }
                Frame now = w.viewModel().frameProperty().get();
                if (now != null && now.position() == pos) {
                    // let the views take the frame (they listen to the same property), then snapshot
                    Platform.runLater(this::capture);
                    return;
                }
                ChangeListener<Frame> arrived = new ChangeListener<>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends Frame> o, Frame a, Frame b) {
                        if (b != null && b.position() == pos) {
                            w.viewModel().frameProperty().removeListener(this);
                            Platform.runLater(() -> capture());
                        }
                    }
                };
                w.viewModel().frameProperty().addListener(arrived);
                w.viewModel().seek(pos);
            }

            void capture() {
                BufferedImage img;
                try {
                    img = SwingFXUtils.fromFXImage(snapshot(w, view, scale), null);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                    next();
                    return;
                }
                int delay = pos == last ? LAST_HOLD : pos == first ? FIRST_HOLD : STEP_DELAY;
                pending.incrementAndGet();
                encoder.execute(() -> {
                    try {
                        if (!job.cancelled && failure.get() == null) {
                            gif.get().append(img, delay);
                        }
                    } catch (java.io.IOException | RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        pending.decrementAndGet();
                        int k = encoded.incrementAndGet();
                        Platform.runLater(() -> job.progress.set((double) k / count));
                    }
                });
                pos++;
                next();
            }

            /** After the last frame (or a cancel or failure): commit or drop the file, on the encoder thread. */
            void finish() {
                encoder.execute(() -> {
                    AnimatedGif.Writer g = gif.get();
                    boolean ok = false;
                    try {
                        if (g != null && !job.cancelled && failure.get() == null) {
                            g.commit();
                            ok = true;
                        }
                    } catch (java.io.IOException | RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        try {
                            if (g != null) {
                                g.close();
                            }
                        } catch (java.io.IOException e) {
                            failure.compareAndSet(null, e);
                        }
                    }
                    boolean written = ok;
                    Platform.runLater(() -> {
                        if (failure.get() != null && !written) {
                            job.done.completeExceptionally(failure.get());
                        } else {
                            job.done.complete(written);
                        }
                    });
                });
                encoder.shutdown();
            }
        }.next();
        return job;
    }

    /** The view's tile content at {@code scale}: the sharp rendering of a drawing, or a snapshot (e.g. its values table). */
    static WritableImage snapshot(ExportHost w, LabView view, double scale) {
        if (!w.valuesTables().shown(view.id()) && view instanceof FrameView<?> fv) {
            return fv.exportImage(scale);
        }
        Node n = w.valuesTables().shown(view.id()) ? w.viewsArea().tile(view.id()).getCenter() : view.node();
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(scale, scale));
        return n.snapshot(p, null);
    }
}
