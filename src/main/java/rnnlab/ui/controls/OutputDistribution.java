package rnnlab.ui.controls;

import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Skin;

/**
 * The output y_t of one step as a bar per symbol (softmax probabilities), the target's bar marked,
 * the most likely symbol labelled and the step's loss written out. With many symbols only the most
 * likely ones (and always the target) are drawn.
 */
public class OutputDistribution extends LabCanvasControl {
    private final ObjectProperty<double[]> probabilities = new SimpleObjectProperty<>(this, "probabilities");
    private final ObjectProperty<List<String>> labels = new SimpleObjectProperty<>(this, "labels");
    private final IntegerProperty target = new SimpleIntegerProperty(this, "target", -1);
    private final ObjectProperty<double[]> vectorTarget = new SimpleObjectProperty<>(this, "vectorTarget");
    private final IntegerProperty step = new SimpleIntegerProperty(this, "step", -1);
    private final DoubleProperty loss = new SimpleDoubleProperty(this, "loss", Double.NaN);
    private final IntegerProperty maxBars = new SimpleIntegerProperty(this, "maxBars", 28);

    public OutputDistribution() {
        super("output-distribution");
        setId("view.output");
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new OutputDistributionSkin(this);
    }

    /** p(symbol) for the shown step (null: nothing computed). */
    public ObjectProperty<double[]> probabilitiesProperty() {
        return probabilities;
    }

    public double[] getProbabilities() {
        return probabilities.get();
    }

    public void setProbabilities(double[] p) {
        probabilities.set(p);
    }

    public ObjectProperty<List<String>> labelsProperty() {
        return labels;
    }

    public List<String> getLabels() {
        return labels.get();
    }

    public void setLabels(List<String> l) {
        labels.set(l);
    }

    /** Index of the target symbol (−1: none at this step). */
    public IntegerProperty targetProperty() {
        return target;
    }

    public int getTarget() {
        return target.get();
    }

    public void setTarget(int t) {
        target.set(t);
    }

    /**
     * The target vector of the step (mse, bce: one number per output, drawn as a mark on each bar), or
     * null: a class target ({@link #targetProperty}) or none.
     */
    public ObjectProperty<double[]> vectorTargetProperty() {
        return vectorTarget;
    }

    public double[] getVectorTarget() {
        return vectorTarget.get();
    }

    public void setVectorTarget(double[] v) {
        vectorTarget.set(v);
    }

    /** The step shown, 0-based (drawn 1-based). */
    public IntegerProperty stepProperty() {
        return step;
    }

    public int getStep() {
        return step.get();
    }

    public void setStep(int t) {
        step.set(t);
    }

    /** This step's loss term (NaN: no target). */
    public DoubleProperty lossProperty() {
        return loss;
    }

    public double getLoss() {
        return loss.get();
    }

    public void setLoss(double v) {
        loss.set(v);
    }

    public IntegerProperty maxBarsProperty() {
        return maxBars;
    }

    public int getMaxBars() {
        return maxBars.get();
    }

    /** Lines of the label size a canvas needs for the bars to keep a plot of 2.5 lines: 1.8 above it, 2.8 below. */
    static final double SHORT_LINES = 7.1;

    /**
     * The size its labels are drawn at: a short canvas draws them smaller (not below {@link #MIN_FONT_SIZE}) so that
     * the bars keep a plot of 2.5 lines. Issue 12: in the views' tab above the training panel while training and
     * presenting at 1280x720 (the canvas about 105 px high) the labels at 24 px left the bars no plot at all, flat
     * lines under "most likely".
     */
    @Override
    public double getFontSize() {
        double fs = super.getFontSize();
        double h = getHeight();
        return h > 0 ? Math.max(Math.min(fs, MIN_FONT_SIZE), Math.min(fs, h / SHORT_LINES)) : fs;
    }
}
