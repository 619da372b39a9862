package rnnlab.ui.shell;

import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Scene;
import rnnlab.ui.controls.AppLanguage;
import rnnlab.ui.lesson.Presentation;

/**
 * How the window looks (not its colours, which rnnlab.ui.controls.Theme defines once): the app's one stylesheet with a light and a dark variant (style class {@code dark} on the root), a
 * projector variant for presentation mode (style class {@code projector}: near-white, near-black,
 * thicker borders; it wins over dark) and a font scale (the root font size; every size in the
 * stylesheet is in em, so everything scales).
 */
public final class Appearance implements rnnlab.ui.lesson.LessonHost.ThemeSettings {
    // BASE_PX (the base font size in px at scale 1) comes from LessonHost.ThemeSettings
    static final double[] SCALES = {1.0, 1.25, 1.5, 2.0};
    private final Scene scene;
    private final BooleanProperty dark;
    private final DoubleProperty fontScale = new SimpleDoubleProperty(1.0);
    private final BooleanProperty projector;

    Appearance(Scene scene, BooleanProperty dark, BooleanProperty projector) {
        this.scene = scene;
        this.dark = dark;
        this.projector = projector;
        projector.addListener((o, a, p) -> apply());
        scene.getStylesheets().add(rnnlab.ui.controls.Theme.STYLESHEET); // the colours app.css names
        scene.getStylesheets().add(Objects.requireNonNull(Appearance.class.getResource("/rnnlab/ui/theme/app.css")).toExternalForm());
        dark.addListener((o, a, d) -> apply());
        fontScale.addListener((o, a, s) -> apply());
        apply();
    }

    /**
     * The window's empty first scene: the app's stylesheets and background in the light theme at font
     * scale 1, with nothing in it. The app shows it at once (so the window is up fast) and replaces it
     * by the {@link MainWindow}'s scene a pulse later; it costs one small CSS pass.
     */
    public static Scene emptyWindow(double width, double height) {
        javafx.scene.layout.BorderPane root = new javafx.scene.layout.BorderPane();
        root.getStyleClass().add("main-window");
        root.setId(rnnlab.ui.common.Ids.of("main.starting"));
        Scene s = new Scene(root, width, height);
        s.getStylesheets().add(rnnlab.ui.controls.Theme.STYLESHEET);
        s.getStylesheets().add(Objects.requireNonNull(Appearance.class.getResource("/rnnlab/ui/theme/app.css")).toExternalForm());
        root.setStyle(style(1.0));
        return s;
    }

    private void apply() {
        var root = scene.getRoot();
        root.getStyleClass().removeAll("dark", "projector");
        if (projector.get()) {
            root.getStyleClass().add("projector");
        } else if (dark.get()) {
            root.getStyleClass().add("dark");
        }
        root.setStyle(style(fontScale.get()));
    }

    /** The root's inline style: the font size and, in Chinese, a CJK font family (app.css says DejaVu Sans). */
    static String style(double scale) {
        String size = String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_PX * scale);
        return AppLanguage.isChinese() ? size + " -fx-font-family: \"" + AppLanguage.family() + "\";" : size;
    }

    public boolean isDark() {
        return dark.get();
    }

    public void setDark(boolean d) {
        dark.set(d);
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** Presentation mode's projector palette. */
    public BooleanProperty projectorProperty() {
        return projector;
    }

    public double fontScale() {
        return fontScale.get();
    }

    public void setFontScale(double s) {
        fontScale.set(s);
    }

    public DoubleProperty fontScaleProperty() {
        return fontScale;
    }
}
