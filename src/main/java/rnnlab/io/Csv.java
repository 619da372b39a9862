package rnnlab.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one CSV writer (Commons CSV, RFC 4180): a field with a comma, a quote or a line break is quoted
 * and its quotes doubled, so any text (an error message, a task name) reads back as written. Lines
 * end with '\n'.
 */
public final class Csv {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private Csv() {
    }

    /** Receives the rows of a table. */
    public interface Rows {
        /** One row: each value is written with {@link String#valueOf}; null is an empty field. */
        void row(Object... values);
    }

    /** A table with the given header and the rows {@code body} writes. */
    public static String table(List<String> header, java.util.function.Consumer<Rows> body) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(out, FORMAT)) {
            p.printRecord(header);
            body.accept(values -> {
                try {
                    p.printRecord(values);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }
}
