package rnnlab.ui.formula;

import rnnlab.ui.controls.LabCanvasControl;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Skin;

/**
 * The current step's equations typeset with jlatexmath, one per line, each with a stable id.
 * The panel is composed into one image off the FX thread and cached ({@link FormulaPanelSkin}).
 */
public class FormulaPanel extends LabCanvasControl {
    /** One typeset line: its stable id (e.g. "formula.f") and TeX source. */
    public record Formula(String id, String tex) {
    }

    private final ObjectProperty<List<Formula>> formulas = new SimpleObjectProperty<>(this, "formulas", List.of());
    private final StringProperty heading = new SimpleStringProperty(this, "heading", "");

    public FormulaPanel() {
        super("formula-panel");
        setId("view.formulas");
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new FormulaPanelSkin(this);
    }

    public ObjectProperty<List<Formula>> formulasProperty() {
        return formulas;
    }

    public List<Formula> getFormulas() {
        return formulas.get();
    }

    public void setFormulas(List<Formula> f) {
        formulas.set(f == null ? List.of() : List.copyOf(f));
    }

    /** Text above the formulas (e.g. which step and unit). */
    public StringProperty headingProperty() {
        return heading;
    }

    public String getHeading() {
        return heading.get();
    }

    public void setHeading(String s) {
        heading.set(s);
    }
}
