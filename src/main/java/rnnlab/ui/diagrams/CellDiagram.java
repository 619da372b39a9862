package rnnlab.ui.diagrams;

import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import rnnlab.ui.controls.LabCanvasControl;

/**
 * A recurrent cell drawn as its dataflow: each vector (inputs, gates, states) as a box of per-unit
 * bars coloured by value, operators as circles, arrows in computation order. The data is a map from
 * vector name to values (the names each subclass documents); {@code previousVectors} are the values
 * before the step, interpolated while {@code progress} runs 0 → 1. Clicking a part sets
 * {@code selectedPart}; whoever owns the data answers with {@code equation} (text with numbers).
 */
public abstract class CellDiagram extends LabCanvasControl {
    private final ObjectProperty<Map<String, double[]>> vectors = new SimpleObjectProperty<>(this, "vectors", Map.of());
    private final ObjectProperty<Map<String, double[]>> previousVectors = new SimpleObjectProperty<>(this, "previousVectors");
    private final IntegerProperty selectedUnit = new SimpleIntegerProperty(this, "selectedUnit", 0);
    private final javafx.beans.property.BooleanProperty gateNumbers = new javafx.beans.property.SimpleBooleanProperty(this, "gateNumbers", true);
    private final StringProperty selectedPart = new SimpleStringProperty(this, "selectedPart");
    private final StringProperty equation = new SimpleStringProperty(this, "equation");
    private final IntegerProperty step = new SimpleIntegerProperty(this, "step", 0);
    private final javafx.beans.property.BooleanProperty backward =
            new javafx.beans.property.SimpleBooleanProperty(this, "backward", false);

    protected CellDiagram(String styleClass, String viewId) {
        super(styleClass);
        setId(viewId);
    }

    /** The text drawn for an operator symbol (subclasses may substitute placeholders). */
    public String symbolFor(String symbol) {
        return symbol;
    }

    /** Prefix of every part id (e.g. "lstm" → "lstm.gate.f.unit.3"). */
    public abstract String partPrefix();

    public ObjectProperty<Map<String, double[]>> vectorsProperty() {
        return vectors;
    }

    public Map<String, double[]> getVectors() {
        return vectors.get();
    }

    public void setVectors(Map<String, double[]> v) {
        vectors.set(v);
    }

    public ObjectProperty<Map<String, double[]>> previousVectorsProperty() {
        return previousVectors;
    }

    public void setPreviousVectors(Map<String, double[]> v) {
        previousVectors.set(v);
    }

    public IntegerProperty selectedUnitProperty() {
        return selectedUnit;
    }

    public int getSelectedUnit() {
        return selectedUnit.get();
    }

    public void setSelectedUnit(int u) {
        selectedUnit.set(u);
    }

    /**
     * Whether each gate's box shows the selected unit's value large, on a patch over the unit bars (on by
     * default; off leaves the bars alone in view, as tests that read the bars' pixels need).
     */
    public javafx.beans.property.BooleanProperty gateNumbersProperty() {
        return gateNumbers;
    }

    /** The vector name (e.g. "f") whose equation is shown; set by clicking. */
    public StringProperty selectedPartProperty() {
        return selectedPart;
    }

    public String getSelectedPart() {
        return selectedPart.get();
    }

    public void setSelectedPart(String p) {
        selectedPart.set(p);
    }

    /** The selected part's equation with numbers (null: a hint is shown). */
    public StringProperty equationProperty() {
        return equation;
    }

    public String getEquation() {
        return equation.get();
    }

    public void setEquation(String e) {
        equation.set(e);
    }

    /**
     * BPTT mode: the vectors hold gradients (gate deltas of the pre-activations, δh, δc), drawn in the
     * gradient palette with bar heights on a log scale of the magnitude, arrows dashed and reversed,
     * parts revealed in reverse computation order.
     */
    public javafx.beans.property.BooleanProperty backwardProperty() {
        return backward;
    }

    public boolean isBackward() {
        return backward.get();
    }

    public void setBackward(boolean b) {
        backward.set(b);
    }

    /** Time step shown, 1-based (0: none computed yet). */
    public IntegerProperty stepProperty() {
        return step;
    }

    public int getStep() {
        return step.get();
    }

    public void setStep(int t) {
        step.set(t);
    }
}
