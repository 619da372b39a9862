package rnnlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rnnlab.analysis.Activations;
import rnnlab.analysis.CharText;
import rnnlab.analysis.TextPattern;
import rnnlab.analysis.UnitSearch;
import rnnlab.engine.LossType;
import rnnlab.engine.Model;
import rnnlab.io.MemoryBudget;
import rnnlab.io.imports.ModelFiles;
import rnnlab.training.tasks.CharLmTask;

/** {@code units}: which units of a character model follow a pattern in a text (LSTMVis-style unit search). */
@Command(name = "units", mixinStandardHelpOptions = true,
        description = "Rank a character model's units (h and c of every layer) by the correlation of their "
                + "activation with a pattern over a text.")
final class UnitsCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "a character model (.model.json, .pt, …)")
    Path model;
    @Option(names = "--text", required = true, description = "a UTF-8 text file to run the model over")
    Path text;
    @Option(names = "--pattern", required = true, description = "inside-quotes, inside-comment, bracket-depth, "
            + "line-position, after-space, range:FROM-TO, or a regular expression (regex:EXPR)")
    String pattern;
    @Option(names = "--top", defaultValue = "10", description = "how many units to print (default ${DEFAULT-VALUE})")
    int top;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + top);
        }
        TextPattern p;
        try {
            p = TextPattern.parse(pattern);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--pattern: " + e.getMessage());
        }
        Model m = ModelFiles.read(model).modelFor(LossType.CROSS_ENTROPY);
        String s = CharLmTask.readText(text);
        CharText ct;
        try {
            ct = CharText.encode(s, m.config());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(model + " with " + text + ": " + e.getMessage());
        }
        String problem = MemoryBudget.check(Activations.bytesNeeded(m.config(), ct.length()),
                text + ": the activations of every unit over " + ct.length() + " characters");
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        Activations a;
        double[] signal;
        List<UnitSearch.Hit> hits;
        try {
            a = Activations.of(m, ct);
            signal = p.signal(ct.codePoints());
            hits = UnitSearch.rank(a, signal, top);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(text + ", pattern " + p.name() + ": " + e.getMessage());
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        for (UnitSearch.Hit h : hits) {
            out.printf(Locale.ROOT, "unit %d corr %.2f  (%s, %s)%n", h.unit().unit(), h.corr(), h.unit().key(),
                    h.unit().where());
        }
        // the CPU time too: on a busy machine the wall-clock time says more about the other jobs
        out.printf(Locale.ROOT, "%d units over %d characters in %.2f s (forward pass and search; %.2f s CPU)%n",
                a.units().size(), ct.length(), secs, cpu);
        out.flush();
        return 0;
    }
}
