package rnnlab.training.seq2seq;

import java.util.List;
import java.util.Random;

/**
 * An encoder–decoder problem: pairs (source tokens → target tokens) drawn from a seed. The target
 * vocabulary always starts with {@link #START} (index 0, the decoder's first input) and {@link #END}
 * (index 1, which ends every target).
 */
public interface Seq2SeqTask {
    String START = "<s>";
    String END = "</s>";
    int START_TOKEN = 0;
    int END_TOKEN = 1;

    /** One example: source tokens and target tokens (without start and end). */
    record Pair(int[] source, int[] target) {
    }

    String name();

    /** One sentence: what this task teaches. */
    String teaches();

    /** The input length (for reverse, copy and sort exactly; dates and numbers have their own). */
    int length();

    List<String> sourceVocab();

    /** Target symbols, {@link #START} and {@link #END} first. */
    List<String> targetVocab();

    Pair sample(Random r);

    /** The longest target (without the end token) this task can produce: bounds greedy decoding. */
    int maxTarget();

    /** How tokens print: characters joined, or words with spaces. */
    default String show(List<String> vocab, int[] tokens, boolean words) {
        StringBuilder sb = new StringBuilder();
        for (int t : tokens) {
            if (words && sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(vocab.get(t));
        }
        return sb.toString();
    }

    /** Whether the source prints as words (numbers) rather than characters. */
    default boolean sourceWords() {
        return false;
    }
}
