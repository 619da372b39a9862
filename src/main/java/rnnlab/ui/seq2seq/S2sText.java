package rnnlab.ui.seq2seq;

import java.util.Locale;
import rnnlab.i18n.Bundles;

/** The encoder–decoder window's texts: the bundle {@code rnnlab.i18n.seq2seq} (English and Chinese). */
public final class S2sText {
    public static final String BUNDLE = "rnnlab.i18n.seq2seq";

    private S2sText() {
    }

    public static String get(String key) {
        return Bundles.get(BUNDLE, key);
    }

    public static String format(String key, Object... args) {
        return Bundles.format(BUNDLE, key, args);
    }

    /** A value with three decimals and a true minus sign. */
    public static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return rnnlab.ui.controls.ViewText.num(v);
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.equals("-0.000") ? "0.000" : s.replace('-', '\u2212');
    }
}
