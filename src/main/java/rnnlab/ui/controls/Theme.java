package rnnlab.ui.controls;

import javafx.scene.paint.Color;

/**
 * Backgrounds and greys of a theme; the hues stay the same in all. {@link #PROJECTOR} is the
 * presentation-mode variant: pure white, black text and lines, greys dark enough to survive a
 * washed-out projector.
 */
public record Theme(boolean dark, Color background, Color foreground, Color muted, Color line, Color panel, int neutral) {
    public static final Theme LIGHT = new Theme(false, Color.WHITE, Color.web("#1A1A1A"), Color.web("#6B6B6B"),
            Color.web("#444444"), Color.web("#F2F2F2"), Palette.LIGHT_NEUTRAL);
    public static final Theme DARK = new Theme(true, Color.web("#1C1C1C"), Color.web("#EDEDED"), Color.web("#A0A0A0"),
            Color.web("#C8C8C8"), Color.web("#2A2A2A"), Palette.DARK_NEUTRAL);

    public static final Theme PROJECTOR = new Theme(false, Color.WHITE, Color.BLACK, Color.web("#333333"),
            Color.BLACK, Color.web("#F4F4F4"), Palette.LIGHT_NEUTRAL);

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
}
