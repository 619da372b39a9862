package rnnlab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import rnnlab.io.Seq2SeqIO;
import rnnlab.session.Seq2SeqCursor;
import rnnlab.training.seq2seq.BeamSearch;

/** {@code decode}: runs a saved encoder–decoder (.s2s.json) on one input, greedily or with a beam. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decode one input with an encoder–decoder saved by train --task <s2s task> --save x.s2s.json.")
final class DecodeCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "a .s2s.json file")
    Path model;
    @Option(names = "--input", required = true, description = "the source text, e.g. \"5 March 2021\" or 4721")
    String input;
    @Option(names = "--beam", defaultValue = "1", description = "beam width (1 = greedy); prints every candidate")
    int beam;
    @Option(names = "--max-steps", defaultValue = "40", description = "decoder steps at most (end token included)")
    int maxSteps;
    @Option(names = "--show-attention", description = "also print each output's attention weights over the input")
    boolean showAttention;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TrainOptions.range("--beam", beam, 1, 64);
        TrainOptions.range("--max-steps", maxSteps, 1, 500);
        Seq2SeqIO.Loaded m = Seq2SeqIO.read(model);
        int[] src = Seq2SeqCursor.encode(m.sourceVocab(), input, "--input");
        var out = spec.commandLine().getOut();
        BeamSearch.Result r = new BeamSearch(m.model()).search(src, beam, maxSteps);
        out.println(Seq2SeqCursor.show(m.targetVocab(), r.best().tokens()));
        if (beam > 1) {
            out.println("candidates (beam " + beam + "):");
            Seq2SeqCli.candidateLines(r, m.targetVocab(), Seq2SeqCursor.words(m.targetVocab())).forEach(out::println);
        }
        if (showAttention && m.model().config().attention() != rnnlab.engine.AttentionKind.NONE) {
            Seq2SeqCursor c = Seq2SeqCursor.greedy(m, src, maxSteps);
            c.forwardToEnd();
            List<String> srcTokens = Seq2SeqCursor.tokens(m.sourceVocab(), src);
            for (int t = 0; t < c.generated().length; t++) {
                StringBuilder sb = new StringBuilder(m.targetVocab().get(c.generated()[t]) + " ←");
                double[] w = c.decoderStep(t).weights();
                for (int s = 0; s < w.length; s++) {
                    sb.append(String.format(java.util.Locale.ROOT, " %s:%.2f", srcTokens.get(s), w[s]));
                }
                out.println(sb);
            }
        }
        out.flush();
        return 0;
    }
}
