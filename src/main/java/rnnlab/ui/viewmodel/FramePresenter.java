package rnnlab.ui.viewmodel;

import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.util.Duration;
import rnnlab.session.Frame;

/**
 * Shows frames on the FX thread: the current frame, the one before the last step, and the step's
 * animation clock (0 → 1 over the step's duration; 1 at once after a jump or scrub).
 */
final class FramePresenter {
    final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    final ReadOnlyObjectWrapper<Frame> previousFrame = new ReadOnlyObjectWrapper<>(this, "previousFrame");
    final DoubleProperty stepProgress = new SimpleDoubleProperty(this, "stepProgress", 1.0);
    private final Timeline animation = new Timeline();

    /** Shows {@code f}; animated from the frame shown now when it is a step of the same run. */
    void show(Frame f, boolean animate, double millis) {
        Frame old = frame.get();
        animation.stop();
        if (animate && old != null && old.length() == f.length() && millis > 0) {
            previousFrame.set(old);
            frame.set(f);
            stepProgress.set(0);
            animation.getKeyFrames().setAll(new KeyFrame(Duration.millis(millis), new KeyValue(stepProgress, 1.0)));
            animation.playFromStart();
        } else {
            previousFrame.set(f);
            frame.set(f);
            stepProgress.set(1.0);
        }
    }

    void stop() {
        animation.stop();
    }

    ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }
}
