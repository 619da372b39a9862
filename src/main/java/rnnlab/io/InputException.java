package rnnlab.io;

/**
 * Bad input from a file: one message that names the file, the place in it (a JSON path such as
 * {@code state_dict.rnn.weight_hh_l0[3]}, or a line) and what was expected.
 */
public class InputException extends Exception {
    private final String file;
    private final String where;
    private final String problem;

    /** File, place and problem are cleaned ({@link SafeText}): a message never echoes control bytes. */
    public InputException(String file, String where, String problem) {
        this(SafeText.clean(file, 300), SafeText.clean(where, 200), SafeText.clean(problem, 600), true);
    }

    private InputException(String file, String where, String problem, boolean cleaned) {
        super(compose(file, where, problem));
        this.file = file;
        this.where = where;
        this.problem = problem;
    }

    private static String compose(String file, String where, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file).append(": ");
        }
        if (where != null && !where.isEmpty()) {
            sb.append(where).append(": ");
        }
        return sb.append(problem).toString();
    }

    public String file() {
        return file;
    }

    /** The JSON path or line, possibly empty. */
    public String where() {
        return where;
    }

    /** What was wrong and what was expected, without file and place. */
    public String problem() {
        return problem;
    }
}
