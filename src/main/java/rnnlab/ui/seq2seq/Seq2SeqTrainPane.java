package rnnlab.ui.seq2seq;

import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import rnnlab.catalog.TaskRegistry;
import rnnlab.ui.viewmodel.seq2seq.Seq2SeqPlayback;
import rnnlab.ui.viewmodel.seq2seq.Seq2SeqTraining;
import rnnlab.i18n.Messages;
import rnnlab.ui.controls.NumberText;

/**
 * Trains an encoder–decoder on one of the registry's seq2seq tasks with {@link Seq2SeqTraining} (the existing Seq2SeqTrainer), on its own
 * thread: a progress bar, the loss, held-out exact-sequence and token accuracy, and a few held-out
 * samples "input → output (expected)" as it learns. Cancel stops after the current step and keeps the
 * model trained so far; either way the model goes to the window ({@code onModel}).
 */
final class Seq2SeqTrainPane extends VBox {
    /** What training hands over: a copy of the model and its vocabularies. */
    record Trained(Seq2SeqPlayback playback, String task, String attention, double sequence, double token) {
    }

    /** Held-out accuracy and samples are computed every this many steps. */
    static final int REPORT_EVERY = 50;
    static final List<String> KINDS = List.of("none", "additive", "dot", "general");

    private final ComboBox<String> task = new ComboBox<>();
    private final ComboBox<String> attention = new ComboBox<>();
    private final Spinner<Integer> steps = new Spinner<>(10, 20000, 600, 50);
    private final Button train = new Button(Messages.get("s2s.train.start"));
    private final Button cancel = new Button(Messages.get("s2s.train.cancel"));
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label(Messages.get("s2s.train.idle"));
    private final TextArea samples = new TextArea();
    private final Consumer<Trained> onModel;
    private volatile boolean cancelled;
    private volatile Thread worker;
    private volatile Trained last;

    Seq2SeqTrainPane(Consumer<Trained> onModel) {
        this.onModel = onModel;
        setId("s2s.train");
        setSpacing(8);
        task.getItems().setAll(TaskRegistry.SEQ2SEQ_NAMES);
        task.setValue(TaskRegistry.SEQ2SEQ_NAMES.get(0));
        task.setId("s2s.train.task");
        attention.getItems().setAll(KINDS);
        attention.setValue("additive");
        attention.setId("s2s.train.attention");
        attention.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String k) {
                return k == null ? "" : Messages.get("s2s.attention." + k);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        steps.setEditable(true);
        steps.setId("s2s.train.steps");
        train.setId("s2s.train.start");
        cancel.setId("s2s.train.cancel");
        cancel.setDisable(true);
        train.setOnAction(e -> start());
        cancel.setOnAction(e -> cancel());
        progress.setId("s2s.train.progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        status.setId("s2s.train.status");
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        samples.setId("s2s.train.samples");
        samples.setEditable(false);
        samples.getStyleClass().add("mono");
        samples.setPromptText(Messages.get("s2s.train.samplesPrompt"));
        VBox.setVgrow(samples, Priority.ALWAYS);
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        g.addRow(0, new Label(Messages.get("s2s.train.task")), task);
        g.addRow(1, new Label(Messages.get("s2s.train.attention")), attention);
        g.addRow(2, new Label(Messages.get("s2s.train.steps")), steps);
        Label how = new Label(Messages.get("s2s.train.how"));
        how.setWrapText(true);
        how.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox buttons = new HBox(8, train, cancel);
        getChildren().addAll(how, g, buttons, progress, status, samples);
    }

    void choose(String taskName, String kind, int n) {
        task.setValue(taskName);
        attention.setValue(kind);
        steps.getValueFactory().setValue(n);
    }

    boolean running() {
        return worker != null;
    }

    Trained last() {
        return last;
    }

    String statusText() {
        return status.getText();
    }

    String samplesText() {
        return samples.getText();
    }

    double progressValue() {
        return progress.getProgress();
    }

    void start() {
        if (worker != null) {
            return;
        }
        String name = task.getValue();
        String kind = attention.getValue();
        int n = steps.getValue();
        cancelled = false;
        train.setDisable(true);
        cancel.setDisable(false);
        progress.setProgress(0);
        samples.clear();
        status.setText(Messages.format("s2s.train.running", name));
        Thread t = new Thread(() -> run(name, kind, n), "rnnlab-seq2seq-training");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    void cancel() {
        cancelled = true;
    }

    private void run(String name, String kind, int n) {
        Trained result = null;
        String problem = null;
        try {
            Seq2SeqTraining.Outcome o = Seq2SeqTraining.run(name, kind, n, REPORT_EVERY, () -> cancelled,
                    r -> Platform.runLater(() -> report(r)));
            if (o.diverged()) {
                problem = Messages.get("s2s.train.diverged");
            }
            result = new Trained(o.playback(), name, kind, o.sequence(), o.token());
        } catch (RuntimeException e) {
            problem = Messages.format("s2s.train.failed", String.valueOf(e.getMessage()));
        }
        Trained r = result;
        String p = problem;
        boolean wasCancelled = cancelled;
        Platform.runLater(() -> finish(r, p, wasCancelled));
    }

    private void report(Seq2SeqTraining.Report r) {
        progress.setProgress((double) r.step() / r.steps());
        status.setText(Messages.format("s2s.train.progress", r.step(), r.steps(), NumberText.num3(r.loss()),
                Math.round(r.sequence() * 100), Math.round(r.token() * 100)));
        samples.appendText(Messages.format("s2s.train.samplesAt", r.step()) + "\n" + String.join("\n", r.samples()) + "\n\n");
    }

    private void finish(Trained r, String problem, boolean wasCancelled) {
        worker = null;
        train.setDisable(false);
        cancel.setDisable(true);
        if (problem != null) {
            status.setText(problem);
        }
        if (r == null) {
            return;
        }
        last = r;
        if (problem == null) {
            status.setText(Messages.format(wasCancelled ? "s2s.train.cancelled" : "s2s.train.done",
                    Math.round(r.sequence() * 100), Math.round(r.token() * 100)));
        }
        if (!wasCancelled) {
            progress.setProgress(1);
        }
        onModel.accept(r);
    }
}
