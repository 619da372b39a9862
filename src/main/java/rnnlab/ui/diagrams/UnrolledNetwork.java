package rnnlab.ui.diagrams;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Skin;
import rnnlab.ui.controls.LabCanvasControl;

/**
 * The network unrolled in time: one copy of the cell per step, x_t below, y_t above, h flowing
 * right, every copy labelled with the same shared weights. Past steps show their hidden state as a
 * colour strip, the current step is outlined, future steps are dimmed.
 */
public class UnrolledNetwork extends LabCanvasControl {
    private final ObjectProperty<Architecture> architecture =
            new SimpleObjectProperty<>(this, "architecture", Architecture.MANY_TO_MANY);
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", 0);
    private final IntegerProperty currentStep = new SimpleIntegerProperty(this, "currentStep", -1);
    private final IntegerProperty computedSteps = new SimpleIntegerProperty(this, "computedSteps", 0);
    private final IntegerProperty decoderStart = new SimpleIntegerProperty(this, "decoderStart", -1);
    private final ObjectProperty<double[][]> hidden = new SimpleObjectProperty<>(this, "hidden");
    private final ObjectProperty<String[]> inputLabels = new SimpleObjectProperty<>(this, "inputLabels");
    private final ObjectProperty<String[]> outputLabels = new SimpleObjectProperty<>(this, "outputLabels");
    private final IntegerProperty backwardSteps = new SimpleIntegerProperty(this, "backwardSteps", 0);
    private final ObjectProperty<double[][]> gradHidden = new SimpleObjectProperty<>(this, "gradHidden");
    private final StringProperty cellName = new SimpleStringProperty(this, "cellName", "RNN");

    public UnrolledNetwork() {
        super("unrolled-network");
        setId("view.unrolled");
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new UnrolledNetworkSkin(this);
    }

    public ObjectProperty<Architecture> architectureProperty() {
        return architecture;
    }

    public Architecture getArchitecture() {
        return architecture.get();
    }

    public void setArchitecture(Architecture a) {
        architecture.set(a);
    }

    /** Number of time steps T. */
    public IntegerProperty stepsProperty() {
        return steps;
    }

    public int getSteps() {
        return steps.get();
    }

    public void setSteps(int t) {
        steps.set(t);
    }

    /** The step being (or last) computed, 0-based; −1 before the first. */
    public IntegerProperty currentStepProperty() {
        return currentStep;
    }

    public int getCurrentStep() {
        return currentStep.get();
    }

    public void setCurrentStep(int t) {
        currentStep.set(t);
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

    /** For encoder–decoder: the first decoder step (default: half of T). */
    public IntegerProperty decoderStartProperty() {
        return decoderStart;
    }

    public int getDecoderStart() {
        int d = decoderStart.get();
        return d < 0 ? Math.max(1, getSteps() / 2) : d;
    }

    public void setDecoderStart(int t) {
        decoderStart.set(t);
    }

    /** h_t per step, [t][unit] (strips of past steps). */
    public ObjectProperty<double[][]> hiddenProperty() {
        return hidden;
    }

    public double[][] getHidden() {
        return hidden.get();
    }

    public void setHidden(double[][] h) {
        hidden.set(h);
    }

    /** Symbol under each x_t (optional). */
    public ObjectProperty<String[]> inputLabelsProperty() {
        return inputLabels;
    }

    public String[] getInputLabels() {
        return inputLabels.get();
    }

    public void setInputLabels(String[] s) {
        inputLabels.set(s);
    }

    /** Symbol above each y_t (optional, e.g. the most likely output). */
    public ObjectProperty<String[]> outputLabelsProperty() {
        return outputLabels;
    }

    public String[] getOutputLabels() {
        return outputLabels.get();
    }

    public void setOutputLabels(String[] s) {
        outputLabels.set(s);
    }

    /**
     * How many steps BPTT has gone through, from the last step back (0: forward phase). While it is
     * positive the current step is the one BPTT last reached; earlier steps are dimmed.
     */
    public IntegerProperty backwardStepsProperty() {
        return backwardSteps;
    }

    public int getBackwardSteps() {
        return backwardSteps.get();
    }

    public void setBackwardSteps(int n) {
        backwardSteps.set(n);
    }

    public boolean isBackward() {
        return backwardSteps.get() > 0;
    }

    /** δh_t = dL/dh_t per step, [t][unit] (strips of the steps BPTT has reached). */
    public ObjectProperty<double[][]> gradHiddenProperty() {
        return gradHidden;
    }

    public double[][] getGradHidden() {
        return gradHidden.get();
    }

    public void setGradHidden(double[][] g) {
        gradHidden.set(g);
    }

    /** Cell name drawn in each copy ("LSTM", "GRU", "RNN"). */
    public StringProperty cellNameProperty() {
        return cellName;
    }

    public String getCellName() {
        return cellName.get();
    }

    public void setCellName(String s) {
        cellName.set(s);
    }

    /** Whether step t has an input x_t drawn under this architecture. */
    public boolean hasInput(int t) {
        return switch (getArchitecture()) {
            case MANY_TO_MANY, MANY_TO_ONE -> true;
            case ONE_TO_MANY -> t == 0;
            case ENCODER_DECODER -> t < getDecoderStart();
        };
    }

    /** Whether step t has an output y_t drawn under this architecture. */
    public boolean hasOutput(int t) {
        return switch (getArchitecture()) {
            case MANY_TO_MANY, ONE_TO_MANY -> true;
            case MANY_TO_ONE -> t == getSteps() - 1;
            case ENCODER_DECODER -> t >= getDecoderStart();
        };
    }
}
