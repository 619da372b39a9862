package rnnlab.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import rnnlab.engine.Activation;
import rnnlab.engine.CellType;
import rnnlab.io.InputException;
import rnnlab.io.SequenceFiles;
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

    @Option(names = "--target-column", paramLabel = "NAME",
            description = "a .csv sequence's target column (repeat for several); default: the last columns when "
                    + "the count says so")
    java.util.List<String> targetColumns = new java.util.ArrayList<>();

    @Option(names = "--loss", paramLabel = "LOSS",
            description = "the loss of a .csv sequence's targets (cross_entropy, mse, bce); default: from the model's output")
    String loss;

    SequenceFiles.CsvOptions csvOptions() {
        rnnlab.engine.LossType l = null;
        if (loss != null) {
            l = rnnlab.engine.LossType.fromId(loss);
            if (l == null) {
                throw new IllegalArgumentException("--loss " + loss + ": expected cross_entropy, mse or bce");
            }
        }
        return new SequenceFiles.CsvOptions(targetColumns, l);
    }

    /**
     * The model and sequence (.seq.json, .txt or .csv), the head's activation following the sequence's loss when
     * the file does not say it; a default the reader chose is printed to {@code notes}.
     */
    Object[] withSequence(ImportedModel im, Path seq, java.io.PrintWriter notes) throws InputException {
        SequenceFiles.CsvOptions csv = csvOptions();
        rnnlab.engine.Model m = im.model();
        if (im.activationInferred()) {
            rnnlab.engine.LossType l = SequenceFiles.isText(seq) || SequenceFiles.isCsv(seq)
                    ? SequenceFiles.lossOf(seq, csv) : ModelFiles.lossOf(seq);
            m = im.modelFor(l);
        }
        SequenceFiles.Loaded loaded = SequenceFiles.load(seq, m.config(), csv);
        if (loaded.note() != null) {
            notes.println("note: " + seq.getFileName() + ": " + loaded.note());
        }
        return new Object[] {m, loaded.sequence()};
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
