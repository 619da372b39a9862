package rnnlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rnnlab.engine.gradcheck.GradientCheck;
import rnnlab.engine.Model;
import rnnlab.engine.Sequence;
import rnnlab.io.InputException;
import rnnlab.io.SequenceIO;

/** {@code gradcheck}: BPTT's gradients against central differences. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true,
        description = {"Checks BPTT's gradients against numeric ones.",
            "",
            "Compares the gradient of each weight from backpropagation through time with a numeric one "
                + "(central differences of the loss refined by Richardson extrapolation, step 1e-3) and prints "
                + "checks each number as PyTorch's gradcheck does: |a - n| <= atol + rtol |n|, with rtol = 1e-6 and "
                + "an absolute floor atol = 300 ulp(1) max(1, |L|) / step (the rounding error of the difference, "
                + "about 7e-11 for a loss near 1). Prints the number closest to failing and which criterion it "
                + "breaks. Exits 0 if every number passes, 1 otherwise. For rnn_relu models, numbers whose "
                + "perturbation crosses a ReLU kink are skipped and counted. The sequence must have targets "
                + "and a loss."},
        footer = {"", "Example:", "  java -jar rnnlab.jar gradcheck --model gru.model.json --seq wave.seq.json \\",
            "      --max-per-param 20"})
final class GradCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "the model (*.model.json, .pt, .pth, .safetensors, .onnx)")
    Path model;

    @Option(names = "--seq", required = true, paramLabel = "FILE", description = "the sequence (*.seq.json), with targets")
    Path seq;

    @Option(names = "--max-per-param", paramLabel = "N", defaultValue = "100",
            description = "check at most N numbers of each weight matrix, chosen at random (default: ${DEFAULT-VALUE})")
    int maxPerParam;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "seed for choosing which numbers to check (default: ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    ImportOptionsMixin imports;

    @Override
    public Integer call() throws Exception {
        if (maxPerParam < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--max-per-param must be at least 1, found " + maxPerParam);
        }
        rnnlab.io.imports.ImportedModel im = imports.read(model);
        Object[] ms = imports.withSequence(im, seq, spec.commandLine().getErr());
        Model m = (Model) ms[0];
        Sequence s = (Sequence) ms[1];
        if (!s.hasLoss()) {
            throw new InputException(seq.toString(), "loss",
                    "a gradient check needs a loss: expected \"targets\", \"target_steps\" and \"loss\", found null");
        }
        GradientCheck.Result r = GradientCheck.check(m, s, maxPerParam, seed);
        boolean ok = r.passed();
        spec.commandLine().getOut().println(r);
        spec.commandLine().getOut().println(ok ? "OK: every number is within atol + rtol*|numeric|"
                : "FAILED at " + r.parameter() + "[" + r.index() + "]: " + r.verdict());
        return ok ? Main.OK : Main.CHECK_FAILED;
    }
}
