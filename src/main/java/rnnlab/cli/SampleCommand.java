package rnnlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import rnnlab.engine.Model;
import rnnlab.training.Sampler;

/** {@code sample}: generates text from a character model saved by {@code train --task charlm --save}. */
@Command(name = "sample", mixinStandardHelpOptions = true, description = "Generate text from a character model.")
final class SampleCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "a .model.json written by train --task charlm --save")
    Path model;
    @Option(names = "--length", defaultValue = "200", description = "characters to generate")
    int length;
    @Option(names = "--temperature", defaultValue = "1.0", description = "sampling temperature (> 0)")
    double temperature;
    @Option(names = "--start", defaultValue = "", description = "text to start from")
    String start;
    @Option(names = "--seed", defaultValue = "1", description = "seed of the random draws")
    long seed;

    @Option(names = "--start-file", paramLabel = "FILE",
            description = "a .txt file to start from (checked against the vocabulary); instead of --start")
    Path startFile;

    @Mixin
    ImportOptionsMixin imports;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Model m = imports.read(model).modelFor(rnnlab.engine.LossType.CROSS_ENTROPY);
        String from = start;
        if (startFile != null) {
            rnnlab.io.SequenceFiles.text(startFile, m.config()); // one clear message for characters outside the vocabulary
            from = java.nio.file.Files.readString(startFile, java.nio.charset.StandardCharsets.UTF_8)
                    .replaceFirst("^\uFEFF", "");
            if (!m.config().vocab().contains("\n")) {
                from = from.replaceFirst("\r?\n$", "");
            }
        }
        spec.commandLine().getOut().println(Sampler.sample(m, from, length, temperature, seed));
        return 0;
    }
}
