package rnnlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import rnnlab.io.imports.ImportedModel;
import rnnlab.io.imports.ModelFiles;

/** {@code export}: a model saved in another format (.pt for PyTorch, .safetensors, or RNN Lab JSON). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Saves a model in another format, chosen by the --out name: .pt/.pth (a state_dict that "
                + "torch.load(path, weights_only=True) reads, PyTorch's names, float64), .safetensors, or .model.json."},
        footer = {"", "Example:", "  java -jar rnnlab.jar export --model lstm.model.json --out lstm.pt",
            "  # in PyTorch: net.load_state_dict(torch.load('lstm.pt', weights_only=True))"})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "the model (any format RNN Lab opens)")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write (.pt, .pth, .safetensors, .json)")
    Path out;

    @Mixin
    ImportOptionsMixin imports;

    @Override
    public Integer call() throws Exception {
        ImportedModel im = imports.read(model);
        ModelFiles.write(im.model(), out);
        spec.commandLine().getOut().println("wrote " + out);
        return Main.OK;
    }
}
