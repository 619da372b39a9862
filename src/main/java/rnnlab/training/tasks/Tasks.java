package rnnlab.training.tasks;

import rnnlab.catalog.TaskRegistry;

/** Builds the built-in tasks by name (declared, with their default lengths, in {@link TaskRegistry}). */
public final class Tasks {
    private Tasks() {
    }

    /** The default length (or lag) of each task. */
    public static int defaultLength(String name) {
        TaskRegistry.Task t = TaskRegistry.find(name);
        if (t == null) {
            throw unknown(name);
        }
        return t.defaultLength();
    }

    /**
     * The task called {@code name} with length {@code length} (≤ 0: its default). {@code text} is only
     * used by charlm (null: the text that ships with RNN Lab); {@code embedding} selects charlm's input.
     */
    public static Task create(String name, int length, String text, boolean embedding) {
        return create(name, length, text, embedding, CharVocab.DEFAULT_COMMON);
    }

    /** As above; {@code common} is the character model's vocabulary size (ignored by the other tasks). */
    public static Task create(String name, int length, String text, boolean embedding, int common) {
        int n = length > 0 ? length : defaultLength(name);
        return switch (key(name)) {
            case "charlm" -> new CharLmTask(text == null ? CharLmTask.defaultText() : text, n, embedding, common);
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
        return TaskRegistry.key(name);
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown task '" + name + "': expected one of " + TaskRegistry.list());
    }
}
