package rnnlab.ui.views;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import rnnlab.session.Frame;

/**
 * What every view shares, set by the main window / view model on the FX thread:
 * <ul>
 * <li>{@code frame}: the run's state at the cursor; {@code previousFrame}: the state before the last
 * step (for interpolation; equal to {@code frame} after a jump or scrub);</li>
 * <li>{@code stepProgress}: 0 → 1 while a step animates (computation order: inputs, gates, cell
 * state, hidden, output — reversed for BPTT); 1 when idle or scrubbing;</li>
 * <li>the selected layer, direction, unit and gate (clicking a unit follows it in every view);</li>
 * <li>{@code highlight}: the stable id a lesson spotlights (null = none); views dim everything else.</li>
 * <li>{@code projectorTheme}: presentation mode's high-contrast palette (wins over the dark theme).</li>
 * <li>{@code recurrentScale}: a factor on every W_hh relative to the loaded weights (1 = as loaded); a
 * view may offer a slider bound to it, the view model rescales the weights and republishes.</li>
 * <li>{@code mask}: what a lesson hides until its checkpoint is answered; the window binds {@code frame}
 * to the run's frame with it applied ({@link rnnlab.session.FrameMask#apply}), so every view, table and
 * tooltip reads "?" for the masked numbers.</li>
 * <li>{@code trainingDropout}: the dropout masks of training's latest step while the training panel trains
 * with dropout (null otherwise); the heatmap crosses out the dropped units.</li>
 * <li>{@code trainingNorms}: ‖W‖_F of every weight matrix over the training panel's current or last run
 * (null: none); the weights view draws it when it belongs to the model shown.</li>
 * </ul>
 */
public final class ViewContext {
    private final ObjectProperty<Frame> frame = new SimpleObjectProperty<>(this, "frame");
    private final ObjectProperty<Frame> previousFrame = new SimpleObjectProperty<>(this, "previousFrame");
    private final DoubleProperty stepProgress = new SimpleDoubleProperty(this, "stepProgress", 1.0);
    private final IntegerProperty selectedLayer = new SimpleIntegerProperty(this, "selectedLayer", 0);
    private final IntegerProperty selectedDirection = new SimpleIntegerProperty(this, "selectedDirection", 0);
    private final IntegerProperty selectedUnit = new SimpleIntegerProperty(this, "selectedUnit", 0);
    private final StringProperty selectedGate = new SimpleStringProperty(this, "selectedGate", "f");
    private final StringProperty highlight = new SimpleStringProperty(this, "highlight");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme", false);
    private final BooleanProperty projectorTheme = new SimpleBooleanProperty(this, "projectorTheme", false);
    private final DoubleProperty recurrentScale = new SimpleDoubleProperty(this, "recurrentScale", 1.0);
    private final ObjectProperty<rnnlab.session.FrameMask> mask = new SimpleObjectProperty<>(this, "mask",
            rnnlab.session.FrameMask.NONE);

    public ObjectProperty<Frame> frameProperty() {
        return frame;
    }

    public Frame getFrame() {
        return frame.get();
    }

    public ObjectProperty<Frame> previousFrameProperty() {
        return previousFrame;
    }

    public DoubleProperty stepProgressProperty() {
        return stepProgress;
    }

    public IntegerProperty selectedLayerProperty() {
        return selectedLayer;
    }

    public IntegerProperty selectedDirectionProperty() {
        return selectedDirection;
    }

    public IntegerProperty selectedUnitProperty() {
        return selectedUnit;
    }

    public StringProperty selectedGateProperty() {
        return selectedGate;
    }

    public StringProperty highlightProperty() {
        return highlight;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public BooleanProperty projectorThemeProperty() {
        return projectorTheme;
    }

    public DoubleProperty recurrentScaleProperty() {
        return recurrentScale;
    }

    private final ObjectProperty<rnnlab.training.DropoutMask> trainingDropout =
            new SimpleObjectProperty<>(this, "trainingDropout");

    public ObjectProperty<rnnlab.training.DropoutMask> trainingDropoutProperty() {
        return trainingDropout;
    }

    private final ObjectProperty<rnnlab.training.NormHistory> trainingNorms =
            new SimpleObjectProperty<>(this, "trainingNorms");

    public ObjectProperty<rnnlab.training.NormHistory> trainingNormsProperty() {
        return trainingNorms;
    }

    public ObjectProperty<rnnlab.session.FrameMask> maskProperty() {
        return mask;
    }

    /** Binds {@code frame} and {@code previousFrame} to these sources with {@link #maskProperty()} applied. */
    public void bindMasked(javafx.beans.value.ObservableValue<Frame> source,
                           javafx.beans.value.ObservableValue<Frame> previous) {
        frame.bind(javafx.beans.binding.Bindings.createObjectBinding(() -> masked(source.getValue()), source, mask));
        previousFrame.bind(javafx.beans.binding.Bindings.createObjectBinding(() -> masked(previous.getValue()), previous, mask));
    }

    private Frame masked(Frame f) {
        rnnlab.session.FrameMask m = mask.get();
        return m == null ? f : m.apply(f);
    }
}
