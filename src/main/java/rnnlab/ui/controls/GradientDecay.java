package rnnlab.ui.controls;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Skin;

/**
 * How big the gradient is at each time step, on a log scale: ‖δh_t‖ (and ‖δc_t‖ for the LSTM) filled
 * in from the last step back as BPTT proceeds, optionally the last step's loss alone ‖∂L_T/∂h_t‖ and
 * the Jacobian product norm ‖∏ ∂h_k/∂h_{k−1}‖. Arrays are indexed by t (0-based); NaN marks a step
 * with no value (not reached yet). A slider sets {@code recurrentScale}, the factor on W_hh, labelled
 * with the resulting spectral radius.
 */
public class GradientDecay extends LabCanvasControl {
    private final ObjectProperty<double[]> gradH = new SimpleObjectProperty<>(this, "gradH");
    private final ObjectProperty<double[]> gradC = new SimpleObjectProperty<>(this, "gradC");
    private final ObjectProperty<double[]> lastStep = new SimpleObjectProperty<>(this, "lastStep");
    private final ObjectProperty<double[]> product = new SimpleObjectProperty<>(this, "product");
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", 0);
    private final IntegerProperty currentStep = new SimpleIntegerProperty(this, "currentStep", -1);
    private final BooleanProperty backward = new SimpleBooleanProperty(this, "backward");
    private final BooleanProperty showLastStep = new SimpleBooleanProperty(this, "showLastStep");
    private final BooleanProperty showProduct = new SimpleBooleanProperty(this, "showProduct");
    private final DoubleProperty spectralRadius = new SimpleDoubleProperty(this, "spectralRadius", Double.NaN);
    private final DoubleProperty recurrentScale = new SimpleDoubleProperty(this, "recurrentScale", 1.0);
    private final ObjectProperty<java.util.List<Line>> banner = new SimpleObjectProperty<>(this, "banner", java.util.List.of());

    /**
     * One line of the banner above the plot (already in the app's language).
     *
     * @param tone −1 shrinking (drawn in blue), +1 growing (vermillion), 0 neutral
     */
    public record Line(String text, int tone) {
    }

    /** Slider range of the W_hh factor. */
    public static final double MIN_SCALE = 0.1;
    public static final double MAX_SCALE = 3.0;

    public GradientDecay() {
        super("gradient-decay");
        setId("view.decay");
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new GradientDecaySkin(this);
    }

    /** ‖δh_t‖ per step (NaN where BPTT has not been). */
    public ObjectProperty<double[]> gradHProperty() {
        return gradH;
    }

    /** ‖δc_t‖ per step (LSTM), or null. */
    public ObjectProperty<double[]> gradCProperty() {
        return gradC;
    }

    /** ‖∂L_T/∂h_t‖ per step, or null when the sequence has no loss. */
    public ObjectProperty<double[]> lastStepProperty() {
        return lastStep;
    }

    /** ‖∏ J_k‖ per step, or null when the state is too large to multiply out. */
    public ObjectProperty<double[]> productProperty() {
        return product;
    }

    public IntegerProperty stepsProperty() {
        return steps;
    }

    /** The step BPTT last reached (0-based; −1 none). */
    public IntegerProperty currentStepProperty() {
        return currentStep;
    }

    public BooleanProperty backwardProperty() {
        return backward;
    }

    public BooleanProperty showLastStepProperty() {
        return showLastStep;
    }

    public BooleanProperty showProductProperty() {
        return showProduct;
    }

    /** Largest |eigenvalue| of the recurrent weights (NaN: unknown). */
    public DoubleProperty spectralRadiusProperty() {
        return spectralRadius;
    }

    /** Factor on W_hh relative to the loaded weights (1 = as loaded). */
    public DoubleProperty recurrentScaleProperty() {
        return recurrentScale;
    }

    /** What the plot measures and what the weights say about it, line by line (never a rule of thumb alone). */
    public ObjectProperty<java.util.List<Line>> bannerProperty() {
        return banner;
    }

    public void setData(double[] h, double[] c, double[] last, double[] prod) {
        gradH.set(h);
        gradC.set(c);
        lastStep.set(last);
        product.set(prod);
    }
}
