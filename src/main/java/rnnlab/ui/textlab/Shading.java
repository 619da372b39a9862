package rnnlab.ui.textlab;

import javafx.scene.paint.Color;

/**
 * The colours of a shaded character: a signed value (a hidden unit, a cell state) is orange above zero and
 * blue below, its opacity its size against {@code scale}; an unsigned value (a gradient norm, a gate in
 * [0, 1]) is green. The same mapping in the text, the minimap and the unit rows.
 */
public final class Shading {
    static final Color POSITIVE = rnnlab.ui.controls.Palette.SHADE_POSITIVE;
    static final Color NEGATIVE = rnnlab.ui.controls.Palette.SHADE_NEGATIVE;
    static final Color UNSIGNED = rnnlab.ui.controls.Palette.SHADE_UNSIGNED;

    private Shading() {
    }

    /** The colour of {@code v}, or null for no shading (0, NaN or a non-positive scale). */
    public static Color of(double v, double scale, boolean signed) {
        if (!(scale > 0) || !Double.isFinite(v) || v == 0) {
            return null;
        }
        double a = Math.min(1.0, Math.abs(v) / scale);
        if (a < 0.02) {
            return null;
        }
        Color base = !signed ? UNSIGNED : v > 0 ? POSITIVE : NEGATIVE;
        return new Color(base.getRed(), base.getGreen(), base.getBlue(), 0.85 * a);
    }

    /** The largest |v| (1 if all are 0): the scale at which the strongest character is fully shaded. */
    public static double scaleOf(float[] v) {
        double m = 0;
        for (float x : v) {
            if (Float.isFinite(x)) {
                m = Math.max(m, Math.abs(x));
            }
        }
        return m > 0 ? m : 1;
    }
}
