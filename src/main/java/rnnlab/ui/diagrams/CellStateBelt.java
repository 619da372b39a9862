package rnnlab.ui.diagrams;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Skin;
import rnnlab.ui.controls.LabCanvasControl;

/**
 * The LSTM cell state as a conveyor belt: one lane per unit, one station per time step. At each
 * station the forget gate takes away (1−f)⊙c_{t−1} and the input gate adds i⊙c̃; what remains rides
 * on. Heights and colours use the symmetric log scale. All arrays are [t][unit].
 */
public class CellStateBelt extends LabCanvasControl {
    private final ObjectProperty<double[][]> cell = new SimpleObjectProperty<>(this, "cell");
    private final ObjectProperty<double[][]> forget = new SimpleObjectProperty<>(this, "forget");
    private final ObjectProperty<double[][]> input = new SimpleObjectProperty<>(this, "input");
    private final ObjectProperty<double[][]> candidate = new SimpleObjectProperty<>(this, "candidate");
    private final ObjectProperty<double[]> initial = new SimpleObjectProperty<>(this, "initial");
    private final IntegerProperty computedSteps = new SimpleIntegerProperty(this, "computedSteps");
    private final IntegerProperty currentStep = new SimpleIntegerProperty(this, "currentStep", -1);
    private final IntegerProperty selectedUnit = new SimpleIntegerProperty(this, "selectedUnit");
    private final ObjectProperty<double[][]> gradCell = new SimpleObjectProperty<>(this, "gradCell");
    private final IntegerProperty backwardFrom = new SimpleIntegerProperty(this, "backwardFrom", -1);

    public CellStateBelt() {
        super("cell-state-belt");
        setId("view.belt");
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new CellStateBeltSkin(this);
    }

    /** c_t. */
    public ObjectProperty<double[][]> cellProperty() {
        return cell;
    }

    public double[][] getCell() {
        return cell.get();
    }

    /** f_t. */
    public ObjectProperty<double[][]> forgetProperty() {
        return forget;
    }

    public double[][] getForget() {
        return forget.get();
    }

    /** i_t. */
    public ObjectProperty<double[][]> inputProperty() {
        return input;
    }

    public double[][] getInput() {
        return input.get();
    }

    /** c̃_t (PyTorch's g). */
    public ObjectProperty<double[][]> candidateProperty() {
        return candidate;
    }

    public double[][] getCandidate() {
        return candidate.get();
    }

    /** c_0 (null: zeros). */
    public ObjectProperty<double[]> initialProperty() {
        return initial;
    }

    public double[] getInitial() {
        return initial.get();
    }

    public void setData(double[][] c, double[][] f, double[][] i, double[][] g, double[] c0) {
        cell.set(c);
        forget.set(f);
        input.set(i);
        candidate.set(g);
        initial.set(c0);
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

    public IntegerProperty selectedUnitProperty() {
        return selectedUnit;
    }

    public int getSelectedUnit() {
        return selectedUnit.get();
    }

    public void setSelectedUnit(int u) {
        selectedUnit.set(u);
    }

    /** δc_t = dL/dc_t, [t][unit] (drawn in the BPTT phase). */
    public ObjectProperty<double[][]> gradCellProperty() {
        return gradCell;
    }

    public double[][] getGradCell() {
        return gradCell.get();
    }

    /** The step BPTT last reached (steps from it to the end carry δc); −1 in the forward phase. */
    public IntegerProperty backwardFromProperty() {
        return backwardFrom;
    }

    public int getBackwardFrom() {
        return backwardFrom.get();
    }

    public boolean isBackward() {
        return backwardFrom.get() >= 0 && gradCell.get() != null;
    }

    public void setBackward(double[][] gradC, int from) {
        gradCell.set(gradC);
        backwardFrom.set(from);
    }

    /** Whether δc passes from step t back to t−1 nearly undiminished (f_t ≈ 1): the gradient highway. */
    public boolean highway(int t, int u) {
        return getForget()[t][u] >= 0.9;
    }

    /** c_{t−1} of a unit (c_0 or 0 before the first step). */
    public double previous(int t, int u) {
        if (t > 0) {
            return getCell()[t - 1][u];
        }
        double[] c0 = getInitial();
        return c0 == null ? 0 : c0[u];
    }

    /** Whether step t carried unit u's content on essentially unchanged (f ≈ 1, little added). */
    public boolean carried(int t, int u) {
        double prev = previous(t, u);
        double add = getInput()[t][u] * getCandidate()[t][u];
        return getForget()[t][u] > 0.95 && Math.abs(add) < 0.05 + 0.05 * Math.abs(prev) && Math.abs(prev) > 0.05;
    }
}
