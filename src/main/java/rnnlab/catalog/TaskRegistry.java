package rnnlab.catalog;

import java.util.List;
import java.util.Locale;

/**
 * The built-in training tasks by name, with each one's default length (sequence length or lag), in
 * the order the training panel lists them. {@code training.Tasks} builds them; the command line, the
 * training panel and the lessons' {@code task:} key check names against this list.
 */
public final class TaskRegistry {
    /** One task: its name and its default length (or lag). */
    public record Task(String name, int defaultLength) {
    }

    public static final List<Task> ALL = List.of(
            new Task("charlm", 25), new Task("binary-addition", 8), new Task("agreement", 6),
            new Task("sentiment", 8), new Task("sine", 20), new Task("adding", 20),
            new Task("temporal-order", 30), new Task("copy", 10), new Task("reverse", 5));

    public static final List<String> NAMES = ALL.stream().map(Task::name).toList();

    /**
     * The encoder–decoder tasks ({@code training.seq2seq.Seq2SeqTasks} builds them): separate encoder and
     * decoder weights, optional attention. Kept apart from {@link #ALL}, whose tasks are single networks.
     */
    public static final List<Task> SEQ2SEQ = List.of(
            new Task("s2s-reverse", 8), new Task("s2s-copy", 8), new Task("sort", 8), new Task("dates", 18),
            new Task("numbers", 8));

    public static final List<String> SEQ2SEQ_NAMES = SEQ2SEQ.stream().map(Task::name).toList();

    /** The encoder–decoder task called {@code name}, or null. */
    public static Task findSeq2Seq(String name) {
        String k = key(name);
        for (Task t : SEQ2SEQ) {
            if (t.name().equals(k)) {
                return t;
            }
        }
        return null;
    }

    public static String listSeq2Seq() {
        return String.join(", ", SEQ2SEQ_NAMES);
    }

    private TaskRegistry() {
    }

    /** A user's spelling of a name: case and '_' for '-' do not matter ("Binary_Addition"). */
    public static String key(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The task called {@code name} (any spelling {@link #key} accepts), or null. */
    public static Task find(String name) {
        String k = key(name);
        for (Task t : ALL) {
            if (t.name().equals(k)) {
                return t;
            }
        }
        return null;
    }

    /** The names, comma separated, for messages and help texts. */
    public static String list() {
        return String.join(", ", NAMES);
    }
}
