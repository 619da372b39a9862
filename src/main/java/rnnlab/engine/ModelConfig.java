package rnnlab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The architecture of a model: everything but the numbers. Mirrors the header of a model file.
 *
 * @param cell            the recurrent cell
 * @param inputSize       width of x_t (the embedding dimension when there is an embedding)
 * @param hiddenSize      H
 * @param numLayers       stacked layers
 * @param bidirectional   whether every layer also runs right to left
 * @param embeddingVocab  V of the embedding table, or 0 for none
 * @param outputSize      O of the output head, or 0 for no head
 * @param outputActivation activation of the head (null when there is no head)
 * @param vocab           optional symbols, index i is one-hot position / embedding row i
 * @param residual        residual connections between stacked layers: every layer above the first adds
 *                        its input (the output of the layer below, after dropout) to its output,
 *                        out_l = h_l + out_{l−1}; the recurrence keeps using the cell's own h_l. Layer 0
 *                        never has one (its input is the data, whose width need not be H·D), so the
 *                        option needs at least two layers and is refused with one
 * @param layerNorm       layer normalisation inside the cell (Ba, Kiros, Hinton 2016, "Layer
 *                        Normalization"): W_ih x_t and W_hh h_{t−1} are each normalised over their G·H
 *                        numbers and scaled by a learned gain; for the LSTM c_t is normalised too (with
 *                        gain and bias) before the tanh that makes h_t. See {@link LayerNormCell}
 */
public record ModelConfig(CellType cell, int inputSize, int hiddenSize, int numLayers, boolean bidirectional,
                          int embeddingVocab, int outputSize, Activation outputActivation, List<String> vocab,
                          boolean residual, boolean layerNorm) {

    /** Without residual connections or layer normalisation (the PyTorch-shaped network). */
    public ModelConfig(CellType cell, int inputSize, int hiddenSize, int numLayers, boolean bidirectional,
                       int embeddingVocab, int outputSize, Activation outputActivation, List<String> vocab) {
        this(cell, inputSize, hiddenSize, numLayers, bidirectional, embeddingVocab, outputSize, outputActivation,
                vocab, false, false);
    }

    public ModelConfig {
        if (cell == null) {
            throw new IllegalArgumentException("cell is required");
        }
        if (inputSize < 1 || hiddenSize < 1 || numLayers < 1) {
            throw new IllegalArgumentException("input_size, hidden_size and num_layers must be at least 1");
        }
        if (outputSize < 0 || embeddingVocab < 0) {
            throw new IllegalArgumentException("sizes must not be negative");
        }
        if (outputSize > 0 && outputActivation == null) {
            throw new IllegalArgumentException("an output head needs an activation");
        }
        if (residual && numLayers < 2) {
            throw new IllegalArgumentException("residual connections join stacked layers: num_layers must be at "
                    + "least 2, got " + numLayers);
        }
        vocab = vocab == null ? null : List.copyOf(vocab);
    }

    /** The same architecture with residual connections and/or layer normalisation switched on or off. */
    public ModelConfig withOptions(boolean residual, boolean layerNorm) {
        return new ModelConfig(cell, inputSize, hiddenSize, numLayers, bidirectional, embeddingVocab, outputSize,
                outputActivation, vocab, residual, layerNorm);
    }

    /** Whether layer l adds its input to its output (residual connection). */
    public boolean residualAt(int layer) {
        return residual && layer > 0;
    }

    /** Whether the model has anything PyTorch's nn.RNN/LSTM/GRU does not (it cannot be exported as one). */
    public boolean hasExtensions() {
        return residual || layerNorm;
    }

    /** A one-layer, one-direction model with a head and no embedding. */
    public static ModelConfig simple(CellType cell, int inputSize, int hiddenSize, int outputSize, Activation act) {
        return new ModelConfig(cell, inputSize, hiddenSize, 1, false, 0, outputSize, act, null);
    }

    public int directions() {
        return bidirectional ? 2 : 1;
    }

    public boolean hasEmbedding() {
        return embeddingVocab > 0;
    }

    public boolean hasHead() {
        return outputSize > 0;
    }

    /** Width of the outputs y_t: O, or H·D without a head. */
    public int outputWidth() {
        return hasHead() ? outputSize : hiddenSize * directions();
    }

    /** Width of layer k's input: input_size for k = 0, H·D above. */
    public int layerInputSize(int layer) {
        return layer == 0 ? inputSize : hiddenSize * directions();
    }

    /** How many distinct tokens a token sequence may use (embedding rows or one-hot width). */
    public int tokenCount() {
        return hasEmbedding() ? embeddingVocab : inputSize;
    }

    public static String suffix(int direction) {
        return direction == 0 ? "" : "_reverse";
    }

    public static String weightIh(int layer, int dir) {
        return "rnn.weight_ih_l" + layer + suffix(dir);
    }

    public static String weightHh(int layer, int dir) {
        return "rnn.weight_hh_l" + layer + suffix(dir);
    }

    public static String biasIh(int layer, int dir) {
        return "rnn.bias_ih_l" + layer + suffix(dir);
    }

    public static String biasHh(int layer, int dir) {
        return "rnn.bias_hh_l" + layer + suffix(dir);
    }

    /** Layer norm gain on W_ih x_t (G·H). */
    public static String lnGainIh(int layer, int dir) {
        return "rnn.ln_ih_gain_l" + layer + suffix(dir);
    }

    /** Layer norm gain on W_hh h_{t−1} (G·H). */
    public static String lnGainHh(int layer, int dir) {
        return "rnn.ln_hh_gain_l" + layer + suffix(dir);
    }

    /** LSTM: layer norm gain on c_t (H). */
    public static String lnGainC(int layer, int dir) {
        return "rnn.ln_c_gain_l" + layer + suffix(dir);
    }

    /** LSTM: layer norm bias on c_t (H). */
    public static String lnBiasC(int layer, int dir) {
        return "rnn.ln_c_bias_l" + layer + suffix(dir);
    }

    /** Whether a parameter is a layer-norm gain (initialised to 1, not drawn). */
    public static boolean isLayerNormGain(String name) {
        return name.startsWith("rnn.ln_") && name.contains("_gain_l");
    }

    public static final String EMBEDDING = "embedding.weight";
    public static final String FC_WEIGHT = "fc.weight";
    public static final String FC_BIAS = "fc.bias";

    /** One parameter's name and shape; biases are vectors (cols = 0 marks a 1-D array). */
    public record ParamShape(String name, int rows, int cols) {
        public boolean isVector() {
            return cols == 0;
        }

        public int size() {
            return isVector() ? rows : rows * cols;
        }
    }

    /** Every state_dict key with its shape, in PyTorch's order. */
    public List<ParamShape> parameterShapes() {
        List<ParamShape> out = new ArrayList<>();
        int gh = cell.blocks() * hiddenSize;
        if (hasEmbedding()) {
            out.add(new ParamShape(EMBEDDING, embeddingVocab, inputSize));
        }
        for (int l = 0; l < numLayers; l++) {
            for (int d = 0; d < directions(); d++) {
                out.add(new ParamShape(weightIh(l, d), gh, layerInputSize(l)));
                out.add(new ParamShape(weightHh(l, d), gh, hiddenSize));
                out.add(new ParamShape(biasIh(l, d), gh, 0));
                out.add(new ParamShape(biasHh(l, d), gh, 0));
                if (layerNorm) {
                    out.add(new ParamShape(lnGainIh(l, d), gh, 0));
                    out.add(new ParamShape(lnGainHh(l, d), gh, 0));
                    if (cell == CellType.LSTM) {
                        out.add(new ParamShape(lnGainC(l, d), hiddenSize, 0));
                        out.add(new ParamShape(lnBiasC(l, d), hiddenSize, 0));
                    }
                }
            }
        }
        if (hasHead()) {
            out.add(new ParamShape(FC_WEIGHT, outputSize, hiddenSize * directions()));
            out.add(new ParamShape(FC_BIAS, outputSize, 0));
        }
        return out;
    }

    /** Total number of trainable numbers. */
    public long parameterCount() {
        long n = 0;
        for (ParamShape p : parameterShapes()) {
            n += (long) p.rows() * Math.max(1, p.cols()); // long: an embedding of 10^6 × 10^5 overflows an int
        }
        return n;
    }
}
