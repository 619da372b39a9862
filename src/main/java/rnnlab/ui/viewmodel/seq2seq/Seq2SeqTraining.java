package rnnlab.ui.viewmodel.seq2seq;

import java.util.List;
import java.util.function.BooleanSupplier;
import rnnlab.engine.AttentionKind;
import rnnlab.training.seq2seq.Seq2SeqTask;
import rnnlab.training.seq2seq.Seq2SeqTasks;
import rnnlab.training.seq2seq.Seq2SeqTrainer;

/**
 * One training run of an encoder–decoder for the window (call it off the FX thread): the trainer's
 * defaults with a chosen task, attention and number of steps; every {@code every} steps it reports the
 * loss, held-out accuracy and samples; it stops early when {@code cancelled} says so.
 */
public final class Seq2SeqTraining {
    /** A progress report. */
    public record Report(int step, int steps, double loss, double sequence, double token, List<String> samples) {
    }

    /** The outcome: the model (a copy) ready to play, its final held-out accuracy, or a problem. */
    public record Outcome(Seq2SeqPlayback playback, double sequence, double token, boolean diverged) {
    }

    public static final long EVAL_SEED = 4242;

    private Seq2SeqTraining() {
    }

    public static Outcome run(String task, String attentionId, int steps, int every, BooleanSupplier cancelled,
                              java.util.function.Consumer<Report> report) {
        AttentionKind kind = AttentionKind.fromId(attentionId);
        if (kind == null) {
            throw new IllegalArgumentException("unknown attention " + attentionId);
        }
        Seq2SeqTask tk = Seq2SeqTasks.create(task, 0);
        Seq2SeqTrainer tr = new Seq2SeqTrainer(tk, Seq2SeqTrainer.Settings.defaults(kind, 1).withSteps(steps));
        boolean diverged = false;
        for (int i = 1; i <= steps && !cancelled.getAsBoolean(); i++) {
            double loss = tr.step();
            if (Double.isNaN(loss)) {
                diverged = true;
                break;
            }
            if (i % every == 0 || i == steps) {
                Seq2SeqTrainer.Accuracy acc = tr.evaluate(EVAL_SEED, 100);
                report.accept(new Report(i, steps, loss, acc.sequence(), acc.token(), tr.samples(EVAL_SEED, 4)));
            }
        }
        Seq2SeqTrainer.Accuracy acc = tr.evaluate(EVAL_SEED, 100);
        return new Outcome(new Seq2SeqPlayback(tr.model().copy(), tk.sourceVocab(), tk.targetVocab()),
                acc.sequence(), acc.token(), diverged);
    }
}
