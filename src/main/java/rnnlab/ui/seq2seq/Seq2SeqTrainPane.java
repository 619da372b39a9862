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
import rnnlab.engine.AttentionKind;
import rnnlab.engine.Seq2SeqModel;
import rnnlab.training.seq2seq.Seq2SeqTask;
import rnnlab.training.seq2seq.Seq2SeqTasks;
import rnnlab.training.seq2seq.Seq2SeqTrainer;

/**
 * Trains an encoder–decoder on one of the registry's seq2seq tasks with {@link Seq2SeqTrainer}, on its own
 * thread: a progress bar, the loss, held-out exact-sequence and token accuracy, and a few held-out
 * samples "input → output (expected)" as it learns. Cancel stops after the current step and keeps the
 * model trained so far; either way the model goes to the window ({@code onModel}).
 */
final class Seq2SeqTrainPane extends VBox {
    /** What training hands over: a copy of the model and its vocabularies. */
    record Trained(Seq2SeqModel model, List<String> sourceVocab, List<String> targetVocab, String task,
                   AttentionKind attention, Seq2SeqTrainer.Accuracy accuracy) {
    }

    /** Held-out accuracy and samples are computed every this many steps. */
    static final int REPORT_EVERY = 50;
    static final long EVAL_SEED = 4242;

    private final ComboBox<String> task = new ComboBox<>();
    private final ComboBox<AttentionKind> attention = new ComboBox<>();
    private final Spinner<Integer> steps = new Spinner<>(10, 20000, 600, 50);
    private final Button train = new Button(S2sText.get("s2s.train.start"));
    private final Button cancel = new Button(S2sText.get("s2s.train.cancel"));
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label(S2sText.get("s2s.train.idle"));
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
        attention.getItems().setAll(AttentionKind.values());
        attention.setValue(AttentionKind.ADDITIVE);
        attention.setId("s2s.train.attention");
        attention.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(AttentionKind k) {
                return k == null ? "" : S2sText.get("s2s.attention." + k.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public AttentionKind fromString(String s) {
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
        samples.setPromptText(S2sText.get("s2s.train.samplesPrompt"));
        VBox.setVgrow(samples, Priority.ALWAYS);
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        g.addRow(0, new Label(S2sText.get("s2s.train.task")), task);
        g.addRow(1, new Label(S2sText.get("s2s.train.attention")), attention);
        g.addRow(2, new Label(S2sText.get("s2s.train.steps")), steps);
        Label how = new Label(S2sText.get("s2s.train.how"));
        how.setWrapText(true);
        how.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox buttons = new HBox(8, train, cancel);
        getChildren().addAll(how, g, buttons, progress, status, samples);
    }

    void choose(String taskName, AttentionKind kind, int n) {
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
        AttentionKind kind = attention.getValue();
        int n = steps.getValue();
        cancelled = false;
        train.setDisable(true);
        cancel.setDisable(false);
        progress.setProgress(0);
        samples.clear();
        status.setText(S2sText.format("s2s.train.running", name));
        Thread t = new Thread(() -> run(name, kind, n), "rnnlab-seq2seq-training");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    void cancel() {
        cancelled = true;
    }

    private void run(String name, AttentionKind kind, int n) {
        Trained result = null;
        String problem = null;
        try {
            Seq2SeqTask tk = Seq2SeqTasks.create(name, 0);
            Seq2SeqTrainer tr = new Seq2SeqTrainer(tk, Seq2SeqTrainer.Settings.defaults(kind, 1).withSteps(n));
            double loss = Double.NaN;
            for (int i = 1; i <= n && !cancelled; i++) {
                loss = tr.step();
                if (Double.isNaN(loss)) {
                    problem = S2sText.get("s2s.train.diverged");
                    break;
                }
                if (i % REPORT_EVERY == 0 || i == n) {
                    Seq2SeqTrainer.Accuracy acc = tr.evaluate(EVAL_SEED, 100);
                    List<String> ex = tr.samples(EVAL_SEED, 4);
                    int step = i;
                    double l = loss;
                    Platform.runLater(() -> report(step, n, l, acc, ex));
                }
            }
            Seq2SeqTrainer.Accuracy acc = tr.evaluate(EVAL_SEED, 100);
            result = new Trained(tr.model().copy(), tk.sourceVocab(), tk.targetVocab(), name, kind, acc);
        } catch (RuntimeException e) {
            problem = S2sText.format("s2s.train.failed", String.valueOf(e.getMessage()));
        }
        Trained r = result;
        String p = problem;
        boolean wasCancelled = cancelled;
        Platform.runLater(() -> finish(r, p, wasCancelled));
    }

    private void report(int step, int n, double loss, Seq2SeqTrainer.Accuracy acc, List<String> ex) {
        progress.setProgress((double) step / n);
        status.setText(S2sText.format("s2s.train.progress", step, n, S2sText.num(loss),
                Math.round(acc.sequence() * 100), Math.round(acc.token() * 100)));
        samples.appendText(S2sText.format("s2s.train.samplesAt", step) + "\n" + String.join("\n", ex) + "\n\n");
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
            status.setText(S2sText.format(wasCancelled ? "s2s.train.cancelled" : "s2s.train.done",
                    Math.round(r.accuracy().sequence() * 100), Math.round(r.accuracy().token() * 100)));
        }
        if (!wasCancelled) {
            progress.setProgress(1);
        }
        onModel.accept(r);
    }
}
