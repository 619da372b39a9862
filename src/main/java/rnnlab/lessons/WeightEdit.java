package rnnlab.lessons;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scene's {@code set: rnn.bias_hh_l0[3] = 2.0} or {@code set: rnn.weight_hh_l0[0][2] = -1.5}: one number of
 * the step's model changed, named as PyTorch names it, indices from 0 as in PyTorch (a gate block's rows
 * follow the cell's gate order, see the README's model section).
 *
 * @param param the state_dict name, e.g. {@code rnn.weight_hh_l0}
 * @param row   the row (or the element of a bias), from 0
 * @param col   the column, from 0; -1 for a bias (a flat list)
 * @param value the new number
 * @param line  the line of the {@code set:} key in the lesson file
 */
public record WeightEdit(String param, int row, int col, double value, int line) {
    private static final Pattern FORM = Pattern.compile(
            "([A-Za-z_][A-Za-z0-9_.]*)\\s*\\[\\s*(\\d{1,6})\\s*\\](?:\\s*\\[\\s*(\\d{1,6})\\s*\\])?\\s*=\\s*(\\S+)");

    /** Reads the value of a {@code set:} key; throws IllegalArgumentException saying the expected form. */
    static WeightEdit parse(String text, int line) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected \"name[row] = number\" or \"name[row][column] = number\", "
                    + "e.g. rnn.bias_hh_l0[3] = 2.0, not \"" + text.trim() + "\"");
        }
        double v;
        try {
            v = Double.parseDouble(m.group(4));
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v) || Math.abs(v) > 1e6) {
            throw new IllegalArgumentException("the new value must be a number between -1e6 and 1e6, not \"" + m.group(4) + "\"");
        }
        return new WeightEdit(m.group(1), Integer.parseInt(m.group(2)), m.group(3) == null ? -1 : Integer.parseInt(m.group(3)),
                v, line);
    }

    public String text() {
        return param + "[" + row + "]" + (col >= 0 ? "[" + col + "]" : "") + " = " + Checkpoint.format(value);
    }
}
