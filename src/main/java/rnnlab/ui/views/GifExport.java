package rnnlab.ui.views;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.value.ChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import rnnlab.io.AnimatedGif;
import rnnlab.ui.viewmodel.Frame;
import rnnlab.ui.viewmodel.Messages;

/**
 * File ▸ Export pass as GIF: one frame per step of the forward pass or of BPTT, as an animated GIF for
 * slides. On the FX thread the run is seeked step by step and the view snapshotted (as in the PNG
 * export, at 1× or 2×); then a background thread encodes and writes the file atomically. The timeline
 * goes back to where it was. A {@link Job} reports progress and can be cancelled (no file is left).
 */
final class GifExport {
    /** Which pass the GIF shows. */
    enum Pass { FORWARD, BACKWARD }

    /** Hundredths of a second each step is shown, and the holds on the first and last frames. */
    static final int STEP_DELAY = 60;
    static final int FIRST_HOLD = 120;
    static final int LAST_HOLD = 250;

    private GifExport() {
    }

    /** A running export: progress 0..1 (capture is the first half, encoding the second), cancel, result. */
    static final class Job {
        private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
        private volatile boolean cancelled;
        /** Completes on the FX thread: true when the file was written, false when cancelled; exceptionally on failure. */
        final CompletableFuture<Boolean> done = new CompletableFuture<>();

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

    /** Starts exporting (FX thread); the view must be showing. */
    static Job start(MainWindow w, LabView view, Pass pass, double scale, Path file) {
        Job job = new Job();
        Frame f = w.viewModel().frameProperty().get();
        if (!hasPass(f, pass)) {
            job.done.completeExceptionally(new IllegalStateException(Messages.get("export.gif.noPass")));
            return job;
        }
        int first = pass == Pass.FORWARD ? 1 : f.length() + 1;
        int last = pass == Pass.FORWARD ? f.length() : f.timelineLength();
        int back = w.viewModel().positionProperty().get();
        w.viewModel().playingProperty().set(false);
        List<BufferedImage> frames = new ArrayList<>();
        new Object() {
            int pos = first;

            void next() {
                if (job.cancelled) {
                    finish(false, null);
                    return;
                }
                if (pos > last) {
                    restore();
                    encode();
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
                try {
                    frames.add(SwingFXUtils.fromFXImage(snapshot(w, view, scale), null));
                } catch (RuntimeException e) {
                    finish(false, e);
                    return;
                }
                job.progress.set(0.5 * (pos - first + 1) / (last - first + 1));
                pos++;
                next();
            }

            void restore() {
                w.viewModel().seek(back);
            }

            void finish(boolean ok, Throwable e) {
                restore();
                if (e != null) {
                    job.done.completeExceptionally(e);
                } else {
                    job.done.complete(ok);
                }
            }

            void encode() {
                int[] delays = new int[frames.size()];
                for (int i = 0; i < delays.length; i++) {
                    delays[i] = i == delays.length - 1 ? LAST_HOLD : i == 0 ? FIRST_HOLD : STEP_DELAY;
                }
                Thread t = new Thread(() -> {
                    try {
                        boolean ok = AnimatedGif.write(frames, delays, file,
                                p -> Platform.runLater(() -> job.progress.set(0.5 + 0.5 * p)), () -> job.cancelled);
                        Platform.runLater(() -> job.done.complete(ok));
                    } catch (java.io.IOException | RuntimeException e) {
                        Platform.runLater(() -> job.done.completeExceptionally(e));
                    }
                }, "rnnlab-gif");
                t.setDaemon(true);
                t.start();
            }
        }.next();
        return job;
    }

    /** The view's tile content at {@code scale}: the sharp rendering of a drawing, or a snapshot (e.g. its values table). */
    static WritableImage snapshot(MainWindow w, LabView view, double scale) {
        if (!w.valuesTables().shown(view.id()) && view instanceof FrameView<?> fv) {
            return fv.exportImage(scale);
        }
        Node n = w.valuesTables().shown(view.id()) ? w.viewsArea().tile(view.id()).getCenter() : view.node();
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(scale, scale));
        return n.snapshot(p, null);
    }
}
