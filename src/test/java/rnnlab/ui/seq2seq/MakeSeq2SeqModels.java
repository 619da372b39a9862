package rnnlab.ui.seq2seq;

import java.nio.file.Path;
import rnnlab.engine.AttentionKind;
import rnnlab.io.Seq2SeqIO;
import rnnlab.training.seq2seq.Seq2SeqTask;
import rnnlab.training.seq2seq.Seq2SeqTasks;
import rnnlab.training.seq2seq.Seq2SeqTrainer;

/**
 * Makes the encoder–decoder models the window's tests (and lessons) open, with the existing trainer:
 * {@code java -cp … rnnlab.ui.seq2seq.MakeSeq2SeqModels DIR TASK ATTENTION STEPS}. Prints held-out accuracy.
 */
public final class MakeSeq2SeqModels {
    private MakeSeq2SeqModels() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String task = args[1];
        AttentionKind kind = AttentionKind.fromId(args[2]);
        int steps = Integer.parseInt(args[3]);
        Seq2SeqTask t = Seq2SeqTasks.create(task, 0);
        Seq2SeqTrainer tr = new Seq2SeqTrainer(t, Seq2SeqTrainer.Settings.defaults(kind, 1).withSteps(steps));
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            tr.step();
        }
        var acc = tr.evaluate(4242, 200);
        Path out = dir.resolve(task + "-" + args[2] + ".s2s.json");
        Seq2SeqIO.write(tr.model(), t.sourceVocab(), t.targetVocab(), out);
        System.out.printf("%s: exact %.3f token %.3f in %.1f s%n", out, acc.sequence(), acc.token(), (System.nanoTime() - t0) / 1e9);
    }
}
