package rnnlab.io.imports;

import java.util.List;
import rnnlab.engine.Activation;
import rnnlab.engine.LossType;
import rnnlab.engine.Model;
import rnnlab.engine.ModelConfig;

/**
 * A model read from a file, with what was inferred about it and how each tensor was read.
 *
 * @param model              the model (its head's activation provisional when {@code activationInferred})
 * @param format             "RNN Lab JSON", "PyTorch .pt", "safetensors" or "ONNX"
 * @param notes              what was inferred or chosen (cell, sizes, prefixes), one line each
 * @param gateMap            how each tensor was read onto PyTorch's names and gates, one line each
 * @param activationInferred true when the file does not say the head's activation
 */
public record ImportedModel(Model model, String format, List<String> notes, List<String> gateMap,
                            boolean activationInferred) {
    public ImportedModel {
        notes = List.copyOf(notes);
        gateMap = List.copyOf(gateMap);
    }

    /** Our own JSON: nothing inferred, nothing mapped. */
    public static ImportedModel native_(Model m) {
        return new ImportedModel(m, "RNN Lab JSON", List.of(), List.of(), false);
    }

    public boolean isForeign() {
        return !gateMap.isEmpty();
    }

    /** The activation a loss implies: cross-entropy softmax, BCE sigmoid, MSE identity. */
    public static Activation activationFor(LossType loss) {
        if (loss == null) {
            return Activation.IDENTITY;
        }
        return switch (loss) {
            case CROSS_ENTROPY -> Activation.SOFTMAX;
            case BCE -> Activation.SIGMOID;
            case MSE -> Activation.IDENTITY;
        };
    }

    /** The model with its head's activation following {@code loss} when the file did not say it. */
    public Model modelFor(LossType loss) {
        ModelConfig c = model.config();
        if (!activationInferred || !c.hasHead() || loss == null) {
            return model;
        }
        ModelConfig n = new ModelConfig(c.cell(), c.inputSize(), c.hiddenSize(), c.numLayers(), c.bidirectional(),
                c.embeddingVocab(), c.outputSize(), activationFor(loss), c.vocab());
        return new Model(n, model.params());
    }
}
