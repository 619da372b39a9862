package rnnlab.training.seq2seq;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import rnnlab.engine.AttentionKind;

class Seq2SeqTrainerTest {
    @Test
    void attentionLearnsToReverseAndHeldOutAccuracyRises() {
        Seq2SeqTask task = Seq2SeqTasks.create("s2s-reverse", 5);
        Seq2SeqTrainer tr = new Seq2SeqTrainer(task, Seq2SeqTrainer.Settings.defaults(AttentionKind.ADDITIVE, 1)
                .withSteps(300));
        Seq2SeqTrainer.Accuracy before = tr.evaluate(9, 200);
        double first = tr.step();
        double last = 0;
        long t0 = System.nanoTime();
        for (int i = 1; i < 300; i++) {
            last = tr.step();
        }
        Seq2SeqTrainer.Accuracy after = tr.evaluate(9, 200);
        System.out.printf("reverse T=5 additive: loss %.3f -> %.3f, seq %.3f -> %.3f, token %.3f -> %.3f, %.1f s%n",
                first, last, before.sequence(), after.sequence(), before.token(), after.token(),
                (System.nanoTime() - t0) / 1e9);
        tr.samples(9, 3).forEach(System.out::println);
        assertTrue(last < first / 4, "loss falls");
        assertTrue(before.token() < 0.3);
        assertTrue(after.token() > 0.9, "token accuracy " + after.token());
    }
}
