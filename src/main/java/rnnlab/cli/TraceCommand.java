package rnnlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rnnlab.engine.Model;
import rnnlab.engine.Run;
import rnnlab.engine.Sequence;
import rnnlab.io.AtomicFiles;
import rnnlab.io.ModelIO;
import rnnlab.io.SequenceIO;
import rnnlab.io.TraceIO;

/** {@code trace}: one forward pass and BPTT, everything written to a trace file. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Writes everything a forward pass and BPTT compute to a trace file.",
            "",
            "Runs the model over the sequence (and backpropagation through time when the sequence has targets) "
                + "and writes outputs, losses, hidden and cell states, gate activations, dL/dh and dL/dc at every "
                + "step, and the gradient of every weight. The trace uses PyTorch's names and shapes, so it can be "
                + "compared with PyTorch number by number (see src/main/python/compare_with_pytorch.py)."},
        footer = {"", "Example:", "  java -jar rnnlab.jar trace --model lstm.model.json --seq abc.seq.json \\",
            "      --out abc.trace.json"})
final class TraceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "the model (*.model.json, .pt, .pth, .safetensors, .onnx)")
    Path model;

    @Option(names = "--seq", required = true, paramLabel = "FILE", description = "the sequence (*.seq.json; .txt characters for a model with a vocabulary; .csv one row per step)")
    Path seq;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "where to write the trace (*.trace.json); replaced atomically if it exists")
    Path out;

    @Mixin
    ImportOptionsMixin imports;

    @Option(names = "--explain-import", description = "print how each tensor of a foreign file was read (the gate map)")
    boolean explainImport;

    @Override
    public Integer call() throws Exception {
        AtomicFiles.checkWritable(out);
        rnnlab.io.imports.ImportedModel im = imports.read(model);
        Object[] ms = imports.withSequence(im, seq, spec.commandLine().getErr());
        Model m = (Model) ms[0];
        Sequence s = (Sequence) ms[1];
        if (explainImport) {
            java.io.PrintWriter o = spec.commandLine().getOut();
            o.println("read " + model + " as " + im.format());
            im.notes().forEach(n -> o.println("  " + n));
            im.gateMap().forEach(n -> o.println("  " + n));
        }
        Run run = new Run(m, s.length());
        run.load(s);
        TraceIO.write(run, out);
        String loss = s.hasLoss() ? String.format(java.util.Locale.ROOT, ", loss %.17g", run.loss()) : "";
        spec.commandLine().getOut().println("wrote " + out + " (" + s.length() + " steps" + loss + ")");
        return Main.OK;
    }
}
