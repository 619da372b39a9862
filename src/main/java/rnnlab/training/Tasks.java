package rnnlab.training;

import java.util.List;
import java.util.Locale;

/** The built-in tasks by name, each with its length parameter (sequence length or lag). */
public final class Tasks {
    private Tasks() {
    }

    public static final List<String> NAMES = List.of("charlm", "binary-addition", "agreement", "sentiment", "sine",
            "adding", "temporal-order", "copy", "reverse");

    /** The default length (or lag) of each task. */
    public static int defaultLength(String name) {
        return switch (key(name)) {
            case "charlm" -> 25;
            case "binary-addition" -> 8;
            case "agreement" -> 6;
            case "sentiment" -> 8;
            case "sine" -> 20;
            case "adding" -> 20;
            case "temporal-order" -> 30;
            case "copy" -> 10;
            case "reverse" -> 5;
            default -> throw unknown(name);
        };
    }

    /**
     * The task called {@code name} with length {@code length} (≤ 0: its default). {@code text} is only
     * used by charlm (null: the text that ships with RNN Lab); {@code embedding} selects charlm's input.
     */
    public static Task create(String name, int length, String text, boolean embedding) {
        int n = length > 0 ? length : defaultLength(name);
        return switch (key(name)) {
            case "charlm" -> new CharLmTask(text == null ? CharLmTask.defaultText() : text, n, embedding);
            case "binary-addition" -> new BinaryAdditionTask(n);
            case "agreement" -> new AgreementTask(n);
            case "sentiment" -> new SentimentTask(n);
            case "sine" -> new SineTask(n, 16, 0.05);
            case "adding" -> new AddingTask(n);
            case "temporal-order" -> new TemporalOrderTask(n);
            case "copy" -> new RecallTask(RecallTask.Kind.COPY, 3, n);
            case "reverse" -> new RecallTask(RecallTask.Kind.REVERSE, n, 0);
            default -> throw unknown(name);
        };
    }

    public static Task create(String name, int length) {
        return create(name, length, null, false);
    }

    private static String key(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown task '" + name + "': expected one of " + String.join(", ", NAMES));
    }
}
