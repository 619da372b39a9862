package rnnlab.ui.seq2seq;

import java.nio.file.Path;
import rnnlab.ui.viewmodel.seq2seq.Seq2SeqPlayback;

/** Prints a model's greedy output for an input and, per output, the input it attends to most (lesson writing aid). */
public final class ProbeSeq2Seq {
    private ProbeSeq2Seq() {
    }

    public static void main(String[] args) throws Exception {
        Seq2SeqPlayback p = Seq2SeqPlayback.read(Path.of(args[0]));
        p.load(args[1]);
        System.out.println("output: " + p.outputText());
        Seq2SeqPlayback.Snapshot s = p.at(p.steps());
        for (int t = 0; t < s.weights().length; t++) {
            int best = 0;
            for (int i = 1; i < s.weights()[t].length; i++) {
                best = s.weights()[t][i] > s.weights()[t][best] ? i : best;
            }
            System.out.printf("out %d '%s' <- input %d '%s' a=%.3f%n", t + 1, p.targetSymbol(s.outputs()[t]), best + 1,
                    p.sourceSymbol(p.source()[best]), s.weights()[t][best]);
        }
    }
}
