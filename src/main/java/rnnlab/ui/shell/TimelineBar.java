package rnnlab.ui.shell;

import rnnlab.ui.common.Converters;
import rnnlab.ui.common.Icons;
import rnnlab.ui.common.Ids;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import rnnlab.session.Frame;
import rnnlab.i18n.Messages;
import rnnlab.ui.viewmodel.RunViewModel;

/** Playback: reset, step back (←), play/pause (Space), step forward (→), speed, and the scrubbing slider. */
final class TimelineBar extends HBox {
    static final Double[] SPEEDS = {0.25, 0.5, 1.0, 2.0, 4.0};
    private final Slider slider = new Slider(0, 1, 0);
    private boolean syncing;

    TimelineBar(RunViewModel vm) {
        super(8);
        getStyleClass().add("timeline-bar");
        setId(Ids.of("timeline"));
        setAlignment(Pos.CENTER_LEFT);
        Button reset = button("timeline.reset", Icons.reset(), vm::reset);
        Button back = button("timeline.stepBack", Icons.stepBack(), vm::stepBack);
        Button play = button("timeline.play", Icons.play(), vm::togglePlay);
        vm.playingProperty().addListener((o, a, p) -> {
            play.setGraphic(p ? Icons.pause() : Icons.play());
            play.getTooltip().setText(Messages.get(p ? "timeline.pause" : "timeline.play"));
        });
        Button fwd = button("timeline.stepForward", Icons.stepForward(), vm::stepForward);
        fwd.disableProperty().bind(vm.positionProperty().greaterThanOrEqualTo(vm.timelineLengthProperty()));
        back.disableProperty().bind(vm.positionProperty().isEqualTo(0));

        ComboBox<Double> speed = new ComboBox<>();
        speed.getItems().setAll(SPEEDS);
        speed.setId(Ids.of("timeline.speed"));
        speed.setConverter(Converters.of(s -> Messages.format("timeline.speedValue", s)));
        speed.setValue(vm.speedProperty().get());
        speed.valueProperty().addListener((o, a, s) -> {
            if (s != null) {
                vm.speedProperty().set(s);
            }
        });
        vm.speedProperty().addListener((o, a, s) -> speed.setValue(s.doubleValue()));
        speed.setTooltip(new Tooltip(Messages.get("timeline.speed")));
        speed.setFocusTraversable(true);

        slider.setId(Ids.of("timeline.slider"));
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setFocusTraversable(true);
        // a shorter timeline clamps the slider's value: that is not the user scrubbing (it used to seek
        // the new run to its end)
        vm.timelineLengthProperty().addListener((o, a, n) -> {
            syncing = true;
            slider.setMax(n.intValue());
            syncing = false;
        });
        slider.setMax(vm.timelineLengthProperty().get());
        vm.positionProperty().addListener((o, a, p) -> {
            if (!slider.isValueChanging()) {
                syncing = true;
                slider.setValue(p.intValue());
                syncing = false;
            }
        });
        slider.valueProperty().addListener((o, a, v) -> {
            int p = (int) Math.round(v.doubleValue());
            if (!syncing && p != vm.positionProperty().get()) {
                vm.playingProperty().set(false);
                vm.seek(p);
            }
        });
        // under the slider: which part of the timeline is the forward pass and which is BPTT
        Label fwdPart = new Label(Messages.get("timeline.part.forward"));
        Label bwdPart = new Label(Messages.get("timeline.part.backward"));
        fwdPart.getStyleClass().addAll("timeline-part", "forward");
        bwdPart.getStyleClass().addAll("timeline-part", "backward");
        fwdPart.setMaxWidth(Double.MAX_VALUE);
        bwdPart.setMaxWidth(Double.MAX_VALUE);
        fwdPart.setMinWidth(0);
        fwdPart.setPrefWidth(0);
        bwdPart.setPrefWidth(0);
        bwdPart.setMinWidth(0);
        HBox.setHgrow(fwdPart, Priority.ALWAYS);
        HBox.setHgrow(bwdPart, Priority.ALWAYS);
        HBox parts = new HBox(0, fwdPart, bwdPart);
        parts.setId(Ids.of("timeline.parts"));
        vm.frameProperty().addListener((o, a, f) -> {
            // forward and BPTT have the same number of steps; without a loss there is no BPTT part
            boolean bptt = f != null && anyTarget(f);
            bwdPart.setVisible(bptt);
            bwdPart.setManaged(bptt);
        });
        javafx.scene.layout.VBox track = new javafx.scene.layout.VBox(2, slider, parts);
        track.setAlignment(Pos.CENTER);
        HBox.setHgrow(track, Priority.ALWAYS);

        Label where = new Label();
        where.setId(Ids.of("timeline.position"));
        where.getStyleClass().add("position-label");
        where.textProperty().bind(Bindings.createStringBinding(() -> describe(vm.frameProperty().get()),
                vm.frameProperty()));
        where.setMinWidth(USE_PREF_SIZE);
        getChildren().addAll(reset, back, play, fwd, speed, track, where);
    }

    /** "Forward · t = 3 of 10" style description of where the cursor is. */
    static String describe(Frame f) {
        if (f == null) {
            return "";
        }
        if (f.position() == 0) {
            return Messages.format("timeline.start", f.length());
        }
        if (f.phase() == Frame.Phase.BACKWARD) {
            return Messages.format("timeline.backward", f.time() + 1, f.length(), f.position(), f.timelineLength());
        }
        return Messages.format("timeline.forward", f.time() + 1, f.length(), f.position(), f.timelineLength());
    }

    private static boolean anyTarget(Frame f) {
        for (boolean b : f.hasTarget()) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    private static Button button(String key, javafx.scene.Node icon, Runnable action) {
        Button b = new Button();
        b.setGraphic(icon);
        b.setId(Ids.of(key));
        b.getStyleClass().add("transport");
        b.setTooltip(new Tooltip(Messages.get(key)));
        b.setAccessibleText(Messages.get(key));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(true);
        return b;
    }
}
