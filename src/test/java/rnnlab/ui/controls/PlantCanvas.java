package rnnlab.ui.controls;

import java.util.function.Function;
import javafx.scene.Scene;
import javafx.scene.control.Skin;
import javafx.scene.layout.Pane;

/**
 * For tests of what a canvas skin draws and labels: a canvas control named "plant" with a 16 px font, whose skin
 * the test makes (a {@link LabCanvasSkin} of its own, drawing what the test checks), shown alone in a scene.
 */
public final class PlantCanvas extends LabCanvasControl {
    private final Function<PlantCanvas, ? extends LabCanvasSkin<PlantCanvas>> skin;

    public PlantCanvas(Function<PlantCanvas, ? extends LabCanvasSkin<PlantCanvas>> skin) {
        super("plant");
        setFontSize(16);
        this.skin = skin;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return skin.apply(this);
    }

    /**
     * On the FX thread: the plant alone in a 400 × 200 scene, sized {@code w} × {@code h}, styled and laid out;
     * returns its skin (the one the test's factory made).
     */
    @SuppressWarnings("unchecked")
    public <S extends LabCanvasSkin<PlantCanvas>> S show(double w, double h) {
        Pane root = new Pane(this);
        new Scene(root, 400, 200);
        setMinSize(w, h);
        setPrefSize(w, h);
        setMaxSize(w, h);
        root.applyCss();
        root.layout();
        return (S) getSkin();
    }
}
