package rnnlab.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * An encoder–decoder's architecture and weights. All weights live in one {@link Parameters} under the
 * reference module's state_dict names; the encoder is also an ordinary {@link Model} whose matrices are
 * the very same objects (names without the {@code encoder.} prefix), so the existing layers run it.
 */
public final class Seq2SeqModel {
    private final Seq2SeqConfig config;
    private final Parameters params;
    private final Model encoder;

    public Seq2SeqModel(Seq2SeqConfig config, Parameters params) {
        for (ModelConfig.ParamShape s : config.parameterShapes()) {
            DMatrixRMaj m = params.get(s.name());
            if (m.getNumElements() != s.size()) {
                throw new IllegalArgumentException(s.name() + " has " + m.getNumElements() + " numbers, expected " + s.size());
            }
        }
        this.config = config;
        this.params = params;
        this.encoder = new Model(config.encoderConfig(), encoderView(config, params));
    }

    public static Seq2SeqModel zeros(Seq2SeqConfig config) {
        return new Seq2SeqModel(config, Parameters.zeros(config.parameterShapes()));
    }

    /** The {@code encoder.*} matrices of {@code p} under the encoder's own names (same objects). */
    static Parameters encoderView(Seq2SeqConfig cfg, Parameters p) {
        Map<String, DMatrixRMaj> m = new LinkedHashMap<>();
        for (ModelConfig.ParamShape s : cfg.encoderConfig().parameterShapes()) {
            m.put(s.name(), p.get(Seq2SeqConfig.ENCODER + s.name()));
        }
        return Parameters.wrap(m);
    }

    /** Uniform(−1/√H, 1/√H) for every weight (PyTorch's RNN default), N(0,1) embeddings, from a seed. */
    public void initialise(long seed) {
        java.util.Random r = new java.util.Random(seed);
        for (ModelConfig.ParamShape s : config.parameterShapes()) {
            DMatrixRMaj m = params.get(s.name());
            boolean emb = s.name().endsWith("embedding.weight");
            int fanIn = s.isVector() ? (s.name().startsWith("encoder.") ? config.encoderHidden()
                    : s.name().startsWith("decoder.") ? config.decoderHidden() : Math.max(1, s.rows()))
                    : s.name().contains(".rnn.") ? (s.name().startsWith("encoder.") ? config.encoderHidden()
                    : config.decoderHidden()) : s.cols();
            double k = 1.0 / Math.sqrt(fanIn);
            for (int i = 0; i < m.data.length; i++) {
                m.data[i] = emb ? r.nextGaussian() : (2 * r.nextDouble() - 1) * k;
            }
        }
    }

    public Seq2SeqConfig config() {
        return config;
    }

    public Parameters params() {
        return params;
    }

    Model encoder() {
        return encoder;
    }

    public DMatrixRMaj param(String name) {
        return params.get(name);
    }

    public Seq2SeqModel copy() {
        return new Seq2SeqModel(config, params.copy());
    }
}
