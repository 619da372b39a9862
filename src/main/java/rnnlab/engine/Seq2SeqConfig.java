package rnnlab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The architecture of an encoder–decoder (everything but the numbers), mirroring the reference PyTorch
 * module {@code src/main/python/rnnlab_seq2seq.py} and its state_dict names.
 *
 * <pre>
 * encoder:  x_s = E_enc[src_s];  h_s = stacked (optionally bidirectional) encCell over x (top layer, width K = H_enc·D)
 * bridge:   s_0 = tanh(W_b [h→_{T−1}; h←_0] + b_b)          (the classic context vector, width H_dec)
 * decoder:  x_t = [E_dec[y_{t−1}]; c_t]  (c_t only with attention);  s_t = decCell(x_t, s_{t−1})
 * output:   z_t = W_fc s_t + b_fc,  loss = Σ_t cross_entropy(z_t, y_t)
 * </pre>
 *
 * The decoder is one layer, one direction; an LSTM decoder starts from c_0 = 0.
 */
public record Seq2SeqConfig(CellType encoderCell, int sourceVocab, int encoderEmbedding, int encoderHidden,
                            int encoderLayers, boolean bidirectional, CellType decoderCell, int targetVocab,
                            int decoderEmbedding, int decoderHidden, AttentionKind attention, int attentionSize) {

    public static final String BRIDGE_W = "bridge.weight";
    public static final String BRIDGE_B = "bridge.bias";
    public static final String FC_W = "fc.weight";
    public static final String FC_B = "fc.bias";
    public static final String DEC_EMBEDDING = "decoder.embedding.weight";
    public static final String ATT_WQ = "attention.W_q.weight";
    public static final String ATT_WK = "attention.W_k.weight";
    public static final String ATT_V = "attention.v.weight";
    public static final String ATT_WA = "attention.W_a.weight";
    public static final String ENCODER = "encoder.";

    public Seq2SeqConfig {
        if (encoderCell == null || decoderCell == null || attention == null) {
            throw new IllegalArgumentException("encoder cell, decoder cell and attention are required");
        }
        if (sourceVocab < 1 || targetVocab < 1 || encoderEmbedding < 1 || encoderHidden < 1 || encoderLayers < 1
                || decoderEmbedding < 1 || decoderHidden < 1) {
            throw new IllegalArgumentException("vocabularies, embeddings, hidden sizes and layers must be at least 1");
        }
        if (attention == AttentionKind.ADDITIVE && attentionSize < 1) {
            throw new IllegalArgumentException("additive attention needs attention_size of at least 1");
        }
        if (attention == AttentionKind.DOT && decoderHidden != encoderHidden * (bidirectional ? 2 : 1)) {
            throw new IllegalArgumentException("dot attention needs decoder_hidden = encoder_hidden × directions ("
                    + encoderHidden * (bidirectional ? 2 : 1) + "), got " + decoderHidden);
        }
        if (attention != AttentionKind.ADDITIVE) {
            attentionSize = 0;
        }
    }

    /** Width of an encoder state h_s (top layer, both directions): K = H_enc·D. */
    public int keyWidth() {
        return encoderHidden * (bidirectional ? 2 : 1);
    }

    /** Width of the context vector fed to the decoder (0 without attention). */
    public int contextWidth() {
        return attention == AttentionKind.NONE ? 0 : keyWidth();
    }

    /** Width of the decoder cell's input: E_dec (+ K with attention). */
    public int decoderInput() {
        return decoderEmbedding + contextWidth();
    }

    /** The encoder as an ordinary model (embedding, stacked cells, no head); its names get {@link #ENCODER}. */
    public ModelConfig encoderConfig() {
        return new ModelConfig(encoderCell, encoderEmbedding, encoderHidden, encoderLayers, bidirectional,
                sourceVocab, 0, null, null);
    }

    /** The decoder cell's shapes (one layer; its input is the embedding plus the context). */
    ModelConfig decoderCellConfig() {
        return new ModelConfig(decoderCell, decoderInput(), decoderHidden, 1, false, 0, 0, null, null);
    }

    public static String decoderRnn(String what) {
        return "decoder.rnn." + what + "_l0";
    }

    /** Every state_dict key with its shape, in the reference module's order. */
    public List<ModelConfig.ParamShape> parameterShapes() {
        List<ModelConfig.ParamShape> out = new ArrayList<>();
        for (ModelConfig.ParamShape p : encoderConfig().parameterShapes()) {
            out.add(new ModelConfig.ParamShape(ENCODER + p.name(), p.rows(), p.cols()));
        }
        int g = decoderCell.blocks() * decoderHidden;
        out.add(new ModelConfig.ParamShape(DEC_EMBEDDING, targetVocab, decoderEmbedding));
        out.add(new ModelConfig.ParamShape(decoderRnn("weight_ih"), g, decoderInput()));
        out.add(new ModelConfig.ParamShape(decoderRnn("weight_hh"), g, decoderHidden));
        out.add(new ModelConfig.ParamShape(decoderRnn("bias_ih"), g, 0));
        out.add(new ModelConfig.ParamShape(decoderRnn("bias_hh"), g, 0));
        out.add(new ModelConfig.ParamShape(BRIDGE_W, decoderHidden, keyWidth()));
        out.add(new ModelConfig.ParamShape(BRIDGE_B, decoderHidden, 0));
        switch (attention) {
            case ADDITIVE -> {
                out.add(new ModelConfig.ParamShape(ATT_WQ, attentionSize, decoderHidden));
                out.add(new ModelConfig.ParamShape(ATT_WK, attentionSize, keyWidth()));
                out.add(new ModelConfig.ParamShape(ATT_V, 1, attentionSize));
            }
            case GENERAL -> out.add(new ModelConfig.ParamShape(ATT_WA, decoderHidden, keyWidth()));
            default -> {
            }
        }
        out.add(new ModelConfig.ParamShape(FC_W, targetVocab, decoderHidden));
        out.add(new ModelConfig.ParamShape(FC_B, targetVocab, 0));
        return out;
    }
}
