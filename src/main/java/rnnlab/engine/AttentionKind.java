package rnnlab.engine;

import java.util.Locale;

/**
 * How an encoder–decoder joins its halves. {@link #NONE}: the classic context vector (the final encoder
 * state, through the bridge, is the decoder's initial state and nothing else). The others also compute,
 * at every decoder step t, a score e_{t,s} for every encoder state h_s from the query q = s_{t−1} (the
 * previous decoder state), the weights a_t = softmax(e_t) and the context c_t = Σ_s a_{t,s} h_s:
 * <ul>
 *   <li>{@link #ADDITIVE} (Bahdanau et al. 2015): e = vᵀ tanh(W_q q + W_k h_s);</li>
 *   <li>{@link #DOT} (Luong et al. 2015): e = qᵀ h_s (needs decoder hidden = encoder output width);</li>
 *   <li>{@link #GENERAL} (Luong et al. 2015): e = qᵀ W_a h_s.</li>
 * </ul>
 * Luong's scores are used here in Bahdanau's arrangement (query = previous state, context fed into the
 * decoder's input), so all three differ only in the score.
 */
public enum AttentionKind {
    NONE, ADDITIVE, DOT, GENERAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind called {@code s} (none, additive, dot, general), or null. */
    public static AttentionKind fromId(String s) {
        if (s == null) {
            return null;
        }
        for (AttentionKind k : values()) {
            if (k.id().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        return null;
    }
}
