package rnnlab.ui.controls;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.BooleanPropertyBase;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.stage.Window;

/**
 * Base of the canvas-drawn visuals: theme, highlight (a stable id to spotlight), the animation clock
 * of the current step and the label font size. Subclasses add plain data properties only.
 */
public abstract class LabCanvasControl extends Control {
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private final BooleanProperty darkTheme = new BooleanPropertyBase(false) {
        @Override
        protected void invalidated() {
            pseudoClassStateChanged(DARK, get());
        }

        @Override
        public Object getBean() {
            return LabCanvasControl.this;
        }

        @Override
        public String getName() {
            return "darkTheme";
        }
    };
    private final BooleanProperty projectorTheme = new javafx.beans.property.SimpleBooleanProperty(this, "projectorTheme", false);
    private final StringProperty highlight = new SimpleStringProperty(this, "highlight");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 1.0);
    private final DoubleProperty fontSize = new SimpleDoubleProperty(this, "fontSize", 0);
    private double inheritedFontSize = MIN_FONT_SIZE;

    /** Labels never go below this size (px), whatever the scene's font. */
    public static final double MIN_FONT_SIZE = 16;
    /** No label is drawn smaller than this (px); labels that would be are dropped (issue 12). */
    public static final double MIN_TEXT_PX = 10;
    /** The same in presentation mode: the back row of a classroom. */
    public static final double MIN_TEXT_PX_PROJECTOR = 14;
    private final String stylesheet;

    protected LabCanvasControl(String styleClass) {
        getStyleClass().addAll("lab-canvas-view", styleClass);
        // one shared sheet (lab-canvas.css); a control with rules of its own has <style-class>.css, importing it
        java.net.URL own = LabCanvasControl.class.getResource(styleClass + ".css");
        stylesheet = (own != null ? own : LabCanvasControl.class.getResource("lab-canvas.css")).toExternalForm();
        getStylesheets().add(Theme.STYLESHEET); // the colours its sheet names, also outside the main window
        sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.removePreLayoutPulseListener(catchUp);
            }
            if (scene != null && !onShown.isEmpty()) {
                scene.addPreLayoutPulseListener(catchUp);
            }
            catchUp();
        });
    }

    /** What waits for the control to be seen again ({@link #whenShown}), in the order it was asked. */
    private final java.util.List<Runnable> onShown = new java.util.ArrayList<>();
    /** Runs {@link #onShown} once the control is no longer hidden; checked when the scene changes and before each layout pass. */
    private final Runnable catchUp = this::catchUp;

    /**
     * Whether nobody can see the control: it is in no scene, in a window that is not showing, or under a node
     * that is not visible (a tile taken off the grid, a tab not selected). A scene without a window (a snapshot,
     * an export) counts as seen. Hidden controls do not repaint and the views do not update them at each step
     * (issue 12, bench-ui: every view created stayed bound and worked at every step); {@link #whenShown}
     * catches them up. FX thread.
     */
    public final boolean isHidden() {
        Scene scene = getScene();
        if (scene == null) {
            return true;
        }
        Window window = scene.getWindow();
        if (window == null) {
            return false;
        }
        if (!window.isShowing()) {
            return true;
        }
        for (Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code r} once, as soon as the control is no longer {@link #isHidden hidden} (at once if it is not):
     * checked when its scene changes and before each layout pass of its scene while something waits. The same
     * runnable asked twice runs once. FX thread.
     */
    public final void whenShown(Runnable r) {
        if (!onShown.contains(r)) {
            onShown.add(r);
        }
        Scene scene = getScene();
        if (scene != null) {
            // the scene keeps its listeners in a copy-on-write list: adding again is a no-op only if removed first
            scene.removePreLayoutPulseListener(catchUp);
            scene.addPreLayoutPulseListener(catchUp);
        }
        catchUp();
    }

    private void catchUp() {
        if (onShown.isEmpty() || isHidden()) {
            return;
        }
        java.util.List<Runnable> waiting = java.util.List.copyOf(onShown);
        onShown.clear();
        if (getScene() != null) {
            getScene().removePreLayoutPulseListener(catchUp);
        }
        waiting.forEach(Runnable::run);
    }

    @Override
    public String getUserAgentStylesheet() {
        return stylesheet;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public boolean isDarkTheme() {
        return darkTheme.get();
    }

    public void setDarkTheme(boolean v) {
        darkTheme.set(v);
    }

    /** Presentation mode's high-contrast palette ({@link Theme#PROJECTOR}); wins over the dark theme. */
    public BooleanProperty projectorThemeProperty() {
        return projectorTheme;
    }

    public boolean isProjectorTheme() {
        return projectorTheme.get();
    }

    /** Stable id of the part to spotlight (null: none); everything else is dimmed. */
    public StringProperty highlightProperty() {
        return highlight;
    }

    public String getHighlight() {
        return highlight.get();
    }

    public void setHighlight(String v) {
        highlight.set(v);
    }

    /** 0 → 1 while the current step animates; 1 when idle. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public double getProgress() {
        return progress.get();
    }

    public void setProgress(double v) {
        progress.set(v);
    }

    /**
     * Base label size in px; 0 (default) follows the scene's CSS font size (e.g. {@code .root
     * { -fx-font-size: 24px; }} in presentation mode), never below {@link #MIN_FONT_SIZE}.
     */
    public DoubleProperty fontSizeProperty() {
        return fontSize;
    }

    /** The size labels are drawn at: the explicit size, or the inherited CSS size. */
    public double getFontSize() {
        return fontSize.get() > 0 ? fontSize.get() : inheritedFontSize;
    }

    public void setFontSize(double v) {
        fontSize.set(v);
    }

    /** Called by the skin when the CSS font its labels inherit changes. */
    void inheritFontSize(double size) {
        inheritedFontSize = Math.max(MIN_FONT_SIZE, size);
    }
}
