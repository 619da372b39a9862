package rnnlab.ui.seq2seq;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import rnnlab.ui.controls.AppLanguage;

/**
 * A canvas that fills its region and redraws on resize, on a new snapshot and on a theme change (light,
 * dark, projector: projector wins). Subclasses draw from plain data only.
 */
abstract class S2sCanvas extends Region {
    private final Canvas canvas = new Canvas();
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false);
    private final BooleanProperty projector = new SimpleBooleanProperty(this, "projector", false);
    private double fontPx = 14;

    S2sCanvas() {
        getChildren().add(canvas);
        getStyleClass().add("s2s-canvas");
        dark.addListener((o, a, b) -> redraw());
        projector.addListener((o, a, b) -> redraw());
        setMinSize(200, 120);
    }

    BooleanProperty darkProperty() {
        return dark;
    }

    BooleanProperty projectorProperty() {
        return projector;
    }

    void setFontPx(double px) {
        fontPx = Math.max(12, px);
        redraw();
    }

    double fontPx() {
        return fontPx;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(background());
        g.fillRect(0, 0, w, h);
        if (w > 10 && h > 10) {
            draw(g, w, h);
        }
    }

    abstract void draw(GraphicsContext g, double w, double h);

    boolean isDarkish() {
        return dark.get() && !projector.get();
    }

    /** The canvas colours of the app's theme (rnnlab.ui.controls.Theme, where every theme colour is defined). */
    rnnlab.ui.controls.Theme theme() {
        return rnnlab.ui.controls.Theme.of(dark.get(), projector.get());
    }

    Color background() {
        return theme().background();
    }

    Color ink() {
        return theme().foreground();
    }

    Color faint() {
        return theme().muted();
    }

    double lineWidth() {
        return projector.get() ? 2.5 : 1.5;
    }

    /** Fill colour of a value in [−1, 1]: blue · neutral · orange, as every view of the app. */
    Color diverging(double v) {
        int argb = rnnlab.ui.controls.Palette.diverging(v,
                isDarkish() ? rnnlab.ui.controls.Palette.DARK_NEUTRAL : rnnlab.ui.controls.Palette.LIGHT_NEUTRAL);
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF);
    }

    /** A weight in [0, 1]: neutral → purple. */
    Color weight(double a) {
        double x = Math.max(0, Math.min(1, a));
        Color base = rnnlab.ui.controls.Palette.color(theme().neutral());
        return base.interpolate(rnnlab.ui.controls.Palette.ATTENTION, Math.sqrt(x));
    }

    Font font(double scale) {
        String family = AppLanguage.isChinese() ? AppLanguage.family() : AppLanguage.LATIN_FAMILY;
        return Font.font(family, fontPx * scale);
    }

    Font mono(double scale) {
        return Font.font(AppLanguage.MONO_FAMILY, fontPx * scale);
    }
}
