package rnnlab.ui.controls;

import javafx.scene.paint.Color;

/**
 * The colour grammar of every view (see the visual language): a blue–neutral–orange diverging scale
 * for values in [−1, 1], white → gate hue for gate values in [0, 1], a symmetric log scale for the
 * unbounded cell state, and Okabe–Ito hues for gate identity. Colours are packed ARGB ints so that
 * heatmaps can fill pixel buffers without allocating.
 */
public final class Palette {
    /** Okabe–Ito hues. */
    public static final Color BLUE = Color.web("#0072B2");
    public static final Color ORANGE = Color.web("#E69F00");
    public static final Color VERMILLION = Color.web("#D55E00");
    public static final Color GREEN = Color.web("#009E73");
    public static final Color YELLOW = Color.web("#F0E442");
    public static final Color PURPLE = Color.web("#CC79A7");
    public static final Color SKY = Color.web("#56B4E9");
    /** The attention weights of the encoder–decoder (a purple apart from the gradient's reddish purple). */
    public static final Color ATTENTION = Color.web("#7B3294");
    /** The yellow gate hue darkened to read as text or a thin mark on white. */
    public static final Color YELLOW_INK = Color.web("#8A7F00");
    /** Text-lab shading of a unit's value over text: positive, negative, unsigned (0..1). */
    public static final Color SHADE_POSITIVE = Color.web("#F58214");
    public static final Color SHADE_NEGATIVE = Color.web("#1E78F0");
    public static final Color SHADE_UNSIGNED = Color.web("#28AA50");
    /** Text-lab marks: a search hit's fill, the cursor, the minimap's marks, the selected row's veil. */
    public static final Color SEARCH_HIT = Color.web("#FFDC008C");
    public static final Color CURSOR = Color.web("#DC1E1E");
    public static final Color MINIMAP_INK = Color.web("#969696");
    public static final Color MINIMAP_MARK = Color.web("#E6BE00");
    public static final Color ROW_VEIL = Color.web("#80808026");

    /** Neutral centre of the scales per theme. */
    public static final int LIGHT_NEUTRAL = 0xFFFFFFFF;
    public static final int DARK_NEUTRAL = 0xFF2E2E2E;

    /** Beyond this |c| the symlog scale clips (and views draw a marker). */
    public static final double SYMLOG_MAX = 10.0;

    private static final int BLUE_ARGB = argb(BLUE);
    private static final int ORANGE_ARGB = argb(ORANGE);

    private Palette() {
    }

    /** The hues as looked-up colours for the stylesheets ({@code -rl-blue}, …), in {@link Theme#STYLESHEET}. */
    public static java.util.Map<String, Color> hues() {
        java.util.Map<String, Color> m = new java.util.LinkedHashMap<>();
        for (String k : new String[] {"blue", "orange", "vermillion", "green", "yellow", "purple", "sky"}) {
            m.put("-rl-" + k, named(k));
        }
        return m;
    }

    /** Hue of a gate by its short name (i, f, g, o, r, z, n); grey for anything else. */
    public static Color gateHue(String gate) {
        rnnlab.engine.CellType.Gate g = gate == null ? null : rnnlab.engine.CellType.gate(gate);
        return g == null ? Color.GRAY : named(g.colourKey());
    }

    /** Whether a gate's values live in [0, 1] (σ gates) rather than [−1, 1] (tanh candidates). */
    public static boolean isSigmoidGate(String gate) {
        rnnlab.engine.CellType.Gate g = gate == null ? null : rnnlab.engine.CellType.gate(gate);
        return g == null || g.sigmoid();
    }

    /** The colour of a key of the visual language ({@code rnnlab.engine.CellType}'s colour keys); grey if unknown. */
    public static Color named(String key) {
        return switch (key == null ? "" : key) {
            case "blue" -> BLUE;
            case "orange" -> ORANGE;
            case "vermillion" -> VERMILLION;
            case "green" -> GREEN;
            case "yellow" -> YELLOW;
            case "purple" -> PURPLE;
            case "sky" -> SKY;
            default -> Color.GRAY;
        };
    }

    /** Diverging colour of v (clipped to [−1, 1]): blue · neutral · orange. NaN has no colour here. */
    public static int diverging(double v, int neutral) {
        double c = Math.max(-1, Math.min(1, v));
        return c < 0 ? mix(neutral, BLUE_ARGB, -c) : mix(neutral, ORANGE_ARGB, c);
    }

    /** Sequential colour of a gate value in [0, 1]: neutral → the gate's hue. */
    public static int sequential(double v, Color hue, int neutral) {
        double c = Math.max(0, Math.min(1, v));
        return mix(neutral, argb(hue), c);
    }

    /** The colour a value of the given gate gets (σ gates sequential, candidates diverging). */
    public static int gateValue(String gate, double v, int neutral) {
        return isSigmoidGate(gate) ? sequential(v, gateHue(gate), neutral) : diverging(v, neutral);
    }

    /** Deep end of the gradient scale (the reddish purple darkened, to read on white). */
    public static final Color GRAD_DEEP = Color.web("#7A1F5C");
    /** Gradient magnitudes are coloured on log10 between these decades (10⁻⁴ … 10⁰ by default). */
    public static final double GRAD_LOG_MIN = -4;
    public static final double GRAD_LOG_MAX = 0;
    private static final int PURPLE_ARGB = argb(PURPLE);
    private static final int GRAD_DEEP_ARGB = argb(GRAD_DEEP);
    /** On a dark background the scale ends light, so that large still stands out most. */
    public static final Color GRAD_BRIGHT = Color.web("#F7C8E3");
    private static final int GRAD_BRIGHT_ARGB = argb(GRAD_BRIGHT);

    /** Where |v| sits on the gradient's log scale: 0 at ≤ 10⁻⁴, 1 at ≥ 1 (0 for exact zero). */
    public static double gradLevel(double v) {
        double a = Math.abs(v);
        if (a == 0 || Double.isNaN(a)) {
            return 0;
        }
        double s = (Math.log10(a) - GRAD_LOG_MIN) / (GRAD_LOG_MAX - GRAD_LOG_MIN);
        return Math.max(0, Math.min(1, s));
    }

    /**
     * Colour of a gradient value by its magnitude (log scale): neutral → reddish purple → deep purple on
     * a light background, → light pink on a dark one.
     */
    public static int gradient(double v, int neutral) {
        double s = gradLevel(v);
        int end = (neutral & 0xFF) < 128 ? GRAD_BRIGHT_ARGB : GRAD_DEEP_ARGB;
        return s <= 0.6 ? mix(neutral, PURPLE_ARGB, s / 0.6) : mix(PURPLE_ARGB, end, (s - 0.6) / 0.4);
    }

    /** Symmetric log of v scaled to [−1, 1]: sign(v)·log(1+|v|)/log(1+MAX), clipped. */
    public static double symlog(double v) {
        double s = Math.log1p(Math.abs(v)) / Math.log1p(SYMLOG_MAX);
        return Math.copySign(Math.min(1, s), v);
    }

    public static int mix(int a, int b, double t) {
        int ar = (a >> 16) & 0xFF;
        int ag = (a >> 8) & 0xFF;
        int ab = a & 0xFF;
        int r = (int) Math.round(ar + (((b >> 16) & 0xFF) - ar) * t);
        int g = (int) Math.round(ag + (((b >> 8) & 0xFF) - ag) * t);
        int bl = (int) Math.round(ab + ((b & 0xFF) - ab) * t);
        return 0xFF000000 | (r << 16) | (g << 8) | bl;
    }

    public static int argb(Color c) {
        return 0xFF000000 | ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }

    public static Color color(int argb) {
        int rgb = argb & 0xFFFFFF;
        int slot = (rgb ^ (rgb >>> 11) ^ (rgb >>> 19)) & (COLORS.length - 1);
        Known k = COLORS[slot];
        if (k == null || k.rgb != rgb) {
            k = new Known(rgb, Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF));
            COLORS[slot] = k;
        }
        return k.color;
    }

    /**
     * Colours made before, by slot (issue 12, bench-ui: a new Color for every cell, bar and value drawn, at every
     * frame, and a new paint for the renderer at every fill in it). An entry is immutable, so any thread may read it.
     */
    private static final Known[] COLORS = new Known[4096];

    private record Known(int rgb, Color color) {
    }

    /** True for NaN and ±∞ (drawn as hatching, never as a colour). */
    public static boolean bad(double v) {
        return Double.isNaN(v) || Double.isInfinite(v);
    }

    /** Hatching pixel for NaN cells in pixel buffers: black and yellow diagonal stripes. */
    public static int hatch(int x, int y) {
        return ((x + y) / 3) % 2 == 0 ? 0xFF000000 : argb(YELLOW);
    }

    /** Short text for a non-finite value; "?" for a number a lesson masks until its question is answered. */
    public static String badText(double v) {
        return masked(v) ? "?" : Double.isNaN(v) ? "NaN" : v > 0 ? "∞" : "−∞";
    }

    /**
     * The bit pattern of a masked number: a NaN with its own payload, the same as
     * rnnlab.session.FrameMask.MASKED (controls may not import the session layer; MaskingTest checks both).
     */
    public static final long MASKED_BITS = 0x7ff8_0000_4d41_534bL;
    /** The grey a masked number is drawn in (instead of a colour or the NaN hatching). */
    public static final int MASKED_ARGB = 0xFF9E9E9E;

    /** True for a number a lesson masks (see {@link #MASKED_BITS}). */
    public static boolean masked(double v) {
        return Double.doubleToRawLongBits(v) == MASKED_BITS;
    }

    /** The pixel for a non-finite value: grey for a masked one, else the NaN hatching. */
    public static int badPixel(double v, int x, int y) {
        return masked(v) ? MASKED_ARGB : hatch(x, y);
    }
}
