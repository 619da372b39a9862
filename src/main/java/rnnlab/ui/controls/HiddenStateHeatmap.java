package rnnlab.ui.controls;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Skin;

/**
 * Units × time steps of one state vector (h or c), coloured on the diverging scale centred at 0.
 * Columns not computed yet are dimmed; the current step and the selected unit are outlined; while
 * training with dropout, the units its latest step dropped are crossed out.
 * Clicking a row selects that unit.
 */
public class HiddenStateHeatmap extends LabCanvasControl {
    private final ObjectProperty<double[][]> values = new SimpleObjectProperty<>(this, "values");
    private final IntegerProperty computedSteps = new SimpleIntegerProperty(this, "computedSteps");
    private final IntegerProperty currentStep = new SimpleIntegerProperty(this, "currentStep", -1);
    private final IntegerProperty selectedUnit = new SimpleIntegerProperty(this, "selectedUnit", 0);
    private final BooleanProperty symlog = new SimpleBooleanProperty(this, "symlog");
    private final BooleanProperty gradient = new SimpleBooleanProperty(this, "gradient");
    private final BooleanProperty showCellState = new SimpleBooleanProperty(this, "showCellState");
    private final BooleanProperty cellStateAvailable = new SimpleBooleanProperty(this, "cellStateAvailable");
    private final IntegerProperty firstComputed = new SimpleIntegerProperty(this, "firstComputed", 0);
    private final StringProperty quantity = new SimpleStringProperty(this, "quantity", "h");
    private final ObjectProperty<String[]> stepLabels = new SimpleObjectProperty<>(this, "stepLabels");
    private final ObjectProperty<Dropped> dropped = new SimpleObjectProperty<>(this, "dropped");

    /**
     * Units training's dropout zeroed in its latest step, to be crossed out: unit u at step t is dropped when
     * {@code mask[t * width + offset + u]} (t below {@code length}). Read as given, never copied or changed.
     *
     * @param caption the legend's text (e.g. which training step)
     */
    public record Dropped(boolean[] mask, int length, int width, int offset, String caption) {
        /** Whether unit u at step t is marked. */
        public boolean at(int t, int u) {
            int i = t * width + offset + u;
            return t >= 0 && t < length && u >= 0 && offset + u < width && mask[i];
        }
    }

    public HiddenStateHeatmap() {
        super("hidden-state-heatmap");
        setId("view.heatmap");
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new HiddenStateHeatmapSkin(this);
    }

    /** values[t][unit]. */
    public ObjectProperty<double[][]> valuesProperty() {
        return values;
    }

    public void setValues(double[][] v) {
        values.set(v);
    }

    public double[][] getValues() {
        return values.get();
    }

    /** Columns 0..computedSteps−1 hold values; later ones are drawn dimmed. */
    /** The values are gradients: coloured by magnitude in the gradient palette (log scale). */
    public BooleanProperty gradientProperty() {
        return gradient;
    }

    public boolean isGradient() {
        return gradient.get();
    }

    public void setGradient(boolean b) {
        gradient.set(b);
    }

    /** Steps before this one are not computed either (BPTT fills in from the end); default 0. */
    public IntegerProperty firstComputedProperty() {
        return firstComputed;
    }

    public int getFirstComputed() {
        return firstComputed.get();
    }

    public void setFirstComputed(int t) {
        firstComputed.set(t);
    }

    public IntegerProperty computedStepsProperty() {
        return computedSteps;
    }

    public void setComputedSteps(int n) {
        computedSteps.set(n);
    }

    public int getComputedSteps() {
        return computedSteps.get();
    }

    public IntegerProperty currentStepProperty() {
        return currentStep;
    }

    public void setCurrentStep(int t) {
        currentStep.set(t);
    }

    public int getCurrentStep() {
        return currentStep.get();
    }

    public IntegerProperty selectedUnitProperty() {
        return selectedUnit;
    }

    public void setSelectedUnit(int u) {
        selectedUnit.set(u);
    }

    public int getSelectedUnit() {
        return selectedUnit.get();
    }

    /** Colour on the symmetric log scale (for the unbounded cell state). */
    public BooleanProperty symlogProperty() {
        return symlog;
    }

    public void setSymlog(boolean b) {
        symlog.set(b);
    }

    public boolean isSymlog() {
        return symlog.get();
    }

    /** Name of the quantity shown ("h" or "c"), used in labels. */
    public StringProperty quantityProperty() {
        return quantity;
    }

    public void setQuantity(String q) {
        quantity.set(q);
    }

    public String getQuantity() {
        return quantity.get();
    }

    /** Optional input symbol per step, shown under the step numbers. */
    public ObjectProperty<String[]> stepLabelsProperty() {
        return stepLabels;
    }

    public void setStepLabels(String[] s) {
        stepLabels.set(s);
    }

    /** Units dropped by training's dropout in its latest step (null: none marked). */
    public ObjectProperty<Dropped> droppedProperty() {
        return dropped;
    }

    public void setDropped(Dropped d) {
        dropped.set(d);
    }

    public Dropped getDropped() {
        return dropped.get();
    }

    /** The user's choice: colour the cell state c (symlog) instead of h (the check box under the map). */
    public BooleanProperty showCellStateProperty() {
        return showCellState;
    }

    /** Whether the shown cell has a cell state (the check box appears only then). */
    public BooleanProperty cellStateAvailableProperty() {
        return cellStateAvailable;
    }
}
