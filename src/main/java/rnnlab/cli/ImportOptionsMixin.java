package rnnlab.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.io.InputException;
import rnnlab.io.imports.ImportOptions;
import rnnlab.io.imports.ImportedModel;
import rnnlab.io.imports.ModelFiles;

/** Options for models from foreign files (.pt, .pth, .safetensors, .onnx): what the file does not say. */
final class ImportOptionsMixin {
    @Option(names = "--prefix", paramLabel = "KEYS",
            description = "key prefix of the recurrent module in a .pt/.safetensors file, e.g. module.lstm.")
    String prefix;

    @Option(names = "--cell", paramLabel = "CELL", description = "rnn_relu for a vanilla RNN with ReLU (shapes cannot say)")
    String cell;

    @Option(names = "--activation", paramLabel = "ACT",
            description = "the head's output activation (softmax, sigmoid, identity); default: follows the sequence's loss")
    String activation;

    /** The model and sequence, the head's activation following the sequence's loss when the file does not say it. */
    static Object[] withSequence(ImportedModel im, Path seq) throws InputException {
        rnnlab.engine.Model m = im.model();
        if (im.activationInferred()) {
            m = im.modelFor(ModelFiles.lossOf(seq));
        }
        return new Object[] {m, rnnlab.io.SequenceIO.read(seq, m.config())};
    }

    ImportedModel read(Path model) throws InputException {
        CellType c = null;
        if (cell != null) {
            c = CellType.fromId(cell);
            if (c == null) {
                throw new IllegalArgumentException("--cell " + cell + ": expected rnn_tanh, rnn_relu, lstm or gru");
            }
        }
        Activation a = null;
        if (activation != null) {
            a = Activation.fromId(activation);
            if (a == null) {
                throw new IllegalArgumentException("--activation " + activation + ": expected softmax, sigmoid or identity");
            }
        }
        return ModelFiles.read(model, new ImportOptions(prefix, c, a));
    }
}
