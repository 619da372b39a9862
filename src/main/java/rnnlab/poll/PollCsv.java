package rnnlab.poll;

import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The results of a session as CSV for the teacher: one row per question, round and category (option or
 * value), with the times the round opened and closed (UTC), the answers counted and whether the category
 * was the right answer. No device, address or name is in it: the session never had one.
 */
public final class PollCsv {
    public static final String HEADER = "question_id,question,kind,round,opened_utc,closed_utc,answers,category,count,right";

    private PollCsv() {
    }

    public static void write(List<PollSession.RoundResult> results, Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
        DateTimeFormatter t = DateTimeFormatter.ISO_INSTANT;
        for (PollSession.RoundResult r : results) {
            for (int i = 0; i < r.categories().size(); i++) {
                String right = "";
                if (r.revealed() != null) {
                    right = r.question().kind() == PollQuestion.Kind.CHOICE
                            ? String.valueOf(String.valueOf(i).equals(r.revealed()))
                            : "";
                }
                out.write(String.join(",",
                        cell(r.question().id()),
                        cell(r.question().text("en")),
                        r.question().kind().name().toLowerCase(java.util.Locale.ROOT),
                        String.valueOf(r.round()),
                        r.opened() == null ? "" : t.format(r.opened()),
                        r.closed() == null ? "" : t.format(r.closed()),
                        String.valueOf(r.answers()),
                        cell(r.categories().get(i)),
                        String.valueOf(r.counts()[i]),
                        right));
                out.write("\r\n");
            }
            if (r.question().kind() == PollQuestion.Kind.NUMBER && r.revealed() != null) {
                out.write(String.join(",", cell(r.question().id()), cell(r.question().text("en")), "number",
                        String.valueOf(r.round()), "", "", String.valueOf(r.answers()), cell("engine: " + r.revealed()), "", "true"));
                out.write("\r\n");
            }
        }
    }

    /**
     * One field, quoted when it holds a comma, quote or line break; a leading = + - @ is prefixed with '
     * so that a spreadsheet never runs it as a formula.
     */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[\\d.]+( \u2013 -?[\\d.]+)?")) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
