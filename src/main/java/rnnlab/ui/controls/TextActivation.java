package rnnlab.ui.controls;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Skin;

/**
 * The input text with each character's background coloured by one value per step — a hidden unit
 * (diverging) or a gate (white → the gate's hue): where a neuron fires over the text.
 */
public class TextActivation extends LabCanvasControl {
    private final ObjectProperty<String[]> symbols = new SimpleObjectProperty<>(this, "symbols");
    private final ObjectProperty<double[]> values = new SimpleObjectProperty<>(this, "values");
    private final IntegerProperty computedSteps = new SimpleIntegerProperty(this, "computedSteps");
    private final IntegerProperty currentStep = new SimpleIntegerProperty(this, "currentStep", -1);
    private final StringProperty gate = new SimpleStringProperty(this, "gate");
    private final StringProperty caption = new SimpleStringProperty(this, "caption", "");

    public TextActivation() {
        super("text-activation");
        setId("view.text");
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new TextActivationSkin(this);
    }

    public ObjectProperty<String[]> symbolsProperty() {
        return symbols;
    }

    public String[] getSymbols() {
        return symbols.get();
    }

    public void setSymbols(String[] s) {
        symbols.set(s);
    }

    /** One value per step (the unit's h or the gate's value). */
    public ObjectProperty<double[]> valuesProperty() {
        return values;
    }

    public double[] getValues() {
        return values.get();
    }

    public void setValues(double[] v) {
        values.set(v);
    }

    public IntegerProperty computedStepsProperty() {
        return computedSteps;
    }

    public int getComputedSteps() {
        return computedSteps.get();
    }

    public void setComputedSteps(int n) {
        computedSteps.set(n);
    }

    public IntegerProperty currentStepProperty() {
        return currentStep;
    }

    public int getCurrentStep() {
        return currentStep.get();
    }

    public void setCurrentStep(int t) {
        currentStep.set(t);
    }

    /** Gate name ("f", "i", …) for sequential colouring, or null for a hidden unit (diverging). */
    public StringProperty gateProperty() {
        return gate;
    }

    public String getGate() {
        return gate.get();
    }

    public void setGate(String g) {
        gate.set(g);
    }

    /** What is shown (e.g. "h unit 3"), drawn as the title. */
    public StringProperty captionProperty() {
        return caption;
    }

    public String getCaption() {
        return caption.get();
    }

    public void setCaption(String s) {
        caption.set(s);
    }

    /** The background colour step t gets (ARGB), for tests and legends. */
    public int colorOf(double v, boolean dark) {
        int neutral = Theme.of(dark).neutral();
        return getGate() == null ? Palette.diverging(v, neutral) : Palette.gateValue(getGate(), v, neutral);
    }
}
