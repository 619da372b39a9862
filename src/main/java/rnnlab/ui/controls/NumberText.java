package rnnlab.ui.controls;

import java.util.Locale;

/**
 * Numbers as the views print them: '.' decimals in every language, a true minus sign, superscript
 * powers of ten, NaN / ∞ as words and "?" for a number a lesson masks. (Words come from
 * {@link rnnlab.i18n.Messages}; this class only formats numbers.)
 */
public final class NumberText {
    private NumberText() {
    }

    /** A number for display: 2 decimals, or the NaN / ∞ words. */
    public static String num(double v) {
        if (Palette.bad(v)) {
            return Palette.badText(v);
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        // a tiny negative value rounds to zero: "0.00", never "−0.00"
        return s.equals("-0.00") ? "0.00" : s.replace('-', '−');
    }

    /**
     * A factor of a printed product (BPTT lines): three significant digits, so that multiplying the
     * printed factors by hand gives the printed product to its three digits ("0.0259·0.0302·0.229");
     * negative ones in parentheses.
     */
    public static String exactFactor(double v) {
        if (Palette.bad(v)) {
            return Palette.badText(v);
        }
        String s = sci(v);
        return v < 0 ? "(" + s + ")" : s;
    }

    /** A number as the second term of a sum: "+ 0.30" or "− 1.52". */
    public static String signed(double v) {
        if (Palette.bad(v)) {
            return "+ " + Palette.badText(v);
        }
        return (v < 0 ? "− " : "+ ") + num(Math.abs(v));
    }

    /** A number as a factor: negative ones in parentheses, "(−0.69)". */
    public static String factor(double v) {
        return v < 0 ? "(" + num(v) + ")" : num(v);
    }

    /**
     * A gradient-sized number: three significant digits between 0.01 and 1000, else a mantissa and a
     * power of ten with superscript exponent ("1.44·10⁻⁵"); NaN / ∞ as words.
     */
    public static String sci(double v) {
        if (Palette.bad(v)) {
            return Palette.badText(v);
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 0.01 && a < 1000) {
            return String.format(Locale.ROOT, "%.3g", v).replace('-', '−');
        }
        int e = (int) Math.floor(Math.log10(a));
        double m = v / Math.pow(10, e);
        if (Math.abs(m) >= 9.995) {
            m /= 10;
            e++;
        }
        return String.format(Locale.ROOT, "%.2f", m).replace('-', '−') + "·10" + superscript(e);
    }

    /** A value with three decimals and a true minus sign (the encoder–decoder's tables). */
    public static String num3(double v) {
        if (Palette.bad(v)) {
            return Palette.badText(v);
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.equals("-0.000") ? "0.000" : s.replace('-', '\u2212');
    }

    /** 10 to a whole power as text: "1", "10", "10⁻³". */
    public static String power10(int e) {
        return e == 0 ? "1" : e == 1 ? "10" : "10" + superscript(e);
    }

    private static String superscript(int e) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder b = new StringBuilder(e < 0 ? "⁻" : "");
        for (char ch : Integer.toString(Math.abs(e)).toCharArray()) {
            b.append(digits.charAt(ch - '0'));
        }
        return b.toString();
    }
}
