package rnnlab.ui.viewmodel;

import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import rnnlab.engine.Run;
import rnnlab.io.TraceCsv;
import rnnlab.io.TraceIO;
import rnnlab.i18n.Messages;
import rnnlab.session.EngineSession;
import rnnlab.session.SequenceText;

/**
 * Writes the current model and sequence's trace (with the pinned gates and the W_hh factor in force)
 * as JSON ({@link TraceIO}) or CSV ({@link TraceCsv}), on the engine thread, from a run of its own: the
 * cursor the user sees does not move.
 */
final class ExportCommands {
    private final EngineSide side;
    private final StringProperty status;

    ExportCommands(EngineSide side, StringProperty status) {
        this.side = side;
        this.status = status;
    }

    void traceJson(Path file, Runnable done) {
        export(file, done, run -> TraceIO.write(run, file));
    }

    void traceCsv(Path file, Runnable done) {
        export(file, done, run -> TraceCsv.write(run, file));
    }

    /**
     * Saves the current model (the trained weights once training has shown them) as .pt or .safetensors, by the
     * name's ending, on the engine thread: a state_dict PyTorch loads with weights_only=True.
     */
    void model(Path file, Runnable done) {
        side.engine().command(() -> {
            try {
                rnnlab.io.imports.ModelFiles.write(side.session().model, file);
            } catch (IOException | RuntimeException e) {
                throw new SequenceText.Problem("status.modelExportFailed", file.toString(), reason(e));
            }
            String msg = Messages.format("status.modelExported", file.getFileName().toString());
            Platform.runLater(() -> {
                status.set(msg);
                done.run();
            });
        });
    }

    private interface Writer {
        void write(Run run) throws IOException;
    }

    private void export(Path file, Runnable done, Writer writer) {
        side.engine().command(() -> {
            EngineSession s = side.session();
            Run run = new Run(s.model, s.sequence.length());
            run.load(s.sequence);
            run.setGateOverrides(s.tweaks.overrides());
            try {
                writer.write(run);
            } catch (IOException | RuntimeException e) {
                // one message naming the file; the command's handler shows it and changes nothing else
                throw new SequenceText.Problem("export.error", file.toString(), reason(e));
            }
            String msg = Messages.format("export.done", file.getFileName().toString());
            Platform.runLater(() -> {
                status.set(msg);
                done.run();
            });
        });
    }

    /** What went wrong, in words: a missing folder, no permission, or the system's own message. */
    static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return Messages.get("export.reason.noFolder");
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return Messages.get("export.reason.denied");
        }
        return String.valueOf(e.getMessage());
    }
}
