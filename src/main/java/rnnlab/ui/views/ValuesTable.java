package rnnlab.ui.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import rnnlab.ui.controls.Palette;
import rnnlab.session.Frame;
import rnnlab.i18n.Messages;
import rnnlab.ui.controls.NumberText;

/**
 * The numbers a view draws, as a table of formatted strings: the "values table" alternative of every
 * view (for screen readers, for reading exact values off a projector, for keyboard users). A view builds
 * one from the current frame ({@link LabView#valuesTable()}); {@link ValuesTableNode} shows it.
 *
 * @param caption what the table shows (one sentence, already translated)
 * @param columns column headers (translated, or notation such as f_t)
 * @param rows    one list per row, as long as {@code columns}
 */
public record ValuesTable(String caption, List<String> columns, List<List<String>> rows) {

    public ValuesTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (List<String> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + r.size() + " cells, table has " + columns.size() + " columns");
            }
        }
    }

    /** A table with a caption and no rows (nothing computed yet, or a cell type the view does not draw). */
    public static ValuesTable empty(String caption) {
        return new ValuesTable(caption, List.of(Messages.get("values.col.value")), List.of());
    }

    /** A value with four decimals (NaN / ∞ spelled as in the views). */
    public static String num(double v) {
        if (Palette.bad(v)) {
            return Palette.badText(v);
        }
        double a = Math.abs(v);
        if (a >= 1e12) {
            return String.format(Locale.getDefault(), "%.4f", v).replace('-', '\u2212');
        }
        // by hand: String.format costs microseconds, and a heatmap table has thousands of cells
        long scaled = Math.round(a * 10_000);
        StringBuilder b = new StringBuilder(16);
        if (v < 0 && scaled != 0) {
            b.append('\u2212');
        }
        b.append(scaled / 10_000).append(decimalSeparator());
        String frac = Long.toString(scaled % 10_000);
        b.append("0000", 0, 4 - frac.length()).append(frac);
        return b.toString();
    }

    private static volatile Locale separatorLocale;
    private static volatile char separator = '.';

    private static char decimalSeparator() {
        Locale l = Locale.getDefault();
        if (!l.equals(separatorLocale)) {
            separator = java.text.DecimalFormatSymbols.getInstance(l).getDecimalSeparator();
            separatorLocale = l;
        }
        return separator;
    }

    /** A gradient-sized value (three significant digits, powers of ten when tiny). */
    public static String sci(double v) {
        return NumberText.sci(v);
    }

    /** A symbol as a table shows it: a space as ␣, a line break as ↵, a tab as ⇥ (so that no cell looks empty). */
    public static String symbol(String s) {
        if (s == null) {
            return "";
        }
        return switch (s) {
            case " " -> "\u2423";
            case "\n" -> "\u21b5";
            case "\t" -> "\u21e5";
            default -> s;
        };
    }

    /** The header of the column of unit u (0-based): "unit 4", counted from 1 as in every view. */
    static String unitHeader(int u) {
        return Messages.format("values.col.unitN", u + 1);
    }

    /** The label of step t (0-based) with its input symbol when there is one: "3 (l)". */
    public static String stepLabel(Frame f, int t) {
        String[] s = f.symbols();
        return s != null && t < s.length && s[t] != null ? Messages.format("values.step.symbol", t + 1, symbol(s[t]))
                : Integer.toString(t + 1);
    }

    /**
     * Steps × units of a [t][unit] array: one row per step, from {@code from} to {@code to} (exclusive),
     * steps outside it are left out; gradients ({@code grad}) in scientific notation.
     */
    static ValuesTable stepsByUnits(Frame f, String caption, double[][] values, int from, int to, boolean grad) {
        List<String> cols = new ArrayList<>();
        cols.add(Messages.get("values.col.step"));
        for (int u = 0; u < f.hiddenSize(); u++) {
            cols.add(unitHeader(u));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int t = Math.max(0, from); values != null && t < Math.min(to, values.length); t++) {
            List<String> r = new ArrayList<>();
            r.add(stepLabel(f, t));
            for (int u = 0; u < f.hiddenSize(); u++) {
                double v = u < values[t].length ? values[t][u] : Double.NaN;
                r.add(grad ? sci(v) : num(v));
            }
            rows.add(r);
        }
        return new ValuesTable(caption, cols, rows);
    }

    /**
     * The hidden state (or cell state) of a layer-direction by step and unit: the computed steps in
     * the forward pass, the gradient δh (δc) for the steps BPTT has reached in the backward pass.
     */
    public static ValuesTable states(Frame f, Frame.LayerFrame lf, boolean cellState, boolean gradInBackward) {
        boolean c = cellState && lf.c() != null;
        boolean grad = gradInBackward && f.phase() == Frame.Phase.BACKWARD;
        String what = Messages.get(grad ? (c ? "values.q.gradC" : "values.q.gradH") : c ? "values.q.c" : "values.q.h");
        String caption = Messages.format("values.states.caption", what, lf.layer() + 1,
                Messages.get(lf.direction() == 0 ? "values.dir.forward" : "values.dir.reverse"));
        if (grad) {
            int t = Math.max(0, f.time());
            boolean fwdDir = lf.direction() == 0;
            return stepsByUnits(f, caption, c ? lf.gradC() : lf.gradH(), fwdDir ? t : 0, fwdDir ? f.length() : t + 1, true);
        }
        return stepsByUnits(f, caption, c ? lf.c() : lf.h(), 0, f.forwardSteps(), false);
    }
}
