package rnnlab.ui.controls;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * The one place a theme's colours are written (with {@link Palette}, which holds the hues and scales
 * every theme shares): the canvas colours of the views (background, foreground, muted, line, panel,
 * the neutral of the colour scales) and the window's looked-up colours ({@link #css}: {@code -rl-bg},
 * {@code -rl-text}, … and the {@code -fx-} colours Modena reads). Stylesheets never write a colour:
 * they name these ({@code -rl-text}), and {@link #STYLESHEET} — generated from this class and
 * {@link Palette} — defines the names for the light root, {@code .root.dark} and {@code .root.projector},
 * and the canvas controls' colours by their {@code :dark} state. {@link #PROJECTOR} is the
 * presentation-mode variant: pure white, black text and lines, greys dark enough to survive a
 * washed-out projector; the Okabe–Ito hues stay the same in all three.
 */
public record Theme(boolean dark, Color background, Color foreground, Color muted, Color line, Color panel, int neutral,
        Map<String, Color> css) {

    private static final Map<String, Color> LIGHT_CSS = css(null,
            "-rl-bg", "#f4f4f1", "-rl-panel", "#ffffff", "-rl-border", "#d6d6d0", "-rl-text", "#1f1f22",
            "-rl-muted", "#5a5a62", "-rl-accent", "#0072B2", "-rl-on-accent", "#ffffff", "-rl-hot", "#E69F00", "-rl-on-hot", "#1f1f22",
            "-rl-chip", "#eceae4", "-rl-error-bg", "#fbe3d6", "-rl-error-text", "#7a2500",
            "-rl-spotlight", "#E69F00", "-rl-backward-bg", "#CC79A733", "-rl-backward-text", "#8a3f6d",
            "-rl-locked", "#8a4b00", "-rl-right", "#006b4f", "-rl-wrong", "#a34000", "-rl-hit-row", "#F5821440",
            "-fx-base", "#ecebe7", "-fx-control-inner-background", "#ffffff",
            "-fx-faint-focus-color", "#0072B222",
            "-fx-focus-color", "#0072B2");
    private static final Map<String, Color> DARK_CSS = css(LIGHT_CSS,
            "-rl-bg", "#1c1d20", "-rl-panel", "#25272b", "-rl-border", "#3b3e44", "-rl-text", "#e9e9ec",
            "-rl-muted", "#a6a7ae", "-rl-accent", "#56B4E9", "-rl-on-accent", "#1c1d20", "-rl-chip", "#33363c",
            "-rl-error-bg", "#4a2a1c", "-rl-error-text", "#ffd9c4", "-rl-backward-text", "#e2a6c9",
            "-rl-locked", "#f3c27a", "-rl-right", "#6fdcb9", "-rl-wrong", "#ffb27a",
            "-fx-base", "#2f3237", "-fx-control-inner-background", "#2a2c31",
            "-fx-control-inner-background-alt", "#2e3035", "-fx-faint-focus-color", "#56B4E922",
            "-fx-focus-color", "#56B4E9");
    private static final Map<String, Color> PROJECTOR_CSS = css(LIGHT_CSS,
            "-rl-bg", "#ffffff", "-rl-panel", "#ffffff", "-rl-border", "#1a1a1a", "-rl-text", "#000000",
            "-rl-muted", "#262626", "-rl-accent", "#005a8c", "-rl-chip", "#e6e6e6",
            "-rl-error-bg", "#ffd9c4", "-rl-error-text", "#5c1a00", "-rl-spotlight", "#D55E00",
            "-rl-backward-bg", "#CC79A7", "-rl-backward-text", "#000000",
            "-fx-base", "#f0f0f0", "-fx-control-inner-background", "#ffffff", "-fx-focus-color", "#000000");

    public static final Theme LIGHT = new Theme(false, Color.WHITE, Color.web("#1A1A1A"), Color.web("#6B6B6B"),
            Color.web("#444444"), Color.web("#F2F2F2"), Palette.LIGHT_NEUTRAL, LIGHT_CSS);
    public static final Theme DARK = new Theme(true, Color.web("#1C1C1C"), Color.web("#EDEDED"), Color.web("#A0A0A0"),
            Color.web("#C8C8C8"), Color.web("#2A2A2A"), Palette.DARK_NEUTRAL, DARK_CSS);

    public static final Theme PROJECTOR = new Theme(false, Color.WHITE, Color.BLACK, Color.web("#333333"),
            Color.BLACK, Color.web("#F4F4F4"), Palette.LIGHT_NEUTRAL, PROJECTOR_CSS);

    /** The hover label of a canvas control: dark on a light control, light on a dark one. */
    private static final Color HOVER_ON_LIGHT = Color.web("#1E1E1EEB");
    private static final Color HOVER_ON_DARK = Color.web("#F0F0F0F2");

    /**
     * The stylesheet that defines every looked-up colour (a data URL, generated from this class and
     * {@link Palette}): add it before app.css wherever app.css is added; every canvas control adds it itself.
     */
    public static final String STYLESHEET = "data:text/css;base64,"
            + Base64.getEncoder().encodeToString(stylesheetText().getBytes(StandardCharsets.UTF_8));

    public static Theme of(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    /** The theme for a dark flag and the projector flag (projector wins: it is always light). */
    public static Theme of(boolean dark, boolean projector) {
        return projector ? PROJECTOR : of(dark);
    }

    /** The background with the given opacity (used to dim what a highlight does not spotlight). */
    public Color veil(double opacity) {
        return new Color(background.getRed(), background.getGreen(), background.getBlue(), opacity);
    }

    /** A looked-up colour of the window in this theme, e.g. {@code css("-rl-text")}. */
    public Color css(String name) {
        Color c = css.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no theme colour " + name);
        }
        return c;
    }

    /** The generated stylesheet's text: the names of {@link #css} per root theme, the hues, the canvas colours. */
    public static String stylesheetText() {
        StringBuilder s = new StringBuilder();
        block(s, ".root", LIGHT_CSS, Palette.hues());
        block(s, ".root.dark", DARK_CSS, Map.of());
        block(s, ".root.projector", PROJECTOR_CSS, Map.of());
        block(s, ".lab-canvas-view", Map.of("-rl-canvas-bg", LIGHT.background, "-rl-canvas-text", LIGHT.foreground,
                "-rl-hover-bg", HOVER_ON_LIGHT, "-rl-hover-text", Color.WHITE), Map.of());
        block(s, ".lab-canvas-view:dark", Map.of("-rl-canvas-bg", DARK.background, "-rl-canvas-text", DARK.foreground,
                "-rl-hover-bg", HOVER_ON_DARK, "-rl-hover-text", LIGHT.foreground), Map.of());
        return s.toString();
    }

    private static void block(StringBuilder s, String selector, Map<String, Color> a, Map<String, Color> b) {
        s.append(selector).append(" {\n");
        a.forEach((k, v) -> s.append("    ").append(k).append(": ").append(hex(v)).append(";\n"));
        b.forEach((k, v) -> s.append("    ").append(k).append(": ").append(hex(v)).append(";\n"));
        s.append("}\n");
    }

    /** #rrggbb, or #rrggbbaa when not opaque. */
    static String hex(Color c) {
        int r = (int) Math.round(c.getRed() * 255);
        int g = (int) Math.round(c.getGreen() * 255);
        int b = (int) Math.round(c.getBlue() * 255);
        int a = (int) Math.round(c.getOpacity() * 255);
        return a == 255 ? String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b)
                : String.format(Locale.ROOT, "#%02x%02x%02x%02x", r, g, b, a);
    }

    private static Map<String, Color> css(Map<String, Color> base, String... pairs) {
        Map<String, Color> m = new LinkedHashMap<>(base == null ? Map.of() : base);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], Color.web(pairs[i + 1]));
        }
        return Collections.unmodifiableMap(m);
    }
}
