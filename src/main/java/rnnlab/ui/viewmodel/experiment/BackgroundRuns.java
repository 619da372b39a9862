package rnnlab.ui.viewmodel.experiment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import rnnlab.i18n.Messages;

/**
 * What an experiment form's view model does around its trainings: run a batch of them on one background
 * thread, hand each finished run to the FX thread (as the engine's {@code ROW} and as a plain
 * {@code RESULT} for the views), keep progress, status and the first error, cancel between runs, and
 * write every run as CSV. The length experiment ({@link ExperimentViewModel}) and the encoder–decoder
 * bottleneck experiment ({@code ui.viewmodel.seq2seq.BottleneckViewModel}) differ only in the batch they
 * build and the result they show.
 *
 * <p>Call every method on the FX thread.
 */
public abstract class BackgroundRuns<ROW, RESULT> {
    /** A batch ready to run: its runs one after the other, each reported as it ends. */
    protected interface Job<ROW> {
        /** Runs every run on the calling (background) thread, reporting each as {@code (done, total, row)}. */
        void run(Sink<ROW> sink);

        /** Asks the batch to stop before its next run. */
        void cancel();

        boolean cancelled();

        int totalRuns();
    }

    /** Where a batch reports a finished run. */
    @FunctionalInterface
    protected interface Sink<ROW> {
        void done(int done, int total, ROW row);
    }

    /** The values of the seeds at each length, summarised: lengths ascending, and per length mean, min, max, count. */
    public record Spread(double[] lengths, double[] mean, double[] min, double[] max, int[] runs) {
        /** From the values by length (a sorted map, so the lengths come out ascending). */
        public static Spread of(java.util.SortedMap<Integer, List<Double>> byLength) {
            int n = byLength.size();
            Spread s = new Spread(new double[n], new double[n], new double[n], new double[n], new int[n]);
            int i = 0;
            for (var e : byLength.entrySet()) {
                java.util.DoubleSummaryStatistics st = e.getValue().stream().mapToDouble(Double::doubleValue)
                        .summaryStatistics();
                s.lengths[i] = e.getKey();
                s.mean[i] = st.getCount() == 0 ? Double.NaN : st.getAverage();
                s.min[i] = st.getCount() == 0 ? Double.NaN : st.getMin();
                s.max[i] = st.getCount() == 0 ? Double.NaN : st.getMax();
                s.runs[i] = (int) st.getCount();
                i++;
            }
            return s;
        }
    }

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final List<ROW> rows = new ArrayList<>();
    private final ObservableList<RESULT> results = FXCollections.observableArrayList();
    private final ObservableList<RESULT> resultsView = FXCollections.unmodifiableObservableList(results);
    private Job<ROW> job;

    /** The batch the form describes; an IllegalArgumentException with a readable message if it cannot. */
    protected abstract Job<ROW> job();

    /** A finished run as the views show it (also the place to read figures off the first rows). */
    protected abstract RESULT result(ROW row);

    /** Every run as CSV, the columns of the CLI's {@code experiment … --out}. */
    protected abstract String csv(List<ROW> rows);

    /** Clears what a previous batch left (beyond the rows and results, which this class clears). */
    protected void clear() {
    }

    /** Builds the batch from the form and starts it; a form error lands in {@link #errorProperty()}. */
    public final void start() {
        if (running.get()) {
            return;
        }
        Job<ROW> j;
        try {
            j = job();
        } catch (IllegalArgumentException ex) {
            error.set(ex.getMessage());
            return;
        }
        error.set(null);
        rows.clear();
        results.clear();
        clear();
        progress.set(0);
        running.set(true);
        job = j;
        status.set(Messages.format("experiment.status.running", 0, j.totalRuns()));
        Thread th = new Thread(() -> {
            try {
                j.run((done, all, row) -> Platform.runLater(() -> add(row, done, all)));
                Platform.runLater(() -> ended(j.cancelled(), null));
            } catch (RuntimeException ex) {
                Platform.runLater(() -> ended(true, ex.toString()));
            }
        }, "rnnlab-experiment");
        th.setDaemon(true);
        th.start();
    }

    /** Stops the batch before its next run; the runs finished so far stay. */
    public final void cancel() {
        Job<ROW> j = job;
        if (j != null) {
            j.cancel();
        }
    }

    private void add(ROW row, int done, int total) {
        rows.add(row);
        results.add(result(row));
        progress.set((double) done / total);
        status.set(Messages.format("experiment.status.running", done, total));
    }

    private void ended(boolean cancelled, String failure) {
        running.set(false);
        job = null;
        if (failure != null) {
            error.set(Messages.format("experiment.error.failed", failure));
        }
        status.set(Messages.format(cancelled ? "experiment.status.cancelled" : "experiment.status.done", results.size()));
    }

    /** Every finished run as CSV (header + one line per run). */
    public final String csv() {
        return csv(rows);
    }

    /** Writes the CSV atomically (a temporary file beside it, then moved into place). */
    public final void exportCsv(Path file) {
        try {
            String text = csv();
            rnnlab.io.Formats.writeAtomically(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
            status.set(Messages.format("experiment.status.exported", rows.size(), file.getFileName().toString()));
        } catch (java.io.IOException | RuntimeException e) {
            error.set(Messages.format("error.io", String.valueOf(e.getMessage())));
        }
    }

    /** The finished runs, in the order they ran. */
    public final ObservableList<RESULT> results() {
        return resultsView;
    }

    public final ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public final ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public final ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public final ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
